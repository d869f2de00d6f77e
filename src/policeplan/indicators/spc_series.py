"""Statistical process control (Making Data Count XmR charts) on a measure's monthly series.

A series with a missing month is refused, not charted with a gap filled by zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policeplan.errors import IncompleteWindow, InputError
from policeplan.indicators.areas import Area, parse_area
from policeplan.indicators.counts import POLICE_UK, count_window
from policeplan.indicators.directions import good_direction
from policeplan.indicators.measures import crime_measure
from policeplan.indicators.windows import Window
from policeplan.months import month_index, parse_month
from policeplan.plan.model import GoodDirection, Plan
from policeplan.reference import get_force
from policeplan.stats import XmrChart, xmr_chart
from policeplan.store import Workspace


@dataclass(frozen=True)
class SpcResult:
    measure: str
    force: str
    area: Area
    window: Window
    chart: XmrChart
    data_label: str | None

    def to_json(self) -> dict[str, Any]:
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
    workspace: Workspace,
    measure: str,
    force: str,
    first: str,
    last: str,
    area: str | None = None,
    plan: Plan | None = None,
    direction: GoodDirection | None = None,
    baseline_months: int | None = None,
    recalculate_from: tuple[str, ...] = (),
) -> SpcResult:
    """XmR chart of the monthly counts from `first` to `last`.

    `baseline_months`: limits from the first N months only (then applied onward);
    `recalculate_from`: months where a new segment with its own limits starts.
    """
    definition = crime_measure(measure, plan)
    slug = get_force(force).slug
    place = parse_area(area, slug)
    window = Window(parse_month(first, "from"), parse_month(last, "to"))
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
    for month in recalculate_from:
        index = month_index(parse_month(month, "recalculate-from")) - month_index(window.first)
        if not 0 < index < window.length:
            raise InputError(
                f"recalculation month {month} is not inside {window.label()}",
                field="recalculate-from",
            )
        breaks.append(index)
    chart = xmr_chart(
        [counts.by_month[m] for m in window.months],
        direction=good_direction(definition.slug, plan, direction),
        recalculate_from=sorted(breaks),
        baseline_points=baseline_months,
    )
    return SpcResult(definition.slug, slug, place, window, chart, workspace.label())
