"""`plan-quarterly`: the Police and Crime Plan quarterly update.

Shaped on Essex's 2021/22 Q3 update: the executive summary; per priority its objective and
its "We will…" commitments, each with the quarter's approved narrative (force-wide, then
"North LPA • …" per local policing area); the Most Similar Group table; the narrative still
missing; about the data.
"""

from __future__ import annotations

from policeplan.delivery.commitments import PlanCommitment, plan_commitments
from policeplan.indicators import MsgComparison
from policeplan.indicators.card_facts import CardMsg
from policeplan.plan.model import MsgIndicator
from policeplan.render import wording
from policeplan.render.charts import PositionHistory, msg_positions_spec
from policeplan.render.document import Block, Cell, Chart, Paragraph, Section, Table
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


def _msg_row(indicator: MsgIndicator, msg: CardMsg | None) -> tuple[Cell, ...]:
    aspiration = Cell.text(indicator.aspiration or "none set")
    if msg is None:
        return (
            Cell.text(indicator.title),
            aspiration,
            *(Cell(None, "decimal3"),) * 2,
            Cell.text(NO_DATA),
            Cell.text(NO_DATA),
            Cell(None, "signed_integer"),
            Cell(None, "signed_integer"),
            Cell.text(NO_DATA),
        )
    met = msg.aspiration_met
    return (
        Cell.text(indicator.title),
        aspiration,
        Cell.number(msg.rate, "decimal3"),
        Cell.number(msg.average, "decimal3"),
        Cell.text(wording.rank_phrase(msg.position, msg.of)),
        Cell.text(rank_range_text(msg)),
        Cell.number(msg.change_to_average, "signed_integer"),
        Cell.number(msg.change_to_top_quartile, "signed_integer"),
        Cell.text("none set" if met is None else ("met" if met else "not met")),
    )


def positions_chart(indicator: MsgIndicator, result: MsgComparison) -> Chart:
    """The sparkline of the force's MSG position over the last 12 windows."""
    history = PositionHistory(
        indicator.title,
        result.force.short_name,
        len(result.members),
        tuple(p.window.last for p in result.positions),
        tuple(p.rank for p in result.positions),
    )
    return chart(
        f"msg-positions-{indicator.measure}",
        f"{indicator.title}: {result.force.short_name}'s MSG position, 12-month windows "
        "ending each month (1st is best)",
        msg_positions_spec(history),
    )


def msg_table(context: ReportContext) -> tuple[Table, list[Chart], list[int]]:
    """The MSG table (from each measure's indicator card), a positions sparkline per
    indicator with figures, and the population years used."""
    cards = context.measure_cards([i.measure for i in context.plan.msg_indicators])
    rows, years, missing, charts = [], [], [], []
    excluded: set[tuple[str, str]] = set()
    for indicator in context.plan.msg_indicators:
        card = cards.get(indicator.measure)
        result = None if card is None else card.msg_result
        if card is None or card.msg is None or result is None:
            missing.append(indicator.title)
            rows.append(_msg_row(indicator, None))
            continue
        years.append(result.force_member.population.year)
        excluded.update((e.force.short_name, e.reason) for e in result.excluded)
        charts.append(positions_chart(indicator, result))
        rows.append(_msg_row(indicator, card.msg))
    note = (
        f"Rates {wording.PER_1000} people over the {window_heading(context.to)}; position 1st "
        "is best in the good direction. Plausible positions: the positions the force could "
        "hold once chance in every member's rate is allowed for (a wide range means the "
        "ranking says little). Change required: offences fewer (-) or more (+) to "
        f"reach the {wording.MSG_AVERAGE} or the {wording.TOP_QUARTILE}, at the force's "
        "population."
    )
    if excluded:
        left_out = "; ".join(f"{name} ({reason})" for name, reason in sorted(excluded))
        note += f" Left out of the group: {left_out}."
    if missing:
        note += f" {NO_DATA.capitalize()}: {', '.join(missing)}."
    table = Table(
        key="msg",
        caption=f"Most Similar Group comparison, {window_heading(context.to)}",
        header=(
            "Indicator",
            "Aspiration",
            "Rate per 1,000",
            wording.MSG_AVERAGE,
            "MSG position",
            "Plausible positions",
            "Change to reach MSG average",
            "Change to reach top quartile",
            "Aspiration met",
        ),
        rows=tuple(rows),
        note=note,
    )
    return table, charts, years


def plan_sections(context: ReportContext) -> Built:
    """The report's sections (before "About the data"), population years, missing narrative."""
    narrative = commitment_narrative(
        context.workspace, context.quarter, plan_commitments(context.plan)
    )
    table, charts, years = msg_table(context)
    sections = (
        Section(
            "priorities", "Priorities and commitments", (), priority_sections(context, narrative)
        ),
        Section("msg", "Most Similar Group", (table, *charts)),
    )
    return sections, years, narrative.missing
