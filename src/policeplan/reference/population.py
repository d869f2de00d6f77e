"""Resident population by police force area and year (ONS mid-year estimates, OGL v3.0).

The latest year at or before the period asked for is used, and said.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from policeplan.errors import DataError
from policeplan.reference._files import read_table


@dataclass(frozen=True)
class Population:
    force: str
    year: int
    population: int


@cache
def _table() -> dict[str, dict[int, int]]:
    table: dict[str, dict[int, int]] = {}
    for row in read_table("population_pfa.csv"):
        table.setdefault(row["force"], {})[int(row["year"])] = int(row["population"])
    return table


def population_for(force: str, year: int) -> Population:
    """Population of `force` in the latest year at or before `year`.

    >>> population_for("essex", 2025).year
    2019
    """
    years = _table().get(force)
    if not years:
        raise DataError(f"no population figures for force {force!r}")
    usable = [y for y in years if y <= year]
    if not usable:
        raise DataError(f"no population figure for {force!r} at or before {year}")
    chosen = max(usable)
    return Population(force, chosen, years[chosen])
