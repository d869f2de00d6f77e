"""`progress`: the high-level progress report on the Police and Crime Plan.

Shaped on Essex's February 2024 report to the panel: per priority (all, or those named), its
objective, then "Background" in generated prose (each indicator's latest 12 months against
the previous 12 months and each of the plan's named baselines, as the reference says "all
crime is down by 5.7% … compared with the pre-Plan baseline"), with whether each change is
more than chance, and the same comparisons as a table. Every sentence and figure is read
from the indicator card behind the summary table's row; a comparison that cannot be made
says why instead of giving a percentage.
"""

from __future__ import annotations

from policeplan.indicators.card import IndicatorCard
from policeplan.indicators.card_commentary import COUNTED_UNITS, comparison_sentence, month_name
from policeplan.indicators.card_facts import CardComparison
from policeplan.plan.model import Plan, Priority
from policeplan.render.document import Block, Cell, CellFormat, Paragraph, Section, Table
from policeplan.reports.context import Built, ReportContext

__all__ = [
    "baselines_phrase",
    "indicator_cards",
    "progress_comparisons",
    "progress_sections",
    "value_formats",
]

# The comparisons the report makes: the previous window and the plan's baselines (for a
# 12-month window "the same months a year earlier" is the previous window again).
SHOWN_AGAINST = ("previous",)


def baselines_phrase(plan: Plan) -> str:
    """'the pre-plan baseline (12 months to March 2021) and the pre-covid baseline (…)'."""
    named = [
        f"the {b.name} baseline ({b.months} months to {month_name(b.to)})" for b in plan.baselines
    ]
    if not named:
        return "no baselines (the plan names none)"
    return " and ".join(named) if len(named) < 3 else ", ".join(named[:-1]) + f" and {named[-1]}"


def purpose(plan: Plan) -> str:
    return (
        "This report gives members of the Police, Fire and Crime Panel a high-level summary "
        f"of progress against the {plan.name}: for each priority, every indicator's latest 12 "
        f"months compared with the 12 months before and with {baselines_phrase(plan)}. Each "
        "change is tested for whether it is more than chance; a change that is not is said to "
        "be within normal variation, and a comparison the data held cannot make says why."
    )


def indicator_cards(context: ReportContext, priority: Priority) -> list[IndicatorCard]:
    """The cards of a priority's indicators, from the summary table (each built once)."""
    return [row.card for row in context.summary_table.rows if row.priority == priority.id]


def progress_comparisons(card: IndicatorCard) -> list[CardComparison]:
    """The card's comparisons with the previous window and with each plan baseline."""
    return [
        c
        for c in card.comparisons
        if c.against in SHOWN_AGAINST or c.against.startswith("baseline:")
    ]


def value_formats(card: IndicatorCard) -> tuple[CellFormat, CellFormat]:
    """(value, difference) formats: whole numbers for counts, one decimal otherwise."""
    counted = card.latest is not None and card.latest.unit in COUNTED_UNITS
    return ("integer", "signed_integer") if counted else ("decimal1", "signed_decimal1")


def background(cards: list[IndicatorCard]) -> list[Block]:
    """One paragraph per indicator with figures; then the indicators with none, named."""
    blocks: list[Block] = []
    for card in cards:
        if card.latest is None:
            continue
        sentences = [
            comparison_sentence(card.title, c, card.latest, card.direction)
            for c in progress_comparisons(card)
        ]
        blocks.append(Paragraph(" ".join(sentences)))
    without = [card.title for card in cards if card.latest is None]
    if without:
        blocks.append(
            Paragraph(
                f"No data held for {', '.join(without)}: these are reported in narrative "
                "only or need their figures loaded (policeplan import measures).",
                style="note",
            )
        )
    return blocks


def progress_table(key: str, priority: Priority, cards: list[IndicatorCard]) -> Table | None:
    rows = []
    for card in cards:
        if card.latest is None:
            continue
        value, difference = value_formats(card)
        for comparison in progress_comparisons(card):
            rows.append(
                (
                    Cell.text(card.title),
                    Cell.text(comparison.label.removeprefix("the ")),
                    Cell.number(comparison.value, value),
                    Cell.number(card.latest.value, value),
                    Cell.number(comparison.diff if comparison.compared else None, difference),
                    Cell.number(
                        comparison.pct_diff if comparison.compared else None, "signed_percent1"
                    ),
                    Cell.text(comparison.verdict),
                )
            )
    if not rows:
        return None
    latest = next(card.latest for card in cards if card.latest is not None)
    return Table(
        key=key,
        caption=f"{priority.title}: the 12 months to {month_name(latest.window.last)} compared",
        header=("Indicator", "Compared with", "Then", "Now", "Diff.", "% Diff.", "Verdict"),
        rows=tuple(rows),
        note="Now: the 12 months to the end of the quarter. Then: the window compared with. "
        "Diff. and % Diff. compare the windows' daily rates, so when one window holds a 29 "
        "February Diff. differs from Now minus Then by about a day's offences. "
        "A comparison is made only when both windows are complete; Verdict says whether the "
        "change is more than chance (see About the data) and, where the indicator has a good "
        "direction, whether it is an improvement.",
    )


def priority_section(context: ReportContext, number: int, priority: Priority) -> Section:
    cards = indicator_cards(context, priority)
    blocks: list[Block] = [Paragraph(f"\u201c{priority.objective}\u201d", style="lead-in")]
    table = progress_table(f"progress-{number}", priority, cards)
    background_blocks = background(cards)
    if table is not None:
        background_blocks.append(table)
    if not background_blocks:
        background_blocks.append(
            Paragraph("The plan names no indicator for this priority.", style="note")
        )
    return Section(
        f"priority-{number}",
        priority.title,
        tuple(blocks),
        (Section(f"priority-{number}-background", "Background", tuple(background_blocks)),),
    )


def progress_sections(context: ReportContext) -> Built:
    """The report's sections (before "About the data"), population years, missing narrative."""
    numbers = {p.id: n for n, p in enumerate(context.plan.priorities, start=1)}
    sections = [Section("purpose", "Purpose", (Paragraph(purpose(context.plan)),))]
    sections += [priority_section(context, numbers[p.id], p) for p in context.chosen_priorities]
    years = sorted(
        {
            row.card.latest.population_year
            for row in context.summary_table.rows
            if row.card.latest is not None and row.card.latest.population_year is not None
        }
    )
    return tuple(sections), years, ()
