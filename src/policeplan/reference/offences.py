"""Home Office offence codes and descriptions, police.uk categories and the offence groups
records are counted by (`violence`, `burglary`…), from `reference/data/offence_codes.csv`.

    >>> offence_for_code("008N").crime_type
    'Violence and sexual offences'
    >>> offence_for_code("28E").offence_group
    'burglary'
    >>> offence_group_of_category("Shoplifting")
    'theft'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from policeplan.reference._files import read_table
from policeplan.reference.crime_types import CRIME_TYPES, crime_type_for_label

__all__ = [
    "OFFENCE_GROUPS",
    "Offence",
    "code_key",
    "offence_for_code",
    "offence_group_of_category",
    "offences_by_code",
    "offences_by_description",
]

# Home Office offence group (and, for theft, subgroup) -> the group records are counted by.
# Burglary is its own group here, as police forces and plans count it, though the Home
# Office files it under theft offences.
_GROUP_OF: dict[tuple[str, str | None], str] = {
    ("Violence against the person", None): "violence",
    ("Sexual offences", None): "sexual-offences",
    ("Robbery", None): "robbery",
    ("Theft offences", "Domestic burglary"): "burglary",
    ("Theft offences", "Non-domestic burglary"): "burglary",
    ("Theft offences", None): "theft",
    ("Criminal damage and arson", None): "criminal-damage-arson",
    ("Drug offences", None): "drugs",
    ("Possession of weapons offences", None): "possession-of-weapons",
    ("Public order offences", None): "public-order",
    ("Fraud offences", None): "fraud",
    ("Miscellaneous crimes", None): "miscellaneous",
}
OFFENCE_GROUPS: tuple[str, ...] = tuple(dict.fromkeys(_GROUP_OF.values()))

# A police.uk category that falls in one offence group (the others span two or more).
_CATEGORY_GROUP = {
    "Bicycle theft": "theft",
    "Burglary": "burglary",
    "Criminal damage and arson": "criminal-damage-arson",
    "Drugs": "drugs",
    "Other theft": "theft",
    "Possession of weapons": "possession-of-weapons",
    "Public order": "public-order",
    "Robbery": "robbery",
    "Shoplifting": "theft",
    "Theft from the person": "theft",
    "Vehicle crime": "theft",
}


@dataclass(frozen=True)
class Offence:
    code: str
    description: str
    offence_group: str  # one of OFFENCE_GROUPS
    crime_type: str  # the police.uk category, as CRIME_TYPES spells it


def code_key(code: str) -> str:
    """A code as looked up: no spaces, upper case, no leading zeros ('008n' -> '8N').

    >>> code_key(" 008n ")
    '8N'
    """
    return "".join(code.split()).upper().lstrip("0")


def _group(offence_group: str, subgroup: str) -> str:
    return _GROUP_OF.get((offence_group, subgroup)) or _GROUP_OF[(offence_group, None)]


@cache
def _offences() -> tuple[Offence, ...]:
    found = []
    for row in read_table("offence_codes.csv"):
        crime_type = crime_type_for_label(row["police_uk_category"])
        assert crime_type is not None, f"offence_codes.csv: {row['police_uk_category']!r}"
        group = _group(row["offence_group"], row["offence_subgroup"])
        found.append(Offence(row["offence_code"], row["offence_description"], group, crime_type))
    return tuple(found)


@cache
def offences_by_code() -> dict[str, Offence]:
    """Every code key -> its offence; a combined entry ('1/4.1/4.10/4.2') is found under
    each of its codes as well."""
    found: dict[str, Offence] = {}
    for offence in _offences():
        for part in [offence.code, *offence.code.split("/")]:
            found.setdefault(code_key(part), offence)
    return found


@cache
def offences_by_description() -> dict[str, Offence]:
    """Lower-cased, space-normalised description -> offence (the first code wins)."""
    found: dict[str, Offence] = {}
    for offence in _offences():
        found.setdefault(" ".join(offence.description.split()).lower(), offence)
    return found


def offence_for_code(code: str) -> Offence | None:
    return offences_by_code().get(code_key(code))


def offence_group_of_category(crime_type: str) -> str | None:
    """The offence group of a police.uk category, when it lies within one group."""
    label = crime_type_for_label(crime_type)
    return None if label is None else _CATEGORY_GROUP.get(label)


assert set(_CATEGORY_GROUP) <= set(CRIME_TYPES)
