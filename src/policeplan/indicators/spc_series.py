"""Statistical process control (Making Data Count XmR charts) on a measure's monthly series.

A series with a missing month is refused, not charted with a gap filled by zero.

    >>> chart = spc_chart(workspace, SpcQuery("burglary", "essex", "2024-01", "2025-12"))
    ... # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policeplan.errors import IncompleteWindow, InputError
from policeplan.indicators.areas import Area, parse_area
from policeplan.indicators.counts import POLICE_UK, count_window
from policeplan.indicators.directions import good_direction
from policeplan.indicators.measures import crime_measure
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import SpcQuery, parse_direction
from policeplan.indicators.windows import Window
from policeplan.months import month_index, parse_month
from policeplan.reference import get_force
from policeplan.stats import XmrChart, xmr_chart
from policeplan.store import Workspace

__all__ = ["SpcResult", "spc_chart"]


@dataclass(frozen=True)
class SpcResult:
    """An XmR chart of a measure's monthly counts; points are indexed into `window.months`."""

    measure: str
    force: str
    area: Area
    window: Window
    chart: XmrChart
    data_label: str | None
    title: str | None = None  # the measure's title, e.g. "Burglary"

    def to_dict(self) -> dict[str, Any]:
        months = self.window.months
        return {
            "measure": self.measure,
            "force": self.force,
            "area": self.area.label,
            "from": self.window.first,
            "to": self.window.last,
            "direction": self.chart.direction,
            "data_label": self.data_label,
            "verdict": str(self.chart.variation),
            "points": [
                {
                    "month": months[p.index],
                    "value": p.value,
                    "mean": p.mean,
                    "lower": p.lower,
                    "upper": p.upper,
                    "flags": list(p.flags),
                    "variation": str(p.variation),
                }
                for p in self.chart.points
            ],
            "segments": [
                {
                    "from": months[s.start],
                    "to": months[s.end - 1],
                    "baseline_from": months[s.baseline_start],
                    "baseline_to": months[s.baseline_end - 1],
                    "mean": s.mean,
                    "lower": s.lower,
                    "upper": s.upper,
                }
                for s in self.chart.segments
            ],
        }


def spc_chart(
    workspace: Workspace, query: SpcQuery, *, plan: PlanChoice = LOADED_PLAN
) -> SpcResult:
    """XmR chart of the monthly counts from `query.first` to `query.last`.

    `plan` (composite measures, good directions) is the workspace's plan unless given.
    """
    chosen_plan = resolve_plan(workspace, plan)
    definition = crime_measure(query.measure, chosen_plan)
    slug = get_force(query.force).slug
    place = parse_area(query.area, slug)
    window = query.window
    if window.length < 2:
        raise InputError("an XmR chart needs at least two months", field="from")
    with workspace.connect(read_only=True) as con:
        counts = count_window(con, definition, slug, window, place, POLICE_UK)
    if not counts.complete:
        raise IncompleteWindow(
            f"{slug} has no {definition.slug} data for {', '.join(counts.missing_months)}: "
            "an SPC chart needs every month (a missing month is not zero)",
            list(counts.missing_months),
        )
    breaks = []
    for month in query.recalculate_from:
        index = month_index(parse_month(month, "recalculate-from")) - month_index(window.first)
        if not 0 < index < window.length:
            raise InputError(
                f"recalculation month {month} is not inside {window.label()}",
                field="recalculate-from",
            )
        breaks.append(index)
    chart = xmr_chart(
        [counts.by_month[m] for m in window.months],
        direction=good_direction(definition.slug, chosen_plan, parse_direction(query.direction)),
        recalculate_from=sorted(breaks),
        baseline_points=query.baseline_months,
    )
    return SpcResult(
        definition.slug, slug, place, window, chart, workspace.label(), definition.title
    )
