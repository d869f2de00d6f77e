"""The plan on a page: one row per plan indicator, grouped by priority, and the executive
summary sentences generated from those rows.

`plan_summary(workspace, SummaryQuery("essex", to="2021-07"))` builds each indicator's card
once (an indicator listed under several priorities shares its card) and keeps of it what
the summary table shows: the latest value, the change against the previous window and its
verdict, the SPC icons (names, as data, with their text alternatives), the MSG position
with its plausible rank range and whether the aspiration is met.

The executive summary says, from the rows only: in how many areas the MSG aspiration is
met and not met (naming them), where the MSG position improved or deteriorated over the
last 12 windows, and where the change is significant.

    >>> summary = plan_summary(workspace, SummaryQuery("essex", to="2021-07"))
    ... # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from policeplan.errors import DataError
from policeplan.indicators.card import CardQuery, IndicatorCard, build_cards
from policeplan.indicators.card_commentary import month_name
from policeplan.indicators.card_facts import CardMsg
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.reference import get_force
from policeplan.stats.mdc_icons import ICON_ALT_TEXT
from policeplan.store import Workspace

__all__ = ["PlanSummary", "SummaryQuery", "SummaryRow", "executive_summary", "plan_summary"]


@dataclass(frozen=True)
class SummaryQuery:
    """Every indicator of the plan for `force` over the `months` to `to`."""

    force: str
    to: str
    months: int = 12


@dataclass(frozen=True)
class SummaryRow:
    """One indicator of one priority. `position_change` is the MSG rank 12 windows ago minus
    now (positive: moved up); `card` is the full card behind the row (not in the JSON)."""

    priority: str
    priority_title: str
    indicator: str
    title: str
    measure: str | None
    direction: str
    latest: float | None
    unit: str | None
    change: float | None
    pct_change: float | None
    verdict: str | None
    variation_icon: str | None
    assurance_icon: str | None
    msg_position: int | None
    msg_of: int | None
    rank_range: tuple[int, int] | None
    aspiration: str | None
    aspiration_met: bool | None
    position_change: int | None
    note: str | None
    card: IndicatorCard = field(compare=False, repr=False)
    # The MSG figure of any statistic (the card's `CardMsg`): the value in its unit (per
    # cent for proportions), the group average, the change to the top quartile in counted
    # units (`msg_change_count_of`) and in the value's units (`msg_change_units`).
    msg_statistic: str | None = None
    msg_value: float | None = None
    msg_unit: str | None = None
    msg_average: float | None = None
    msg_change_to_average: int | None = None
    msg_change_to_top_quartile: int | None = None
    msg_change_to_average_value: float | None = None
    msg_change_to_top_quartile_value: float | None = None
    msg_change_units: str | None = None
    msg_change_count_of: str | None = None
    msg_positions: tuple[int | None, ...] = ()
    msg_last_data_to: str | None = None
    msg_forces_differ: bool | None = None

    @property
    def has_data(self) -> bool:
        """False when the workspace holds nothing for the indicator (`note` says why)."""
        return self.card.has_data

    @property
    def variation_alt(self) -> str | None:
        return None if self.variation_icon is None else ICON_ALT_TEXT[self.variation_icon]

    @property
    def assurance_alt(self) -> str | None:
        return None if self.assurance_icon is None else ICON_ALT_TEXT[self.assurance_icon]

    def to_dict(self) -> dict[str, Any]:
        return {
            "priority": self.priority,
            "priority_title": self.priority_title,
            "indicator": self.indicator,
            "title": self.title,
            "measure": self.measure,
            "direction": self.direction,
            "latest": self.latest,
            "unit": self.unit,
            "change": self.change,
            "pct_change": self.pct_change,
            "verdict": self.verdict,
            "variation_icon": self.variation_icon,
            "variation_alt": self.variation_alt,
            "assurance_icon": self.assurance_icon,
            "assurance_alt": self.assurance_alt,
            "msg_position": self.msg_position,
            "msg_of": self.msg_of,
            "rank_range": None if self.rank_range is None else list(self.rank_range),
            "aspiration": self.aspiration,
            "aspiration_met": self.aspiration_met,
            "position_change": self.position_change,
            "has_data": self.has_data,
            "note": self.note,
            "msg_statistic": self.msg_statistic,
            "msg_value": self.msg_value,
            "msg_unit": self.msg_unit,
            "msg_average": self.msg_average,
            "msg_change_to_average": self.msg_change_to_average,
            "msg_change_to_top_quartile": self.msg_change_to_top_quartile,
            "msg_change_to_average_value": self.msg_change_to_average_value,
            "msg_change_to_top_quartile_value": self.msg_change_to_top_quartile_value,
            "msg_change_units": self.msg_change_units,
            "msg_change_count_of": self.msg_change_count_of,
            "msg_positions": list(self.msg_positions),
            "msg_last_data_to": self.msg_last_data_to,
            "msg_forces_differ": self.msg_forces_differ,
        }


@dataclass(frozen=True)
class PlanSummary:
    """The summary table of a plan for one force and window, and its executive summary."""

    plan_id: str
    plan_name: str
    force: str
    to: str
    months: int
    rows: tuple[SummaryRow, ...]
    executive_summary: tuple[str, ...]
    data_label: str | None

    @property
    def priorities(self) -> tuple[tuple[str, str, tuple[SummaryRow, ...]], ...]:
        """(priority id, title, its rows), in plan order."""
        order: dict[str, tuple[str, list[SummaryRow]]] = {}
        for row in self.rows:
            order.setdefault(row.priority, (row.priority_title, []))[1].append(row)
        return tuple((key, title, tuple(rows)) for key, (title, rows) in order.items())

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan_id,
            "plan_name": self.plan_name,
            "force": self.force,
            "to": self.to,
            "months": self.months,
            "data_label": self.data_label,
            "executive_summary": list(self.executive_summary),
            "rows": [row.to_dict() for row in self.rows],
        }


def plan_summary(
    workspace: Workspace, query: SummaryQuery, *, plan: PlanChoice = LOADED_PLAN
) -> PlanSummary:
    """The summary of every indicator of the plan (the workspace's unless given)."""
    chosen = resolve_plan(workspace, plan)
    if chosen is None:
        raise DataError("the summary needs a plan: load one first (plan load FILE)")
    force = get_force(query.force).slug
    ids = list(dict.fromkeys(indicator.id for _, indicator in chosen.indicators))
    queries = [CardQuery(indicator, force, query.to, query.months) for indicator in ids]
    cards = dict(zip(ids, build_cards(workspace, queries, plan=chosen), strict=True))
    rows = [
        _row(priority.id, priority.title, cards[indicator.id])
        for priority, indicator in chosen.indicators
    ]
    sentences = executive_summary(rows, query.to, query.months)
    return PlanSummary(chosen.id, chosen.name, force, query.to, query.months, tuple(rows),
                       sentences, workspace.label())  # fmt: skip


def _row(priority: str, priority_title: str, card: IndicatorCard) -> SummaryRow:
    previous = card.comparison("previous")
    msg = card.msg
    position_change = None
    if msg is not None and msg.positions and msg.positions[0] is not None:
        position_change = msg.positions[0] - msg.position
    note = None if card.has_data else (card.caveats[-1] if card.caveats else None)
    return SummaryRow(
        priority=priority,
        priority_title=priority_title,
        indicator=card.indicator,
        title=card.title,
        measure=card.measure,
        direction=card.direction,
        latest=None if card.latest is None else card.latest.value,
        unit=None if card.latest is None else card.latest.unit,
        change=None if previous is None else previous.diff,
        pct_change=None if previous is None or not previous.compared else previous.pct_diff,
        verdict=None if previous is None else previous.verdict,
        variation_icon=None if card.spc is None else card.spc.variation_icon,
        assurance_icon=None if card.spc is None else card.spc.assurance_icon,
        msg_position=None if msg is None else msg.position,
        msg_of=None if msg is None else msg.of,
        rank_range=None if msg is None else msg.rank_range,
        aspiration=None if msg is None else msg.aspiration,
        aspiration_met=None if msg is None else msg.aspiration_met,
        position_change=position_change,
        note=note,
        card=card,
        **_msg_fields(msg),
    )


def _msg_fields(msg: CardMsg | None) -> dict[str, Any]:
    """The row's MSG figures, copied from the card (nothing recomputed)."""
    if msg is None:
        return {}
    return {
        "msg_statistic": msg.statistic,
        "msg_value": msg.value,
        "msg_unit": msg.unit,
        "msg_average": msg.average,
        "msg_change_to_average": msg.change_to_average,
        "msg_change_to_top_quartile": msg.change_to_top_quartile,
        "msg_change_to_average_value": msg.change_to_average_value,
        "msg_change_to_top_quartile_value": msg.change_to_top_quartile_value,
        "msg_change_units": msg.change_units,
        "msg_change_count_of": msg.change_count_of,
        "msg_positions": msg.positions,
        "msg_last_data_to": msg.last_data_to,
        "msg_forces_differ": msg.forces_differ,
    }


def executive_summary(rows: Sequence[SummaryRow], to: str, months: int) -> tuple[str, ...]:
    """The executive summary's sentences, from the rows only (each indicator counted once)."""
    unique = list({row.indicator: row for row in rows}.values())
    with_data = [row for row in unique if row.latest is not None]
    sentences = [
        f"{len(with_data)} of the plan's {len(unique)} indicators "
        f"{'has' if len(with_data) == 1 else 'have'} figures for the "
        f"{months} months to {month_name(to)}."
    ]
    met = [row.title for row in unique if row.aspiration_met is True]
    not_met = [row.title for row in unique if row.aspiration_met is False]
    if met or not_met:
        sentences.append(
            f"Meeting its aspiration in {len(met)} {_areas(len(met))}{_names(met)}; "
            f"not meeting in {len(not_met)}{_names(not_met)}."
        )
    improved = [row.title for row in unique if (row.position_change or 0) > 0]
    worse = [row.title for row in unique if (row.position_change or 0) < 0]
    if any(row.position_change is not None for row in unique):
        sentences.append(
            f"MSG position improved in {_listed(improved)}, deteriorated in {_listed(worse)}."
        )
    better = [row.title for row in unique if row.verdict == "significant improvement"]
    poorer = [row.title for row in unique if row.verdict == "significant deterioration"]
    if better or poorer:
        sentences.append(
            f"Against the previous {months} months, significant improvement in "
            f"{_listed(better)}; significant deterioration in {_listed(poorer)}."
        )
    return tuple(sentences)


def _areas(count: int) -> str:
    return "area" if count == 1 else "areas"


def _names(names: list[str]) -> str:
    return f": {', '.join(names)}" if names else ""


def _listed(names: list[str]) -> str:
    return ", ".join(names) if names else "none"
