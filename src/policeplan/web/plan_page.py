"""The plan on a page, as one typed result the plan view and the publisher both show.

Built from library results only: `current_plan`, `scorecard` (every police.uk crime
measure) and `plan_summary` (the summary table of the indicator cards: latest value,
change and verdict, MDC icons, MSG position and rank range against the aspiration), with
every figure worded by `policeplan.render`; delivery status counts from the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from policeplan.delivery import DeliverySummary, Quarter, delivery_summary
from policeplan.errors import PolicePlanError
from policeplan.indicators import (
    IndicatorResult,
    PlanSummary,
    ScorecardQuery,
    SummaryQuery,
    SummaryRow,
    plan_summary,
    scorecard,
)
from policeplan.plan.model import Priority
from policeplan.plan.storage import current_plan
from policeplan.render.wording import (
    count_or_incomplete,
    ordinal,
    percent_change,
    rank_phrase,
    significance,
)
from policeplan.store import Workspace
from policeplan.store.coverage import coverage
from policeplan.web.page_icons import Icon, page_icon

__all__ = [
    "IndicatorLine",
    "PlanPage",
    "PriorityBlock",
    "SummaryLine",
    "build_plan_page",
    "latest_month",
    "summary_line",
]

_DIRECTION = {"down": "fewer is better", "up": "more is better", "neutral": "neither"}


@dataclass(frozen=True)
class IndicatorLine:
    """One crime measure of the scorecard; `measure` links to its page."""

    title: str
    measure: str | None
    value: str
    change: str
    verdict: str
    good_direction: str
    note: str | None = None


@dataclass(frozen=True)
class SummaryLine:
    """One row of the summary table, worded; `measure` links to its indicator page when set."""

    title: str
    measure: str | None
    value: str
    change: str
    verdict: str
    variation: Icon | None
    assurance: Icon | None
    msg_position: str
    rank_range: str
    aspiration: str
    aspiration_met: bool | None
    good_direction: str
    note: str | None = None


@dataclass(frozen=True)
class PriorityBlock:
    id: str
    title: str
    objective: str
    commitments: tuple[str, ...]
    indicators: tuple[SummaryLine, ...]


@dataclass(frozen=True)
class PlanPage:
    plan_name: str
    force: str
    window: str
    comparison: str
    crime: tuple[IndicatorLine, ...]  # every police.uk crime measure (the scorecard)
    priorities: tuple[PriorityBlock, ...]
    executive_summary: tuple[str, ...]
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
    summary = plan_summary(data, SummaryQuery(plan.force, to=end), plan=plan)
    return PlanPage(
        plan_name=plan.name,
        force=card.force_name,
        window=card.current.label(),
        comparison=card.comparison.label(),
        crime=tuple(_crime_line(r) for r in card.indicators),
        priorities=_blocks(plan.priorities, summary),
        executive_summary=summary.executive_summary,
        delivery=delivery_summary(records, Quarter.containing(today)),
        data_label=card.data_label,
    )


def _blocks(priorities: Sequence[Priority], summary: PlanSummary) -> tuple[PriorityBlock, ...]:
    rows = {key: rows for key, _, rows in summary.priorities}
    return tuple(
        PriorityBlock(
            priority.id,
            priority.title,
            priority.objective,
            priority.commitments,
            tuple(summary_line(row) for row in rows.get(priority.id, ())),
        )
        for priority in priorities
    )


def summary_line(row: SummaryRow) -> SummaryLine:
    """A summary row in the words and icons of the page (nothing recomputed)."""
    if row.latest is not None:
        value = count_or_incomplete(row.latest)
    else:
        value = "incomplete" if row.has_data else "—"
    rank_range = ""
    if row.rank_range is not None:
        rank_range = f"{ordinal(row.rank_range[0])}–{ordinal(row.rank_range[1])}"
    aspiration = ""
    if row.aspiration is not None:
        aspiration = f"{row.aspiration}: {'met' if row.aspiration_met else 'not met'}"
    return SummaryLine(
        title=row.title,
        measure=row.measure if row.has_data else None,
        value=value,
        change=percent_change(row.pct_change) if row.pct_change is not None else "",
        verdict=row.verdict or "",
        variation=page_icon(row.variation_icon),
        assurance=page_icon(row.assurance_icon),
        msg_position="" if row.msg_of is None else rank_phrase(row.msg_position, row.msg_of),
        rank_range=rank_range,
        aspiration=aspiration,
        aspiration_met=row.aspiration_met,
        good_direction=_DIRECTION.get(row.direction, row.direction),
        note=row.note,
    )


def _crime_line(result: IndicatorResult) -> IndicatorLine:
    change = result.change
    percent = None if change is None or change.percent_difference is None else float(
        change.percent_difference
    )  # fmt: skip
    return IndicatorLine(
        result.title or result.measure,
        result.measure,
        count_or_incomplete(result.current.count),
        percent_change(percent),
        significance(None if change is None else change.significant),
        _DIRECTION["down"],
    )
