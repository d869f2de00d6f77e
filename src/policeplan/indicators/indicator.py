"""One indicator for one force (or area) and window, compared with another window.

>>> query = IndicatorQuery("burglary", "essex", to="2025-04", months=4, compare="last-year")
>>> result = compute_indicator(workspace, query)  # doctest: +SKIP
>>> result.to_dict()["pct_diff"]  # doctest: +SKIP
-6.1
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

import duckdb

from policeplan.errors import DataError, InputError
from policeplan.indicators.areas import Area, parse_area
from policeplan.indicators.count_change import CountChange, count_change
from policeplan.indicators.counts import POLICE_UK, CountTable, CountTables, WindowCount
from policeplan.indicators.harm import NO_WEIGHTS, HarmScore, HarmWeights, latest_weights
from policeplan.indicators.harm_measure import (
    HarmIndicatorResult,
    harm_base_measure,
    read_harm_indicator,
)
from policeplan.indicators.held_data import require_police_uk_data
from policeplan.indicators.loaded_measures import (
    LoadedChange,
    LoadedWindow,
    compare_loaded,
    is_loaded_measure,
    loaded_window,
)
from policeplan.indicators.measures import CRIME_MEASURES, CrimeMeasure, crime_measure
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import IndicatorQuery
from policeplan.indicators.ranking import rate_per_1000
from policeplan.indicators.records_counts import counted_from, read_repeats
from policeplan.indicators.window_population import window_population
from policeplan.indicators.windows import Window, comparison_window
from policeplan.plan.model import Plan
from policeplan.reference import Population, get_force
from policeplan.stats import (
    ProportionComparison,
    ProportionInterval,
    compare_proportions,
    wilson_interval,
)
from policeplan.stats.outcome_maturity import OutcomeMaturity, compare_outcome_maturity
from policeplan.store import Workspace
from policeplan.store.crime_records import RepeatCounts
from policeplan.store.populations import Populations, read_populations

__all__ = [
    "IndicatorResult",
    "IndicatorTables",
    "LoadedIndicatorResult",
    "change_dict",
    "compute_indicator",
    "crime_indicator",
    "window_population",
]

HARM_POLICE_UK_ONLY = "harm is computed from police.uk records only"


@dataclass(frozen=True)
class IndicatorResult:
    """A crime measure's count over the current and comparison windows, the change and its
    test (days as exposure, allowing for the force's dispersion), the rate per 1,000 people
    (whole force only), the solved rate and its change (police.uk only; not tested when the
    windows' outcomes differ in maturity, `solved_maturity`) and the harm score."""

    measure: str
    force: str
    area: Area
    source: str
    current: WindowCount
    comparison: WindowCount
    change: CountChange | None
    population: Population | None
    solved: ProportionInterval | None
    solved_change: ProportionComparison | None
    harm: HarmScore | None
    data_label: str | None
    title: str | None = None  # the measure's title, e.g. "Burglary"
    solved_maturity: OutcomeMaturity | None = None
    # The comparison window's solved rate, given even when its change is not tested.
    solved_comparison: ProportionInterval | None = None
    # Crime records with a victim or location key: repeats in the current window.
    repeats: tuple[RepeatCounts, ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        """What every output of this result must carry: suspect months accepted and a
        population estimate far from the window."""
        found = [*self.current.warnings, *self.comparison.warnings]
        if self.population is not None and self.population.warning:
            found.append(self.population.warning)
        return tuple(found)

    @property
    def rate_per_1000(self) -> float | None:
        if self.population is None or self.current.count is None:
            return None
        return round(float(rate_per_1000(self.current.count, self.population.population)), 3)

    @property
    def solved_by_outcome_date(self) -> dict[str, Any] | None:
        """Crime records only: the records solved with an outcome dated in the window
        (whenever recorded) and their ratio to the window's records; `solved` counts the
        window's records solved by now (by recorded date)."""
        solved, records = self.current.solved_by_outcome_date, self.current.count
        if solved is None or not records:
            return None
        return {"count": solved, "rate": round(solved / records, 4)}

    @property
    def harm_note(self) -> str | None:
        """Why there is no harm score (None when there is one, or it is incomplete)."""
        if self.source != POLICE_UK:
            return HARM_POLICE_UK_ONLY
        return NO_WEIGHTS if self.harm is None else None

    def to_dict(self) -> dict[str, Any]:
        change = self.change
        return {
            "measure": self.measure,
            "force": self.force,
            "area": self.area.label,
            "source": self.source,
            "data_label": self.data_label,
            "current": self.current.to_dict(),
            "comparison": self.comparison.to_dict(),
            **change_dict(change),
            "rate_ratio": None if change is None else change.rate_ratio,
            "rate_ratio_low": None if change is None else change.rate_ratio_lower,
            "rate_ratio_high": None if change is None else change.rate_ratio_upper,
            "rate_per_1000": self.rate_per_1000,
            "population": None if self.population is None else self.population.population,
            "population_year": None if self.population is None else self.population.year,
            "population_warning": None if self.population is None else self.population.warning,
            "population_basis": None if self.population is None else self.population.basis,
            "population_source": None if self.population is None else self.population.source,
            "solved": _solved_dict(self.solved),
            "solved_by_outcome_date": self.solved_by_outcome_date,
            "repeats": [asdict(repeats) for repeats in self.repeats],
            "harm": _harm_dict(self.harm, self.source),
            "solved_change": _solved_change_dict(
                self.solved_change, self.solved_maturity, self.solved, self.solved_comparison
            ),
            "warnings": list(self.warnings),
        }


TEST_FIELDS = (
    "poisson_p_value",
    "method",
    "phi",
    "dispersion_months",
    "dispersion_df",
    "caveat",
    "current_days",
    "comparison_days",
)


def change_dict(change: CountChange | None) -> dict[str, Any]:
    """diff, pct_diff (1 dp), p_value and significant (the verdict's, allowing for
    dispersion) and how it was tested (`TEST_FIELDS`); all None when not compared."""
    if change is None:
        return {"diff": None, "pct_diff": None, "p_value": None, "significant": None,
                **dict.fromkeys(TEST_FIELDS)}  # fmt: skip
    percent = change.percent_difference
    return {
        "diff": round(change.difference, 1),
        "pct_diff": None if percent is None else float(percent),
        "p_value": change.p_value,
        "significant": change.significant,
        **change.test_dict(),
    }


def solved_gap(
    solved: ProportionInterval | None, comparison: ProportionInterval | None
) -> float | None:
    """The solved rate's change in percentage points (None when a rate is missing)."""
    if solved is None or comparison is None:
        return None
    if solved.proportion is None or comparison.proportion is None:
        return None
    return (solved.proportion - comparison.proportion) * 100


def _solved_change_dict(
    change: ProportionComparison | None,
    maturity: OutcomeMaturity | None,
    solved: ProportionInterval | None,
    comparison: ProportionInterval | None,
) -> dict[str, Any] | None:
    """The change in the solved rate; when the windows' outcomes differ in maturity, the
    two rates and their difference but no test (`comparable` false, with the `reason`)."""
    if change is None and maturity is None:
        return None
    gap = solved_gap(solved, comparison)
    found: dict[str, Any] = {
        "comparison": _solved_dict(comparison),
        "points_difference": None if gap is None else round(gap, 1),
        "p_value": None,
        "significant": None,
    }
    if change is not None:
        points = change.points_difference
        found = {
            "comparison": _solved_dict(change.comparison),
            "points_difference": None if points is None else float(points),
            "p_value": change.p_value,
            "significant": change.significant,
        }
    if maturity is not None:
        found["comparable"] = maturity.comparable
        found["reason"] = maturity.reason
        found["open_share"] = {
            "current": maturity.current_open_share,
            "comparison": maturity.comparison_open_share,
        }
    return found


def _harm_dict(harm: HarmScore | None, source: str) -> dict[str, Any]:
    if source != POLICE_UK:
        return {"score": None, "note": HARM_POLICE_UK_ONLY}
    if harm is None:
        return {"score": None, "note": NO_WEIGHTS}
    return {
        "score": harm.score,
        "weights_version": harm.version,
        "unweighted_crime_types": list(harm.unweighted_types),
        **({"note": harm.note} if harm.note else {}),
    }


def _solved_dict(interval: ProportionInterval | None) -> dict[str, Any] | None:
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
    """An indicator of a loaded measure (see `loaded_measures.py`): no rate per 1,000, no
    solved rate and no harm score."""

    measure: str
    force: str
    area: str
    current: LoadedWindow
    comparison: LoadedWindow
    data_label: str | None

    @property
    def change(self) -> LoadedChange:
        return compare_loaded(self.current, self.comparison)

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "force": self.force,
            "area": self.area,
            "source": "measures",
            "data_label": self.data_label,
            "current": self.current.to_dict(),
            "comparison": self.comparison.to_dict(),
            **self.change.to_dict(),
            "rate_per_1000": None,
            "population": None,
            "population_year": None,
            "solved": None,
        }


def is_crime_measure(name: str, plan: Plan | None) -> bool:
    """A built-in crime measure, or a composite or records measure of the plan's."""
    return name in CRIME_MEASURES or (
        plan is not None
        and (plan.composite(name) is not None or plan.records_measure(name) is not None)
    )


def plan_indicator_measure(name: str, plan: Plan | None) -> str:
    """`name` itself, or the measure of the plan indicator with that id (so
    `all-crime-harm-score` or `public-confidence` work wherever a measure does).

    >>> plan_indicator_measure("burglary", None)
    'burglary'
    """
    if name in CRIME_MEASURES or plan is None:
        return name
    indicator = plan.indicator(name)
    if indicator is None or is_crime_measure(name, plan):
        return name
    if indicator.measure is None:
        raise DataError(
            f"plan indicator {name!r} ({indicator.title}) is reported in narrative only: it "
            "names no measure to compute or load"
        )
    return indicator.measure


def compute_indicator(
    workspace: Workspace,
    query: IndicatorQuery,
    *,
    plan: PlanChoice = LOADED_PLAN,
    tables: CountTables | None = None,
) -> IndicatorResult | LoadedIndicatorResult | HarmIndicatorResult:
    """Count the query's measure over its window, compare it with the chosen window and
    test whether the change is more than chance. Incomplete windows are never compared.

    `plan` (baselines, composite measures) is the workspace's plan unless given; `tables`:
    count tables to reuse (a report computing several measures over the same windows).
    """
    chosen_plan = resolve_plan(workspace, plan)
    query = replace(query, measure=plan_indicator_measure(query.measure, chosen_plan))
    slug = get_force(query.force).slug
    current_window = query.current_window
    other_window = comparison_window(current_window, query.comparison, chosen_plan)
    label = workspace.label()
    area = query.area
    with workspace.connect(read_only=True) as con:
        if query.measure not in CRIME_MEASURES and is_loaded_measure(con, query.measure):
            return LoadedIndicatorResult(
                query.measure,
                slug,
                area or slug,
                loaded_window(con, query.measure, area or slug, current_window),
                loaded_window(con, query.measure, area or slug, other_window),
                label,
            )
        harm_base = harm_base_measure(query.measure, chosen_plan)
        if harm_base is not None:
            if query.source != POLICE_UK:
                raise InputError(HARM_POLICE_UK_ONLY, field="source")
            windows = (current_window, other_window)
            return read_harm_indicator(con, harm_base, query.measure, slug, parse_area(area, slug),
                                       windows, accept_suspect=query.accept_suspect_months,
                                       data_label=label)  # fmt: skip
        if chosen_plan is not None and not is_crime_measure(query.measure, chosen_plan):
            indicator = chosen_plan.indicator(query.measure) or next(
                (i for _, i in chosen_plan.indicators if i.measure == query.measure), None
            )
            if indicator is not None:
                raise DataError(
                    f"the workspace holds no figures for plan indicator {indicator.id!r} "
                    f"({indicator.title}): load them as a measures file with measure "
                    f"{query.measure!r} (docs/measures.md)"
                )
        definition = crime_measure(query.measure, chosen_plan)
        place = parse_area(area, slug)
        source = counted_from(definition, query.source)
        if source == POLICE_UK:
            require_police_uk_data(con, slug, current_window)
        read = IndicatorTables.read(
            con,
            slug,
            place,
            current_window,
            other_window,
            source,
            accept_suspect=query.accept_suspect_months,
            tables=tables,
        )
        repeats = read_repeats(con, slug, definition, current_window.months, place.districts)
    return replace(crime_indicator(definition, read, label), repeats=repeats)


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
    populations: Populations = field(default_factory=Populations)

    @classmethod
    def read(
        cls,
        con: duckdb.DuckDBPyConnection,
        force: str,
        area: Area,
        current: Window,
        comparison: Window,
        source: str,
        *,
        accept_suspect: bool = False,
        tables: CountTables | None = None,
    ) -> IndicatorTables:
        """The two windows' tables; the current one with the 36 months before it (for the
        dispersion of the force's monthly series); from `tables` when given."""
        counts = CountTables() if tables is None else tables
        return cls(
            force,
            area,
            source,
            counts.get(
                con, force, current, area, source, accept_suspect=accept_suspect, history=True
            ),
            counts.get(con, force, comparison, area, source, accept_suspect=accept_suspect),
            latest_weights(con) if source == POLICE_UK else None,
            read_populations(con),
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
        history = tables.current.history_for(definition)
        change = count_change(
            current.count, comparison.count, current_window, other_window, history
        )
    solved = solved_change = maturity = solved_before = None
    if current.solved is not None and current.count:
        solved = wilson_interval(current.solved, current.count)
        if comparison.solved is not None and comparison.count:
            solved_before = wilson_interval(comparison.solved, comparison.count)
            now: dict[str | None, int] = {k: n for k, n in current.outcomes.items()}
            then: dict[str | None, int] = {k: n for k, n in comparison.outcomes.items()}
            maturity = compare_outcome_maturity(now, then)
            if maturity.comparable:
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
        population=window_population(tables.force, current_window, tables.populations)
        if tables.area.is_force
        else None,
        solved=solved,
        solved_change=solved_change,
        harm=harm,
        data_label=data_label,
        title=definition.title,
        solved_maturity=maturity,
        solved_comparison=solved_before,
    )
