"""The SQL that turns an export's rows into crime records: values derived once per row
(dates, offence, area, outcome, flags), the row checks, and the projection onto the
`crime_records` table. Every check is an SQL condition with the field it blames and a
reason, so a million-row export is checked inside DuckDB without a Python loop.

Rows come from `pp_cr_source` (columns `line` and `c<i>` for header column i); lookups
from the temporary tables `lookups.create_lookups` makes.
"""

from __future__ import annotations

from dataclasses import dataclass

from policeplan.ingest.crime_records.mapping import CrimeRecordsMapping, FlagRule

# Generous boxes: catch swapped, zeroed or garbled coordinates, not records outside the
# force area. Latitude/longitude as the police.uk import; easting/northing: Great Britain.
RANGES = {
    "latitude": (49.0, 61.5),
    "longitude": (-11.0, 2.5),
    "easting": (0.0, 700000.0),
    "northing": (0.0, 1300000.0),
}
TIME_FORMATS = ("%H:%M:%S", "%H:%M", "%H%M")
_NOT_STORED = ("victim_key", "location_key")  # stored only as a keyed hash

# The columns of the `crime_records` table (store/schema.py), in order.
COLUMNS = (
    "force", "month", "reference", "recorded_date", "recorded_time", "committed_date",
    "committed_time", "offence_code", "offence_group", "crime_type", "district", "lpa",
    "beat", "easting", "northing", "latitude", "longitude", "outcome", "outcome_group",
    "solved", "outcome_date", "victim_key", "location_key", "flags", "source_line",
)  # fmt: skip


def sql_text(value: str) -> str:
    """An SQL string literal.

    >>> sql_text("Southend's")
    "'Southend''s'"
    """
    return "'" + value.replace("'", "''") + "'"


def _trimmed(column: str) -> str:
    """A column's text without surrounding spaces, NULL as ''. Trimming only the values
    that need it costs half as much as trimming every value.

    >>> _trimmed("c1")
    "coalesce(CASE WHEN starts_with(c1, ' ') OR ends_with(c1, ' ') THEN trim(c1) ELSE c1 END, '')"
    """
    return (
        f"coalesce(CASE WHEN starts_with({column}, ' ') OR ends_with({column}, ' ') "
        f"THEN trim({column}) ELSE {column} END, '')"
    )


def _quoted(expr: str) -> str:
    return f"'''' || {expr} || ''''"


def _formats(formats: tuple[str, ...]) -> str:
    """One format as a string (cheaper for DuckDB to apply), several as a list."""
    if len(formats) == 1:
        return sql_text(formats[0])
    return "[" + ", ".join(sql_text(f) for f in formats) + "]"


@dataclass(frozen=True)
class Check:
    field: str  # the export's column blamed
    condition: str  # true when the row is bad
    reason: str  # SQL expression giving the message


class RecordSql:
    """The SQL for one export, given each read column's header position and the date
    formats (declared or detected) of each date key."""

    def __init__(
        self,
        mapping: CrimeRecordsMapping,
        positions: dict[str, int],
        date_formats: dict[str, tuple[str, ...]],
    ) -> None:
        self.mapping = mapping
        self.positions = positions
        self.date_formats = date_formats

    def value(self, column: str) -> str:
        """The trimmed text of an export column in the derived rows."""
        return f"v{self.positions[column]}"

    def key(self, key: str) -> str | None:
        """The trimmed text of the column a mapping key names, or None when not mapped."""
        column = self.mapping.column(key)
        return None if column is None else self.value(column)

    def stored_positions(self) -> set[int]:
        """Header positions whose text may appear in a reject's raw line: the mapped
        columns and flag value columns; never keyword (free-text) columns or the victim
        and location keys."""
        keep = {self.positions[c] for k, c in self.mapping.columns.items() if k not in _NOT_STORED}
        keep |= {
            self.positions[d.time_column] for d in self.mapping.dates.values() if d.time_column
        }
        keep |= {self.positions[f.column] for f in self.mapping.flags if f.column}
        return keep

    # -- derived values ------------------------------------------------------------------

    def trimmed(self, source: str) -> str:
        """`source`'s rows with the text of every read column trimmed, NULL as '' (free
        text read only for keywords is left untrimmed: a regular expression does not mind,
        and it is the longest text of a row)."""
        keep = self.stored_positions() | self._key_positions()
        texts = []
        for i in sorted(set(self.positions.values())):
            text = _trimmed(f"c{i}") if i in keep else f"coalesce(c{i}, '')"
            texts.append(f"{text} AS v{i}")
        return f"SELECT line, {', '.join(texts)} FROM ({source})"

    def _key_positions(self) -> set[int]:
        return {self.positions[c] for k, c in self.mapping.columns.items() if k in _NOT_STORED}

    def months(self, source: str) -> str:
        """The distinct recorded months of `source`'s rows (a quick first pass)."""
        date_column = self.mapping.dates["recorded"]
        text = f"trim(c{self.positions[date_column.column]})"
        stamp = f"try_strptime({text}, {_formats(self.date_formats['recorded'])})"
        return (
            f"SELECT DISTINCT CAST(date_trunc('month', {stamp}) AS DATE) AS month "
            f"FROM ({source}) WHERE month IS NOT NULL"
        )

    def _date(self, key: str) -> tuple[str, str]:
        """(timestamp, time of day) expressions of a date key."""
        date_column = self.mapping.dates[key]
        text = self.value(date_column.column)
        stamp = f"try_strptime({text}, {_formats(self.date_formats[key])})"
        if date_column.time_column:
            time_text = self.value(date_column.time_column)
            time = f"CAST(try_strptime({time_text}, {_formats(TIME_FORMATS)}) AS TIME)"
        else:
            time = f"CASE WHEN contains({text}, ':') THEN CAST({stamp} AS TIME) END"
        return stamp, time

    def derived(self, source: str) -> str:
        """The rows of `source` with every value the checks and the projection need."""
        select = ["r.*"]
        joins = []
        for key, name in (("recorded", "rec"), ("committed", "com"), ("outcome_date", "out")):
            if key in self.mapping.dates:
                stamp, time = self._date(key)
                select += [f"{stamp} AS {name}_ts", f"{time} AS {name}_time"]
            else:
                select += [f"NULL::TIMESTAMP AS {name}_ts", f"NULL::TIME AS {name}_time"]
        code, description, category = (
            self.key("offence_code"), self.key("offence_description"), self.key("crime_type"),
        )  # fmt: skip
        found = []  # lookups joined, in order of precedence: code, description, category
        for alias, text, table in (
            ("oc", code, "pp_cr_codes"),
            ("od", description, "pp_cr_descriptions"),
            ("ct", category, "pp_cr_categories"),
        ):
            if text is not None:  # joined on the exact text: the table holds its spellings
                joins.append(f"LEFT JOIN {table} {alias} ON {alias}.key = {text}")
                found.append(alias)
        for name in ("code", "offence_group", "crime_type"):
            select.append(f"coalesce({', '.join(f'{a}.{name}' for a in found)}, NULL) AS "
                          f"{'offence_code' if name == 'code' else name}")  # fmt: skip
        select.append(f"{'oc.code IS NOT NULL' if code else 'true'} AS code_known")
        district, beat = self.key("district"), self.key("beat")
        if district or beat:
            joins.append(f"LEFT JOIN pp_cr_areas area ON area.key = {beat or district}")
            select += ["area.district AS district", "area.lpa AS lpa"]
        else:
            select += ["NULL::VARCHAR AS district", "NULL::VARCHAR AS lpa"]
        for key in RANGES:
            text = self.key(key)
            number = "NULL" if text is None else f"try_cast(nullif({text}, '') AS DOUBLE)"
            select.append(f"{number} AS n_{key}")
        outcome = self.key("outcome")
        if outcome:
            joins.append(f"LEFT JOIN pp_cr_outcomes outc ON outc.key = {outcome}")
            select += [
                f"CASE WHEN {outcome} <> '' THEN coalesce(outc.outcome_group, 'unmapped') END "
                "AS outcome_group",
                f"CASE WHEN {outcome} <> '' THEN coalesce(outc.solved, false) END AS solved",
            ]
        else:
            select += ["NULL::VARCHAR AS outcome_group", "NULL::BOOLEAN AS solved"]
        select.append(f"{self._flags()} AS flags")
        return f"SELECT {', '.join(select)} FROM ({source}) r {' '.join(joins)}"

    def _flags(self) -> str:
        if not self.mapping.flags:
            return "[]::VARCHAR[]"
        items = ", ".join(
            f"CASE WHEN {self._flag_condition(f)} THEN {sql_text(f.name)} END"
            for f in self.mapping.flags
        )
        return f"list_filter([{items}], lambda x: x IS NOT NULL)"

    def _flag_condition(self, flag: FlagRule) -> str:
        parts = []
        if flag.column:
            values = ", ".join(sql_text(v.lower()) for v in flag.values)
            parts.append(f"lower({self.value(flag.column)}) IN ({values})")
        if flag.keyword_column and flag.pattern:
            parts.append(
                f"regexp_matches({self.value(flag.keyword_column)}, {sql_text(flag.pattern)}, 'i')"
            )
        if flag.time_between:
            start, end = (f"TIME '{t}:00'" for t in flag.time_between)
            time = "coalesce(com_time, rec_time)" if flag.time_of == "committed" else "rec_time"
            joined = "OR" if flag.time_between[1] < flag.time_between[0] else "AND"
            parts.append(f"coalesce(({time} >= {start} {joined} {time} < {end}), false)")
        return " AND ".join(f"({p})" for p in parts)

    # -- checks --------------------------------------------------------------------------

    def checks(self) -> list[Check]:
        """The row checks in the order applied (a row is blamed on the first it fails)."""
        mapping, checks = self.mapping, []
        reference = mapping.columns["reference"]
        if "reference" not in mapping.blank_allowed:
            checks.append(Check(reference, f"{self.value(reference)} = ''", "'blank reference'"))
        for key, name in (("recorded", "rec"), ("committed", "com"), ("outcome_date", "out")):
            if key not in mapping.dates:
                continue
            date_column = mapping.dates[key]
            text = self.value(date_column.column)
            expected = " or ".join(self.date_formats[key])
            blank = "true" if key == "recorded" else f"{text} <> ''"
            checks.append(
                Check(
                    date_column.column,
                    f"{name}_ts IS NULL AND {blank}",
                    f"CASE WHEN {text} = '' THEN 'blank date' ELSE 'unparsable date ' || "
                    f"{_quoted(text)} || {sql_text(f' (expected {expected})')} END",
                )
            )
            if date_column.time_column:
                time_text = self.value(date_column.time_column)
                checks.append(
                    Check(
                        date_column.time_column,
                        f"{name}_time IS NULL AND {time_text} <> ''",
                        f"'unparsable time ' || {_quoted(time_text)} || ' (expected HH:MM)'",
                    )
                )
        checks.append(self._offence_check())
        checks += self._area_checks()
        checks += self._coordinate_checks()
        return checks

    def _offence_check(self) -> Check:
        reasons = []
        for key, what in (
            ("offence_code", "unknown Home Office offence code "),
            ("offence_description", "unknown offence description "),
            ("crime_type", "unknown police.uk crime type "),
        ):
            text = self.key(key)
            if text is not None:
                known = "NOT code_known" if key == "offence_code" else "crime_type IS NULL"
                reasons.append(f"WHEN {text} <> '' AND {known} THEN '{what}' || {_quoted(text)}")
        field = next(
            self.mapping.columns[k]
            for k in ("offence_code", "offence_description", "crime_type")
            if k in self.mapping.columns
        )
        return Check(
            field,
            "crime_type IS NULL OR NOT code_known",
            f"CASE {' '.join(reasons)} ELSE 'blank offence' END",
        )

    def _area_checks(self) -> list[Check]:
        for key, what in (("district", "district"), ("beat", "beat")):
            text = self.key(key)
            if text is None:
                continue
            column = self.mapping.columns[key]
            where = (
                f"not a district of {self.mapping.force}"
                if key == "district"
                else ("not in the beats table of the mapping")
            )
            blank = "false" if key in self.mapping.blank_allowed else "true"
            return [
                Check(
                    column,
                    f"district IS NULL AND ({text} <> '' OR {blank})",
                    f"CASE WHEN {text} = '' THEN 'blank {what}' "
                    f"ELSE 'unknown {what} ' || {_quoted(text)} || {sql_text(f' ({where})')} END",
                )
            ]
        return []

    def _coordinate_checks(self) -> list[Check]:
        checks = []
        for one, other in (("easting", "northing"), ("latitude", "longitude")):
            first, second = self.key(one), self.key(other)
            if first is None or second is None:
                continue
            checks.append(
                Check(
                    self.mapping.columns[one],
                    f"({first} = '') <> ({second} = '')",
                    f"'only one of {one} and {other} is given'",
                )
            )
            for key, text in ((one, first), (other, second)):
                low, high = RANGES[key]
                checks.append(
                    Check(
                        self.mapping.columns[key],
                        f"(n_{key} IS NULL AND {text} <> '') "
                        f"OR n_{key} NOT BETWEEN {low} AND {high}",
                        f"CASE WHEN n_{key} IS NULL THEN 'not a number: ' || {_quoted(text)} "
                        f"ELSE '{key} ' || {text} || ' is outside {low:g} to {high:g}' END",
                    )
                )
        return checks

    # -- projection ----------------------------------------------------------------------

    def projection(self) -> str:
        """SELECT list of a row onto `crime_records`' columns, in order and named."""
        force = sql_text(self.mapping.force)

        def text(key: str) -> str:
            found = self.key(key)
            return "NULL::VARCHAR" if found is None else f"nullif({found}, '')"

        def hashed(key: str) -> str:
            found = self.key(key)
            if found is None:
                return "NULL::VARCHAR"
            return f"CASE WHEN {found} <> '' THEN substr(md5({force} || '|' || {found}), 1, 16) END"

        values = (
            force, "month", text("reference"),
            "CAST(rec_ts AS DATE)", "rec_time", "CAST(com_ts AS DATE)", "com_time",
            "offence_code", "offence_group", "crime_type", "district", "lpa", text("beat"),
            "n_easting", "n_northing", "n_latitude", "n_longitude",
            text("outcome"), "outcome_group", "solved", "CAST(out_ts AS DATE)",
            hashed("victim_key"), hashed("location_key"), "flags", "line",
        )  # fmt: skip
        return ", ".join(f"{value} AS {name}" for value, name in zip(values, COLUMNS, strict=True))

    def raw_line(self, delimiter: str, width: int) -> str:
        """SQL rebuilding a row's line from the columns that may be kept (others empty)."""
        keep = self.stored_positions()
        parts = []
        for i in range(width):
            if i not in keep:
                parts.append("''")
                continue
            v = f"v{i}"
            parts.append(
                f"CASE WHEN contains({v}, {sql_text(delimiter)}) OR contains({v}, '\"') "
                f"THEN '\"' || replace({v}, '\"', '\"\"') || '\"' ELSE {v} END"
            )
        return f"concat_ws({sql_text(delimiter)}, {', '.join(parts)})"
