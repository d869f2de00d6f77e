"""One indicator's Most Similar Group page as a typed result: the member table, the funnel
chart, the position at the last quarter ends and the summary sentences of `policeplan msg`.

The comparison is the one that answers the indicator (`indicators.msg_plan.msg_choice`:
police.uk rates or solved rates, the Home Office table, loaded per-force figures) unless
the query names a statistic or source. A crime rate per 1,000 people is drawn on the
Poisson funnel against population; a solved rate or loaded proportion on the binomial
funnel against its denominator, with the 95% limits widened for the usual spread between
forces; an estimate (a survey figure) has no funnel.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from policeplan.indicators.counts import POLICE_UK
from policeplan.indicators.msg_compare import RATE
from policeplan.indicators.msg_plan import (
    MsgChoice,
    compare_indicator,
    loaded_for_group,
    msg_choice,
)
from policeplan.indicators.msg_result import MsgComparison, Position
from policeplan.indicators.msg_values import SOLVED_RATE, ValueComparison
from policeplan.plan.model import Plan
from policeplan.reference import get_force
from policeplan.render.charts import funnel_spec
from policeplan.render.charts.from_results import funnel_input, proportion_funnel_input
from policeplan.render.text.msg import msg_summary
from policeplan.render.text.msg_values import msg_values_summary
from policeplan.render.wording import funnel_position, ordinal, rank_phrase
from policeplan.store import Workspace
from policeplan.web.msg_words import (
    Comparison,
    average_cell,
    compared_on,
    own_value_cell,
    position_cell,
    range_cell,
    result_value_cell,
    window_cell,
)
from policeplan.web.page_chart import PageChart, page_chart
from policeplan.web.tables import Table

__all__ = ["DETAIL_TABLES", "MsgDetail", "build_msg_detail"]

DETAIL_TABLES = ("members", "history")
HISTORY_QUARTERS = 4
THIS_FORCE = " (this force)"


@dataclass(frozen=True)
class MsgDetail:
    measure: str
    title: str
    force: str
    to: str
    statistic: str
    source: str
    compared_on: str
    window: str
    headline: tuple[tuple[str, str], ...]
    summary: tuple[str, ...]
    chart: PageChart | None
    no_chart: str | None
    tables: dict[str, Table]
    query: str  # the page's query string, for its downloads


def build_msg_detail(
    workspace: Workspace,
    plan: Plan,
    measure: str,
    to: str,
    statistic: str | None = None,
    source: str | None = None,
) -> MsgDetail:
    if statistic is None and source is None:
        choice = msg_choice(plan, measure, loaded_for_group(workspace, plan))
    else:
        choice = MsgChoice(measure, source or POLICE_UK, statistic or RATE)
    result = compare_indicator(workspace, plan, choice, to, history=HISTORY_QUARTERS)
    # The plan's title names the plan's comparison, not one asked for otherwise.
    planned = {} if statistic or source else {i.measure: i.title for i in plan.msg_indicators}
    own_title = result.measure.title if isinstance(result, MsgComparison) else result.measure_title
    query = {"to": to, **({"statistic": statistic} if statistic else {}),
             **({"source": source} if source else {})}  # fmt: skip
    chart, no_chart = _chart(result)
    return MsgDetail(
        measure=measure,
        title=planned.get(measure, own_title),
        force=get_force(plan.force).short_name,
        to=to,
        statistic=choice.statistic if isinstance(result, MsgComparison) else result.statistic,
        source=result.source,
        compared_on=compared_on(result),
        window=window_cell(result),
        headline=(
            ("Value", _own_value(result)),
            ("Position", position_cell(result)),
            ("95% plausible range", range_cell(result.force_member.rank_range) or "none"),
            ("MSG average", average_cell(result)),
        ),
        summary=tuple(
            msg_summary(result) if isinstance(result, MsgComparison) else msg_values_summary(result)
        ),
        chart=chart,
        no_chart=no_chart,
        tables={
            "members": _rate_members(result)
            if isinstance(result, MsgComparison)
            else _value_members(result),
            "history": _history(result.history),
        },
        query="?" + urlencode(query),
    )


def _own_value(result: Comparison) -> str:
    value = own_value_cell(result)
    if isinstance(result, MsgComparison):
        return f"{value} per 1,000 people"
    figure = result.force_member.figure
    if figure.numerator is not None and figure.denominator is not None:
        return f"{value} ({_count(figure.numerator)} of {_count(figure.denominator)})"
    return value


def _chart(result: Comparison) -> tuple[PageChart | None, str | None]:
    if isinstance(result, MsgComparison):
        return page_chart(funnel_spec(funnel_input(result)), "Funnel plot"), None
    found = proportion_funnel_input(result)
    if found is None:
        return None, (
            "No funnel plot: a funnel needs counts, and these figures are estimates; the "
            "95% intervals in the table show their uncertainty."
        )
    return page_chart(funnel_spec(found), "Funnel plot"), None


def _rate_members(result: MsgComparison) -> Table:
    funnel = {f.name: f for f in result.funnel.members}
    rows = []
    for m in result.members:
        limits = funnel[m.force.slug]
        rows.append(
            (
                _force_name(result, m.force.slug, m.force.short_name),
                ordinal(m.rank),
                range_cell(m.rank_range),
                f"{m.count:,}",
                f"{m.population.population:,}",
                result_value_cell(result, m.rate),
                f"{result_value_cell(result, limits.lower_95)}–"
                f"{result_value_cell(result, limits.upper_95)}",
                funnel_position(limits.outside),
            )
        )
    return Table(
        f"{result.measure.title}: offences per 1,000 people, {result.window.label()}",
        ("Force", "Rank", "95% plausible range", "Offences", "Population", "Rate per 1,000",
         "95% funnel limits", "Against the group rate"),
        tuple(rows),
        note=f"Rank 1 is the {'highest' if result.direction == 'up' else 'lowest'} rate. "
        "A rate within its 95% funnel limits (Poisson, for the force's population) does "
        "not differ from the pooled group rate by more than chance.",
    )  # fmt: skip


def _value_members(result: ValueComparison) -> Table:
    solved = result.statistic == SOLVED_RATE
    adjusted = {}
    if result.funnel is not None:
        adjusted = {m.name: m.adjusted_outside for m in result.funnel.members}
    rows = []
    for member in result.members:
        figure = member.figure
        interval = ""
        if figure.lower is not None and figure.upper is not None:
            interval = (
                f"{result_value_cell(result, figure.lower)}–"
                f"{result_value_cell(result, figure.upper)}"
            )
        rows.append(
            (
                _force_name(result, member.force.slug, member.force.short_name),
                ordinal(member.rank),
                range_cell(member.rank_range),
                _count(figure.numerator),
                _count(figure.denominator),
                result_value_cell(result, figure.value),
                interval,
                funnel_position(adjusted[member.force.slug])
                if member.force.slug in adjusted
                else "",
                figure.note or "",
            )
        )
    best = result.best_end
    return Table(
        f"{result.measure_title}, {window_cell(result)}",
        ("Force", "Rank", "95% plausible range", "Solved" if solved else "Numerator",
         "Crimes" if solved else "Denominator", "Solved rate" if solved else "Value",
         "95% interval (Wilson)" if result.is_proportion else "95% interval",
         "Against the group (allowing for the spread between forces)", "Note"),
        tuple(rows),
        note=f"Rank 1 is the {best} value. A note says when a force's outcomes are not "
        "comparable with the force's (more still under investigation or with no outcome), "
        "so its solved rate may yet rise.",
    )  # fmt: skip


def _history(history: tuple[Position, ...]) -> Table:
    return Table(
        f"Position at the last {len(history)} quarter ends",
        ("Quarter end", "Window", "Position", "Note"),
        tuple(
            (p.window.last, p.window.label(), rank_phrase(p.rank, p.of), p.note or "")
            for p in history
        ),
        note="Each window has the same length as the one above; a gap is a quarter end a "
        "member cannot be ranked at (months not held), since a rank among fewer forces "
        "would not be the same position.",
    )


def _force_name(result: Comparison, slug: str, name: str) -> str:
    return f"{name}{THIS_FORCE}" if slug == result.force.slug else name


def _count(number: float | None) -> str:
    if number is None:
        return "–"
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,.1f}"
