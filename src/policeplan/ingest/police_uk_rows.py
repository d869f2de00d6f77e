"""Row-level SQL for police.uk files: read rows with their line numbers, check each row, and
project the good rows onto the workspace tables.

Rows come from one of two sources that give the same columns (`line`, `c_<column>`…):

- **parsed**: DuckDB's CSV reader, fast. Used when it reads the file without complaint and
  finds one row per physical line, so that row k is line k + 1.
- **split**: every physical line read raw and split into fields in SQL (quoted fields
  handled). Slower, but it keeps going where a parser stops: short or long lines, stray
  quotes, blank lines. Used whenever the parsed source cannot be trusted.

Every check is an SQL condition with the field it blames and a reason. One CASE gives each
row the number of the first check it fails (`reject_code`); messages are built only for the
rows that fail. The checks run inside DuckDB, so a file of a million rows is checked
without a Python loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from policeplan.ingest.csv_rows import WHOLE_ROW
from policeplan.ingest.police_uk_formats import (
    OUTCOMES,
    STOP_AND_SEARCH,
    STREET,
    PoliceUkFormat,
)

# Generous box around the UK and Ireland: catches swapped, zeroed or garbled coordinates,
# not records that merely fall outside their force area (those are real and kept).
LATITUDE_RANGE = (49.0, 61.5)
LONGITUDE_RANGE = (-11.0, 2.5)

# One CSV field: a quoted field ("" escapes a quote) or a run of anything but quote/comma.
_FIELD_PATTERN = r'("(?:[^"]|"")*"|[^",]*),'

SPLIT_FIELDS = f"""
CASE
  WHEN NOT contains(raw, '"') THEN string_split(raw, ',')
  WHEN array_to_string(regexp_extract_all(raw || ',', '{_FIELD_PATTERN}', 1), ',') = raw
    THEN list_transform(
      regexp_extract_all(raw || ',', '{_FIELD_PATTERN}', 1),
      lambda x: CASE WHEN starts_with(x, '"')
                THEN replace(substr(x, 2, length(x) - 2), '""', '"') ELSE x END)
  ELSE NULL
END"""

_STOP_AND_SEARCH_FLAGS = {
    "part_of_a_policing_operation": "Part of a policing operation",
    "outcome_linked_to_object_of_search": "Outcome linked to object of search",
    "removal_of_more_than_just_outer_clothing": "Removal of more than just outer clothing",
}
_STOP_AND_SEARCH_TEXTS = (
    "gender", "age_range", "self_defined_ethnicity", "officer_defined_ethnicity",
    "legislation", "object_of_search", "outcome",
)  # fmt: skip


def sql_text(value: str) -> str:
    """An SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def quoted(expr: str) -> str:
    """SQL for the value of `expr` shown in single quotes inside a message."""
    return f"'''' || {expr} || ''''"


def read_lines(path: str) -> str:
    """Every physical line of a file with its number (line 1 is the header); a blank line
    is a NULL `raw`, so numbering never skips."""
    return (
        "SELECT row_number() OVER () AS line, line AS raw FROM read_csv("
        f"{sql_text(path)}, columns = {{'line': 'VARCHAR'}}, header = false, "
        "delim = '\x1f', quote = '', escape = '', auto_detect = false, "
        "strict_mode = false, max_line_size = 10000000)"
    )


@dataclass(frozen=True)
class Check:
    field: str
    condition: str  # true when the row is bad
    reason: str  # SQL expression giving the message


class RowSql:
    """The SQL for one file, given where each column sits in its header."""

    def __init__(self, fmt: PoliceUkFormat, header: list[str], positions: dict[str, int]):
        self.fmt = fmt
        self.header = header
        self.positions = positions

    def col(self, name: str) -> str:
        """A column's text ('' when empty or when the header lacks it)."""
        return f"c_{name}" if name in self.positions else "''"

    def _column_names(self) -> list[str]:
        """Names for every header column: c_<name> for known ones, x_<i> for the rest."""
        known = {position: name for name, position in self.positions.items()}
        return [f"c_{known[i]}" if i in known else f"x_{i}" for i in range(len(self.header))]

    def parsed_source(self, path: str) -> str:
        """Rows from DuckDB's CSV reader, numbered by line (valid only when every physical
        line after the header is one row: the caller checks the counts)."""
        names = self._column_names()
        columns = ", ".join(f"'{n}': 'VARCHAR'" for n in names)
        texts = ", ".join(f"coalesce({n}, '') AS {n}" for n in names if n.startswith("c_"))
        return (
            "SELECT row_number() OVER () + 1 AS line, true AS well_formed, "
            f"NULL::VARCHAR[] AS fields, {texts} "
            f"FROM read_csv({sql_text(path)}, header = true, columns = {{{columns}}}, "
            "delim = ',', quote = '\"', escape = '\"', auto_detect = false, strict_mode = true)"
        )

    def split_source(self) -> str:
        """Rows from the raw lines of `pp_lines`, split into fields in SQL."""
        texts = ", ".join(
            f"coalesce(fields[{position + 1}], '') AS c_{name}"
            for name, position in self.positions.items()
        )
        return (
            f"SELECT line, fields IS NOT NULL AND len(fields) = {len(self.header)} "
            f"AS well_formed, fields, {texts} "
            f"FROM (SELECT line, {SPLIT_FIELDS} AS fields FROM pp_lines "
            "WHERE line > 1 AND raw IS NOT NULL)"
        )

    def derived(self, source: str) -> str:
        """The rows of `source` with the values every check and projection needs: month,
        force slugs, canonical crime type, outcome group, numeric coordinates."""
        col = self.col
        month = f"substr({col('date')}, 1, 7)" if self.fmt is STOP_AND_SEARCH else col("month")
        select = [
            "r.*",
            f"{month} AS month_text",
            f"try_cast(nullif({col('longitude')}, '') AS DOUBLE) AS lon",
            f"try_cast(nullif({col('latitude')}, '') AS DOUBLE) AS lat",
        ]
        joins = []
        if self.fmt is not STOP_AND_SEARCH:
            select += ["reported.slug AS reported_slug", "falls.slug AS falls_slug"]
            joins += [
                f"LEFT JOIN pp_force_names reported ON reported.name_key = {col('reported_by')}",
                f"LEFT JOIN pp_force_names falls ON falls.name_key = {col('falls_within')}",
            ]
        else:
            select.append("NULL AS reported_slug")
        if self.fmt is STREET:
            select.append("crime.label AS crime_type_label")
            joins.append(f"LEFT JOIN pp_crime_types crime ON crime.key = {col('crime_type')}")
        label = self.outcome_label()
        if label is not None:
            select += [
                f"CASE WHEN {label} = '' THEN NULL "
                "ELSE coalesce(outcome.outcome_group, 'unmapped') END AS outcome_group",
                f"CASE WHEN {label} = '' THEN NULL ELSE coalesce(outcome.solved, false) END "
                "AS solved",
            ]
            joins.append(f"LEFT JOIN pp_outcomes outcome ON outcome.label_key = {label}")
        return f"SELECT {', '.join(select)} FROM ({source}) r {' '.join(joins)}"

    def outcome_label(self) -> str | None:
        if self.fmt is STREET:
            return self.col("last_outcome_category")
        if self.fmt is OUTCOMES:
            return self.col("outcome_type")
        return None

    def checks(self, file_month: str, file_force: str) -> list[Check]:
        """The row checks, in the order they are applied (a row is blamed on the first)."""
        col = self.col
        width = len(self.header)
        checks = [
            Check(
                WHOLE_ROW,
                "NOT well_formed",
                "CASE WHEN fields IS NULL THEN 'malformed quoting: a quote is not closed or "
                f"stray' ELSE 'expected {width} fields, found ' || len(fields) END",
            )
        ]
        if self.fmt is STOP_AND_SEARCH:
            checks.append(
                Check(
                    "Date",
                    f"NOT regexp_full_match({col('date')}, "
                    r"'\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}.*') "
                    f"OR try_cast({col('date')} AS TIMESTAMPTZ) IS NULL "
                    f"OR month_text <> {sql_text(file_month)}",
                    f"CASE WHEN month_text = {sql_text(file_month)} "
                    f"THEN 'unparsable date ' || {quoted(col('date'))} "
                    f"ELSE 'month ' || month_text || ' differs from the file''s month "
                    f"{file_month}' END",
                )
            )
        else:
            # Equal to the file's month means valid, so the pattern is only tried on the
            # rows that differ.
            checks.append(
                Check(
                    "Month",
                    f"month_text <> {sql_text(file_month)}",
                    r"CASE WHEN regexp_full_match(month_text, '\d{4}-(0[1-9]|1[0-2])') "
                    f"THEN 'month ' || month_text || ' differs from the file''s month "
                    f"{file_month}' ELSE 'unparsable month ' || {quoted('month_text')} END",
                )
            )
            checks += [
                Check(
                    "Reported by",
                    f"reported_slug IS DISTINCT FROM {sql_text(file_force)}",
                    f"CASE WHEN reported_slug IS NULL "
                    f"THEN 'unknown force ' || {quoted(col('reported_by'))} "
                    f"ELSE 'force ' || reported_slug || ' differs from the file''s force "
                    f"{file_force}' END",
                ),
                Check(
                    "Falls within",
                    "falls_slug IS NULL",
                    f"'unknown force ' || {quoted(col('falls_within'))}",
                ),
            ]
        if self.fmt is STREET:
            checks.append(
                Check(
                    "Crime type",
                    "crime_type_label IS NULL",
                    f"'unknown crime type ' || {quoted(col('crime_type'))}",
                )
            )
        if self.fmt is OUTCOMES:
            checks.append(Check("Crime ID", f"{col('crime_id')} = ''", "'blank Crime ID'"))
        checks += self._coordinate_checks()
        if self.fmt is STOP_AND_SEARCH:
            for name, label in _STOP_AND_SEARCH_FLAGS.items():
                checks.append(
                    Check(
                        label,
                        f"lower({col(name)}) NOT IN ('', 'true', 'false')",
                        f"'expected True or False, found ' || {quoted(col(name))}",
                    )
                )
        return checks

    def _coordinate_checks(self) -> list[Check]:
        lon_text, lat_text = self.col("longitude"), self.col("latitude")
        checks = [
            Check(
                "Latitude" if self.fmt is STOP_AND_SEARCH else "Longitude",
                f"({lon_text} = '') <> ({lat_text} = '')",
                "'only one of Longitude and Latitude is given'",
            )
        ]
        for name, text, value, (low, high) in (
            ("Longitude", lon_text, "lon", LONGITUDE_RANGE),
            ("Latitude", lat_text, "lat", LATITUDE_RANGE),
        ):
            checks.append(
                Check(
                    name,
                    f"({value} IS NULL AND {text} <> '') OR {value} NOT BETWEEN {low} AND {high}",
                    f"CASE WHEN {value} IS NULL THEN 'not a number: ' || {quoted(text)} "
                    f"ELSE '{name.lower()} ' || {text} || ' is outside the UK ({low} to {high})' "
                    "END",
                )
            )
        return checks

    def projection(self) -> str:
        """SELECT list mapping a checked row onto the dataset's table columns, in order."""
        col = self.col
        month = "CAST(month_text || '-01' AS DATE)"
        if self.fmt is STOP_AND_SEARCH:

            def flag(name: str) -> str:
                return f"CAST(nullif(lower({col(name)}), '') AS BOOLEAN)"

            texts = ", ".join(f"nullif({col(n)}, '')" for n in _STOP_AND_SEARCH_TEXTS)
            return (
                f"$force, {month}, nullif({col('type')}, ''), {col('date')}, "
                f"{flag('part_of_a_policing_operation')}, nullif({col('policing_operation')}, ''), "
                f"lat, lon, {texts}, {flag('outcome_linked_to_object_of_search')}, "
                f"{flag('removal_of_more_than_just_outer_clothing')}, line"
            )
        lsoa_name = col("lsoa_name")
        common = (
            f"$force, {month}, nullif({col('crime_id')}, ''), falls_slug, lon, lat, "
            f"nullif({col('location')}, ''), nullif({col('lsoa_code')}, ''), "
            f"nullif({lsoa_name}, ''), "
            f"CASE WHEN contains({lsoa_name}, ' ') "
            f"THEN regexp_replace({lsoa_name}, ' +[^ ]+$', '') END"
        )
        outcome = f"nullif({self.outcome_label()}, ''), outcome_group, solved"
        if self.fmt is STREET:
            return f"{common}, crime_type_label, {outcome}, nullif({col('context')}, ''), line"
        return f"{common}, {outcome}, line"
