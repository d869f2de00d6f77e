"""A harm measure's card figures: the latest window's harm score (and per 1,000 people) and
its change against each comparison, tested as a weighted Poisson sum (`harm_measure.py`)."""

from __future__ import annotations

from policeplan.indicators.card_facts import CardComparison, CardLatest, change_verdict
from policeplan.indicators.card_sources import comparison_label, results_per_key
from policeplan.indicators.harm_measure import HARM_UNIT, HarmIndicatorResult
from policeplan.plan.model import Plan
from policeplan.stats.mdc_icons import ImprovementDirection
from policeplan.store import Workspace

__all__ = ["harm_card_facts"]


def harm_card_facts(
    workspace: Workspace,
    measure: str,
    force: str,
    to: str,
    months: int,
    area: str | None,
    keys: list[str],
    plan: Plan | None,
    direction: ImprovementDirection,
    caveats: list[str],
) -> tuple[CardLatest, list[CardComparison]]:
    """The latest window and one comparison per key; a caveat naming the weights."""
    results = results_per_key(workspace, measure, force, to, months, area, keys, plan,
                              HarmIndicatorResult)  # fmt: skip
    first = results[0]
    now = first.current
    latest = CardLatest(now.window, now.total, HARM_UNIT,
                        None if now.per_1000 is None else round(now.per_1000, 3),
                        now.population_year, now.missing_months)  # fmt: skip
    weights = first.weights
    caveats.append(
        f"Harm score: crimes weighted by the {weights.table.name} weights "
        f"({weights.table.vintage}), {weights.mix}; police.uk categories approximate the "
        "offence codes, so this is not the force's published Crime Severity Score."
    )
    if first.caveat:
        caveats.append(f"Harm test: {first.caveat}.")
    comparisons = []
    for key, result in zip(keys, results, strict=True):
        change = result.change
        diff = None if change is None else round(change.difference, 1)
        significant = None if change is None else change.significant
        comparisons.append(
            CardComparison(
                key,
                comparison_label(key, result.comparison.window),
                result.comparison.window,
                result.comparison.total,
                diff,
                None if change is None else change.percent_difference,
                None if change is None else change.p_value,
                significant,
                change_verdict(diff, significant, direction),
                result.comparison.missing_months,
                None if change is None else change.method,
            )
        )
    return latest, comparisons
