"""The Most Similar Group page as a typed result: every indicator compared across the
group side by side, each with its uncertainty.

First, `plan`: each of the plan's MSG indicators (`indicators.msg_plan.plan_msg_rows`,
each from the data that answers it: police.uk rates or solved rates, the Home Office
table, loaded per-force figures) with the force's value, the MSG average, its position
and plausible range, the top quartile, the aspiration, and what qualifies it; "not held"
with the reason where the data is missing.

Then every police.uk crime measure on the statistic chosen: crime rates per 1,000 people
(`statistic="rate"`, below) or solved rates (`msg_solved_overview.py`).

For the plan's MSG indicators that are crime measures (with their aspirations), then every
other police.uk crime measure, `msg_tables` gives one `MsgComparison` (the group's counts
read once). From them, worded by `policeplan.render.wording`:

- `overview`: per indicator, the force's rate, the MSG average, its position with the 95%
  plausible rank range and the peers it cannot be told from, where it lies against the
  funnel's 95% limits, and the aspiration met or not;
- `ranks`: forces by indicators, each cell the rank and its plausible range;
- `rates`: forces by indicators, each cell the rate per 1,000 with the 95% funnel limits
  for that force's population (a rate inside them does not differ from the group's by
  more than chance).

Each indicator links to its own page (`msg_detail.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policeplan.errors import PolicePlanError
from policeplan.indicators import CRIME_MEASURES, MsgQuery, msg_comparison, msg_tables
from policeplan.indicators.measures import crime_measure
from policeplan.indicators.msg_compare import RATE
from policeplan.indicators.msg_plan import plan_msg_rows
from policeplan.indicators.msg_result import MsgComparison, MsgMember
from policeplan.indicators.msg_values import SOLVED_RATE
from policeplan.plan.model import Plan
from policeplan.reference import get_force
from policeplan.render.wording import (
    aspiration_words,
    funnel_position,
    ordinal,
    rank_phrase,
)
from policeplan.store import Workspace
from policeplan.web.msg_solved_overview import solved_overview
from policeplan.web.msg_words import (
    average_cell,
    compared_on,
    detail_link,
    excluded_notes,
    group_notes,
    matrix,
    own_value_cell,
    position_cell,
    range_cell,
    top_quartile_cell,
)
from policeplan.web.tables import Table

__all__ = ["MSG_TABLES", "MsgPage", "build_msg_page"]

MSG_TABLES = ("plan", "overview", "ranks", "rates")
RATES_CAPTION = "Rate per 1,000 people (95% funnel limits for the force's population)"
PLAN_CAPTION = "The plan's Most Similar Group indicators"


@dataclass(frozen=True)
class MsgPage:
    force: str
    to: str
    window: str
    members: tuple[str, ...]
    tables: dict[str, Table]
    not_compared: tuple[str, ...]
    warnings: tuple[str, ...]
    statistic: str = RATE
    # Per table, the page of each row's indicator (row heading -> address).
    links: dict[str, dict[str, str]] = field(default_factory=dict)


def build_msg_page(workspace: Workspace, plan: Plan, to: str, statistic: str = RATE) -> MsgPage:
    plan_table, plan_links = _plan_table(workspace, plan, to)
    if statistic == SOLVED_RATE:
        solved = solved_overview(workspace, plan, to)
        return MsgPage(
            force=get_force(plan.force).short_name,
            to=to,
            window=solved.window,
            members=solved.members,
            tables={"plan": plan_table, **solved.tables},
            not_compared=solved.not_compared,
            warnings=solved.warnings,
            statistic=SOLVED_RATE,
            links={"plan": plan_links, "overview": solved.links},
        )
    page = _rates_page(workspace, plan, to)
    return MsgPage(
        force=page.force,
        to=to,
        window=page.window,
        members=page.members,
        tables={"plan": plan_table, **page.tables},
        not_compared=page.not_compared,
        warnings=page.warnings,
        links={"plan": plan_links, "overview": page.links.get("overview", {})},
    )


def _plan_table(workspace: Workspace, plan: Plan, to: str) -> tuple[Table, dict[str, str]]:
    """One row per MSG indicator of the plan: the force's position from the data that
    answers it, or "not held" and why."""
    rows = []
    links = {}
    for row in plan_msg_rows(workspace, plan, to):
        title = row.indicator.title
        result = row.result
        if result is None:
            aspiration = row.indicator.aspiration
            rows.append((title, "", "", "not held", "", "", "", "",
                         "none set" if aspiration is None else f"{aspiration}: not judged",
                         f"Not held: {row.reason}"))  # fmt: skip
            continue
        links[title] = detail_link(row.indicator.measure, to)
        rows.append(
            (
                title,
                compared_on(result),
                result.window.label(),
                own_value_cell(result),
                average_cell(result),
                position_cell(result),
                range_cell(result.force_member.rank_range),
                top_quartile_cell(result),
                _aspiration(result.aspiration, result.aspiration_met),
                "; ".join(group_notes(result)),
            )
        )
    table = Table(
        PLAN_CAPTION,
        ("Indicator", "Compared on", "Period", "Value", "MSG average", "Position",
         "95% plausible range", "Top quartile", "Aspiration", "Notes"),
        tuple(rows),
        note="Rank 1 is the best end (named). The MSG average is the mean of the members' "
        "values, the force included; the top quartile is the value of the member ranked at "
        "its edge. The plausible range of a position is where chance alone could put it. "
        "Each indicator comes from the data that answers it: police.uk rates and solved "
        "rates, the Home Office table for its offence groups, figures loaded with import "
        "measures for the rest.",
    )  # fmt: skip
    return table, links


def _aspiration(aspiration: str | None, met: bool | None) -> str:
    """'rank:4: met' (the column is the aspiration's)."""
    if aspiration is None:
        return "none set"
    return f"{aspiration}: {'met' if met else 'not met'}"


def _rates_page(workspace: Workspace, plan: Plan, to: str) -> MsgPage:
    """Every police.uk crime measure's rate per 1,000 people across the group."""
    force = get_force(plan.force)
    measures = _measures(plan)
    results, not_compared = _comparisons(workspace, plan, measures, to)
    if not results:
        return MsgPage(force.short_name, to, "", (), {}, tuple(not_compared), ())
    titles = {m.measure: m.title for m in plan.msg_indicators}
    names = [titles.get(r.measure.slug, r.measure.title) for r in results]
    members = tuple(dict.fromkeys(m.force.short_name for r in results for m in r.members))
    warnings = tuple(dict.fromkeys(w for r in results for w in r.warnings))
    excluded = excluded_notes(results, names)
    return MsgPage(
        force=force.short_name,
        to=to,
        window=results[0].window.label(),
        members=members,
        tables={
            "overview": _overview(results, names),
            "ranks": matrix(results, names, members, _rank_cell, "Rank (95% plausible range)"),
            "rates": matrix(results, names, members, _rate_cell, RATES_CAPTION),
        },
        not_compared=tuple(not_compared),
        warnings=warnings + excluded,
        links={
            "overview": {
                name: detail_link(r.measure.slug, to)
                for r, name in zip(results, names, strict=True)
            }
        },
    )


def _measures(plan: Plan) -> list[str]:
    """The crime measures to compare: the plan's MSG indicators first (the others are in
    the plan's table, compared from their own data)."""
    measures: list[str] = []
    for indicator in plan.msg_indicators:
        try:
            measures.append(crime_measure(indicator.measure, plan).slug)
        except PolicePlanError:
            continue
    measures += [slug for slug in CRIME_MEASURES if slug not in measures]
    return list(dict.fromkeys(measures))


def _comparisons(
    workspace: Workspace, plan: Plan, measures: list[str], to: str
) -> tuple[list[MsgComparison], list[str]]:
    """Every measure compared, reading the group's counts once; when that fails (the
    force's own window incomplete for one measure), measure by measure with the reason."""
    query = MsgQuery(measures[0], plan.force, to)
    try:
        return msg_tables(workspace, measures, query, plan=plan), []
    except PolicePlanError:
        pass
    results: list[MsgComparison] = []
    failed: dict[str, list[str]] = {}  # reason -> the measures it stops
    for measure in measures:
        try:
            results.append(msg_comparison(workspace, MsgQuery(measure, plan.force, to), plan=plan))
        except PolicePlanError as exc:
            failed.setdefault(str(exc), []).append(crime_measure(measure, plan).title)
    return results, [
        f"{'Every crime measure' if len(titles) == len(measures) else ', '.join(titles)}: {reason}"
        for reason, titles in failed.items()
    ]


def _overview(results: list[MsgComparison], names: list[str]) -> Table:
    rows = []
    for result, name in zip(results, names, strict=True):
        own = result.force_member
        ranks = own.rank_range
        rows.append(
            (
                name,
                f"{float(own.rate):.2f}",
                f"{float(result.msg_average):.2f}",
                rank_phrase(own.rank, len(result.members)),
                "" if ranks is None else f"{ordinal(ranks.rank_lower)}–{ordinal(ranks.rank_upper)}",
                "" if ranks is None else str(ranks.indistinguishable),
                funnel_position(result.force_funnel.outside),
                ""
                if result.aspiration is None
                else aspiration_words(result.aspiration, result.aspiration_met),
            )
        )
    return Table(
        "Every indicator compared across the group",
        ("Indicator", "Rate per 1,000", "MSG average", "Position", "95% plausible range",
         "Peers it cannot be told from", "Against the group rate", "Aspiration"),
        tuple(rows),
        note="Rates per 1,000 people over the window. The plausible range of a position is "
        "where chance alone could put it; a rate within its 95% limits does not differ from "
        "the group's by more than chance.",
    )  # fmt: skip


def _rank_cell(_result: MsgComparison, member: MsgMember) -> str:
    ranks = member.rank_range
    if ranks is None:
        return ordinal(member.rank)
    return f"{ordinal(member.rank)} ({ordinal(ranks.rank_lower)}–{ordinal(ranks.rank_upper)})"


def _rate_cell(result: MsgComparison, member: MsgMember) -> str:
    funnel = next(f for f in result.funnel.members if f.name == member.force.slug)
    return f"{funnel.rate:.2f} ({funnel.lower_95:.2f}–{funnel.upper_95:.2f})"
