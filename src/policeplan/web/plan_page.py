"""The plan on a page, as one typed result the plan view and the publisher both show.

Built from library results only: `current_plan`, `scorecard` (crime measures), and
`compute_indicator` (loaded measures), with every figure worded by `policeplan.render`.
Hook for the indicator cards issue: when `policeplan.indicators.summary` lands, build
`PlanPage.rows` from its summary table instead (MDC icons, MSG position, rank ranges).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from policeplan.delivery import DeliverySummary, Quarter, delivery_summary
from policeplan.errors import PolicePlanError
from policeplan.indicators import (
    HarmIndicatorResult,
    IndicatorQuery,
    IndicatorResult,
    LoadedIndicatorResult,
    ScorecardQuery,
    compute_indicator,
    scorecard,
)
from policeplan.plan.model import Indicator, Plan
from policeplan.plan.storage import current_plan
from policeplan.render.wording import count_or_incomplete, percent_change, significance
from policeplan.store import Workspace
from policeplan.store.coverage import coverage

NO_FIGURES = "no figures in this workspace yet"

__all__ = ["IndicatorLine", "PlanPage", "PriorityBlock", "build_plan_page", "latest_month"]


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator as the plan page shows it; `measure` links to its page when set."""

    title: str
    measure: str | None
    value: str
    change: str
    verdict: str
    good_direction: str
    note: str | None = None


@dataclass(frozen=True)
class PriorityBlock:
    id: str
    title: str
    objective: str
    commitments: tuple[str, ...]
    indicators: tuple[IndicatorLine, ...]


@dataclass(frozen=True)
class PlanPage:
    plan_name: str
    force: str
    window: str
    comparison: str
    crime: tuple[IndicatorLine, ...]  # every police.uk crime measure (the scorecard)
    priorities: tuple[PriorityBlock, ...]
    delivery: DeliverySummary
    data_label: str | None


def latest_month(workspace: Workspace, force: str) -> str | None:
    """The newest month of police.uk street records the workspace holds for the force."""
    months = [
        p.month
        for p in coverage(workspace).partitions
        if p.force == force and p.dataset == "street"
    ]
    return max(months) if months else None


def build_plan_page(
    data: Workspace, records: Workspace, *, to: str | None, today: date
) -> PlanPage:
    """`data`: the analytics snapshot; `records`: the workspace of the delivery records."""
    plan = current_plan(data)
    end = to or latest_month(data, plan.force)
    if end is None:
        raise PolicePlanError(f"the workspace holds no police.uk records for {plan.force} yet")
    card = scorecard(data, ScorecardQuery(plan.force, to=end), plan=plan)
    results: dict[str, IndicatorResult | LoadedIndicatorResult | HarmIndicatorResult | str] = {
        result.measure: result for result in card.indicators
    }
    blocks = tuple(
        PriorityBlock(
            priority.id,
            priority.title,
            priority.objective,
            priority.commitments,
            tuple(_line(data, plan, results, indicator, end) for indicator in priority.indicators),
        )
        for priority in plan.priorities
    )
    return PlanPage(
        plan_name=plan.name,
        force=card.force_name,
        window=card.current.label(),
        comparison=card.comparison.label(),
        crime=tuple(
            _result_line(r.title or r.measure, r.measure, r, "fewer is better")
            for r in card.indicators
        ),
        priorities=blocks,
        delivery=delivery_summary(records, Quarter.containing(today)),
        data_label=card.data_label,
    )


def _line(
    data: Workspace,
    plan: Plan,
    results: dict[str, IndicatorResult | LoadedIndicatorResult | HarmIndicatorResult | str],
    indicator: Indicator,
    to: str,
) -> IndicatorLine:
    """`results` holds each measure's result (or why there is none), computed once."""
    direction = "fewer is better" if indicator.direction == "down" else "more is better"
    if indicator.measure is None:
        return IndicatorLine(indicator.title, None, "—", "", "", direction, "reported in words")
    if indicator.measure not in results:
        query = IndicatorQuery(indicator.measure, plan.force, to)
        try:
            results[indicator.measure] = compute_indicator(data, query, plan=plan)
        except PolicePlanError:
            # Measures the plan reports from other sources (surveys, force systems) have
            # figures only once a measures file is imported (`policeplan import measures`).
            results[indicator.measure] = NO_FIGURES
    result = results[indicator.measure]
    if isinstance(result, str):
        return IndicatorLine(indicator.title, None, "—", "", "", direction, result)
    return _result_line(indicator.title, indicator.measure, result, direction)


def _result_line(
    title: str,
    measure: str,
    result: IndicatorResult | LoadedIndicatorResult | HarmIndicatorResult,
    direction: str,
) -> IndicatorLine:
    if isinstance(result, HarmIndicatorResult):
        harm = result.change
        return IndicatorLine(
            title, None, count_or_incomplete(result.current.total),
            percent_change(None if harm is None else harm.percent_difference),
            significance(None if harm is None else harm.significant), direction,
            f"harm score, {result.weights.table.name} weights ({result.weights.mix})",
        )  # fmt: skip
    if isinstance(result, LoadedIndicatorResult):
        value = result.current.value
        return IndicatorLine(
            title, None, "—" if value is None else count_or_incomplete(value), "", "",
            direction, "loaded measure",
        )  # fmt: skip
    change = result.change
    percent = None if change is None or change.percent_difference is None else float(
        change.percent_difference
    )  # fmt: skip
    return IndicatorLine(
        title,
        measure,
        count_or_incomplete(result.current.count),
        percent_change(percent),
        significance(None if change is None else change.significant),
        direction,
    )
