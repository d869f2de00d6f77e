"""An indicator card as report blocks: its commentary, its Making Data Count icons, its SPC
chart and MSG funnel plot, and a summary-table row, all read from the card.

    >>> blocks = card_blocks(card)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.indicators.card import IndicatorCard
from policeplan.indicators.card_commentary import month_name
from policeplan.indicators.msg_result import MsgComparison
from policeplan.indicators.summary import SummaryRow
from policeplan.render import wording
from policeplan.render.charts import funnel_spec
from policeplan.render.charts.from_results import (
    funnel_input,
    proportion_funnel_input,
    spc_chart_spec,
)
from policeplan.render.document import (
    Block,
    BulletList,
    Cell,
    Chart,
    Icon,
    Icons,
    Paragraph,
    Table,
)
from policeplan.render.icons import icon_alt_text, icon_svg
from policeplan.reports.context import chart
from policeplan.reports.progress import value_formats

__all__ = ["card_blocks", "card_icons", "summary_rows_table"]


def card_icons(card: IndicatorCard) -> Icons | None:
    """The variation and assurance icons of the card's latest month, or None."""
    if card.spc is None:
        return None
    icons = []
    for name, kind in ((card.spc.variation_icon, "Variation"), (card.spc.assurance_icon,
                                                                "Assurance")):  # fmt: skip
        if name is not None:
            alt = icon_alt_text(name)
            icons.append(Icon(name, icon_svg(name), f"{kind} icon: {alt}", alt))
    return Icons(tuple(icons)) if icons else None


def card_blocks(card: IndicatorCard, key: str) -> list[Block]:
    """Commentary, icons, SPC chart and funnel plot of one card; its caveats as notes."""
    if not card.has_data:
        note = card.caveats[-1] if card.caveats else "No data held."
        return [Paragraph(note, style="note")]
    blocks: list[Block] = [BulletList(card.commentary)]
    icons = card_icons(card)
    if icons is not None:
        blocks.append(icons)
    if card.spc_result is not None:
        spc = card.spc_result
        blocks.append(
            chart(
                f"{key}-spc",
                f"{card.title}: each month from {month_name(spc.window.first)} to "
                f"{month_name(spc.window.last)} "
                "with its mean and process limits (Making Data Count)",
                spc_chart_spec(spc),
            )
        )
    funnel = _funnel(card, key)
    if funnel is not None:
        blocks.append(funnel)
    caveats = [c for c in card.caveats if not c.startswith("Synthetic demo data")]
    if caveats:
        blocks.append(BulletList(tuple(caveats), style="note"))
    return blocks


def _funnel(card: IndicatorCard, key: str) -> Chart | None:
    """The MSG funnel plot: rates per 1,000 against population, or a solved rate or loaded
    proportion against its denominator (binomial limits, widened for the usual spread between
    forces); none for estimates (survey figures), which have no counts."""
    result = card.msg_result
    if isinstance(result, MsgComparison):
        return chart(
            f"{key}-funnel",
            f"{card.title}: rate per 1,000 people of each force in the Most Similar Group "
            "against its population, with 95% and 99.8% funnel limits",
            funnel_spec(funnel_input(result)),
        )
    found = None if result is None else proportion_funnel_input(result)
    if found is None:
        return None
    return chart(
        f"{key}-funnel",
        f"{card.title}: each force in the Most Similar Group against its "
        f"{found.size_title.lower()}, with 95% and 99.8% binomial funnel limits and the 95% "
        "limits allowing for the spread between forces",
        funnel_spec(found),
    )


def _rank(row: SummaryRow) -> str:
    if row.msg_position is None or row.msg_of is None:
        return wording.rank_phrase(None, 0)
    phrase = wording.rank_phrase(row.msg_position, row.msg_of)
    if row.rank_range is not None and row.rank_range[0] != row.rank_range[1]:
        low, high = row.rank_range
        phrase += f" (plausibly {wording.ordinal(low)}–{wording.ordinal(high)})"
    return phrase


def summary_rows_table(key: str, caption: str, rows: Sequence[SummaryRow]) -> Table:
    """The summary table's rows: latest value, change, verdict, SPC, MSG position."""
    cells = []
    for row in rows:
        value, difference = value_formats(row.card)
        cells.append(
            (
                Cell.text(row.title),
                Cell.number(row.latest, value),
                Cell.text(row.unit or "no data held"),
                Cell.number(row.change, difference),
                Cell.number(row.pct_change, "signed_percent1"),
                Cell.text(row.verdict or "not compared"),
                Cell.text(wording.spc_short(row.variation_icon)),
                Cell.text(_rank(row)),
            )
        )
    return Table(
        key=key,
        caption=caption,
        header=(
            "Indicator",
            "Latest 12 months",
            "Unit",
            "Change on previous 12 months",
            "% change",
            "Verdict",
            "SPC, latest month",
            "MSG position",
        ),
        rows=tuple(cells),
        note="From the summary table: each indicator's card. MSG position 1st is best; the "
        "plausible range allows for chance in the rates.",
        wide=True,
    )
