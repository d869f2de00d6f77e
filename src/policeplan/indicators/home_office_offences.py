"""Measures of the Home Office offence groups and subgroups (`violence-with-injury`,
`trafficking-of-drugs`, `homicide`, `violence-against-the-person`, `drug-offences`…), and
the plan's own sets of offence codes, groups and subgroups (`measures:` with `source:
home-office`), counted from the Home Office recorded-crime table, which files every
offence under its code, group and subgroup; police.uk categories are coarser and have none
of these.

Each group and subgroup of the bundled offence codes (`reference/data/offence_codes.csv`)
is a measure named by its slug. A slug that is also a police.uk measure (`robbery`,
`shoplifting`, `bicycle-theft`…) keeps its police.uk meaning. A measure is a `CrimeMeasure`
whose "crime types" are offence keys (`offence_keys.py`), read by
`home_office_offence_table`, so the MSG ranks it as it ranks a category.

    >>> offence_measure("violence-with-injury").crime_types
    ('Violence against the person|Violence with injury',)
    >>> len(offence_measure("drug-offences").crime_types)
    2
    >>> from policeplan.plan.model import HomeOfficeMeasure
    >>> knives = HomeOfficeMeasure("knives", "Knives", offence_codes=("10D",))
    >>> plan_offence_measure(knives).crime_types
    ('code:10D',)
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import duckdb

from policeplan.indicators.counts import CountTable, home_office_table
from policeplan.indicators.measures import CRIME_MEASURES, CrimeMeasure
from policeplan.indicators.offence_keys import (
    OFFENCE_KEY,
    OFFENCE_TABLE,
    code_key_of,
    is_offence_key,
    subgroup_key,
)
from policeplan.indicators.windows import Window
from policeplan.plan.model import HomeOfficeMeasure
from policeplan.reference.offence_catalogue import (
    code_parts,
    name_slug,
    offence_groups,
    subgroup_group,
)

__all__ = [
    "home_office_offence_table",
    "is_offence_measure",
    "offence_measure",
    "offence_measures",
    "plan_offence_measure",
]


@cache
def offence_measures() -> dict[str, CrimeMeasure]:
    """Every Home Office offence group and subgroup as a measure, by slug."""
    found: dict[str, CrimeMeasure] = {}
    for group, subgroups in offence_groups().items():
        keys = tuple(subgroup_key(group, subgroup) for subgroup in subgroups)
        slug = name_slug(group)
        found.setdefault(slug, CrimeMeasure(slug, f"{group} (Home Office offence group)", keys))
        for subgroup, key in zip(subgroups, keys, strict=True):
            slug = name_slug(subgroup)
            title = f"{subgroup} (Home Office offence subgroup)"
            found.setdefault(slug, CrimeMeasure(slug, title, (key,)))
    return {slug: m for slug, m in found.items() if slug not in CRIME_MEASURES}


def offence_measure(slug: str) -> CrimeMeasure | None:
    """The offence-group measure named `slug`, or None."""
    return offence_measures().get(slug)


def plan_offence_measure(measure: HomeOfficeMeasure) -> CrimeMeasure:
    """The plan's set of offence codes, groups and subgroups as a measure: an offence
    counts once however many of them name it. A combined code ('1/4.1/4.10/4.2') also
    counts its parts, should a table publish them apart."""
    keys: list[str] = []
    for group in measure.offence_groups:
        keys += [subgroup_key(group, subgroup) for subgroup in offence_groups()[group]]
    for subgroup in measure.offence_subgroups:
        keys.append(subgroup_key(subgroup_group(subgroup) or "", subgroup))
    for code in measure.offence_codes:
        keys += [code_key_of(part) for part in dict.fromkeys([code, *code_parts(code)])]
    return CrimeMeasure(measure.measure, measure.title, tuple(dict.fromkeys(keys)))


def is_offence_measure(measure: CrimeMeasure) -> bool:
    return all(is_offence_key(key) for key in measure.crime_types) and bool(measure.crime_types)


def home_office_offence_table(
    con: duckdb.DuckDBPyConnection, force: str, window: Window
) -> CountTable:
    """The force's Home Office counts by quarter and offence (group, subgroup and code)."""
    return replace(home_office_table(con, force, window, key=OFFENCE_KEY), source=OFFENCE_TABLE)
