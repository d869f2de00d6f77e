"""Every crime measure for one force and window: the panel's headline table.

>>> card = scorecard(workspace, ScorecardQuery("essex", to="2025-12"))  # doctest: +SKIP
>>> card.to_dict()["indicators"][0]["measure"]  # doctest: +SKIP
'all-crime'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policeplan.indicators.areas import WHOLE_FORCE
from policeplan.indicators.counts import POLICE_UK
from policeplan.indicators.harm_css import css_category_weights
from policeplan.indicators.harm_measure import HARM_SUFFIX, HarmIndicatorResult, harm_indicator
from policeplan.indicators.held_data import require_police_uk_data
from policeplan.indicators.indicator import IndicatorResult, IndicatorTables, crime_indicator
from policeplan.indicators.measures import ALL_CRIME, CRIME_MEASURES, crime_measure
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import ScorecardQuery
from policeplan.indicators.records_counts import counted_from
from policeplan.indicators.windows import Window, comparison_window
from policeplan.reference import get_force
from policeplan.stats.multiple_comparisons import benjamini_hochberg
from policeplan.stats.poisson_comparison import SIGNIFICANCE_LEVEL
from policeplan.store import Workspace

__all__ = ["VERDICT_BASIS", "Scorecard", "scorecard"]

# What "significant" means in a table of many tests (JSON `verdict_basis`).
VERDICT_BASIS = "q_value (Benjamini-Hochberg)"


@dataclass(frozen=True)
class Scorecard:
    """One indicator per measure, all over the same two windows.

    `requested_force` is the force as the reader wrote it (the JSON's `force`); `force`
    its slug."""

    requested_force: str
    force: str
    force_name: str
    current: Window
    comparison: Window
    indicators: tuple[IndicatorResult, ...]
    data_label: str | None
    # The all-crime harm score (ONS CSS weights), tested alone (not among the q-values).
    harm: HarmIndicatorResult | None = None

    @property
    def q_values(self) -> tuple[float | None, ...]:
        """Benjamini-Hochberg q-values across the measures tested (None: not compared)."""
        return benjamini_hochberg(
            [None if result.change is None else result.change.p_value for result in self.indicators]
        )

    def significant(self, index: int) -> bool | None:
        """The verdict for the index-th measure across the scorecard: q < 0.05."""
        q_value = self.q_values[index]
        return None if q_value is None else q_value < SIGNIFICANCE_LEVEL

    @property
    def warnings(self) -> tuple[str, ...]:
        found: list[str] = []
        for result in self.indicators:
            found += [w for w in result.warnings if w not in found]
        return tuple(found)

    def to_dict(self) -> dict[str, Any]:
        rows = []
        for index, (result, q_value) in enumerate(zip(self.indicators, self.q_values, strict=True)):
            row = result.to_dict()
            # The verdict across the scorecard is q < 0.05; the test alone: significant_alone.
            row["significant_alone"] = row["significant"]
            row["significant"] = self.significant(index)
            row["q_value"] = q_value
            rows.append(row)
        return {
            "force": self.requested_force,
            "verdict_basis": VERDICT_BASIS,
            "warnings": list(self.warnings),
            "indicators": rows,
            "harm_score": None if self.harm is None else self.harm.to_dict(),
        }


def scorecard(
    workspace: Workspace, query: ScorecardQuery, *, plan: PlanChoice = LOADED_PLAN
) -> Scorecard:
    """The indicator of each crime measure of the query (the 15 built-in ones by default),
    from one read of the force's counts for the two windows (per source: police.uk, and
    the crime records when a records measure of the plan is asked for)."""
    chosen_plan = resolve_plan(workspace, plan)
    force = get_force(query.force)
    current = query.current_window
    other = comparison_window(current, query.comparison, chosen_plan)
    definitions = [crime_measure(measure, chosen_plan) for measure in query.measures]
    sources = [counted_from(definition, POLICE_UK) for definition in definitions]
    with workspace.connect(read_only=True) as con:
        if set(sources) == {POLICE_UK}:  # beside records measures, police.uk ones show none held
            require_police_uk_data(con, force.slug, current)
        tables = {
            source: IndicatorTables.read(con, force.slug, WHOLE_FORCE, current, other, source,
                                         accept_suspect=query.accept_suspect_months)
            for source in dict.fromkeys(sources)
        }  # fmt: skip
        weights = css_category_weights(con, force.slug)
    label = workspace.label()
    street = tables.get(POLICE_UK)  # the harm score weighs police.uk crime types
    harm = None if street is None else harm_indicator(
        CRIME_MEASURES[ALL_CRIME], f"{ALL_CRIME}{HARM_SUFFIX}", force.slug, WHOLE_FORCE,
        street.current, street.comparison, weights, street.populations, label,
    )  # fmt: skip
    return Scorecard(
        requested_force=query.force,
        force=force.slug,
        force_name=force.short_name,
        current=current,
        comparison=other,
        indicators=tuple(
            crime_indicator(definition, tables[source], label)
            for definition, source in zip(definitions, sources, strict=True)
        ),
        data_label=label,
        harm=harm,
    )
