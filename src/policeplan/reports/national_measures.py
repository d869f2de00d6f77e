"""`national-measures`: the force's contribution to the National Crime and Policing Measures.

The statement a Police and Crime Commissioner publishes on the Home Office's measures:
reduce murder and other homicide; reduce serious violence; disrupt drug supply and county
lines; reduce neighbourhood crime; tackle cyber crime; improve victim satisfaction. For each,
the first measure in `NATIONAL_MEASURES` the workspace holds gives the latest figure, the
change on the previous 12 months with its test, and the Making Data Count chart of the
trend, all from its indicator card; a measure with none of them held says "no data held"
and how to load one. Nothing is estimated for a measure with no data.
"""

from __future__ import annotations

from dataclasses import dataclass

from policeplan.indicators.card import IndicatorCard
from policeplan.render import wording
from policeplan.render.document import Block, BulletList, Cell, Paragraph, Section, Table
from policeplan.reports.context import Built, ReportContext
from policeplan.reports.indicator_blocks import card_blocks
from policeplan.reports.progress import value_formats

__all__ = [
    "NATIONAL_MEASURES",
    "NationalMeasure",
    "national_cards",
    "national_sections",
    "national_summary",
]

NO_DATA = "no data held"


@dataclass(frozen=True)
class NationalMeasure:
    """A national measure and the workspace measures that can stand for it, best first
    (`proxy` words say what a stand-in leaves out)."""

    key: str
    title: str
    measures: tuple[str, ...]
    proxy: dict[str, str]

    @property
    def short(self) -> str:
        """'drug supply and county lines': the title without its verb."""
        return self.title.split(" ", 1)[1].removeprefix("murder and other ")


NATIONAL_MEASURES = (
    NationalMeasure("homicide", "Reduce murder and other homicide", ("homicide",), {}),
    NationalMeasure(
        "serious-violence",
        "Reduce serious violence",
        ("serious-violence", "violence-with-injury"),
        {"violence-with-injury": "violence with injury stands in for serious violence"},
    ),
    NationalMeasure(
        "drug-supply",
        "Disrupt drug supply and county lines",
        ("drug-supply", "county-lines", "trafficking-of-drugs", "drugs"),
        {
            "drugs": "police.uk drugs offences count possession and supply together, and rise "
            "when police find more: more can mean more disruption, not more supply"
        },
    ),
    NationalMeasure(
        "neighbourhood-crime",
        "Reduce neighbourhood crime",
        ("neighbourhood-crime",),
        {},
    ),
    NationalMeasure("cyber-crime", "Tackle cyber crime", ("cyber-crime",), {}),
    NationalMeasure(
        "victim-satisfaction",
        "Improve victim satisfaction",
        ("victim-satisfaction",),
        {},
    ),
)

PURPOSE = (
    "The Home Office's National Crime and Policing Measures set the national priorities for "
    "policing. This statement sets out the force's contribution to each from the data the "
    "workspace holds: the latest 12 months, the change on the 12 months before and whether "
    "it is more than chance, and the month-by-month trend with its process limits. Where "
    "the workspace holds no data for a measure, the statement says so rather than estimate."
)


def national_cards(context: ReportContext) -> list[tuple[NationalMeasure, IndicatorCard | None]]:
    """Each national measure with the card of the first of its measures with data."""
    cards = context.measure_cards([m for n in NATIONAL_MEASURES for m in n.measures])
    return [
        (
            national,
            next((cards[m] for m in national.measures if m in cards and cards[m].has_data), None),
        )
        for national in NATIONAL_MEASURES
    ]


def _row(national: NationalMeasure, card: IndicatorCard | None) -> tuple[Cell, ...]:
    if card is None or card.latest is None:
        return (
            Cell.text(national.title),
            Cell.text(NO_DATA),
            Cell(None, "integer"),
            Cell.text(NO_DATA),
            Cell(None, "decimal3"),
            Cell(None, "signed_percent1"),
            Cell.text(NO_DATA),
            Cell.text(NO_DATA),
        )
    value, _ = value_formats(card)
    previous = card.comparison("previous")
    icon = None if card.spc is None else card.spc.variation_icon
    return (
        Cell.text(national.title),
        Cell.text(card.title),
        Cell.number(card.latest.value, value),
        Cell.text(card.latest.unit),
        Cell.number(card.latest.rate_per_1000, "decimal3"),
        Cell.number(
            previous.pct_diff if previous is not None and previous.compared else None,
            "signed_percent1",
        ),
        Cell.text("not compared" if previous is None else previous.verdict),
        Cell.text(wording.spc_short(icon)),
    )


def _detail(national: NationalMeasure, card: IndicatorCard | None) -> Section:
    blocks: list[Block]
    if card is None:
        blocks = [
            Paragraph(
                f"No data held: the workspace holds none of {', '.join(national.measures)}. "
                "Load the force's figures with `policeplan import measures FILE` (columns "
                "measure, period, area, value) under one of these names.",
                style="note",
            )
        ]
    else:
        blocks = [Paragraph(f"Measured by: {card.title}.", style="lead-in")]
        proxy = national.proxy.get(card.measure or "")
        if proxy:
            blocks.append(Paragraph(f"A stand-in: {proxy}.", style="note"))
        blocks += card_blocks(card, f"national-{national.key}")
    return Section(f"national-{national.key}", national.title, tuple(blocks))


def national_summary(chosen: list[tuple[NationalMeasure, IndicatorCard | None]]) -> BulletList:
    """The statement's summary, from its rows only: what is held, and what changed."""
    held = [(n, c) for n, c in chosen if c is not None]
    sentences = [
        f"The workspace holds figures for {len(held)} of the {len(chosen)} national measures"
        + (f": {', '.join(n.short for n, _ in held)}." if held else ".")
    ]
    for national, card in held:
        previous = card.comparison("previous")
        verdict = "not compared" if previous is None else previous.verdict
        sentences.append(
            f"{national.short.capitalize()} (measured by {card.title}): {verdict} on the "
            "previous 12 months."
        )
    missing = [n.short for n, c in chosen if c is None]
    if missing:
        sentences.append(f"No data held for {', '.join(missing)}.")
    return BulletList(tuple(sentences))


def national_sections(context: ReportContext) -> Built:
    """The report's sections (before "About the data"), population years, missing narrative."""
    chosen = national_cards(context)
    table = Table(
        key="national-measures",
        caption="National Crime and Policing Measures: the latest 12 months",
        header=(
            "National measure",
            "Measured by",
            "Latest 12 months",
            "Unit",
            "Rate per 1,000",
            "% change",
            "Verdict",
            "SPC, latest month",
        ),
        rows=tuple(_row(national, card) for national, card in chosen),
        note="% change: the latest 12 months on the 12 months before. Verdict: whether that "
        "change is more than chance and, where the measure has a good direction, an "
        "improvement or a deterioration. SPC: the Making Data Count reading of the latest "
        "month against the process limits.",
        wide=True,
    )
    years = sorted(
        {
            card.latest.population_year
            for _, card in chosen
            if card is not None
            and card.latest is not None
            and card.latest.population_year is not None
        }
    )
    sections = (
        Section("summary", "Summary", (national_summary(chosen),)),
        Section("purpose", "Purpose", (Paragraph(PURPOSE),)),
        Section(
            "measures",
            "The measures",
            (table,),
            tuple(_detail(national, card) for national, card in chosen),
        ),
    )
    return sections, years, ()
