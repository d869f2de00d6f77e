"""The latest value and comparisons of the cards whose measure is derived from another:

- `X-solved-rate` (the plan's `all-crime-solved-rate`): the solved rate of crime measure X
  in per cent, compared with each earlier window in percentage points (Fisher's exact
  test), not tested when the windows' outcomes differ in maturity;
- a Home Office offence group (homicide, violence with injury): its offences and rate per
  1,000 over the window, from the Most Similar Group result (the Home Office table is
  quarterly, so no monthly comparisons or SPC chart).
"""

from __future__ import annotations

from policeplan.indicators.areas import Area
from policeplan.indicators.card_facts import CardComparison, CardLatest, change_verdict
from policeplan.indicators.card_parts import solved_comparability
from policeplan.indicators.card_sources import comparison_label, crime_results
from policeplan.indicators.indicator import IndicatorResult, solved_gap
from policeplan.indicators.msg_compare import SOLVED_SUFFIX
from policeplan.indicators.msg_result import MsgComparison
from policeplan.indicators.msg_values import ValueComparison
from policeplan.indicators.windows import Window
from policeplan.plan.model import Plan
from policeplan.stats.mdc_icons import ImprovementDirection
from policeplan.store import Workspace

__all__ = ["NO_SPC", "offence_group_latest", "solved_card_facts"]

SOLVED_TEST = "Fisher's exact test of two proportions"
NO_SPC = {
    "solved": "No SPC chart: solved rates are not charted month by month (the latest "
    "months' outcomes are still maturing).",
    "offence-group": "No SPC chart: the Home Office table is counted by quarter, not month.",
}


def solved_card_facts(
    workspace: Workspace,
    measure: str,
    force: str,
    area: Area,
    window: Window,
    keys: list[str],
    plan: Plan | None,
    direction: ImprovementDirection,
    label: str | None,
    caveats: list[str],
) -> tuple[CardLatest, list[CardComparison]]:
    """The solved rate (per cent) of `measure`'s base in `area` over `window` against each
    key."""
    base = measure.removesuffix(SOLVED_SUFFIX)
    results, _, _ = crime_results(workspace, base, force, window.last, window.length,
                                  area, keys, plan, label)  # fmt: skip
    first = results[0]
    solved = first.solved
    value = None if solved is None or solved.proportion is None else solved.proportion * 100
    latest = CardLatest(first.current.window, value, "%",
                        missing_months=first.current.missing_months)  # fmt: skip
    comparable, reason = solved_comparability(first)
    if comparable is False and reason:
        caveats.append(f"Solved rates: {reason}")
    comparisons = [
        _solved_comparison(key, result, direction)
        for key, result in zip(keys, results, strict=True)
    ]
    return latest, comparisons


def _solved_comparison(
    key: str, result: IndicatorResult, direction: ImprovementDirection
) -> CardComparison:
    before = result.solved_comparison
    value = None if before is None or before.proportion is None else before.proportion * 100
    gap = solved_gap(result.solved, before)
    diff = None if gap is None else round(gap, 1)
    change = result.solved_change
    p = None if change is None else change.p_value
    significant = None if change is None else change.significant
    verdict = change_verdict(diff if change is not None else None, significant, direction)
    return CardComparison(
        key,
        comparison_label(key, result.comparison.window),
        result.comparison.window,
        value,
        diff,
        None,
        p,
        significant,
        verdict,
        result.comparison.missing_months,
        None if change is None else SOLVED_TEST,
    )


def offence_group_latest(result: MsgComparison | ValueComparison, window: Window) -> CardLatest:
    """The force's offences over the window and its rate per 1,000, from the MSG result."""
    if not isinstance(result, MsgComparison):
        raise TypeError("an offence group is ranked as a rate per 1,000")
    member = result.force_member
    return CardLatest(window, float(member.count), "offences", round(float(member.rate), 3),
                      member.population.year)  # fmt: skip
