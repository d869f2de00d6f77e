"""One indicator for one force (or area) and window, compared with another window.

>>> result = compute_indicator(workspace, "burglary", "essex", to="2025-04", months=4,
...                            compare="last-year")  # doctest: +SKIP
>>> result.to_json()["pct_diff"]  # doctest: +SKIP
-6.1
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from policeplan.errors import DataError
from policeplan.indicators.areas import Area, parse_area
from policeplan.indicators.counts import POLICE_UK, CountTable, WindowCount, count_table
from policeplan.indicators.harm import NO_WEIGHTS, HarmScore, HarmWeights, latest_weights
from policeplan.indicators.loaded_measures import (
    LoadedWindow,
    compare_loaded,
    is_loaded_measure,
    loaded_window,
)
from policeplan.indicators.measures import CRIME_MEASURES, CrimeMeasure, crime_measure
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
            **change_json(change),
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


def change_json(change: PoissonComparison | None) -> dict[str, Any]:
    """diff, pct_diff (1 dp), p_value and significant; all None when not compared."""
    if change is None:
        return {"diff": None, "pct_diff": None, "p_value": None, "significant": None}
    percent = change.percent_difference
    return {
        "diff": round(change.difference, 1),
        "pct_diff": None if percent is None else float(percent),
        "p_value": change.p_value,
        "significant": change.significant,
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
        **({"note": harm.note} if harm.note else {}),
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


@dataclass(frozen=True)
class LoadedIndicatorResult:
    """An indicator of a loaded measure (see `loaded_measures.py`)."""

    measure: str
    force: str
    area: str
    current: LoadedWindow
    comparison: LoadedWindow
    data_label: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "force": self.force,
            "area": self.area,
            "source": "measures",
            "data_label": self.data_label,
            "current": self.current.to_json(),
            "comparison": self.comparison.to_json(),
            **compare_loaded(self.current, self.comparison),
            "rate_per_1000": None,
            "population": None,
            "population_year": None,
            "solved": None,
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
) -> IndicatorResult | LoadedIndicatorResult:
    """Count `measure` over the `months` months to `to`, compare it with the chosen window
    and test whether the change is more than chance. Incomplete windows are never compared."""
    slug = get_force(force).slug
    current_window = Window.ending(to, months)
    other_window = comparison_window(current_window, compare, plan)
    label = workspace.label()
    with workspace.connect(read_only=True) as con:
        if measure not in CRIME_MEASURES and is_loaded_measure(con, measure):
            return LoadedIndicatorResult(
                measure,
                slug,
                area or slug,
                loaded_window(con, measure, area or slug, current_window),
                loaded_window(con, measure, area or slug, other_window),
                label,
            )
        definition = crime_measure(measure, plan)
        place = parse_area(area, slug)
        tables = IndicatorTables.read(con, slug, place, current_window, other_window, source)
    return crime_indicator(definition, tables, label)


@dataclass(frozen=True)
class IndicatorTables:
    """What every crime indicator of one force, area and pair of windows is computed from:
    read once, so a whole scorecard costs two queries, not two per measure."""

    force: str
    area: Area
    source: str
    current: CountTable
    comparison: CountTable
    weights: HarmWeights | None

    @classmethod
    def read(
        cls,
        con: duckdb.DuckDBPyConnection,
        force: str,
        area: Area,
        current: Window,
        comparison: Window,
        source: str,
    ) -> IndicatorTables:
        return cls(
            force,
            area,
            source,
            count_table(con, force, current, area, source),
            count_table(con, force, comparison, area, source),
            latest_weights(con) if source == POLICE_UK else None,
        )


def crime_indicator(
    definition: CrimeMeasure, tables: IndicatorTables, data_label: str | None
) -> IndicatorResult:
    """One crime measure's indicator from tables already read."""
    current = tables.current.for_measure(definition)
    comparison = tables.comparison.for_measure(definition)
    current_window, other_window = tables.current.window, tables.comparison.window
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
    harm = None
    if tables.weights is not None:
        harm = tables.weights.score(tables.current, definition)
    return IndicatorResult(
        measure=definition.slug,
        force=tables.force,
        area=tables.area,
        source=tables.source,
        current=current,
        comparison=comparison,
        change=change,
        population=window_population(tables.force, current_window)
        if tables.area.is_force
        else None,
        solved=solved,
        solved_change=solved_change,
        harm=harm,
        data_label=data_label,
    )
