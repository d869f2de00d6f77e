"""`strategy-quarterly`: the Crime Prevention Strategy quarterly progress report.

Shaped on Essex Police's 2021/22 Q2 report: purpose; executive summary; the delivery-plan
progress table per strand; then per strand its thematic lead, the plan priorities it serves,
insights (the 12-month comparison, the monthly chart, local policing area by month,
districts), delivery achieved this quarter and scheduled next (approved updates only),
risks and mitigations; the narrative still missing; about the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policeplan.delivery import (
    ActionRecord,
    StrandRecord,
    delivery_summary,
    list_actions,
    list_risks,
    list_strands,
)
from policeplan.delivery.risks import RiskRecord
from policeplan.delivery.summary import COUNT_HEADINGS
from policeplan.errors import PolicePlanError
from policeplan.indicators.breakdown import UNLOCATED_PART
from policeplan.indicators.measures import crime_measure
from policeplan.reference import get_force
from policeplan.render.document import Block, BulletList, Cell, Paragraph, Section, Table
from policeplan.reports.about import short_month
from policeplan.reports.context import Built, ReportContext, monthly_chart, window_heading
from policeplan.reports.figures import AreaFigures, TwelveMonths, verdict
from policeplan.reports.narrative import StrandNarrative, strand_narrative
from policeplan.store.crime_records import holds_crime_records

__all__ = [
    "MAX_STRAND_MEASURES",
    "district_table",
    "risk_table",
    "strand_measures",
    "strand_plan_priorities",
    "strategy_sections",
]

# Measures shown per strand: the first gets the chart, LPA and district tables.
MAX_STRAND_MEASURES = 3
PROGRESS_COUNTS = ("total", "complete", "ongoing", "at_risk")

PURPOSE = (
    "This report sets out progress on the Crime Prevention Strategy's delivery plan for "
    "the quarter: what each strand delivered and plans next, its risks, and what the data "
    "say about the crimes it works on. Comparisons are of 12 months with the 12 months "
    "before, each tested for whether the change is more than chance."
)


@dataclass(frozen=True)
class StrandMeasures:
    """The crime measures a strand's insights show; `from_priorities` when they are its
    plan priorities' indicators (nothing is linked to the strand itself); `not_held`: its
    measures counted from crime records the workspace does not hold."""

    measures: tuple[str, ...]
    from_priorities: bool
    not_held: tuple[str, ...]


def strand_measures(
    context: ReportContext, strand: StrandRecord, actions: list[ActionRecord]
) -> StrandMeasures:
    """The crime measures a strand is judged on: the indicators its actions are linked to,
    else the strand's own measures in the plan, else those of the plan priorities it serves;
    only measures the workspace can count (measures from crime records only when the
    force's records are imported)."""
    linked = [i for a in actions if a.strand == strand.code for i in a.indicators]
    linked = linked or [*_plan_strand_measures(context, strand.name)]
    from_priorities = not linked
    if from_priorities:
        priorities = set(strand.priorities) | strand_plan_priorities(context, strand.name)
        linked = [i.measure for p, i in context.plan.indicators if p.id in priorities and i.measure]
    chosen: list[str] = []
    not_held: list[str] = []
    records = holds_crime_records(context.workspace, context.force)
    for measure in dict.fromkeys(linked):
        try:
            definition = crime_measure(measure, context.plan)
        except PolicePlanError:
            continue
        (chosen if definition.records is None or records else not_held).append(measure)
    return StrandMeasures(
        tuple(chosen[:MAX_STRAND_MEASURES]),
        from_priorities,
        () if from_priorities else tuple(not_held),
    )


def _plan_strand_measures(context: ReportContext, name: str) -> tuple[str, ...]:
    return next(
        (s.measures for s in context.plan.strategy_strands if s.name.lower() == name.lower()), ()
    )


def strand_plan_priorities(context: ReportContext, name: str) -> set[str]:
    """The plan priorities a strategy strand of the plan file serves (by its name)."""
    return {
        p
        for s in context.plan.strategy_strands
        if s.name.lower() == name.lower()
        for p in s.priorities
    }


def progress_table(context: ReportContext) -> Table:
    summary = delivery_summary(context.workspace, context.quarter)
    rows = [
        (Cell.text(s.strand), *(Cell.number(s.counts[k]) for k in PROGRESS_COUNTS))
        for s in summary.strands
    ]
    rows.append((Cell.text("Total"), *(Cell.number(summary.total[k]) for k in PROGRESS_COUNTS)))
    return Table(
        key="delivery-progress",
        caption=f"Delivery plan progress by strand, {context.quarter.described()}",
        header=("Strand", *(COUNT_HEADINGS[k] for k in PROGRESS_COUNTS)),
        rows=tuple(rows),
        note="At risk counts actions inside Ongoing; Total = Complete + Ongoing + Not started "
        "(dropped actions have left the plan). As recorded by the end of the quarter.",
    )


# Said above a strand's insights when they are its plan priorities' indicators.
PRIORITY_MEASURES_NOTE = (
    "No measure is linked to this strand itself (its actions' indicators or its measures "
    "in the plan), so these are the indicators of the plan priorities it serves."
)

# Why Diff. may not equal the difference of the two counts, and what the verdict rests on.
WINDOW_TABLE_NOTE = (
    "Diff. and % Diff. compare the windows' daily rates (a 366-day window is one day longer), "
    "so Diff. can differ from the counts' difference (by up to 0.3% of the earlier count). "
    "Verdict: a test of the two windows allowing for month-to-month variation where 24 "
    "months of history are held, otherwise the exact Poisson test (p < 0.05); see About the "
    "data."
)


def lpa_label(area: str) -> str:
    """`North LPA`; the breakdown's row of crimes with no location stays short, so the wide
    LPA x month table fits the page."""
    return "No location" if area == UNLOCATED_PART else f"{area} LPA"


def comparison_table(key: str, caption: str, rows: list[TwelveMonths]) -> Table:
    first = rows[0]
    return Table(
        key=key,
        caption=caption,
        header=(
            "Measure",
            window_heading(first.previous_last),
            window_heading(first.current_last),
            "Diff.",
            "% Diff.",
            "Verdict",
        ),
        rows=tuple(
            (
                Cell.text(r.title),
                Cell.number(r.previous),
                Cell.number(r.current),
                Cell.number(r.diff, "signed_integer"),
                Cell.number(r.pct_diff, "signed_percent1"),
                Cell.text(verdict(r.significant, r.diff)),
            )
            for r in rows
        ),
        note=WINDOW_TABLE_NOTE,
    )


def insight_blocks(
    context: ReportContext, code: str, measures: tuple[str, ...], force_name: str
) -> tuple[list[Block], list[int]]:
    """The insight tables and chart of a strand, and the population years they used."""
    figures = [context.figures.twelve_months(m, context.force, context.to) for m in measures]
    blocks: list[Block] = [
        comparison_table(f"{code}-12-months", f"{force_name}: 12 months compared", figures)
    ]
    headline = figures[0]
    blocks.append(monthly_chart(headline, force_name))
    lpas = context.figures.by_area(headline.measure, context.force, context.to, "lpa")
    if lpas:
        months = [m for m, _ in lpas[0].by_month]
        blocks.append(
            Table(
                key=f"{code}-lpa-months",
                caption=f"{headline.title} by local policing area and month, "
                f"{window_heading(headline.current_last)}",
                header=("Local policing area", *(short_month(m) for m in months), "Total"),
                rows=tuple(
                    (
                        Cell.text(lpa_label(a.area)),
                        *(Cell.number(v) for _, v in a.by_month),
                        Cell.number(a.current),
                    )
                    for a in lpas
                ),
                wide=True,
            )
        )
    districts = context.figures.by_area(headline.measure, context.force, context.to, "district")
    if districts:
        headings = (window_heading(headline.previous_last), window_heading(headline.current_last))
        caption = f"{headline.title} by district"
        blocks.append(district_table(f"{code}-districts", caption, districts, headings))
    years = [f.population_year for f in figures if f.population_year is not None]
    return blocks, years


def district_table(
    key: str, caption: str, districts: Sequence[AreaFigures], headings: tuple[str, str]
) -> Table:
    """Each district's two windows, difference and verdict; `headings` name the windows."""
    return Table(
        key=key,
        caption=caption,
        header=("District", *headings, "Diff.", "% Diff.", "Verdict"),
        rows=tuple(
            (
                Cell.text(d.area),
                Cell.number(d.previous),
                Cell.number(d.current),
                Cell.number(d.diff, "signed_integer"),
                Cell.number(d.pct_diff, "signed_percent1"),
                Cell.text(verdict(d.significant, d.diff)),
            )
            for d in districts
        ),
        note=WINDOW_TABLE_NOTE + " District rows are tested together (q-values).",
    )


def risk_table(key: str, caption: str, risks: list[RiskRecord]) -> Table:
    return Table(
        key=key,
        caption=caption,
        header=("Risk", "Mitigation", "Owner", "Rating"),
        rows=tuple(
            (Cell.text(r.description), Cell.text(r.mitigation), Cell.text(r.owner),
             Cell.text(r.rating))
            for r in risks
        ),
    )  # fmt: skip


def strand_section(
    context: ReportContext,
    strand: StrandRecord,
    actions: list[ActionRecord],
    narrative: StrandNarrative,
    years: list[int],
) -> Section:
    code = strand.code.lower()
    force_name = get_force(context.force).short_name
    titles = {p.id: p.title for p in context.plan.priorities}
    served = sorted(
        set(strand.priorities) | strand_plan_priorities(context, strand.name),
        key=lambda p: list(titles).index(p) if p in titles else len(titles),
    )
    blocks: list[Block] = [Paragraph(strand.lead, label="Thematic lead:")]
    subsections = []
    chosen = strand_measures(context, strand, actions)
    insight: list[Block] = []
    if chosen.from_priorities and chosen.measures:
        insight.append(Paragraph(PRIORITY_MEASURES_NOTE, style="note"))
    if chosen.not_held:
        names = ", ".join(chosen.not_held)
        insight.append(Paragraph(
            f"Not shown: {names}, counted from the force's crime records, which this "
            "workspace does not hold (policeplan import records).", style="note"))  # fmt: skip
    if chosen.measures:
        blocks_used, used = insight_blocks(context, code, chosen.measures, force_name)
        insight += blocks_used
        years += used
    elif not chosen.not_held:
        insight.append(
            Paragraph(
                "No crime measure is linked to this strand: link its actions to "
                "indicators (delivery import, column indicators).",
                style="note",
            )
        )
    subsections.append(Section(f"{code}-insights", "Insights", tuple(insight)))
    update = narrative.approved.get(strand.code)
    for key, title, text in (
        ("achieved", "Delivery achieved this quarter", update.achieved if update else ""),
        ("scheduled", "Delivery scheduled next quarter", update.scheduled if update else ""),
    ):
        block = (
            Paragraph(text, style="narrative")
            if text
            else Paragraph("No approved update for this quarter.", style="missing")
        )
        subsections.append(Section(f"{code}-{key}", title, (block,)))
    risks = list_risks(context.workspace, strand=strand.code, status="open")
    risk_blocks: tuple[Block, ...] = (
        (risk_table(f"{code}-risks", f"Open risks: {strand.name}", risks),)
        if risks
        else (Paragraph("No open risks recorded.", style="note"),)
    )
    subsections.append(Section(f"{code}-risks", "Risks and mitigations", risk_blocks))
    priorities = (
        BulletList(tuple(titles.get(p, p) for p in served))
        if served
        else Paragraph("Not linked to a plan priority.", style="note")
    )
    subsections.append(Section(f"{code}-priorities", "Plan priorities served", (priorities,)))
    return Section(f"strand-{code}", strand.name, tuple(blocks), tuple(subsections))


def strategy_sections(
    context: ReportContext,
) -> Built:
    """The report's sections (before "About the data"), population years, missing narrative."""
    narrative = strand_narrative(context.workspace, context.quarter)
    actions = list_actions(context.workspace)
    years: list[int] = []
    strands = tuple(
        strand_section(context, s, actions, narrative, years)
        for s in list_strands(context.workspace)
    )
    sections = (
        Section("purpose", "Purpose", (Paragraph(PURPOSE),)),
        Section("delivery-progress", "Delivery plan progress", (progress_table(context),)),
        Section("strands", "Strands", (), strands),
    )
    return sections, years, narrative.missing
