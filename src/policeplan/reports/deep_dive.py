"""`deep-dive`: one priority of the plan in depth.

Shaped on Essex's 2020 deep dive into local, visible and accessible policing: the priority's
objective and outcomes and the strategy strands serving it; every "We will…" commitment with
the quarter's approved narrative; the delivery actions of those strands with their status and
the strands' approved updates; each indicator's card (commentary, Making Data Count icons,
SPC chart, MSG funnel plot, caveats) and, for a crime measure, its districts; the strands'
open risks. The priority is the first named with `--priority`, else the plan's first.
"""

from __future__ import annotations

from policeplan.delivery import (
    ActionRecord,
    StrandRecord,
    delivery_summary,
    list_actions,
    list_risks,
    list_strands,
)
from policeplan.delivery.commitments import plan_commitments
from policeplan.delivery.summary import COUNT_HEADINGS
from policeplan.indicators.measures import CRIME_MEASURES
from policeplan.plan.model import Priority
from policeplan.render.document import Block, BulletList, Cell, Paragraph, Section, Table
from policeplan.reports.context import Built, ReportContext
from policeplan.reports.hotspot_blocks import hotspot_blocks
from policeplan.reports.indicator_blocks import card_blocks, summary_rows_table
from policeplan.reports.narrative import commitment_narrative, strand_narrative
from policeplan.reports.plan_quarterly import commitment_blocks
from policeplan.reports.strategy_quarterly import (
    PROGRESS_COUNTS,
    district_table,
    risk_table,
    strand_plan_priorities,
)

__all__ = ["deep_dive_priority", "deep_dive_sections", "serving_strands"]

CLOSED = ("complete", "dropped")


def deep_dive_priority(context: ReportContext) -> Priority:
    """The priority the deep dive is about."""
    return context.chosen_priorities[0] if context.priorities else context.plan.priorities[0]


def serving_strands(context: ReportContext, priority: Priority) -> list[StrandRecord]:
    """The delivery strands that serve `priority` (linked in the delivery plan or the plan)."""
    return [
        s
        for s in list_strands(context.workspace)
        if priority.id in set(s.priorities) | strand_plan_priorities(context, s.name)
    ]


def _about(priority: Priority, strands: list[StrandRecord]) -> Section:
    blocks: list[Block] = [Paragraph(f"\u201c{priority.objective}\u201d", style="lead-in")]
    if priority.outcomes:
        blocks += [Paragraph("So that:", style="lead-in"), BulletList(priority.outcomes)]
    if strands:
        blocks.append(Paragraph("Strategy strands serving this priority:", style="lead-in"))
        blocks.append(BulletList(tuple(f"{s.name} (thematic lead: {s.lead})" for s in strands)))
    else:
        blocks.append(Paragraph("No delivery strand serves this priority.", style="note"))
    return Section("priority", priority.title, tuple(blocks))


def _commitments(context: ReportContext, priority: Priority) -> tuple[Section, tuple[str, ...]]:
    commitments = [c for c in plan_commitments(context.plan) if c.priority_id == priority.id]
    narrative = commitment_narrative(context.workspace, context.quarter, commitments)
    blocks: list[Block] = [Paragraph("We will:", style="lead-in")]
    for commitment in commitments:
        blocks += commitment_blocks(commitment, narrative)
    return Section("commitments", "Commitments", tuple(blocks)), narrative.missing


def _action_table(actions: list[ActionRecord], quarter: str) -> Table:
    return Table(
        key="actions",
        caption=f"Actions due in {quarter} or at risk",
        header=("Action", "Title", "Due", "Status", "At risk"),
        rows=tuple(
            (
                Cell.text(a.ref),
                Cell.text(a.title),
                Cell.text(a.due_quarter or "–"),
                Cell.text(a.status),
                Cell.text(("yes: " + (a.reason or "no reason given")) if a.at_risk else "no"),
            )
            for a in actions
        ),
        note="Status as recorded in the delivery plan when the report was generated.",
    )


def _counts_table(context: ReportContext, strands: list[StrandRecord]) -> Table:
    names = {s.name for s in strands} | {s.code for s in strands}
    summary = delivery_summary(context.workspace, context.quarter)
    return Table(
        key="delivery-progress",
        caption=f"Delivery plan progress, {context.quarter.described()}",
        header=("Strand", *(COUNT_HEADINGS[k] for k in PROGRESS_COUNTS)),
        rows=tuple(
            (Cell.text(s.strand), *(Cell.number(s.counts[k]) for k in PROGRESS_COUNTS))
            for s in summary.strands
            if s.strand in names
        ),
        note="At risk counts actions inside Ongoing. As recorded by the end of the quarter.",
    )


def _delivery(
    context: ReportContext, strands: list[StrandRecord]
) -> tuple[Section, tuple[str, ...]]:
    codes = {s.code for s in strands}
    due = context.quarter.key
    actions = [
        a
        for a in list_actions(context.workspace)
        if a.strand in codes and (a.at_risk or (a.due_quarter == due and a.status not in CLOSED))
    ]
    narrative = strand_narrative(context.workspace, context.quarter)
    blocks: list[Block] = [_counts_table(context, strands)] if strands else []
    blocks.append(
        _action_table(actions, context.quarter.label)
        if actions
        else Paragraph(
            f"No open action of these strands is due in {context.quarter.label} or at risk.",
            style="note",
        )
    )
    subsections = []
    for strand in strands:
        update = narrative.approved.get(strand.code)
        parts: list[Block] = []
        for label, text in (
            ("Achieved this quarter:", update.achieved if update else ""),
            ("Scheduled next quarter:", update.scheduled if update else ""),
        ):
            parts.append(
                Paragraph(text, style="narrative", label=label)
                if text
                else Paragraph(f"{label} no approved update.", style="missing")
            )
        subsections.append(
            Section(f"update-{strand.code.lower()}", f"Update: {strand.name}", tuple(parts))
        )
    names = [name for s in strands for name in (s.code, s.name)]
    missing = tuple(m for m in narrative.missing if any(name in m for name in names))
    return Section("delivery", "Delivery", tuple(blocks), tuple(subsections)), missing


def _districts(context: ReportContext, measure: str, key: str, title: str) -> Table | None:
    rows = context.figures.by_area(measure, context.force, context.to, "district")
    if not rows:
        return None
    caption = f"{title} by district, 12 months compared with the 12 months before"
    return district_table(key, caption, rows, ("Previous 12 months", "Latest 12 months"))


def _indicators(context: ReportContext, priority: Priority) -> Section:
    rows = [r for r in context.summary_table.rows if r.priority == priority.id]
    if not rows:
        return Section(
            "indicators",
            "Indicators",
            (Paragraph("The plan names no indicator for this priority.", style="note"),),
        )
    table = summary_rows_table("indicators", f"{priority.title}: indicators", rows)
    subsections = []
    for number, row in enumerate(rows, start=1):
        key = f"indicator-{number}"
        blocks = card_blocks(row.card, key)
        if row.measure in CRIME_MEASURES or (
            row.measure is not None and context.plan.composite(row.measure) is not None
        ):
            districts = _districts(context, row.measure, f"{key}-districts", row.title)
            if districts is not None:
                blocks.append(districts)
            blocks += hotspot_blocks(context, row.measure, row.title, key)
        subsections.append(Section(key, row.title, tuple(blocks)))
    return Section("indicators", "Indicators", (table,), tuple(subsections))


def _risks(context: ReportContext, strands: list[StrandRecord]) -> Section:
    codes = {s.code for s in strands}
    risks = [r for r in list_risks(context.workspace, status="open") if r.strand in codes]
    block: Block = (
        risk_table("risks", "Open risks of the strands serving this priority", risks)
        if risks
        else Paragraph("No open risks recorded.", style="note")
    )
    return Section("risks", "Risks and mitigations", (block,))


def deep_dive_sections(context: ReportContext) -> Built:
    """The report's sections (before "About the data"), population years, missing narrative."""
    priority = deep_dive_priority(context)
    strands = serving_strands(context, priority)
    commitments, missing_commitments = _commitments(context, priority)
    delivery, missing_updates = _delivery(context, strands)
    indicators = _indicators(context, priority)
    years = sorted(
        {
            r.card.latest.population_year
            for r in context.summary_table.rows
            if r.priority == priority.id
            and r.card.latest is not None
            and r.card.latest.population_year is not None
        }
    )
    sections = (
        _about(priority, strands),
        commitments,
        delivery,
        indicators,
        _risks(context, strands),
    )
    return sections, years, missing_commitments + missing_updates
