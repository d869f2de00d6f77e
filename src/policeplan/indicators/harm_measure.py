"""The harm score as a measure like any other: `all-crime-harm-score` (any crime measure
followed by `-harm-score`) is Σ count × weight over the measure's crime types, per 1,000
residents as ONS publishes the Crime Severity Score, compared with another window and
tested (`stats.weighted_comparison`: Var = Σ weight² × count under Poisson per crime type,
a normal approximation on the log rate ratio, widened by the dispersion of the monthly harm
series), charted month by month for SPC and ranked across the Most Similar Group
(`harm_msg.py`).

Weights are the bundled ONS CSS weights averaged over the force's own offence mix, or the
national mix when the force's Home Office table is not loaded (`harm_css.py`); every
output names the table, its vintage and the mix.

    >>> harm_base_measure("all-crime-harm-score", None).slug
    'all-crime'
    >>> harm_base_measure("burglary", None) is None
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from math import fsum
from typing import Any

import duckdb

from policeplan.errors import DataError
from policeplan.indicators.areas import Area, parse_area
from policeplan.indicators.counts import CountTable, count_table
from policeplan.indicators.harm_css import CategoryWeights, css_category_weights
from policeplan.indicators.harm_score import HarmScoreResult, score_table
from policeplan.indicators.held_data import require_police_uk_data
from policeplan.indicators.measures import CRIME_MEASURES, CrimeMeasure, crime_measure
from policeplan.indicators.windows import Window
from policeplan.plan.model import Plan
from policeplan.stats.dispersion import Dispersion, estimate_dispersion
from policeplan.stats.exposure import window_days
from policeplan.stats.weighted_comparison import WeightedComparison, compare_weighted_sums
from policeplan.store.populations import Populations, read_populations

__all__ = [
    "HARM_HEADING",
    "HARM_SUFFIX",
    "HARM_UNIT",
    "HarmIndicatorResult",
    "harm_base_measure",
    "harm_dispersion",
    "harm_indicator",
    "harm_title",
    "is_harm_measure",
    "monthly_harm",
    "monthly_harm_values",
    "read_harm_indicator",
]

HARM_SUFFIX = "-harm-score"
HARM_UNIT = "harm (CSS-weighted crimes)"
HARM_HEADING = "harm score"


def is_harm_measure(measure: str) -> bool:
    """Whether `measure` names a harm score (`…-harm-score`)."""
    return measure.endswith(HARM_SUFFIX) and measure not in CRIME_MEASURES


def harm_base_measure(measure: str, plan: Plan | None) -> CrimeMeasure | None:
    """The crime measure a harm measure weights (None when `measure` is not a harm
    measure); DataError when there is no such crime measure to weight, e.g.
    `rural-crime-harm-score`: police.uk records carry no rural flag."""
    if not is_harm_measure(measure):
        return None
    base = measure.removesuffix(HARM_SUFFIX)
    if base in CRIME_MEASURES or (plan is not None and plan.composite(base) is not None):
        return crime_measure(base, plan)
    raise DataError(
        f"{measure!r} weights the crimes of {base!r}, which cannot be counted from police.uk "
        f"records (they carry no rural or other flag to pick {base!r} out, and no composite "
        f"measure {base!r} is defined in the plan): load its figures as a measures file with "
        f"measure {measure!r} (docs/measures.md)"
    )


def _parts(score: HarmScoreResult) -> list[tuple[int, float]]:
    return [(p.count, p.weight or 0.0) for p in score.by_type]


def harm_dispersion(
    table: CountTable, definition: CrimeMeasure, weights: CategoryWeights, before: str
) -> Dispersion:
    """The dispersion of the monthly harm series over the months held before `before`.

    The series is put on a count scale first: harm ÷ k, with k = Σ w² N / Σ w N over the
    history (the variance a Poisson weighted sum has per unit of harm), so that a series
    varying by Poisson chance alone has phi about 1; phi is then estimated as for counts
    (seasonal terms, trend, Pearson chi²/df, floored at 1)."""
    weighted: dict[str, float] = {}
    total = squared = 0.0
    for (month, crime_type), crimes in table.history.items():
        weight = (
            weights.weights.get(crime_type, 0.0) if crime_type in definition.crime_types else 0.0
        )
        weighted[month] = weighted.get(month, 0.0) + crimes * weight
        total += crimes * weight
        squared += crimes * weight * weight
    scale = squared / total if total > 0 else 1.0
    return estimate_dispersion({m: round(h / scale) for m, h in weighted.items()}, before=before)


@dataclass(frozen=True)
class HarmIndicatorResult:
    """A harm measure's score over the current and comparison windows, per 1,000 people,
    the change and its test (`change`, None when a window is incomplete)."""

    measure: str
    base: CrimeMeasure
    force: str
    area: Area
    current: HarmScoreResult
    comparison: HarmScoreResult
    change: WeightedComparison | None
    dispersion: Dispersion | None
    weights: CategoryWeights
    data_label: str | None

    @property
    def title(self) -> str:
        return f"{self.base.title}: {HARM_HEADING}"

    @property
    def rate_per_1000(self) -> float | None:
        return None if self.current.per_1000 is None else round(self.current.per_1000, 3)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Suspect months counted because accepted, and a population far from the window."""
        found = [
            f"{month}: counted as accepted"
            for score in (self.current, self.comparison) if score.suspect_accepted
            for month in score.suspect_months
        ]  # fmt: skip
        return tuple(found)

    @property
    def caveat(self) -> str | None:
        """Why no allowance is made for month-to-month variation beyond Poisson chance."""
        found = self.dispersion
        if found is None or found.sufficient:
            return None
        return (
            f"{found.months_used} months of harm history held before the window (24 needed): "
            "phi not estimated (taken as 1), so ordinary month-to-month variation may be "
            "called significant"
        )

    def to_dict(self) -> dict[str, Any]:
        change = self.change
        return {
            "measure": self.measure,
            "kind": "harm",
            "base_measure": self.base.slug,
            "force": self.force,
            "area": self.area.label,
            "source": "police-uk",
            "data_label": self.data_label,
            "weights": {
                "table": self.weights.table.name,
                "source": self.weights.table.source,
                "licence": self.weights.table.licence,
                "vintage": self.weights.table.vintage,
                "mix": self.weights.mix,
                "notes": list(self.weights.notes),
            },
            "current": self.current.to_dict(),
            "comparison": self.comparison.to_dict(),
            "diff": None if change is None else round(change.difference, 1),
            "pct_diff": None if change is None else change.percent_difference,
            "p_value": None if change is None else change.p_value,
            "significant": None if change is None else change.significant,
            "rate_ratio": None if change is None else change.rate_ratio,
            "rate_ratio_low": None if change is None else change.rate_ratio_lower,
            "rate_ratio_high": None if change is None else change.rate_ratio_upper,
            "z": None if change is None else change.z,
            "method": None if change is None else change.method,
            "phi": None if change is None else round(change.phi, 3),
            "dispersion_months": None if self.dispersion is None else self.dispersion.months_used,
            "caveat": self.caveat,
            "rate_per_1000": self.rate_per_1000,
            "population": self.current.population,
            "population_year": self.current.population_year,
            "population_source": self.current.population_source,
            "warnings": list(self.warnings),
        }


def read_harm_indicator(
    con: duckdb.DuckDBPyConnection,
    definition: CrimeMeasure,
    measure: str,
    force: str,
    area: Area,
    windows: tuple[Window, Window],
    *,
    accept_suspect: bool = False,
    data_label: str | None = None,
) -> HarmIndicatorResult:
    """Read the counts of the two windows (`windows`: current, comparison) and the force's
    weights, and compute the harm indicator."""
    require_police_uk_data(con, force, windows[0])
    current = count_table(con, force, windows[0], area, accept_suspect=accept_suspect,
                          history=True)  # fmt: skip
    comparison = count_table(con, force, windows[1], area, accept_suspect=accept_suspect)
    return harm_indicator(definition, measure, force, area, current, comparison,
                          css_category_weights(con, force), read_populations(con),
                          data_label)  # fmt: skip


def harm_indicator(
    definition: CrimeMeasure,
    measure: str,
    force: str,
    area: Area,
    current: CountTable,
    comparison: CountTable,
    weights: CategoryWeights,
    populations: Populations,
    data_label: str | None,
) -> HarmIndicatorResult:
    """The harm indicator from the two windows' counts already read (`current` with its
    history, for the dispersion)."""
    now = score_table(current, definition, force, area, weights, populations)
    then = score_table(comparison, definition, force, area, weights, populations)
    change = dispersion = None
    if now.total is not None and then.total is not None:
        dispersion = harm_dispersion(current, definition, weights, current.window.first)
        change = compare_weighted_sums(
            _parts(now),
            _parts(then),
            window_days(current.window.first, current.window.last),
            window_days(comparison.window.first, comparison.window.last),
            dispersion.phi,
        )
    return HarmIndicatorResult(
        measure, definition, force, area, now, then, change, dispersion, weights, data_label
    )


def harm_title(base: CrimeMeasure, weights: CategoryWeights) -> str:
    """The harm measure's title naming its weights: table, vintage and mix."""
    return (
        f"{base.title}: harm score ({weights.table.name} weights, {weights.table.vintage}; "
        f"{weights.mix})"
    )


def monthly_harm_values(
    con: duckdb.DuckDBPyConnection,
    base: CrimeMeasure,
    force: str,
    window: Window,
    area: str | None,
    table: CountTable | None = None,
) -> tuple[str, Area, list[float | None], str]:
    """(title, area, one harm score or None a month, unit) for SPC: `table` (counts over a
    span holding `window`) saves reading them again."""
    place = parse_area(area, force)
    require_police_uk_data(con, force, window)
    if table is None:
        table = count_table(con, force, window, place)
    weights = css_category_weights(con, force)
    return harm_title(base, weights), place, monthly_harm(table, base, weights, window), HARM_UNIT


def monthly_harm(
    table: CountTable, definition: CrimeMeasure, weights: CategoryWeights, window: Window
) -> list[float | None]:
    """Σ count × weight of each month of `window` (None for a month not held); DataError
    when a crime type of the measure has no weight."""
    missing = weights.missing(definition.crime_types)
    if missing:
        raise DataError(
            f"no harm weight for {', '.join(missing)} in {weights.table.name} ({weights.mix})"
        )
    values: list[float | None] = []
    for month in window.months:
        if month not in table.present:
            values.append(None)
            continue
        values.append(
            fsum(  # exactly rounded, so the same whatever order DuckDB returned the rows in
                crimes * weights.weights[crime_type]
                for (period, crime_type), (crimes, _) in table.counts.items()
                if period == month and crime_type in definition.crime_types
            )
        )
    return values
