"""The Most Similar Group page as a typed result: every indicator compared across the
group side by side, each with its uncertainty.

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

Plan indicators that are not crime measures (surveys, solved rates, force figures) are
listed with why they are not compared here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from policeplan.errors import PolicePlanError
from policeplan.indicators import CRIME_MEASURES, MsgQuery, msg_comparison, msg_tables
from policeplan.indicators.measures import crime_measure
from policeplan.indicators.msg_result import MsgComparison, MsgMember
from policeplan.plan.model import Plan
from policeplan.reference import get_force
from policeplan.render.wording import (
    aspiration_words,
    funnel_position,
    ordinal,
    rank_phrase,
)
from policeplan.store import Workspace
from policeplan.web.tables import Table

__all__ = ["MSG_TABLES", "MsgPage", "build_msg_page"]

MSG_TABLES = ("overview", "ranks", "rates")
RATES_CAPTION = "Rate per 1,000 people (95% funnel limits for the force's population)"


@dataclass(frozen=True)
class MsgPage:
    force: str
    to: str
    window: str
    members: tuple[str, ...]
    tables: dict[str, Table]
    not_compared: tuple[str, ...]
    warnings: tuple[str, ...]


def build_msg_page(workspace: Workspace, plan: Plan, to: str) -> MsgPage:
    force = get_force(plan.force)
    measures, not_compared = _measures(plan)
    results, failed = _comparisons(workspace, plan, measures, to)
    not_compared += failed
    if not results:
        return MsgPage(force.short_name, to, "", (), {}, tuple(not_compared), ())
    titles = {m.measure: m.title for m in plan.msg_indicators}
    names = [titles.get(r.measure.slug, r.measure.title) for r in results]
    members = tuple(dict.fromkeys(m.force.short_name for r in results for m in r.members))
    warnings = tuple(dict.fromkeys(w for r in results for w in r.warnings))
    excluded = _excluded(results, names)
    return MsgPage(
        force=force.short_name,
        to=to,
        window=results[0].window.label(),
        members=members,
        tables={
            "overview": _overview(results, names),
            "ranks": _matrix(results, names, members, _rank_cell, "Rank (95% plausible range)"),
            "rates": _matrix(results, names, members, _rate_cell, RATES_CAPTION),
        },
        not_compared=tuple(not_compared),
        warnings=warnings + excluded,
    )


def _measures(plan: Plan) -> tuple[list[str], list[str]]:
    """The crime measures to compare (the plan's MSG indicators first), and the plan's
    MSG indicators that are not crime measures, each with why."""
    measures: list[str] = []
    other: list[str] = []
    for indicator in plan.msg_indicators:
        try:
            measures.append(crime_measure(indicator.measure, plan).slug)
        except PolicePlanError:
            other.append(indicator.title)
    measures += [slug for slug in CRIME_MEASURES if slug not in measures]
    not_compared = []
    if other:
        not_compared.append(
            "Not police.uk crime measures, so not compared here (their figures come from "
            f"surveys, force systems or the Home Office): {'; '.join(other)}"
        )
    return list(dict.fromkeys(measures)), not_compared


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


def _matrix(
    results: list[MsgComparison],
    names: list[str],
    members: tuple[str, ...],
    cell: Callable[[MsgComparison, MsgMember], str],
    caption: str,
) -> Table:
    """One row per indicator, one column per member of the group."""
    rows = []
    for result, name in zip(results, names, strict=True):
        by_force = {m.force.short_name: m for m in result.members}
        rows.append(
            (name, *(cell(result, by_force[f]) if f in by_force else "left out" for f in members))
        )
    return Table(caption, ("Indicator", *members), tuple(rows))


def _excluded(results: list[MsgComparison], names: list[str]) -> tuple[str, ...]:
    """Each member left out, once per reason, naming the indicators (or "every")."""
    left_out: dict[tuple[str, str], list[str]] = {}
    for result, name in zip(results, names, strict=True):
        for member in result.excluded:
            left_out.setdefault((member.force.short_name, member.reason), []).append(name)
    return tuple(
        f"{force} left out of "
        f"{'every indicator' if len(which) == len(results) else ', '.join(which)}: {reason}"
        for (force, reason), which in left_out.items()
    )


def _rank_cell(_result: MsgComparison, member: MsgMember) -> str:
    ranks = member.rank_range
    if ranks is None:
        return ordinal(member.rank)
    return f"{ordinal(member.rank)} ({ordinal(ranks.rank_lower)}–{ordinal(ranks.rank_upper)})"


def _rate_cell(result: MsgComparison, member: MsgMember) -> str:
    funnel = next(f for f in result.funnel.members if f.name == member.force.slug)
    return f"{funnel.rate:.2f} ({funnel.lower_95:.2f}–{funnel.upper_95:.2f})"
