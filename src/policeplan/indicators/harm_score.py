"""The harm score of a crime measure for a force (or area) and window: Σ count × weight
over its crime types, per 1,000 residents, and per resident (the scale on which ONS
publishes the Crime Severity Score: weighted total divided by the population).

A crime type with no weight is never counted as 0: the score is then incomplete (None),
and `missing_weights` names the types. A window with missing months has no score either.
The result names the weight table, its vintage and the offence mix, so it can be shown
(and later compared, charted and put through SPC) like any other measure.

    >>> window = Window.ending("2025-12", 12)
    >>> score = harm_score(workspace, "burglary", "essex", window)  # doctest: +SKIP
    >>> score.table, score.total is not None                       # doctest: +SKIP
    ('ons-css', True)
"""

from __future__ import annotations

from dataclasses import dataclass

from policeplan.indicators.areas import WHOLE_FORCE, Area
from policeplan.indicators.counts import CountTable, count_table
from policeplan.indicators.harm_css import CategoryWeights, css_category_weights
from policeplan.indicators.measures import CrimeMeasure, crime_measure
from policeplan.indicators.window_population import window_population
from policeplan.indicators.windows import Window
from policeplan.store import Workspace
from policeplan.store.populations import Populations, read_populations

PER = 1000


@dataclass(frozen=True)
class HarmByType:
    """One crime type's part of a harm score."""

    crime_type: str
    count: int
    weight: float | None
    harm: float | None


@dataclass(frozen=True)
class HarmScoreResult:
    """A harm score; `total` and `per_1000` are None when incomplete (see `missing_*`)."""

    measure: str
    force: str
    area: str
    window: Window
    table: str
    vintage: str
    mix: str
    total: float | None
    per_1000: float | None
    population: int | None
    population_year: int | None
    by_type: tuple[HarmByType, ...]
    missing_weights: tuple[str, ...]
    missing_months: tuple[str, ...]
    population_source: str | None = None  # None: the bundled ONS tables
    # Months held that look incomplete: no score unless accepted (then a warning)
    suspect_months: tuple[str, ...] = ()
    suspect_accepted: bool = False

    @property
    def complete(self) -> bool:
        return self.total is not None

    @property
    def variance(self) -> float | None:
        """Σ weight² × count: the variance of `total` if each type's count is Poisson
        (estimated by the count itself); None when incomplete."""
        if self.total is None:
            return None
        return sum((p.weight or 0.0) ** 2 * p.count for p in self.by_type)

    @property
    def per_resident(self) -> float | None:
        """Σ count × weight / population: the scale of the Crime Severity Score ONS
        publishes (England and Wales 10.1 in 2015/16), i.e. `per_1000` / 1,000."""
        return None if self.per_1000 is None else self.per_1000 / PER

    def to_dict(self) -> dict[str, object]:
        return {
            "measure": self.measure,
            "force": self.force,
            "area": self.area,
            "from": self.window.first,
            "to": self.window.last,
            "weights": {"table": self.table, "vintage": self.vintage, "mix": self.mix},
            "score": self.total,
            "per_1000": self.per_1000,
            "per_resident": self.per_resident,
            "population": self.population,
            "population_year": self.population_year,
            "population_source": self.population_source,
            "complete": self.complete,
            "missing_weights": list(self.missing_weights),
            "missing_months": list(self.missing_months),
            "suspect_months": list(self.suspect_months),
            "suspect_accepted": self.suspect_accepted,
            "by_type": [_type_dict(t) for t in self.by_type],
        }


def _type_dict(part: HarmByType) -> dict[str, object]:
    return {
        "crime_type": part.crime_type,
        "count": part.count,
        "weight": part.weight,
        "harm": part.harm,
    }


def harm_score(
    workspace: Workspace,
    measure: str | CrimeMeasure,
    force: str,
    window: Window,
    area: Area = WHOLE_FORCE,
    weights: CategoryWeights | None = None,
) -> HarmScoreResult:
    """Harm score of `measure` for `force` (and area) in `window`, from police.uk records.
    `weights` defaults to the bundled ONS CSS weights averaged over the force's mix."""
    definition = crime_measure(measure) if isinstance(measure, str) else measure
    with workspace.connect(read_only=True) as con:
        table = count_table(con, force, window, area)
        if weights is None:
            weights = css_category_weights(con, force)
        populations = read_populations(con)
    return score_table(table, definition, force, area, weights, populations)


def score_table(
    table: CountTable,
    definition: CrimeMeasure,
    force: str,
    area: Area,
    weights: CategoryWeights,
    populations: Populations,
) -> HarmScoreResult:
    """The harm score of `definition` from counts already read (`table`'s window)."""
    window = table.window
    missing = weights.missing(definition.crime_types)
    parts = []
    for crime_type in definition.crime_types:
        count = sum(n for (_, t), (n, _) in table.counts.items() if t == crime_type)
        weight = weights.weights.get(crime_type)
        parts.append(
            HarmByType(crime_type, count, weight, None if weight is None else count * weight)
        )
    total = None
    suspect = tuple(s.describe() for s in table.suspect)
    if not missing and not table.missing_months and (table.accept_suspect or not suspect):
        total = sum(p.harm or 0.0 for p in parts)
    population = window_population(force, window, populations) if area.is_force else None
    per_1000 = None if total is None or population is None else total / population.population * PER
    return HarmScoreResult(
        measure=definition.slug,
        force=force,
        area=area.label,
        window=window,
        table=weights.table.name,
        vintage=weights.table.vintage,
        mix=weights.mix,
        total=total,
        per_1000=per_1000,
        population=None if population is None else population.population,
        population_year=None if population is None else population.year,
        by_type=tuple(parts),
        missing_weights=missing,
        missing_months=table.missing_months,
        population_source=None if population is None else population.source,
        suspect_months=suspect,
        suspect_accepted=table.accept_suspect and bool(suspect),
    )
