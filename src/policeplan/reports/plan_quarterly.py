"""`plan-quarterly`: the Police and Crime Plan quarterly update.

Shaped on Essex's 2021/22 Q3 update: the executive summary; per priority its objective and
its "We will…" commitments, each with the quarter's approved narrative (force-wide, then
"North LPA • …" per local policing area); the Most Similar Group table; the narrative still
missing; about the data.
"""

from __future__ import annotations

from policeplan.delivery.commitments import PlanCommitment, plan_commitments
from policeplan.errors import InputError
from policeplan.indicators import MsgComparison
from policeplan.indicators.card import IndicatorCard
from policeplan.indicators.card_commentary import month_name
from policeplan.indicators.card_facts import CardMsg
from policeplan.indicators.card_msg import NOT_RANKED
from policeplan.indicators.counts import HOME_OFFICE
from policeplan.indicators.msg_loaded import MEASURES
from policeplan.indicators.msg_plan import msg_choice
from policeplan.plan.model import MsgIndicator
from policeplan.render import wording
from policeplan.render.charts import PositionHistory, msg_positions_spec
from policeplan.render.document import (
    Block,
    Cell,
    CellFormat,
    Chart,
    Paragraph,
    Section,
    Table,
)
from policeplan.reports.context import Built, ReportContext, chart, window_heading
from policeplan.reports.narrative import CommitmentNarrative, commitment_narrative

__all__ = ["commitment_blocks", "msg_table", "plan_sections", "rank_range_text"]

NO_DATA = "no data held"


def commitment_blocks(commitment: PlanCommitment, narrative: CommitmentNarrative) -> list[Block]:
    blocks: list[Block] = [Paragraph(commitment.text, style="commitment", label=commitment.id)]
    approved = narrative.approved.get(commitment.id, ())
    if not approved:
        blocks.append(Paragraph("No approved narrative this quarter.", style="missing"))
    for record in approved:
        label = f"{record.lpa} LPA" if record.lpa else None
        blocks.append(Paragraph(record.text, style="narrative", label=label))
    return blocks


def priority_sections(
    context: ReportContext, narrative: CommitmentNarrative
) -> tuple[Section, ...]:
    commitments = plan_commitments(context.plan)
    sections = []
    for number, priority in enumerate(context.plan.priorities, start=1):
        blocks: list[Block] = [
            Paragraph(priority.objective),
            Paragraph("We will:", style="lead-in"),
        ]
        for commitment in commitments:
            if commitment.priority_id == priority.id:
                blocks += commitment_blocks(commitment, narrative)
        sections.append(Section(f"priority-{number}", f"{number}. {priority.title}", tuple(blocks)))
    return tuple(sections)


def rank_range_text(msg: CardMsg) -> str:
    """'1st–4th': the positions the force could plausibly hold, allowing for chance."""
    if msg.rank_range is None:
        return "–"
    low, high = msg.rank_range
    return (
        wording.ordinal(low) if low == high else f"{wording.ordinal(low)}–{wording.ordinal(high)}"
    )


MSG_HEADER = (
    "Indicator",
    "Aspiration",
    "Value",
    wording.MSG_AVERAGE,
    "MSG position",
    "Plausible positions",
    "Aspiration met",
)
CHANGE_HEADER = (
    "Indicator",
    "Counted in",
    "Change to reach MSG average",
    "Change to reach top quartile",
    "Rate or points to MSG average",
    "Rate or points to top quartile",
)


def _value_format(msg: CardMsg) -> CellFormat:
    """Rates per 1,000 to three decimals, per cent to one, other units to one."""
    if msg.unit == "%":
        return "percent1"
    return "decimal3" if msg.rate is not None else "decimal1"


def _msg_row(indicator: MsgIndicator, msg: CardMsg | None) -> tuple[Cell, ...]:
    aspiration = Cell.text(indicator.aspiration or "none set")
    if msg is None:
        return (
            Cell.text(indicator.title),
            aspiration,
            *(Cell(None, "decimal3"),) * 2,
            Cell.text(NO_DATA),
            Cell.text(NO_DATA),
            Cell.text(NO_DATA),
        )
    met = msg.aspiration_met
    shown = _value_format(msg)
    return (
        Cell.text(indicator.title),
        aspiration,
        Cell.number(msg.value, shown),
        Cell.number(msg.average, shown),
        Cell.text(wording.rank_phrase(msg.position, msg.of)),
        Cell.text(rank_range_text(msg)),
        Cell.text("none set" if met is None else ("met" if met else "not met")),
    )


def _change_row(indicator: MsgIndicator, msg: CardMsg | None) -> tuple[Cell, ...]:
    """The change to reach the MSG average and the top quartile: in whole units of what the
    numerator counts, and in the value's units (per 1,000 people, or percentage points)."""
    if msg is None:
        return (
            Cell.text(indicator.title),
            Cell.text(NO_DATA),
            *(Cell(None, "signed_integer"),) * 2,
            *(Cell(None, "signed_decimal1"),) * 2,
        )
    return (
        Cell.text(indicator.title),
        # An unnamed loaded numerator reads "in the numerator" in sentences.
        Cell.text(None if msg.change_count_of is None else msg.change_count_of.removeprefix("in ")),
        Cell.number(msg.change_to_average, "signed_integer"),
        Cell.number(msg.change_to_top_quartile, "signed_integer"),
        Cell.number(msg.change_to_average_value, "signed_decimal1"),
        Cell.number(msg.change_to_top_quartile_value, "signed_decimal1"),
    )


def positions_chart(indicator: MsgIndicator, msg: CardMsg) -> Chart:
    """The sparkline of the force's MSG position: 12-month windows ending each month for
    crime rates, at the last quarter ends for the other statistics."""
    history = PositionHistory(
        indicator.title, msg.force_name, msg.of, msg.position_ends, msg.positions
    )
    ending = "each month" if msg.statistic == "rate" else "at each quarter end"
    return chart(
        f"msg-positions-{indicator.measure}",
        f"{indicator.title}: {msg.force_name}'s MSG position, 12-month windows ending "
        f"{ending} (1st is best)",
        msg_positions_spec(history),
    )


def msg_table(context: ReportContext) -> tuple[tuple[Table, Table], list[Chart], list[int]]:
    """The MSG table and the table of changes required (from each measure's indicator
    card), a positions sparkline per indicator with figures, and the population years."""
    cards = context.measure_cards([i.measure for i in context.plan.msg_indicators])
    rows, changes, years, missing, charts, alike, last = [], [], [], [], [], [], []
    excluded: set[tuple[str, str]] = set()
    for indicator in context.plan.msg_indicators:
        card = cards.get(indicator.measure)
        result = None if card is None else card.msg_result
        msg = None if card is None or result is None else card.msg
        rows.append(_msg_row(indicator, msg))
        changes.append(_change_row(indicator, msg))
        if msg is None or result is None:
            missing.append((indicator.title, _why_not_ranked(context, indicator, card)))
            continue
        if isinstance(result, MsgComparison):
            years.append(result.force_member.population.year)
        excluded.update((e.force.short_name, e.reason) for e in result.excluded)
        charts.append(positions_chart(indicator, msg))
        if msg.forces_differ is False:
            alike.append(indicator.title)
        if msg.last_data_to is not None:
            last.append(f"{indicator.title} (last data to {month_name(msg.last_data_to)})")
    table = Table(
        key="msg",
        caption=f"Most Similar Group comparison, {window_heading(context.to)}",
        header=MSG_HEADER,
        rows=tuple(rows),
        note=_msg_note(context, excluded, missing, alike, last),
    )
    required = Table(
        key="msg-change",
        caption=f"Change required to reach the {wording.MSG_AVERAGE} and the "
        f"{wording.TOP_QUARTILE}, {window_heading(context.to)}",
        header=CHANGE_HEADER,
        rows=tuple(changes),
        note="Fewer (-) or more (+) of what the change is counted in (offences at the "
        "force's population, solved crimes on its crimes) to reach the figure, and the same "
        "change in the value's units: per 1,000 people for rates, percentage points for "
        "proportions. 0 when the force is already there.",
    )
    return (table, required), charts, years


def left_out_words(excluded: set[tuple[str, str]]) -> str:
    """The members left out, those sharing a reason named together.

    >>> left_out_words({("Kent", "no figure"), ("Sussex", "no figure"), ("Hampshire", "x")})
    'Hampshire (x); Kent and Sussex (no figure)'
    """
    by_reason: dict[str, list[str]] = {}
    for name, reason in sorted(excluded):
        by_reason.setdefault(reason, []).append(name)
    parts = []
    for reason, names in by_reason.items():
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        parts.append(f"{listed} ({reason})")
    return "; ".join(parts)


def _msg_note(
    context: ReportContext,
    excluded: set[tuple[str, str]],
    missing: list[tuple[str, str]],
    alike: list[str],
    last: list[str],
) -> str:
    note = (
        f"Values: rates {wording.PER_1000} people, or per cent for solved rates and other "
        f"proportions, over the {window_heading(context.to)}; position 1st is best in the "
        "good direction. Plausible positions: the positions the force could hold once "
        "chance in every member's figure is allowed for (a wide range means the ranking "
        "says little)."
    )
    if alike:
        note += f" {wording.NO_GROUP_DIFFERENCE.capitalize()}: {', '.join(alike)}."
    if last:
        note += f" Figures end before the window: {'; '.join(last)}."
    if excluded:
        note += f" Left out of the group: {left_out_words(excluded)}."
    if missing:
        by_reason: dict[str, list[str]] = {}
        for title, reason in missing:
            by_reason.setdefault(reason, []).append(title)
        why = "; ".join(f"{', '.join(titles)} ({reason})" for reason, titles in by_reason.items())
        note += f" {NO_DATA.capitalize()}: {why}."
    return note


def _why_not_ranked(
    context: ReportContext, indicator: MsgIndicator, card: IndicatorCard | None
) -> str:
    """Why an MSG indicator has no figures: the card's reason, else what would answer it."""
    if card is not None:
        reason = next((c for c in card.caveats if c.startswith(NOT_RANKED)), None)
        if reason is not None:
            return reason.removeprefix(NOT_RANKED).rstrip(".")
    try:
        choice = msg_choice(context.plan, indicator.measure)
    except InputError as error:
        return error.message
    if choice.source == MEASURES:
        return "each force's figures are not loaded: policeplan import measures"
    if choice.source == HOME_OFFICE:
        return "needs the Home Office recorded-crime table: policeplan import home-office"
    return "the window cannot be compared"


def plan_sections(context: ReportContext) -> Built:
    """The report's sections (before "About the data"), population years, missing narrative."""
    narrative = commitment_narrative(
        context.workspace, context.quarter, plan_commitments(context.plan)
    )
    tables, charts, years = msg_table(context)
    sections = (
        Section(
            "priorities", "Priorities and commitments", (), priority_sections(context, narrative)
        ),
        Section("msg", "Most Similar Group", (*tables, *charts)),
    )
    return sections, years, narrative.missing
