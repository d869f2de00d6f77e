"""Independent counting of the real police.uk files with the standard library only."""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from collections.abc import Iterator
from pathlib import Path


def street_rows(shared_data: Path, force: str, month: str) -> Iterator[dict[str, str]]:
    path = shared_data / "police_uk" / force / f"{month}-{force}-street.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as text:
        yield from csv.DictReader(text)


def solved_labels(shared_data: Path) -> set[str]:
    rows = csv.DictReader(
        (shared_data / "reference" / "outcome_groups.csv").read_text().splitlines()
    )
    return {row["outcome_label"] for row in rows if row["solved"] == "true"}


def count(
    shared_data: Path, force: str, months: list[str], crime_type: str | None = None
) -> tuple[int, int]:
    """(crimes, solved) of one crime type (None = every type but anti-social behaviour)."""
    solved_set = solved_labels(shared_data)
    totals: Counter[str] = Counter()
    for month in months:
        for row in street_rows(shared_data, force, month):
            kind = row["Crime type"]
            wanted = kind == crime_type if crime_type else kind != "Anti-social behaviour"
            if wanted:
                totals["crimes"] += 1
                totals["solved"] += row["Last outcome category"] in solved_set
    return totals["crimes"], totals["solved"]
