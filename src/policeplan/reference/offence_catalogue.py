"""The Home Office's own names for its offences: every offence code of the bundled table
(`reference/data/offence_codes.csv`) with its offence group and subgroup, as the Home
Office recorded-crime table files them, and the slugs those names are known by.

A few codes are published only together, as one combined code ("1/4.1/4.10/4.2",
homicide); `code_parts` splits one.

    >>> offence_groups()["Drug offences"]
    ('Possession of drugs', 'Trafficking of drugs')
    >>> subgroup_group("Homicide")
    'Violence against the person'
    >>> name_slug("Fraud: action fraud")
    'fraud-action-fraud'
    >>> code_parts("1/4.1/4.10/4.2")
    ('1', '4.1', '4.10', '4.2')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from policeplan.reference._files import read_table

__all__ = [
    "HomeOfficeOffence",
    "code_parts",
    "home_office_offences",
    "name_slug",
    "offence_groups",
    "subgroup_group",
]


@dataclass(frozen=True)
class HomeOfficeOffence:
    """One offence code as the bundled table writes it ('8N', '1/4.1/4.10/4.2')."""

    code: str
    description: str
    group: str
    subgroup: str


@cache
def home_office_offences() -> tuple[HomeOfficeOffence, ...]:
    return tuple(
        HomeOfficeOffence(
            row["offence_code"],
            row["offence_description"],
            row["offence_group"],
            row["offence_subgroup"],
        )
        for row in read_table("offence_codes.csv")
    )


@cache
def offence_groups() -> dict[str, tuple[str, ...]]:
    """Each offence group's subgroups, in the table's order."""
    found: dict[str, list[str]] = {}
    for offence in home_office_offences():
        subgroups = found.setdefault(offence.group, [])
        if offence.subgroup not in subgroups:
            subgroups.append(offence.subgroup)
    return {group: tuple(subgroups) for group, subgroups in found.items()}


def subgroup_group(subgroup: str) -> str | None:
    """The group a subgroup belongs to (each subgroup lies in one group), or None."""
    return next((g for g, subs in offence_groups().items() if subgroup in subs), None)


def name_slug(name: str) -> str:
    """A group's or subgroup's name as a measure slug: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def code_parts(code: str) -> tuple[str, ...]:
    """The codes a combined code publishes together; an ordinary code is its only part."""
    return tuple(code.split("/"))
