"""One indicator's page as a typed result: headline, charts (SVG), and its tables.

Hook for the indicator cards issue: when `policeplan.indicators.card` lands, put the card
(commentary, caveats, MDC icons) in `IndicatorPage.card` and its chart definitions in
`charts`; the template already has a place for both.
"""

from __future__ import annotations

from dataclasses import dataclass

from policeplan.errors import PolicePlanError
from policeplan.indicators import (
    BreakdownQuery,
    IndicatorQuery,
    IndicatorResult,
    MsgQuery,
    SpcQuery,
    breakdown,
    compute_indicator,
    msg_comparison,
    spc_chart,
)
from policeplan.indicators.breakdown import Breakdown
from policeplan.periods import parse_month, shift_month
from policeplan.reference import get_force
from policeplan.render.charts import MonthlySeries, monthly_comparison_spec, spc_spec
from policeplan.render.wording import (
    count_or_incomplete,
    icon_words,
    percent_change,
    rank_phrase,
    significance,
)
from policeplan.store import Workspace
from policeplan.web.chart_process import render_svg
from policeplan.web.tables import Table

__all__ = ["TABLE_NAMES", "IndicatorPage", "build_indicator_page"]

TABLE_NAMES = ("summary", "monthly", "lpa", "district", "msg")
SPC_MONTHS = 36


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str
    description: str


@dataclass(frozen=True)
class IndicatorPage:
    measure: str
    title: str
    force: str
    to: str
    headline: str
    verdict: str
    spc_verdict: str
    charts: tuple[Chart, ...]
    tables: dict[str, Table]
    notes: tuple[str, ...]
    card: object | None = None  # the indicator card, once the cards issue lands


def build_indicator_page(workspace: Workspace, force: str, measure: str, to: str) -> IndicatorPage:
    to = parse_month(to, "to")
    result = compute_indicator(workspace, IndicatorQuery(measure, force, to))
    if not isinstance(result, IndicatorResult):
        raise PolicePlanError(f"{measure} is a loaded measure; its page comes with the cards")
    title = result.title or measure
    notes: list[str] = []
    spc = spc_chart(
        workspace, SpcQuery(measure, force, first=shift_month(to, 1 - SPC_MONTHS), last=to)
    )
    held = [p for p in spc.chart.points if p.value is not None]
    months = tuple(p.month for p in held)
    values = tuple(float(p.value) for p in held if p.value is not None)
    series = MonthlySeries(f"{title}, {get_force(force).short_name}", "offences", months, values)
    mdc = spc.chart
    charts = (
        _chart(monthly_comparison_spec(series), "Monthly count and the same months a year before"),
        _chart(
            spc_spec(mdc, title=f"{title}: statistical process control", unit="offences"),
            "Statistical process control chart",
        ),
    )
    tables = {"summary": _summary_table(result)}
    monthly = Table(
        "Monthly counts and process limits",
        ("Month", "Count", "Mean", "Lower limit", "Upper limit"),
        tuple(
            (
                p.month,
                f"{p.value:,.0f}",
                _limit(p.mean),
                _limit(p.lower),
                _limit(p.upper),
            )
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
    try:
        msg = msg_comparison(workspace, MsgQuery(measure, force, to))
        tables["msg"] = Table(
            "Most similar group: crimes per 1,000 people",
            ("Force", "Count", "Rate per 1,000", "Rank"),
            tuple(
                (
                    m.force.short_name,
                    f"{m.count:,}",
                    f"{float(m.rate) * 1000:.2f}",
                    rank_phrase(m.rank, len(msg.members)),
                )
                for m in msg.members
            ),
        )
    except PolicePlanError as exc:
        notes.append(f"Most similar group: {_first_clause(exc)}")
    tables["monthly"] = monthly
    change = result.change
    return IndicatorPage(
        measure=measure,
        title=title,
        force=force,
        to=to,
        headline=f"{count_or_incomplete(result.current.count)} in {result.current.window.label()}",
        verdict=significance(None if change is None else change.significant),
        spc_verdict=icon_words(spc.chart.variation_icon, spc.chart.reason),
        charts=charts,
        tables=tables,
        notes=tuple(notes),
    )


def _limit(value: float | None) -> str:
    return "" if value is None else f"{value:,.1f}"


def _first_clause(exc: PolicePlanError) -> str:
    """The message up to its details (the page is for a reader, not a log)."""
    return str(exc).split(": ", 1)[0]


def _chart(spec: dict[str, object], title: str) -> Chart:
    description = str(spec.get("description", title))
    return Chart(title, render_svg(spec), description)


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
