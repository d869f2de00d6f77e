"""The latest value and comparisons of a card whose measure was loaded with `import
measures` (a proportion loaded in per cent shown in per cent)."""

from __future__ import annotations

from dataclasses import replace

from policeplan.indicators.card_facts import CardComparison, CardLatest, change_verdict
from policeplan.indicators.card_sources import comparison_label, results_per_key
from policeplan.indicators.indicator import LoadedIndicatorResult
from policeplan.indicators.loaded_measures import RATE
from policeplan.plan.model import Plan
from policeplan.stats.mdc_icons import ImprovementDirection
from policeplan.store import Workspace

__all__ = ["loaded_card_facts"]


def loaded_card_facts(
    workspace: Workspace,
    to: str,
    months: int,
    area: str | None,
    measure: str,
    force: str,
    keys: list[str],
    plan: Plan | None,
    direction: ImprovementDirection,
) -> tuple[CardLatest, list[CardComparison], None, None]:
    """The latest window and its comparisons of a measure loaded with `import measures`."""
    results = results_per_key(workspace, measure, force, to, months, area, keys, plan,
                              LoadedIndicatorResult)  # fmt: skip
    first = results[0]
    unit = first.current.unit or "value"
    # A proportion loaded in per cent (numerator / denominator, unit %) is combined as a
    # ratio: the card shows it in per cent, as loaded and as the MSG ranks it.
    scale = 100.0 if unit.strip() == "%" and first.current.combined_as == RATE else 1.0
    latest = CardLatest(first.current.window, _scaled(first.current.value, scale), unit,
                        missing_months=first.current.missing_months)  # fmt: skip
    comparisons = []
    for key, result in zip(keys, results, strict=True):
        comparison = _loaded_comparison(key, result, direction)
        if scale != 1:
            comparison = replace(comparison, value=_scaled(comparison.value, scale),
                                 diff=_scaled(comparison.diff, scale))  # fmt: skip
        comparisons.append(comparison)
    return latest, comparisons, None, None


def _scaled(value: float | None, scale: float) -> float | None:
    return None if value is None else round(value * scale, 6)


def _loaded_comparison(
    key: str, result: LoadedIndicatorResult, direction: ImprovementDirection
) -> CardComparison:
    change = result.change
    return CardComparison(
        key,
        comparison_label(key, result.comparison.window),
        result.comparison.window,
        result.comparison.value,
        change.diff,
        change.pct_diff,
        change.p_value,
        change.significant,
        change_verdict(change.diff, change.significant, direction),
        result.comparison.missing_months,
        None if change.p_value is None else "test for loaded measures (loaded_measures.py)",
    )
