"""What data a workspace holds: per force and dataset, the police.uk months present with
their row counts, months that look incomplete, and gaps between the first and last month;
the Home Office quarters held; and the measures loaded, with their areas and periods.

    >>> month_ranges(["2018-01", "2018-02", "2018-03", "2018-10", "2019-02"])
    ['2018-01 to 2018-03', '2018-10', '2019-02']
"""

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


@dataclass(frozen=True)
class ForceDataset:
    """One force's police.uk dataset, its months written as ranges."""

    force: str
    dataset: str
    months: int
    rows: int
    rows_rejected: int
    ranges: list[str]  # "2018-01 to 2018-07", "2018-10 to 2019-02", …
    suspect_months: list[str]
    missing_months: list[str]


@dataclass(frozen=True)
class HomeOfficePeriod:
    period: str  # financial quarter, e.g. "2017/18 Q1"
    forces: int
    rows: int
    offences: int


@dataclass(frozen=True)
class MeasureHeld:
    measure: str
    areas: list[str]
    periods: int
    first_period: str
    last_period: str
    rows: int


@dataclass
class Coverage:
    partitions: list[Partition] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    police_uk: list[ForceDataset] = field(default_factory=list)
    home_office: list[HomeOfficePeriod] = field(default_factory=list)
    measures: list[MeasureHeld] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.partitions or self.home_office or self.measures)

    def to_dict(self) -> dict[str, Any]:
        return {
            "partitions": [asdict(p) for p in self.partitions],
            "gaps": [asdict(g) for g in self.gaps],
            "police_uk": [asdict(f) for f in self.police_uk],
            "home_office": [asdict(h) for h in self.home_office],
            "measures": [asdict(m) for m in self.measures],
        }


def coverage(workspace: Workspace) -> Coverage:
    """Every dataset the workspace holds, flagging suspiciously small police.uk months."""
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT force, dataset, month, rows_loaded, rows_rejected FROM partitions "
            "ORDER BY force, dataset, month"
        ).fetchall()
        home_office = con.execute(
            "SELECT financial_year || ' Q' || quarter, count(DISTINCT force), count(*), "
            "sum(offences) FROM home_office_crimes GROUP BY financial_year, quarter "
            "ORDER BY financial_year, quarter"
        ).fetchall()
        measures = con.execute(
            "SELECT measure, list(DISTINCT area ORDER BY area), count(DISTINCT period), "
            "arg_min(period, period_start), arg_max(period, period_end), count(*) "
            "FROM measures GROUP BY measure ORDER BY measure"
        ).fetchall()
    result = Coverage()
    groups: dict[tuple[str, str], list[tuple[str, int, int]]] = {}
    for force, dataset, month, loaded, rejected in rows:
        assert isinstance(month, date)
        groups.setdefault((force, dataset), []).append(
            (month.strftime("%Y-%m"), int(loaded), int(rejected))
        )
    for (force, dataset), months in groups.items():
        _add_force_dataset(result, force, dataset, months)
    result.home_office = [
        HomeOfficePeriod(str(p), int(f), int(n), int(o or 0)) for p, f, n, o in home_office
    ]
    result.measures = [
        MeasureHeld(str(m), [str(a) for a in areas], int(n), str(first), str(last), int(r))
        for m, areas, n, first, last, r in measures
    ]
    return result


def _add_force_dataset(
    result: Coverage, force: str, dataset: str, months: list[tuple[str, int, int]]
) -> None:
    suspects = []
    for month, loaded, rejected in months:
        median = _neighbour_median(month, months)
        suspect = looks_incomplete(loaded, median)
        result.partitions.append(
            Partition(force, dataset, month, loaded, rejected, suspect, median)
        )
        if suspect:
            suspects.append(month)
    present = {month_index(m) for m, _, _ in months}
    missing = [
        month_from_index(i) for i in range(min(present), max(present) + 1) if i not in present
    ]
    if missing:
        result.gaps.append(Gap(force, dataset, missing))
    result.police_uk.append(
        ForceDataset(
            force=force,
            dataset=dataset,
            months=len(months),
            rows=sum(loaded for _, loaded, _ in months),
            rows_rejected=sum(rejected for _, _, rejected in months),
            ranges=month_ranges([m for m, _, _ in months]),
            suspect_months=suspects,
            missing_months=missing,
        )
    )


def month_ranges(months: list[str]) -> list[str]:
    """Consecutive months joined into `first to last` ranges, in order."""
    indexes = sorted({month_index(m) for m in months})
    ranges: list[str] = []
    start = previous = None
    for index in [*indexes, None]:
        if previous is not None and (index is None or index != previous + 1):
            assert start is not None
            first, last = month_from_index(start), month_from_index(previous)
            ranges.append(first if first == last else f"{first} to {last}")
            start = None
        if index is not None and start is None:
            start = index
        previous = index
    return ranges


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
