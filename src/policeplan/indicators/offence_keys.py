"""How the Home Office table's counts are keyed by offence, and which keys a measure of
offence groups, subgroups and codes counts.

The table is read by `OFFENCE_KEY`: "group|subgroup|code", the code written as
`reference.offences.code_key` writes it (no spaces, upper case, no leading zeros). A
measure names "group|subgroup" keys (`subgroup_key`) and "code:CODE" keys (`code_key_of`);
a row counts towards it when its subgroup or its code is named, so an offence named both
ways is counted once.

    >>> keys = (subgroup_key("Violence against the person", "Homicide"), code_key_of("8N"))
    >>> counts_towards(keys, "Violence against the person|Violence with injury|8N")
    True
    >>> counts_towards(keys, "Violence against the person|Violence with injury|8P")
    False
    >>> is_offence_key(keys[1]), is_offence_key("Burglary")
    (True, False)
"""

from __future__ import annotations

from collections.abc import Collection

from policeplan.reference.offences import code_key

__all__ = [
    "OFFENCE_KEY",
    "OFFENCE_TABLE",
    "code_key_of",
    "counts_towards",
    "is_offence_key",
    "subgroup_key",
]

# A CountTable's source when it is keyed by OFFENCE_KEY.
OFFENCE_TABLE = "home-office-offences"
_CODE = "ltrim(upper(replace(coalesce(offence_code, ''), ' ', '')), '0')"
OFFENCE_KEY = (
    f"coalesce(offence_group, '') || '|' || coalesce(offence_subgroup, '') || '|' || {_CODE}"
)
_CODE_PREFIX = "code:"


def subgroup_key(group: str, subgroup: str) -> str:
    return f"{group}|{subgroup}"


def code_key_of(code: str) -> str:
    return _CODE_PREFIX + code_key(code)


def is_offence_key(key: str) -> bool:
    """A measure key of this module's, never a police.uk category."""
    return "|" in key or key.startswith(_CODE_PREFIX)


def counts_towards(measure_keys: Collection[str], row_key: str) -> bool:
    """Whether the table's row keyed `row_key` (by OFFENCE_KEY) counts towards a measure
    of `measure_keys`."""
    subgroup, _, code = row_key.rpartition("|")
    return subgroup in measure_keys or _CODE_PREFIX + code in measure_keys
