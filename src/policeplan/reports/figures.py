"""Where a report's figures come from: one small protocol per kind of figure, so the
library behind it can change without touching a report.

`LibraryFigures` answers the 12-month and area tables from `compute_indicator` and
`breakdown`; everything said about a plan indicator (the executive summary, progress against
the baselines, SPC icons, MSG positions) comes from the summary table and its indicator
cards (`ReportContext.summary_table`, `plan_summary`).

Every figure here is a library result's field, copied, never recomputed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from policeplan.indicators import (
    BreakdownQuery,
    IndicatorQuery,
    IndicatorResult,
    breakdown,
    compute_indicator,
)
from policeplan.indicators.counts import CountTables, WindowCount
from policeplan.indicators.indicator import change_dict
from policeplan.plan.model import Plan
from policeplan.render import wording
from policeplan.store import Workspace

__all__ = [
    "AreaFigures",
    "IndicatorFigures",
    "LibraryFigures",
    "TwelveMonths",
    "verdict",
]


@dataclass(frozen=True)
class TwelveMonths:
    """A measure over the 12 months to `to` beside the 12 months before, with its test.

    `months`/`values` run over both windows (24 months, oldest first) for the monthly
    chart; a value is None for a month the workspace does not hold."""

    measure: str
    title: str
    current_first: str
    current_last: str
    previous_first: str
    previous_last: str
    current: int | None
    previous: int | None
    diff: float | None
    pct_diff: float | None
    significant: bool | None
    months: tuple[str, ...]
    values: tuple[int | None, ...]
    population_year: int | None


@dataclass(frozen=True)
class AreaFigures:
    """One area (an LPA or a district) over the same two windows, with its monthly counts."""

    area: str
    current: int | None
    previous: int | None
    diff: float | None
    pct_diff: float | None
    significant: bool | None
    by_month: tuple[tuple[str, int | None], ...]


class IndicatorFigures(Protocol):
    """What reports ask of a crime measure's 12-month and area tables (`LibraryFigures`)."""

    def twelve_months(self, measure: str, force: str, to: str) -> TwelveMonths: ...

    def by_area(self, measure: str, force: str, to: str, by: str) -> Sequence[AreaFigures]: ...


def _months(count: WindowCount) -> tuple[tuple[str, int | None], ...]:
    return tuple((m, count.by_month.get(m)) for m in count.window.months)


@dataclass(frozen=True)
class LibraryFigures:
    """The figures from today's library calls (`compute_indicator`, `breakdown`), against
    `plan` (read once by the report rather than once per call). The breakdowns share their
    count tables: a report breaks down several measures by the same areas and windows."""

    workspace: Workspace
    plan: Plan | None = None
    tables: CountTables = field(default_factory=CountTables, compare=False)

    def twelve_months(self, measure: str, force: str, to: str) -> TwelveMonths:
        result = compute_indicator(
            self.workspace,
            IndicatorQuery(measure, force, to=to, months=12, compare="previous"),
            plan=self.plan,
            tables=self.tables,
        )
        if not isinstance(result, IndicatorResult):
            raise TypeError(f"{measure} is a loaded measure; reports show crime measures")
        change = change_dict(result.change)
        series = _months(result.comparison) + _months(result.current)
        return TwelveMonths(
            measure=result.measure,
            title=result.title or result.measure,
            current_first=result.current.window.first,
            current_last=result.current.window.last,
            previous_first=result.comparison.window.first,
            previous_last=result.comparison.window.last,
            current=result.current.count,
            previous=result.comparison.count,
            diff=change["diff"],
            pct_diff=change["pct_diff"],
            significant=change["significant"],
            months=tuple(m for m, _ in series),
            values=tuple(v for _, v in series),
            population_year=None if result.population is None else result.population.year,
        )

    def by_area(self, measure: str, force: str, to: str, by: str) -> Sequence[AreaFigures]:
        query = BreakdownQuery(measure, force, to=to, months=12, by=by)
        table = breakdown(self.workspace, query, plan=self.plan, tables=self.tables)
        rows = []
        for row in table.rows:
            change = change_dict(row.change)
            rows.append(
                AreaFigures(
                    area=row.part,
                    current=row.current.count,
                    previous=row.comparison.count,
                    diff=change["diff"],
                    pct_diff=change["pct_diff"],
                    significant=change["significant"],
                    by_month=_months(row.current),
                )
            )
        return rows


def verdict(significant: bool | None, diff: float | None) -> str:
    """'significant increase', 'significant decrease', 'not significant', 'not compared'."""
    words = wording.significance(significant)
    if significant and diff:
        words += " increase" if diff > 0 else " decrease"
    return words
