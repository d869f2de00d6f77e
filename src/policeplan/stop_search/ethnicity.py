"""Ethnic groups of stop-and-search records and their population denominators.

police.uk records a person's *self-defined* ethnicity in the 2011 Census categories
("Black/African/Caribbean/Black British - African", "Other ethnic group - Not stated") and the
*officer-defined* ethnicity as a broad group ("Black", "White"). Both are read into the five
broad Census groups: white, mixed, asian, black, other; empty or "Not stated" is not
recorded (left out of rates by group).

Denominators are the **Census 2011** resident population of each police force area by broad
ethnic group (ONS table KS201EW summed over local authorities; bundled as
`data/ethnicity_census2011_pfa.csv`, built by `tools/build_ethnicity_table.py`). Census 2021
figures are not bundled yet: populations have grown and changed since 2011, and every output
says which census it used.

>>> ethnic_group("Black/African/Caribbean/Black British - Caribbean")
'black'
>>> ethnic_group("Other ethnic group - Not stated") is None
True
>>> ethnicity_population("essex").counts["black"]
34679
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from policeplan.errors import DataError

__all__ = ["CENSUS_SOURCE", "GROUPS", "EthnicityPopulation", "ethnic_group", "ethnicity_population"]

GROUPS = ("white", "mixed", "asian", "black", "other")
CENSUS_SOURCE = (
    "ONS Census 2011 (table KS201EW), usual residents by broad ethnic group, summed over each "
    "police force area's local authorities (2016 boundaries); not Census 2021"
)
_PREFIXES = {"white": "white", "mixed": "mixed", "asian": "asian", "black": "black",
             "other": "other", "chinese": "other"}  # fmt: skip


def ethnic_group(recorded: str | None) -> str | None:
    """The broad group of a recorded ethnicity (self- or officer-defined); None if none."""
    text = (recorded or "").strip().lower()
    if not text or "not stated" in text:
        return None
    first = text.replace("/", " ").replace("-", " ").split()[0]
    return _PREFIXES.get(first)


@dataclass(frozen=True)
class EthnicityPopulation:
    """A force area's residents by broad ethnic group at the 2011 Census."""

    force: str
    counts: dict[str, int]
    total: int
    source: str = CENSUS_SOURCE
    year: int = 2011


@cache
def _table() -> dict[str, EthnicityPopulation]:
    text = (files("policeplan.stop_search") / "data" / "ethnicity_census2011_pfa.csv").read_text(
        encoding="utf-8"
    )
    return {
        row["force"]: EthnicityPopulation(
            row["force"], {g: int(row[g]) for g in GROUPS}, int(row["all"])
        )
        for row in csv.DictReader(text.splitlines())
    }


def ethnicity_population(force: str) -> EthnicityPopulation:
    """The Census 2011 population by broad ethnic group of `force` (a slug)."""
    found = _table().get(force)
    if found is None:
        raise DataError(f"no Census 2011 ethnicity figures for force {force!r}")
    return found
