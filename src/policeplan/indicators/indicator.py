"""One indicator for one force (or area) and window, compared with another window.

>>> result = compute_indicator(workspace, "burglary", "essex", to="2025-04", months=4,
...                            compare="last-year")  # doctest: +SKIP
>>> result.to_json()["pct_diff"]  # doctest: +SKIP
-6.1
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policeplan.errors import DataError
from policeplan.indicators.areas import Area, parse_area
from policeplan.indicators.counts import POLICE_UK, WindowCount, count_window
from policeplan.indicators.harm import NO_WEIGHTS, HarmScore, harm_score, weights_versions
from policeplan.indicators.measures import crime_measure
from policeplan.indicators.windows import Window, comparison_window
from policeplan.plan.model import Plan
from policeplan.reference import Population, get_force, population_for
from policeplan.stats import (
    PoissonComparison,
    ProportionComparison,
    ProportionInterval,
    compare_poisson_counts,
    compare_proportions,
    wilson_interval,
)
from policeplan.store import Workspace

PER = 1000


@dataclass(frozen=True)
class IndicatorResult:
    measure: str
    force: str
    area: Area
    source: str
    current: WindowCount
    comparison: WindowCount
    change: PoissonComparison | None
    population: Population | None
    solved: ProportionInterval | None
    solved_change: ProportionComparison | None
    harm: HarmScore | None
    data_label: str | None

    @property
    def rate_per_1000(self) -> float | None:
        if self.population is None or self.current.count is None:
            return None
        return round(self.current.count / self.population.population * PER, 3)

    def to_json(self) -> dict[str, Any]:
        change = self.change
        return {
            "measure": self.measure,
            "force": self.force,
            "area": self.area.label,
            "source": self.source,
            "data_label": self.data_label,
            "current": self.current.to_json(),
            "comparison": self.comparison.to_json(),
            "diff": None if change is None else round(change.difference, 1),
            "pct_diff": None
            if change is None or change.percent_difference is None
            else float(change.percent_difference),
            "p_value": None if change is None else change.p_value,
            "significant": None if change is None else change.significant,
            "rate_ratio": None if change is None else change.rate_ratio,
            "rate_ratio_low": None if change is None else change.rate_ratio_lower,
            "rate_ratio_high": None if change is None else change.rate_ratio_upper,
            "rate_per_1000": self.rate_per_1000,
            "population": None if self.population is None else self.population.population,
            "population_year": None if self.population is None else self.population.year,
            "solved": _solved_json(self.solved),
            "harm": _harm_json(self.harm, self.source),
            "solved_change": None
            if self.solved_change is None
            else {
                "comparison": _solved_json(self.solved_change.comparison),
                "points_difference": None
                if self.solved_change.points_difference is None
                else float(self.solved_change.points_difference),
                "p_value": self.solved_change.p_value,
                "significant": self.solved_change.significant,
            },
        }


def _harm_json(harm: HarmScore | None, source: str) -> dict[str, Any]:
    if source != POLICE_UK:
        return {"score": None, "note": "harm is computed from police.uk records only"}
    if harm is None:
        return {"score": None, "note": NO_WEIGHTS}
    return {
        "score": harm.score,
        "weights_version": harm.version,
        "unweighted_crime_types": list(harm.unweighted_types),
    }


def _solved_json(interval: ProportionInterval | None) -> dict[str, Any] | None:
    if interval is None:
        return None
    return {
        "count": interval.successes,
        "rate": interval.proportion,
        "rate_low": interval.lower,
        "rate_high": interval.upper,
    }


def window_population(force: str, window: Window) -> Population | None:
    """The force's population for a window: the estimate for the calendar year holding the
    window's middle month (mid-2017 for April 2017 – March 2018), or the latest before it."""
    try:
        return population_for(force, int(window.middle_month[:4]))
    except DataError:
        return None


def compute_indicator(
    workspace: Workspace,
    measure: str,
    force: str,
    to: str,
    months: int = 12,
    compare: str = "previous",
    area: str | None = None,
    source: str = POLICE_UK,
    plan: Plan | None = None,
) -> IndicatorResult:
    """Count `measure` over the `months` months to `to`, compare it with the chosen window
    and test whether the change is more than chance. Incomplete windows are never compared."""
    definition = crime_measure(measure, plan)
    slug = get_force(force).slug
    place = parse_area(area, slug)
    current_window = Window.ending(to, months)
    other_window = comparison_window(current_window, compare, plan)
    with workspace.connect(read_only=True) as con:
        current = count_window(con, definition, slug, current_window, place, source)
        comparison = count_window(con, definition, slug, other_window, place, source)
        harm = None
        if source == POLICE_UK and weights_versions(con):
            harm = harm_score(con, definition, slug, current_window, place)
    change = None
    if current.count is not None and comparison.count is not None:
        change = compare_poisson_counts(
            current.count,
            comparison.count,
            current_exposure=1.0,
            # The comparison is put on the current window's scale when lengths differ.
            comparison_exposure=other_window.length / current_window.length,
        )
    solved = solved_change = None
    if current.solved is not None and current.count:
        solved = wilson_interval(current.solved, current.count)
        if comparison.solved is not None and comparison.count:
            solved_change = compare_proportions(
                current.solved, current.count, comparison.solved, comparison.count
            )
    return IndicatorResult(
        measure=definition.slug,
        force=slug,
        area=place,
        source=source,
        current=current,
        comparison=comparison,
        change=change,
        population=window_population(slug, current_window) if place.is_force else None,
        solved=solved,
        solved_change=solved_change,
        harm=harm,
        data_label=workspace.label(),
    )
