"""A measure broken down by district, local policing area or crime type, each part compared
with the same comparison window (the LPA and district tables of the quarterly reports).

    >>> table = breakdown(workspace, BreakdownQuery("burglary", "essex", "2025-12", by="lpa"))
    ... # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policeplan.errors import InputError
from policeplan.indicators.areas import Area, parse_area
from policeplan.indicators.counts import POLICE_UK, CountTable, WindowCount, count_table
from policeplan.indicators.indicator import change_dict
from policeplan.indicators.measures import CrimeMeasure, crime_measure
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import BREAKDOWNS, BreakdownQuery
from policeplan.indicators.windows import Window, comparison_window
from policeplan.reference import districts_of, get_force
from policeplan.stats import PoissonComparison, compare_poisson_counts
from policeplan.store import Workspace

__all__ = ["BREAKDOWNS", "Breakdown", "BreakdownRow", "breakdown"]


@dataclass(frozen=True)
class BreakdownRow:
    """One part (an LPA, a district or a crime type): its counts and their change."""

    part: str
    current: WindowCount
    comparison: WindowCount
    change: PoissonComparison | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "current": self.current.count,
            "comparison": self.comparison.count,
            **change_dict(self.change),
        }


@dataclass(frozen=True)
class Breakdown:
    """The measure for each part over the same two windows."""

    measure: str
    force: str
    by: str
    current: Window
    comparison: Window
    missing_months: tuple[str, ...]
    rows: tuple[BreakdownRow, ...]
    data_label: str | None
    title: str | None = None  # the measure's title, e.g. "Burglary"

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "force": self.force,
            "by": self.by,
            "current": {"from": self.current.first, "to": self.current.last},
            "comparison": {"from": self.comparison.first, "to": self.comparison.last},
            "complete": not self.missing_months,
            "missing_months": list(self.missing_months),
            "data_label": self.data_label,
            "rows": [row.to_dict() for row in self.rows],
        }


def _parts(by: str, force: str, measure: CrimeMeasure) -> list[tuple[str, Area, CrimeMeasure]]:
    if by == "crime-type":
        return [(t, parse_area(None, force), CrimeMeasure(t, t, (t,))) for t in measure.crime_types]
    if by == "district":
        return [(d.name, parse_area(f"district:{d.name}", force), measure)
                for d in districts_of(force)]  # fmt: skip
    if by == "lpa":
        lpas = sorted({d.lpa for d in districts_of(force) if d.lpa})
        if not lpas:
            raise InputError(f"{force} has no local policing areas defined", field="by")
        return [(lpa, parse_area(f"lpa:{lpa}", force), measure) for lpa in lpas]
    raise InputError(f"cannot break down by {by!r}: use {', '.join(BREAKDOWNS)}", field="by")


def breakdown(
    workspace: Workspace, query: BreakdownQuery, *, plan: PlanChoice = LOADED_PLAN
) -> Breakdown:
    """Counts of the query's measure for each part, with the change and its exact test."""
    chosen_plan = resolve_plan(workspace, plan)
    definition = crime_measure(query.measure, chosen_plan)
    slug = get_force(query.force).slug
    by = query.by
    current_window = query.current_window
    other_window = comparison_window(current_window, query.compare, chosen_plan)
    rows = []
    missing: tuple[str, ...] = ()
    tables: dict[str, tuple[CountTable, CountTable]] = {}
    with workspace.connect(read_only=True) as con:
        for part, area, part_measure in _parts(by, slug, definition):
            if area.label not in tables:
                tables[area.label] = (
                    count_table(con, slug, current_window, area, POLICE_UK),
                    count_table(con, slug, other_window, area, POLICE_UK),
                )
            now_table, then_table = tables[area.label]
            now, then = now_table.for_measure(part_measure), then_table.for_measure(part_measure)
            missing = now.missing_months + then.missing_months
            change = None
            if now.count is not None and then.count is not None:
                change = compare_poisson_counts(
                    now.count, then.count, 1.0, other_window.length / current_window.length
                )
            rows.append(BreakdownRow(part, now, then, change))
    return Breakdown(definition.slug, slug, by, current_window, other_window, missing,
                     tuple(rows), workspace.label(), definition.title)  # fmt: skip
