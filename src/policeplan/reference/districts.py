"""Local authority districts, their community safety partnership (CSP), force, and for
Essex the local policing area (LPA: North, South, West).

Source: ONS "LAD to CSP to PFA (December 2019) Lookup in England and Wales" (OGL v3.0), plus
the unitary authorities created 2020-2023 that 2021 LSOA names use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from policeplan.reference._files import read_table


@dataclass(frozen=True)
class District:
    lad_code: str
    name: str
    csp_name: str
    force: str
    lpa: str | None


@cache
def all_districts() -> tuple[District, ...]:
    return tuple(
        District(r["lad_code"], r["district"], r["csp_name"], r["force"], r["lpa"] or None)
        for r in read_table("districts.csv")
    )


def districts_of(force: str) -> tuple[District, ...]:
    return tuple(d for d in all_districts() if d.force == force)


def district_from_lsoa_name(lsoa_name: str) -> str | None:
    """The district an LSOA belongs to, from its name prefix ('Basildon 001B' -> 'Basildon').

    >>> district_from_lsoa_name("Barking and Dagenham 013E")
    'Barking and Dagenham'
    """
    name = lsoa_name.strip()
    if not name or " " not in name:
        return None
    return name.rsplit(" ", 1)[0]
