"""The Most Similar Group page on solved rates: every police.uk crime measure that counts
crimes (the plan's solved-rate indicators first), each force's solved / crimes compared
across the group (`msg_solved_rate`, as `compare_with_group` with `statistic="solved-rate"`
gives it, the group's counts read once for every measure).

- `overview`: per measure, the force's solved and crimes, its solved rate with its
  Wilson 95% interval, the MSG average (the mean of proportions, the default, named) and
  the pooled proportion, its position with the 95% plausible range, the top quartile, the
  change needed to reach the average and the top quartile (percentage points and solved
  crimes) and whether the forces differ at all ("no significant statistical difference
  across the MSG" when the chi-square test says so);
- `ranks`: forces by measures, each rank with its plausible range;
- `rates`: forces by measures, each solved rate with its Wilson interval; † marks a force
  whose outcomes are not comparable with the force's (more still open, or not settled).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from policeplan.errors import PolicePlanError
from policeplan.indicators import CRIME_MEASURES, MsgQuery
from policeplan.indicators.measures import crime_measure
from policeplan.indicators.msg_compare import SOLVED_SUFFIX
from policeplan.indicators.msg_solved import msg_solved_rate, solved_tables
from policeplan.indicators.msg_values import SOLVED_RATE, ValueComparison, ValueMember, ValueTarget
from policeplan.plan.model import Plan
from policeplan.render.wording import homogeneity_words, ordinal, rank_phrase
from policeplan.store import Workspace
from policeplan.web.msg_words import (
    average_cell,
    detail_link,
    excluded_notes,
    matrix,
    range_cell,
    top_quartile_cell,
    value_cell,
)
from policeplan.web.tables import Table

__all__ = ["NOT_COMPARABLE_MARK", "SolvedOverview", "solved_overview", "target_cell"]

NOT_COMPARABLE_MARK = " †"


@dataclass(frozen=True)
class SolvedOverview:
    window: str
    members: tuple[str, ...]
    tables: dict[str, Table]
    not_compared: tuple[str, ...]
    warnings: tuple[str, ...]
    links: dict[str, str]


def solved_overview(workspace: Workspace, plan: Plan, to: str) -> SolvedOverview:
    results, failed = _solved_rates(workspace, plan, to)
    if not results:
        return SolvedOverview("", (), {}, tuple(failed), (), {})
    names = [_name(plan, r) for r in results]
    members = tuple(dict.fromkeys(m.force.short_name for r in results for m in r.members))
    return SolvedOverview(
        window=results[0].window.label(),
        members=members,
        tables={
            "overview": _overview(results, names),
            "ranks": matrix(
                results, names, members, _rank_cell, "Solved-rate rank (95% plausible range)"
            ),
            "rates": matrix(
                results, names, members, _rate_cell, "Solved rate (Wilson 95% interval)"
            ),
        },
        not_compared=tuple(failed),
        warnings=_comparability(results, names) + excluded_notes(results, names),
        links={
            name: detail_link(f"{r.measure}{SOLVED_SUFFIX}", to)
            for r, name in zip(results, names, strict=True)
        },
    )


def target_cell(result: ValueComparison, target: ValueTarget) -> str:
    """'already there', or 'up 0.6 points (+862 solved crimes)' (a cell starting with a
    sign would be taken for a formula in a spreadsheet)."""
    if target.change == 0:
        return "already there"
    words = f"{'up' if target.change > 0 else 'down'} {abs(target.change):.1f} points"
    if target.change_count is not None:
        words += f" ({target.change_count:+,} {result.numerator_name})"
    return words


def _measures(plan: Plan) -> list[str]:
    """Crime measures with outcomes: the plan's solved-rate indicators first."""
    planned = []
    for indicator in plan.msg_indicators:
        base = indicator.measure.removesuffix(SOLVED_SUFFIX)
        if base != indicator.measure and base in CRIME_MEASURES:
            planned.append(base)
    every = [slug for slug, m in CRIME_MEASURES.items() if m.counts_crimes]
    return list(dict.fromkeys([*planned, *every]))


def _solved_rates(
    workspace: Workspace, plan: Plan, to: str
) -> tuple[list[ValueComparison], list[str]]:
    results: list[ValueComparison] = []
    failed: dict[str, list[str]] = {}  # reason -> the measures it stops
    measures = _measures(plan)
    query = MsgQuery(measures[0], plan.force, to, statistic=SOLVED_RATE)
    tables = solved_tables(workspace, query, plan=plan)  # read once for every measure
    for measure in measures:
        try:
            found = msg_solved_rate(workspace, replace(query, measure=measure), plan=plan,
                                    tables=tables)  # fmt: skip
        except PolicePlanError as exc:
            failed.setdefault(str(exc), []).append(crime_measure(measure, plan).title)
            continue
        results.append(found)
    return results, [
        f"{'Every crime measure' if len(titles) == len(measures) else ', '.join(titles)}: {reason}"
        for reason, titles in failed.items()
    ]


def _name(plan: Plan, result: ValueComparison) -> str:
    planned = {i.measure: i.title for i in plan.msg_indicators}
    return planned.get(f"{result.measure}{SOLVED_SUFFIX}", result.measure_title)


def _overview(results: list[ValueComparison], names: list[str]) -> Table:
    rows = []
    for result, name in zip(results, names, strict=True):
        own = result.force_member.figure
        pooled = result.pooled_average
        homogeneity = result.homogeneity
        rows.append(
            (
                name,
                f"{int(own.numerator or 0):,} of {int(own.denominator or 0):,}",
                value_cell(own.value, SOLVED_RATE),
                _interval(own.lower, own.upper),
                average_cell(result),
                "" if pooled is None else value_cell(pooled, SOLVED_RATE),
                rank_phrase(result.force_member.rank, len(result.members)),
                range_cell(result.force_member.rank_range),
                top_quartile_cell(result),
                target_cell(result, result.change_to_average),
                target_cell(result, result.change_to_top_quartile),
                homogeneity_words(
                    None if homogeneity is None else homogeneity.p_value,
                ),
            )
        )
    return Table(
        "Solved rates compared across the group",
        ("Indicator", "Solved of crimes", "Solved rate", "95% interval (Wilson)",
         "MSG average (mean of proportions)", "Pooled proportion", "Position",
         "95% plausible range", "Top quartile", "To reach the MSG average",
         "To reach the top quartile", "Do the forces differ?"),
        tuple(rows),
        note="Solved: charged or summonsed, or an out-of-court disposal, over the crimes "
        "recorded in the window (police.uk outcomes). The MSG average is the mean of the "
        "members' solved rates, the force included (the default); the pooled proportion is "
        "total solved over total crimes. A change is in percentage points and in solved "
        "crimes on the force's own crimes.",
    )  # fmt: skip


def _interval(lower: float | None, upper: float | None) -> str:
    if lower is None or upper is None:
        return ""
    return f"{lower:.1%}–{upper:.1%}"


def _rank_cell(_result: ValueComparison, member: ValueMember) -> str:
    ranks = member.rank_range
    if ranks is None:
        return ordinal(member.rank)
    return f"{ordinal(member.rank)} ({range_cell(ranks)})"


def _rate_cell(_result: ValueComparison, member: ValueMember) -> str:
    figure = member.figure
    mark = NOT_COMPARABLE_MARK if figure.note else ""
    return (
        f"{value_cell(figure.value, SOLVED_RATE)} ({_interval(figure.lower, figure.upper)}){mark}"
    )


def _comparability(results: list[ValueComparison], names: list[str]) -> tuple[str, ...]:
    """Each force whose outcomes are not comparable with the force's, naming the measures."""
    flagged: dict[str, list[str]] = {}
    for result, name in zip(results, names, strict=True):
        for member in result.members:
            if member.figure.note:
                flagged.setdefault(member.force.short_name, []).append(name)
    force = results[0].force.short_name
    return tuple(
        f"†{name}: outcomes not comparable with {force}'s or not yet settled (a different "
        f"share still under investigation or with no outcome) in "
        f"{'every measure' if len(which) == len(results) else '; '.join(which)}; each "
        "measure's page gives the shares"
        for name, which in flagged.items()
    )
