"""Read the CSV tables bundled in `reference/data/` (package data, never ../shared)."""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a bundled reference table as dictionaries (cached: tables are immutable)."""
    text = files("policeplan.reference").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(csv.DictReader(text.splitlines()))
