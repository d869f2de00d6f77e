"""The parts of a card that come from other results (SPC, MSG, the indicator's tests).

The last functions read the statistics the indicator and MSG results carry
(dispersion-adjusted p, suspect months, rank ranges, solved-rate comparability).
"""

from __future__ import annotations

from collections.abc import Mapping

from policeplan.errors import PolicePlanError
from policeplan.indicators.card_facts import CardSolved, CardSpc
from policeplan.indicators.counts import POLICE_UK, CountTable
from policeplan.indicators.indicator import IndicatorResult
from policeplan.indicators.msg import position_windows, read_group_tables
from policeplan.indicators.msg_result import MsgComparison
from policeplan.indicators.queries import SpcQuery
from policeplan.indicators.spc_series import SpcOptions, SpcResult, spc_chart
from policeplan.indicators.windows import Window
from policeplan.plan.model import Plan
from policeplan.reference import get_force
from policeplan.stats.mdc_icons import ImprovementDirection
from policeplan.store import Workspace

__all__ = [
    "GroupTables",
    "comparison_test",
    "msg_rank_range",
    "msg_rank_ranges",
    "solved_comparability",
    "solved_part",
    "spc_part",
    "suspect_month_caveats",
]


class GroupTables:
    """The Most Similar Group's counts, read once per window for every card built together
    (the plan's force only: another force has no group in the plan)."""

    def __init__(self, workspace: Workspace, plan: Plan | None) -> None:
        self._workspace = workspace
        self._plan = plan
        self._read: dict[Window, dict[str, CountTable]] = {}

    def tables(self, force: str, window: Window) -> Mapping[str, CountTable] | None:
        plan = self._plan
        if plan is None or plan.force != force:
            return None
        if window not in self._read:
            slugs = dict.fromkeys([force, *plan.most_similar_group])
            forces = [get_force(slug) for slug in slugs]
            span = Window(position_windows(window, POLICE_UK)[0].first, window.last)
            with self._workspace.connect(read_only=True) as con:
                self._read[window] = read_group_tables(con, forces, span, POLICE_UK)
        return self._read[window]


def spc_part(
    workspace: Workspace,
    measure: str,
    force: str,
    window: Window,
    area: str | None,
    plan: Plan | None,
    direction: ImprovementDirection,
    caveats: list[str],
    table: CountTable | None = None,
) -> tuple[SpcResult | None, CardSpc | None]:
    """The SPC chart over `window` (from the first month with data) and its card summary;
    None with a caveat when it cannot be drawn."""
    spc_query = SpcQuery(measure, force, window.first, window.last, area)
    options = SpcOptions(direction=direction, trim_missing_start=True)
    try:
        result = spc_chart(workspace, spc_query, options=options, plan=plan, table=table)
    except PolicePlanError as error:
        caveats.append(f"No SPC chart: {error}")
        return None, None
    chart = result.chart
    if all(value is None for value in chart.values):
        caveats.append(
            f"No SPC chart: no monthly values from {window.first} to {window.last} (an SPC "
            "chart needs one value a month)."
        )
        return None, None
    if chart.trial_limits and chart.reason:
        caveats.append(f"SPC: {chart.reason}.")
    return result, CardSpc(
        first=chart.points[0].month,
        last=chart.latest.month,
        variation_icon=None if chart.variation_icon is None else str(chart.variation_icon),
        assurance_icon=None if chart.assurance_icon is None else str(chart.assurance_icon),
        reason=chart.reason,
        assurance_reason=chart.assurance_reason,
        rules=chart.latest.rules,
        special_cause=chart.latest.special_cause,
        target=chart.target,
        seasonal_note=result.seasonal_note,
    )


def solved_part(result: IndicatorResult) -> CardSolved | None:
    """The solved rate of the latest window and its change on the comparison window."""
    if result.solved is None:
        return None
    change = result.solved_change
    comparable, reason = solved_comparability(result)
    points = None
    if change is not None and change.points_difference is not None:
        points = round(float(change.points_difference), 1)
    return CardSolved(
        count=result.solved.successes,
        rate=result.solved.proportion,
        rate_low=result.solved.lower,
        rate_high=result.solved.upper,
        points_change=points,
        p=None if change is None else change.p_value,
        significant=None if change is None else change.significant,
        comparable=comparable,
        reason=reason,
    )


# --- The statistics the card reads from the indicator and MSG results ---------------------


def comparison_test(result: IndicatorResult) -> tuple[float | None, bool | None, str | None]:
    """(p, significant, method) of a crime change: the test allowing for the series'
    month-to-month variation where its history allows, else the exact Poisson test."""
    change = result.change
    if change is None:
        return None, None, None
    return change.p_value, change.significant, change.test.method


def suspect_month_caveats(result: IndicatorResult) -> list[str]:
    """One caveat per month that looks like a partial upload: why a window was not compared,
    or the warning that such a month was counted on request."""
    caveats: list[str] = []
    for window in (result.current, result.comparison):
        reason = window.incomplete_reason
        if reason and reason not in caveats:
            caveats.append(reason)
        caveats.extend(w for w in window.warnings if w not in caveats)
    return caveats


def solved_comparability(result: IndicatorResult) -> tuple[bool | None, str | None]:
    """Whether the solved rates of the two windows are comparable and, if not, why (recent
    outcomes still open: a different download vintage); None when not assessed."""
    maturity = result.solved_maturity
    if maturity is None:
        return None, None
    return maturity.comparable, maturity.reason


def msg_rank_ranges(result: MsgComparison) -> dict[str, tuple[int, int]]:
    """Each member's 95% plausible rank range, by force slug (from the MSG result)."""
    return {
        m.force.slug: (m.rank_range.rank_lower, m.rank_range.rank_upper)
        for m in result.members
        if m.rank_range is not None
    }


def msg_rank_range(result: MsgComparison) -> tuple[int, int] | None:
    """The force's own plausible rank range (see `msg_rank_ranges`)."""
    return msg_rank_ranges(result).get(result.force.slug)
