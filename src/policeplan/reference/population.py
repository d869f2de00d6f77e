"""Resident population by police force area, local authority district and Essex local
policing area (ONS mid-year estimates, OGL v3.0).

Tables (see `data/SOURCES.md`): force areas mid-2009 to mid-2019 (English forces) and
mid-2020 to mid-2024 (every force of England and Wales, the sum of its districts);
districts mid-2020 to mid-2024; an Essex LPA is the sum of its districts.

The estimate for the year nearest the one asked for is used (the later one on a tie), and
the result says which: `warning` is set when that year is two years away, and no figure
more than two years away is used at all (a DataError), because population growth of
1-2% over three years moves rates, and so ranks, by more than the gaps between forces.

`basis` tells the two ONS series apart: mid-2020 and earlier are the original estimates
rolled forward from the 2011 Census; mid-2021 onwards rest on Census 2021 (ONS later
revised mid-2012 to mid-2020, and those revisions are not bundled). A change in rate
across mid-2020/mid-2021 is therefore partly a revision of the population, not growth.

>>> essex = population_for("essex", 2025)
>>> essex.year, essex.population, essex.warning
(2024, 1929610, None)
>>> population_for("South", 2024, kind="lpa").population
559284
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from policeplan.errors import DataError
from policeplan.reference._files import read_table
from policeplan.reference.districts import all_districts

AreaKind = Literal["force", "district", "lpa"]
MAX_YEARS_AWAY = 2
ORIGINAL_2011_BASED = "original 2011-based estimate"
CENSUS_2021_BASED = "Census 2021-based estimate"
FIRST_CENSUS_2021_YEAR = 2021


@dataclass(frozen=True)
class Population:
    """The population of `area` (a force slug, a district name, an LPA name) used for
    `requested_year`: the estimate for mid-`year`."""

    area: str
    year: int
    population: int
    kind: AreaKind = "force"
    requested_year: int | None = None
    warning: str | None = None
    source: str | None = None  # None: the bundled ONS tables; else an imported file's source

    @property
    def force(self) -> str:
        """The area's name (kept from when only forces had populations)."""
        return self.area

    @property
    def basis(self) -> str:
        """Which ONS series the estimate belongs to (see the module docstring)."""
        return CENSUS_2021_BASED if self.year >= FIRST_CENSUS_2021_YEAR else ORIGINAL_2011_BASED


@cache
def _forces() -> dict[str, dict[int, int]]:
    table: dict[str, dict[int, int]] = {}
    for name in ("population_pfa.csv", "population_pfa_2020_2024.csv"):
        for row in read_table(name):
            table.setdefault(row["force"], {})[int(row["year"])] = int(row["population"])
    return table


@cache
def _districts() -> tuple[dict[str, dict[int, int]], dict[str, str], dict[str, str]]:
    """(LAD code -> year -> population, lower-case name or code -> code, code -> name)."""
    years: dict[str, dict[int, int]] = {}
    names: dict[str, str] = {}
    keys: dict[str, str] = {}
    for row in read_table("population_lad.csv"):
        code = row["lad_code"]
        years.setdefault(code, {})[int(row["year"])] = int(row["population"])
        names[code] = row["name"]
        keys[row["name"].lower()] = keys[code.lower()] = code
    for district in all_districts():  # the names used in districts.csv and LSOA names
        keys.setdefault(district.name.lower(), district.lad_code)
    return years, keys, names


@cache
def _lpas() -> dict[str, tuple[str, dict[int, int]]]:
    """lower-case LPA name -> (name, year -> population summed over its districts)."""
    years, _, _ = _districts()
    members: dict[str, list[str]] = {}
    for district in all_districts():
        if district.lpa:
            members.setdefault(district.lpa, []).append(district.lad_code)
    lpas: dict[str, tuple[str, dict[int, int]]] = {}
    for lpa, codes in members.items():
        held = [years.get(code, {}) for code in codes]
        common = set.intersection(*(set(by_year) for by_year in held))
        lpas[lpa.lower()] = (lpa, {y: sum(by_year[y] for by_year in held) for y in common})
    return lpas


def population_for(
    area: str, year: int, *, kind: AreaKind = "force", max_years_away: int = MAX_YEARS_AWAY
) -> Population:
    """Population of a force (slug), district (name or LAD code) or LPA nearest `year`.

    >>> used = population_for("Basildon", 2018, kind="district")
    >>> used.year, used.warning
    (2020, 'population for mid-2020 used for 2018 (2 years away): ...')
    """
    name, years = _lookup(area, kind)
    return choose_population(name, years, year, kind=kind, max_years_away=max_years_away)


def population_years(area: str, kind: AreaKind = "force") -> tuple[str, dict[int, int]]:
    """The area's name as the tables know it and its bundled figures by year (empty when
    the area is unknown).

    >>> population_years("E07000066", "district")[0]
    'Basildon'
    """
    return _lookup(area, kind)


def choose_population(
    name: str,
    years: dict[int, int],
    year: int,
    *,
    kind: AreaKind = "force",
    max_years_away: int = MAX_YEARS_AWAY,
    sources: dict[int, str] | None = None,
) -> Population:
    """The figure of `years` nearest `year` (the later on a tie), with the warning and
    refusal rules of `population_for`; `sources` names where a year's figure came from."""
    area = name
    if not years:
        raise DataError(f"no population figures for {kind} {area!r}")
    chosen = min(years, key=lambda held: (abs(held - year), -held))
    distance = abs(chosen - year)
    if distance > max_years_away:
        raise DataError(
            f"no population figure for {kind} {area!r} within {max_years_away} years of "
            f"{year} (nearest: mid-{chosen}); load newer ONS estimates with "
            "`policeplan import population FILE`"
        )
    warning = None
    if distance > 1:
        warning = (
            f"population for mid-{chosen} used for {year} ({distance} years away): "
            "rates may be off by the growth in between"
        )
    source = (sources or {}).get(chosen)
    return Population(name, chosen, years[chosen], kind, year, warning, source)


def _lookup(area: str, kind: AreaKind) -> tuple[str, dict[int, int]]:
    if kind == "force":
        return area, _forces().get(area, {})
    if kind == "district":
        years, keys, names = _districts()
        code = keys.get(area.strip().lower())
        return (names[code], years[code]) if code else (area, {})
    if kind == "lpa":
        return _lpas().get(area.strip().lower(), (area, {}))
    raise ValueError(f"kind must be 'force', 'district' or 'lpa', got {kind!r}")
