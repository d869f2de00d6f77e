"""What data a workspace holds: per force and dataset, the months present with their row
counts, months that look incomplete, and gaps between the first and last month."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from policeplan.months import month_from_index, month_index
from policeplan.store.workspace import Workspace

# A month with fewer rows than this share of its neighbours' median looks incomplete
# (Kent 2018-12 in the real sample has 0.53 of its usual rows; February is about 0.9).
INCOMPLETE_SHARE = 0.7
NEIGHBOURS = 6


@dataclass(frozen=True)
class Partition:
    force: str
    dataset: str
    month: str
    rows: int
    rows_rejected: int
    suspect_incomplete: bool
    neighbour_median: float | None


@dataclass(frozen=True)
class Gap:
    force: str
    dataset: str
    missing_months: list[str]


@dataclass
class Coverage:
    partitions: list[Partition] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "partitions": [asdict(p) for p in self.partitions],
            "gaps": [asdict(g) for g in self.gaps],
        }


def coverage(workspace: Workspace) -> Coverage:
    """The months each force has for each dataset, flagging suspiciously small months."""
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT force, dataset, month, rows_loaded, rows_rejected FROM partitions "
            "ORDER BY force, dataset, month"
        ).fetchall()
    groups: dict[tuple[str, str], list[tuple[str, int, int]]] = {}
    for force, dataset, month, loaded, rejected in rows:
        assert isinstance(month, date)
        groups.setdefault((force, dataset), []).append(
            (month.strftime("%Y-%m"), int(loaded), int(rejected))
        )
    result = Coverage()
    for (force, dataset), months in groups.items():
        for month, loaded, rejected in months:
            median = _neighbour_median(month, months)
            suspect = looks_incomplete(loaded, median)
            result.partitions.append(
                Partition(force, dataset, month, loaded, rejected, suspect, median)
            )
        present = {month_index(m) for m, _, _ in months}
        missing = [
            month_from_index(i) for i in range(min(present), max(present) + 1) if i not in present
        ]
        if missing:
            result.gaps.append(Gap(force, dataset, missing))
    return result


def looks_incomplete(loaded: int, neighbour_median: float | None) -> bool:
    """A month looks incomplete when it has fewer rows than INCOMPLETE_SHARE of its
    neighbours' median (the one test `coverage` and the indicator windows share)."""
    return neighbour_median is not None and loaded < INCOMPLETE_SHARE * neighbour_median


def neighbour_median(month: str, months: list[tuple[str, int, int]]) -> float | None:
    return _neighbour_median(month, months)


def _neighbour_median(month: str, months: list[tuple[str, int, int]]) -> float | None:
    """Median rows of the nearest other months in time (None with fewer than 3)."""
    here = month_index(month)
    others = sorted((abs(month_index(m) - here), rows) for m, rows, _ in months if m != month)[
        :NEIGHBOURS
    ]
    if len(others) < 3:
        return None
    return float(statistics.median(rows for _, rows in others))
