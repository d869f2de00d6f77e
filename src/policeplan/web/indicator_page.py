"""One indicator's page as a typed result: headline, the indicator card (commentary,
caveats, MDC icons, comparisons, MSG position), charts (SVG), and its tables.

The card (`build_card`) is built once and its results reused: its SPC result draws the
process chart and its MSG result the MSG table, nothing is computed twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from policeplan.errors import PolicePlanError
from policeplan.indicators import (
    CRIME_MEASURES,
    BreakdownQuery,
    CardQuery,
    IndicatorCard,
    IndicatorQuery,
    IndicatorResult,
    breakdown,
    build_card,
    compute_indicator,
)
from policeplan.indicators.breakdown import Breakdown
from policeplan.indicators.card_commentary import month_name
from policeplan.indicators.msg_result import MsgComparison
from policeplan.indicators.msg_values import ValueComparison
from policeplan.periods import parse_month
from policeplan.reference import get_force
from policeplan.render.charts import MonthlySeries, monthly_comparison_spec, spc_spec
from policeplan.render.wording import (
    aspiration_words,
    count_or_incomplete,
    icon_text,
    msg_change_words,
    msg_value_words,
    ordinal,
    percent_change,
    points_change,
    rank_phrase,
    significance,
)
from policeplan.store import Workspace
from policeplan.web.page_chart import PageChart, page_chart
from policeplan.web.page_icons import Icon, page_icon
from policeplan.web.tables import Table

__all__ = [
    "TABLE_NAMES",
    "CardView",
    "IndicatorPage",
    "build_indicator_page",
    "card_page",
    "value_msg_table",
]

TABLE_NAMES = ("summary", "comparisons", "monthly", "lpa", "district", "msg")


@dataclass(frozen=True)
class CardView:
    """The card as the page shows it: icons with their words, the MSG position, the
    commentary and the caveats (all from the card, worded by `policeplan.render`)."""

    variation: Icon | None
    variation_words: str
    assurance: Icon | None
    assurance_words: str | None
    msg: str | None
    aspiration: str | None
    commentary: tuple[str, ...]
    caveats: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorPage:
    measure: str
    title: str
    force: str
    to: str
    headline: str
    verdict: str
    spc_verdict: str
    charts: tuple[PageChart, ...]
    tables: dict[str, Table]
    notes: tuple[str, ...]
    card: CardView
    has_hotspots: bool = True  # a crime measure counted from police.uk street records


def build_indicator_page(workspace: Workspace, force: str, measure: str, to: str) -> IndicatorPage:
    to = parse_month(to, "to")
    card = build_card(workspace, CardQuery(measure, force, to))
    try:
        result = compute_indicator(workspace, IndicatorQuery(measure, force, to))
    except PolicePlanError:
        if measure in CRIME_MEASURES:
            raise
        result = None
    if not isinstance(result, IndicatorResult):
        # A solved rate, a loaded measure or a Home Office offence group: the card's page.
        return card_page(card, measure, force, to)
    title = result.title or measure
    notes: list[str] = []
    charts: tuple[PageChart, ...] = ()
    tables = {"summary": _summary_table(result), "comparisons": _comparisons_table(card)}
    spc = card.spc_result
    if spc is not None:
        mdc = spc.chart
        held = [p for p in mdc.points if p.value is not None]
        months = tuple(p.month for p in held)
        values = tuple(float(p.value) for p in held if p.value is not None)
        series = MonthlySeries(f"{title}, {get_force(force).short_name}", "offences", months,
                               values)  # fmt: skip
        spc_title = f"{title}: statistical process control"
        charts = (
            page_chart(monthly_comparison_spec(series),
                       "Monthly count and the same months a year before"),
            page_chart(spc_spec(mdc, title=spc_title, unit="offences"),
                       "Statistical process control chart"),
        )  # fmt: skip
        tables["monthly"] = Table(
            "Monthly counts and process limits",
            ("Month", "Count", "Mean", "Lower limit", "Upper limit"),
            tuple(
                (p.month, f"{p.value:,.0f}", _limit(p.mean), _limit(p.lower), _limit(p.upper))
                for p in held
            ),
        )
    for by, caption in (("lpa", "By local policing area"), ("district", "By district")):
        try:
            tables[by] = _breakdown_table(
                breakdown(workspace, BreakdownQuery(measure, force, to, by=by)), caption
            )
        except PolicePlanError as exc:
            notes.append(f"{caption}: {_first_clause(exc)}")
    if isinstance(card.msg_result, MsgComparison):
        tables["msg"] = _msg_table(card.msg_result)
    change = result.change
    return IndicatorPage(
        measure=measure,
        title=title,
        force=force,
        to=to,
        headline=f"{count_or_incomplete(result.current.count)} in {result.current.window.label()}",
        verdict=significance(None if change is None else change.significant),
        spc_verdict=icon_text(
            None if card.spc is None else card.spc.variation_icon,
            None if card.spc is None else card.spc.reason,
        ),
        charts=charts,
        tables=tables,
        notes=tuple(notes),
        card=card_view(card),
    )


def card_page(card: IndicatorCard, measure: str, force: str, to: str) -> IndicatorPage:
    """The page of a measure with no monthly police.uk counts of its own (a solved rate, a
    loaded measure, a Home Office offence group): the card, its comparisons and its MSG."""
    tables = {"comparisons": _comparisons_table(card)}
    if isinstance(card.msg_result, ValueComparison):
        tables["msg"] = value_msg_table(card.msg_result)
    elif isinstance(card.msg_result, MsgComparison):
        tables["msg"] = _msg_table(card.msg_result)
    latest = card.latest
    headline = "no figures held"
    if latest is not None:
        headline = f"{_value(latest.value, latest.unit)} in {latest.window.label()}"
    previous = card.comparison("previous")
    return IndicatorPage(
        measure=measure,
        title=card.title,
        force=force,
        to=to,
        headline=headline,
        verdict=significance(None if previous is None else previous.significant),
        spc_verdict="no process chart",
        charts=(),
        tables=tables,
        notes=(),
        card=card_view(card),
        has_hotspots=False,
    )


def card_view(card: IndicatorCard) -> CardView:
    spc, msg = card.spc, card.msg
    position = None
    if msg is not None:
        position = rank_phrase(msg.position, msg.of)
        if msg.rank_range is not None:
            low, high = msg.rank_range
            position += f" (plausible range {ordinal(low)} to {ordinal(high)})"
        if msg.statistic != "rate":
            position += (
                f"; {msg_value_words(msg.value, msg.unit)} against an MSG average of "
                f"{msg_value_words(msg.average, msg.unit)}; to reach the top quartile "
                f"({msg_value_words(msg.top_quartile_rate, msg.unit)}): "
                + msg_change_words(msg.change_to_top_quartile_value, msg.change_to_top_quartile,
                                   msg.change_units, msg.change_count_of)
            )  # fmt: skip
            if msg.last_data_to is not None:
                position += f"; last data to {month_name(msg.last_data_to)}"
    return CardView(
        variation=None if spc is None else page_icon(spc.variation_icon),
        variation_words=icon_text(
            None if spc is None else spc.variation_icon,
            "no process chart" if spc is None else spc.reason,
        ),
        assurance=None if spc is None else page_icon(spc.assurance_icon),
        assurance_words=None
        if spc is None or spc.target is None
        else icon_text(spc.assurance_icon, spc.assurance_reason),
        msg=position,
        aspiration=None if msg is None else aspiration_words(msg.aspiration, msg.aspiration_met),
        commentary=card.commentary,
        caveats=card.caveats,
    )


def _comparisons_table(card: IndicatorCard) -> Table:
    unit = None if card.latest is None else card.latest.unit
    return Table(
        "The latest 12 months compared",
        ("Compared with", "Value", "Change", "Change %", "Verdict"),
        tuple(
            (
                c.label,
                _value(c.value, unit),
                _change(c.diff, unit),
                percent_change(c.pct_diff) if c.compared else "",
                c.verdict,
            )
            for c in card.comparisons
        ),
    )


def _msg_table(msg: MsgComparison) -> Table:
    return Table(
        "Most similar group: crimes per 1,000 people",
        ("Force", "Count", "Rate per 1,000", "Rank", "Plausible ranks"),
        tuple(
            (
                m.force.short_name,
                f"{m.count:,}",
                f"{float(m.rate):.2f}",  # MsgMember.rate is per 1,000 already
                rank_phrase(m.rank, len(msg.members)),
                ""
                if m.rank_range is None
                else f"{ordinal(m.rank_range.rank_lower)} to {ordinal(m.rank_range.rank_upper)}",
            )
            for m in msg.members
        ),
    )


def value_msg_table(msg: ValueComparison) -> Table:
    """The group's solved rates, proportions or loaded figures, best first."""
    scale = 100 if msg.is_proportion else 1
    unit = "%" if msg.is_proportion else (msg.unit or "")

    def shown(value: float | Fraction | None) -> str:
        return "" if value is None else msg_value_words(float(value) * scale, unit)

    return Table(
        f"Most similar group: {msg.measure_title} (rank 1 = the {msg.best_end})",
        ("Force", "Numerator", "Denominator", "Value", "95% interval", "Rank", "Plausible ranks"),
        tuple(
            (
                m.force.short_name,
                "" if m.figure.numerator is None else f"{m.figure.numerator:,.0f}",
                "" if m.figure.denominator is None else f"{m.figure.denominator:,.0f}",
                shown(m.figure.value),
                ""
                if m.figure.lower is None or m.figure.upper is None
                else f"{shown(m.figure.lower)} to {shown(m.figure.upper)}",
                rank_phrase(m.rank, len(msg.members)),
                ""
                if m.rank_range is None
                else f"{ordinal(m.rank_range.rank_lower)} to {ordinal(m.rank_range.rank_upper)}",
            )
            for m in msg.members
        ),
    )


def _value(value: float | None, unit: str | None) -> str:
    if value is None or unit is None or unit in ("offences", "incidents"):
        return count_or_incomplete(value)
    return msg_value_words(value, unit)


def _change(diff: float | None, unit: str | None) -> str:
    if diff is None:
        return ""
    if unit == "%":
        return points_change(diff)
    return f"{diff:+,.0f}" if float(diff).is_integer() or unit == "offences" else f"{diff:+,.3g}"


def _limit(value: float | None) -> str:
    return "" if value is None else f"{value:,.1f}"


def _first_clause(exc: PolicePlanError) -> str:
    """The message up to its details (the page is for a reader, not a log)."""
    return str(exc).split(": ", 1)[0]


def _percent(result_change: object) -> str:
    percent = getattr(result_change, "percent_difference", None)
    return percent_change(None if percent is None else float(percent))


def _summary_table(result: IndicatorResult) -> Table:
    change = result.change
    rate = "—" if result.rate_per_1000 is None else f"{result.rate_per_1000:.2f}"
    solved = result.solved
    solved_rate = "—" if solved is None or solved.proportion is None else f"{solved.proportion:.1%}"
    return Table(
        "Result",
        (
            "Window",
            "Count",
            "Comparison window",
            "Count before",
            "Change",
            "Test",
            "Rate per 1,000",
            "Solved",
        ),
        (
            (
                result.current.window.label(),
                count_or_incomplete(result.current.count),
                result.comparison.window.label(),
                count_or_incomplete(result.comparison.count),
                _percent(change),
                significance(None if change is None else change.significant),
                rate,
                solved_rate,
            ),
        ),
    )


def _breakdown_table(result: Breakdown, caption: str) -> Table:
    return Table(
        caption,
        ("Area", "Count", "Count before", "Change", "Test"),
        tuple(
            (
                row.part,
                count_or_incomplete(row.current.count),
                count_or_incomplete(row.comparison.count),
                _percent(row.change),
                significance(None if row.change is None else row.change.significant),
            )
            for row in result.rows
        ),
    )
