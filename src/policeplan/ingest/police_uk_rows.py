"""Row-level SQL for police.uk files: split raw lines into fields, check each row, and
project the good rows onto the workspace tables.

Every check is an SQL condition with the field it blames and a reason; a row failing any
check goes to `rejects` with its line number and raw text, the rest load. The checks run
inside DuckDB, so a file of a million rows is checked without a Python loop.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def sql_text(value: str) -> str:
    """An SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


_STOP_AND_SEARCH_FLAGS = {
    "part_of_a_policing_operation": "Part of a policing operation",
    "outcome_linked_to_object_of_search": "Outcome linked to object of search",
    "removal_of_more_than_just_outer_clothing": "Removal of more than just outer clothing",
}
_STOP_AND_SEARCH_TEXTS = (
    "gender", "age_range", "self_defined_ethnicity", "officer_defined_ethnicity",
    "legislation", "object_of_search", "outcome",
)  # fmt: skip


@dataclass(frozen=True)
class Check:
    field: str
    condition: str  # true when the row is bad
    reason: str  # SQL expression giving the message


class RowSql:
    """The SQL fragments for one file, given where each column sits in its header."""

    def __init__(self, fmt: PoliceUkFormat, positions: dict[str, int]) -> None:
        self.fmt = fmt
        self.positions = positions
        self.width = len(positions) if len(positions) == len(fmt.columns) else None

    def col(self, name: str) -> str:
        """The trimmed text of a column ('' when the header lacks it)."""
        return f"c_{name}" if name in self.positions else "''"

    def extracted_columns(self) -> str:
        """Each known column of the header pulled out of the field list once, trimmed."""
        return ", ".join(
            f"coalesce(trim(fields[{position + 1}]), '') AS c_{name}"
            for name, position in self.positions.items()
        )

    def derived_columns(self) -> str:
        """Columns computed once per row before checks: month text, force slugs, etc."""
        if self.fmt is STOP_AND_SEARCH:
            month = f"substr({self.col('date')}, 1, 7)"
            return f"{month} AS month_text, NULL AS reported_slug"
        return (
            f"{self.col('month')} AS month_text, "
            f"(SELECT slug FROM pp_force_names WHERE name_key = lower({self.col('reported_by')}))"
            " AS reported_slug, "
            f"(SELECT slug FROM pp_force_names WHERE name_key = lower({self.col('falls_within')}))"
            " AS falls_slug"
            + (
                f", (SELECT label FROM pp_crime_types WHERE key = lower({self.col('crime_type')}))"
                " AS crime_type_label"
                if self.fmt is STREET
                else ""
            )
        )

    def checks(self, n_columns: int, file_month: str, file_force: str) -> list[Check]:
        col = self.col
        checks = [
            Check("*", "fields IS NULL", "'malformed quoting: a quote is not closed or stray'"),
            Check(
                "*",
                f"len(fields) <> {n_columns}",
                f"'expected {n_columns} fields, found ' || len(fields)",
            ),
        ]
        month_field = "Date" if self.fmt is STOP_AND_SEARCH else "Month"
        if self.fmt is STOP_AND_SEARCH:
            checks.append(
                Check(
                    "Date",
                    f"NOT regexp_full_match({col('date')}, "
                    r"'\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}.*') "
                    f"OR try_cast({col('date')} AS TIMESTAMPTZ) IS NULL",
                    f"'unparsable date ' || {sql_text_expr(col('date'))}",
                )
            )
        else:
            checks.append(
                Check(
                    "Month",
                    r"NOT regexp_full_match(month_text, '\d{4}-(0[1-9]|1[0-2])')",
                    f"'unparsable month ' || {sql_text_expr('month_text')}",
                )
            )
        checks.append(
            Check(
                month_field,
                f"month_text <> {sql_text(file_month)}",
                f"'month ' || month_text || ' differs from the file''s month {file_month}'",
            )
        )
        if self.fmt is not STOP_AND_SEARCH:
            checks += [
                Check(
                    "Reported by",
                    "reported_slug IS NULL",
                    f"'unknown force ' || {sql_text_expr(col('reported_by'))}",
                ),
                Check(
                    "Reported by",
                    f"reported_slug <> {sql_text(file_force)}",
                    f"'force ' || reported_slug || ' differs from the file''s force {file_force}'",
                ),
                Check(
                    "Falls within",
                    "falls_slug IS NULL",
                    f"'unknown force ' || {sql_text_expr(col('falls_within'))}",
                ),
            ]
        if self.fmt is STREET:
            checks.append(
                Check(
                    "Crime type",
                    "crime_type_label IS NULL",
                    f"'unknown crime type ' || {sql_text_expr(col('crime_type'))}",
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
                        f"'expected True or False, found ' || {sql_text_expr(col(name))}",
                    )
                )
        return checks

    def _coordinate_checks(self) -> list[Check]:
        checks = []
        lon, lat = self.col("longitude"), self.col("latitude")
        checks.append(
            Check(
                "Latitude" if self.fmt is STOP_AND_SEARCH else "Longitude",
                f"({lon} = '') <> ({lat} = '')",
                "'only one of Longitude and Latitude is given'",
            )
        )
        for name, text, (low, high) in (
            ("Longitude", lon, LONGITUDE_RANGE),
            ("Latitude", lat, LATITUDE_RANGE),
        ):
            checks.append(
                Check(name, f"{text} <> '' AND try_cast({text} AS DOUBLE) IS NULL",
                      f"'not a number: ' || {sql_text_expr(text)}")
            )  # fmt: skip
            checks.append(
                Check(
                    name,
                    f"try_cast({text} AS DOUBLE) NOT BETWEEN {low} AND {high}",
                    f"'{name.lower()} ' || {text} || ' is outside the UK ({low} to {high})'",
                )
            )
        return checks

    def good_row_projection(self) -> str:
        """SELECT list mapping a checked row onto the dataset's table columns."""
        col = self.col
        coordinates = (
            f"try_cast(nullif({col('longitude')}, '') AS DOUBLE), "
            f"try_cast(nullif({col('latitude')}, '') AS DOUBLE)"
        )
        month = "CAST(month_text || '-01' AS DATE)"
        if self.fmt is STOP_AND_SEARCH:

            def flag(name: str) -> str:
                return f"CAST(nullif(lower({col(name)}), '') AS BOOLEAN)"

            texts = ", ".join(f"nullif({col(n)}, '')" for n in _STOP_AND_SEARCH_TEXTS)
            return (
                f"$force, {month}, nullif({col('type')}, ''), {col('date')}, "
                f"{flag('part_of_a_policing_operation')}, nullif({col('policing_operation')}, ''), "
                f"try_cast(nullif({col('latitude')}, '') AS DOUBLE), "
                f"try_cast(nullif({col('longitude')}, '') AS DOUBLE), {texts}"
                f", {flag('outcome_linked_to_object_of_search')}, "
                f"{flag('removal_of_more_than_just_outer_clothing')}, line"
            )
        lsoa_name = col("lsoa_name")
        common = (
            f"$force, {month}, nullif({col('crime_id')}, ''), falls_slug, {coordinates}, "
            f"nullif({col('location')}, ''), nullif({col('lsoa_code')}, ''), "
            f"nullif({lsoa_name}, ''), "
            f"CASE WHEN contains({lsoa_name}, ' ') "
            f"THEN regexp_replace({lsoa_name}, ' +[^ ]+$', '') END"
        )
        outcome = col("outcome_type") if self.fmt is OUTCOMES else col("last_outcome_category")
        outcome_columns = (
            f"nullif({outcome}, ''), "
            f"CASE WHEN {outcome} = '' THEN NULL "
            f"ELSE coalesce(o.outcome_group, 'unmapped') END, "
            f"CASE WHEN {outcome} = '' THEN NULL ELSE coalesce(o.solved, false) END"
        )
        if self.fmt is STREET:
            return (
                f"{common}, crime_type_label, {outcome_columns}, nullif({col('context')}, ''), line"
            )
        return f"{common}, {outcome_columns}, line"

    def outcome_label(self) -> str | None:
        if self.fmt is STREET:
            return self.col("last_outcome_category")
        if self.fmt is OUTCOMES:
            return self.col("outcome_type")
        return None


def sql_text_expr(expr: str) -> str:
    """SQL for the value of `expr` shown in single quotes inside a message."""
    return f"'''' || {expr} || ''''"
