"""Measures of the Home Office offence groups and subgroups (`violence-with-injury`,
`trafficking-of-drugs`, `homicide`, `violence-against-the-person`, `drug-offences`…), counted
from the Home Office recorded-crime table, which files every offence under its group and
subgroup; police.uk categories are coarser and have none of these.

Each group and subgroup of the bundled offence codes (`reference/data/offence_codes.csv`)
is a measure named by its slug. A slug that is also a police.uk measure (`robbery`,
`shoplifting`, `bicycle-theft`…) keeps its police.uk meaning. A measure is a `CrimeMeasure`
whose "crime types" are the table's (group, subgroup) keys, read by
`home_office_offence_table`, so the MSG ranks it as it ranks a category.

    >>> offence_measure("violence-with-injury").crime_types
    ('Violence against the person|Violence with injury',)
    >>> len(offence_measure("drug-offences").crime_types)
    2
"""

from __future__ import annotations

import re
from functools import cache

import duckdb

from policeplan.indicators.counts import CountTable, home_office_table
from policeplan.indicators.measures import CRIME_MEASURES, CrimeMeasure
from policeplan.indicators.windows import Window
from policeplan.reference._files import read_table

__all__ = ["OFFENCE_KEY", "home_office_offence_table", "offence_measure", "offence_measures"]

# The column expression the table is keyed by: "group|subgroup".
OFFENCE_KEY = "offence_group || '|' || offence_subgroup"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@cache
def offence_measures() -> dict[str, CrimeMeasure]:
    """Every Home Office offence group and subgroup as a measure, by slug."""
    subgroups: dict[str, list[str]] = {}
    for row in read_table("offence_codes.csv"):
        key = f"{row['offence_group']}|{row['offence_subgroup']}"
        keys = subgroups.setdefault(row["offence_group"], [])
        if key not in keys:
            keys.append(key)
    found: dict[str, CrimeMeasure] = {}
    for group, keys in subgroups.items():
        found.setdefault(_slug(group), CrimeMeasure(
            _slug(group), f"{group} (Home Office offence group)", tuple(keys)))  # fmt: skip
        for key in keys:
            subgroup = key.split("|", 1)[1]
            found.setdefault(_slug(subgroup), CrimeMeasure(
                _slug(subgroup), f"{subgroup} (Home Office offence subgroup)", (key,)))  # fmt: skip
    return {slug: m for slug, m in found.items() if slug not in CRIME_MEASURES}


def offence_measure(slug: str) -> CrimeMeasure | None:
    """The offence-group measure named `slug`, or None."""
    return offence_measures().get(slug)


def is_offence_measure(measure: CrimeMeasure) -> bool:
    return all("|" in key for key in measure.crime_types) and bool(measure.crime_types)


def home_office_offence_table(
    con: duckdb.DuckDBPyConnection, force: str, window: Window
) -> CountTable:
    """The force's Home Office counts by quarter and (offence group, subgroup)."""
    return home_office_table(con, force, window, key=OFFENCE_KEY)
