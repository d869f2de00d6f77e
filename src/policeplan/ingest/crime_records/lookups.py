"""Temporary lookup tables the record SQL joins to (offence codes, descriptions, police.uk
categories, areas, outcomes), and the detection of a date column's format."""

from __future__ import annotations

import duckdb

from policeplan.errors import FileRejected
from policeplan.ingest.crime_records.mapping import CrimeRecordsMapping
from policeplan.reference import CRIME_TYPES, outcome_groups
from policeplan.reference.districts import districts_of
from policeplan.reference.offences import (
    offence_group_of_category,
    offences_by_code,
    offences_by_description,
)

# Date formats a column is tried in, UK day-first before ISO; each family parses a date
# with or without a time of day. Detection picks the family that parses most of a sample.
DATE_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y"),
    ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"),
    ("%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y"),
    ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y"),
    ("%d/%m/%y %H:%M", "%d/%m/%y"),
    ("%d-%b-%Y %H:%M", "%d-%b-%Y", "%d %b %Y"),
    ("%Y%m%d",),
    ("%Y-%m",),
)
DETECTION_SAMPLE = 2000


def spellings(text: str) -> set[str]:
    """The forms a label is matched in: as written, lower, upper and title case. Matching
    is exact on these: a join on a computed key would cost a string operation per row.

    >>> sorted(spellings("Other theft"))
    ['OTHER THEFT', 'Other Theft', 'Other theft', 'other theft']
    """
    return {text, text.lower(), text.upper(), text.title()}


def code_spellings(code: str) -> set[str]:
    """A Home Office code as exports write it: any case, with up to three leading zeros.

    >>> sorted(code_spellings("8N"))
    ['0008N', '0008n', '008N', '008n', '08N', '08n', '8N', '8n']
    """
    found = spellings(code)
    if code[:1].isdigit():
        found |= {"0" * zeros + spelling for spelling in found for zeros in (1, 2, 3)}
    return found


def create_lookups(con: duckdb.DuckDBPyConnection, mapping: CrimeRecordsMapping) -> None:
    """(Re)create the pp_cr_* lookup tables for this mapping on `con`."""
    offence_columns = "(key VARCHAR, code VARCHAR, offence_group VARCHAR, crime_type VARCHAR)"
    for table, rows in (
        (
            "pp_cr_codes",
            {
                key: (o.code, o.offence_group, o.crime_type)
                for code, o in offences_by_code().items()
                for key in code_spellings(code) | spellings(o.code)
            },
        ),
        (
            "pp_cr_descriptions",
            {
                key: (o.code, o.offence_group, o.crime_type)
                for text, o in offences_by_description().items()
                for key in spellings(o.description) | {text}
            },
        ),
        (
            "pp_cr_categories",
            {
                key: (None, offence_group_of_category(c), c)
                for c in CRIME_TYPES
                for key in spellings(c)
            },
        ),
    ):
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} {offence_columns}")
        con.executemany(
            f"INSERT INTO {table} VALUES (?, ?, ?, ?)", [(k, *v) for k, v in rows.items()]
        )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pp_cr_areas (key VARCHAR, district VARCHAR, lpa VARCHAR)"
    )
    if mapping.beats:
        areas = {
            key: (a.district, a.lpa) for beat, a in mapping.beats.items() for key in spellings(beat)
        }
    else:
        areas = {
            key: (d.name, d.lpa) for d in districts_of(mapping.force) for key in spellings(d.name)
        }
    if areas:
        con.executemany(
            "INSERT INTO pp_cr_areas VALUES (?, ?, ?)", [(k, *v) for k, v in areas.items()]
        )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pp_cr_outcomes "
        "(key VARCHAR, outcome_group VARCHAR, solved BOOLEAN)"
    )
    solved = {o.group: o.solved for o in outcome_groups()}
    if mapping.outcomes is not None:
        labels = {label: group for label, group in mapping.outcomes.items()}
    else:
        labels = {o.label: o.group for o in outcome_groups()}
    outcomes = {key: group for label, group in labels.items() for key in spellings(label)}
    con.executemany(
        "INSERT INTO pp_cr_outcomes VALUES (?, ?, ?)",
        [(k, group, solved[group]) for k, group in outcomes.items()],
    )


def detect_date_formats(
    con: duckdb.DuckDBPyConnection,
    source: str,
    mapping: CrimeRecordsMapping,
    positions: dict[str, int],
    display: str,
) -> dict[str, tuple[str, ...]]:
    """The formats of each date key: as declared, else the family that parses the most
    of the first DETECTION_SAMPLE non-blank values (ties go to the earlier family)."""
    found: dict[str, tuple[str, ...]] = {}
    for key, date_column in mapping.dates.items():
        if date_column.formats:
            found[key] = date_column.formats
            continue
        column = f"trim(c{positions[date_column.column]})"
        sample = (
            f"SELECT {column} AS v FROM ({source}) WHERE {column} <> '' LIMIT {DETECTION_SAMPLE}"
        )
        counts = ", ".join(
            "count(try_strptime(v, [" + ", ".join(f"'{f}'" for f in family) + "]))"
            for family in DATE_FAMILIES
        )
        row = con.execute(f"SELECT count(*), min(v), {counts} FROM ({sample})").fetchone()
        assert row is not None
        total, example, *parsed = row
        if not total:
            found[key] = DATE_FAMILIES[0]
            continue
        best = max(range(len(DATE_FAMILIES)), key=lambda i: (parsed[i], -i))
        if not parsed[best]:
            raise FileRejected(
                f"cannot tell the date format of column {date_column.column!r} (e.g. "
                f"{example!r}): declare it as columns.{key}.format in the mapping, e.g. "
                "'%d/%m/%Y %H:%M'",
                file=display,
                field=date_column.column,
            )
        found[key] = DATE_FAMILIES[best]
    return found
