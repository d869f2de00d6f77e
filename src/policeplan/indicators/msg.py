"""Most Similar Group (MSG) comparison: where a force stands among similar forces.

For one crime measure and window, every member of the group gets its count, population,
rate per 1,000 people and rank (1 = best in the good direction). From these come the MSG
average, the top-quartile boundary, the offences the force would need to change to reach
each, whether its aspiration is met, its rank over the last 12 windows (a sparkline), and
a funnel plot saying which rates differ from the group's by more than chance.

    >>> query = MsgQuery("all-crime", "essex", to="2018-03", source="home-office")
    >>> result = msg_comparison(workspace, query, plan=plan)  # doctest: +SKIP
    >>> essex = result.force_member  # doctest: +SKIP
    >>> essex.rank, result.change_to_average, result.change_to_top_quartile  # doctest: +SKIP
    (4, 0, -6428)

Definitions (see docs/msg.md):

- MSG average: the simple mean of the members' rates, the force included; every force
  counts once whatever its size.
- Ranks: competition ranking ("1224"); tied rates share a rank.
- Top quartile: ranks 1 to ceil(n/4); its boundary is the rate of the member ranked
  ceil(n/4) (counting tied members separately).
- Change to reach a target: (target rate − force rate) × force population / 1,000,
  rounded to whole offences; negative = that many fewer, positive = that many more;
  0 when already at or better than the target. For the MSG average the target is solved
  (`stats.msg_targets`): the average includes the force, so the target rate is the other
  members' mean rate (the rate at which the force equals the recomputed average).
- Rank ranges: a 95% plausible range of each member's rank and the members it cannot be
  told from, simulated from a random-effects model with each member's own dispersion
  (`stats.rank_uncertainty`, seeded: the same every run).
- Months that look incomplete (`store.coverage.looks_incomplete`) exclude a member like
  missing months unless `accept_suspect_months`; then the result carries a warning.
- Funnel: Poisson limits around the *pooled* group rate (total count / total population),
  as `stats.funnel_plot`; a rate inside the 95% limits is not distinguishable from the
  group's by chance alone, so its rank says little.
- Members whose window is incomplete, or who have no population figure, are excluded and
  listed with the reason; the force itself being excluded is an error.
- Positions: the force's rank in each of the 12 windows of the same length ending 11, 10 …
  0 steps before `to` (a step is a month for police.uk, a quarter for the Home Office
  table), among the members ranked in the current window. A position is empty (None)
  when any of those members, the force included, is incomplete or lacks a population in
  that window: a rank among a different set of forces would not be comparable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

import duckdb

from policeplan.errors import DataError, IncompleteWindow, InputError
from policeplan.indicators.areas import WHOLE_FORCE
from policeplan.indicators.counts import (
    HOME_OFFICE,
    POLICE_UK,
    SOURCE_LABELS,
    SOURCES,
    CountTable,
    WindowCount,
    check_financial_quarters,
    count_table,
)
from policeplan.indicators.directions import good_direction, verdict_direction
from policeplan.indicators.home_office_offences import (
    home_office_offence_table,
    is_offence_measure,
)
from policeplan.indicators.msg_figures import small_numbers_caveat
from policeplan.indicators.msg_history import quarter_end_windows
from policeplan.indicators.msg_measure import msg_crime_measure
from policeplan.indicators.msg_result import ExcludedMember, MsgComparison, MsgMember, Position
from policeplan.indicators.msg_uncertainty import (
    group_rank_uncertainty,
    group_warnings,
    member_phi,
)
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import MsgQuery, parse_direction
from policeplan.indicators.ranking import (
    competition_ranks,
    rate_per_1000,
)
from policeplan.indicators.window_population import window_population
from policeplan.indicators.windows import Window, month_ranges
from policeplan.plan.model import GoodDirection, MsgIndicator, Plan
from policeplan.reference import Force, Population, get_force
from policeplan.stats import funnel_plot
from policeplan.store import Workspace
from policeplan.store.populations import Populations, read_populations

__all__ = [
    "POSITION_WINDOWS",
    "ExcludedMember",
    "MsgComparison",
    "MsgMember",
    "MsgQuery",
    "Position",
    "msg_comparison",
    "msg_tables",
    "read_group_tables",
]

POSITION_WINDOWS = 12
SUSPECT = "incomplete window (months that look incomplete)"
_STEP_MONTHS = {POLICE_UK: 1, HOME_OFFICE: 3}


def msg_comparison(
    workspace: Workspace,
    query: MsgQuery,
    *,
    plan: PlanChoice = LOADED_PLAN,
    tables: Mapping[str, CountTable] | None = None,
) -> MsgComparison:
    """Compare the query's force with its Most Similar Group on its measure over the
    `months` to `to`.

    The group is `query.group`, else the plan's `most_similar_group` (the force is always
    included). The good direction is `query.direction`, else the plan's MSG indicator for
    the measure, else "down" (fewer crimes is better). `plan` is the workspace's plan
    unless given. Raises InputError for a bad measure, force, source or a window the
    source cannot give; IncompleteWindow or DataError when the force itself cannot be
    ranked. `tables` (from `read_group_tables`) saves re-reading the members' counts when
    several measures are compared.
    """
    plan = resolve_plan(workspace, plan)
    measure, force, to, months = query.measure, query.force, query.to, query.months
    group, source, direction = query.group, query.source, query.direction
    if source not in SOURCES:
        raise InputError(f"unknown source {source!r}: use {' or '.join(SOURCES)}", field="source")
    definition = msg_crime_measure(measure, plan, source)
    if definition.records is not None:
        raise InputError(
            f"{measure!r} is counted from the force's own crime records; other forces' are "
            "not held, so it has no Most Similar Group comparison",
            field="measure",
        )
    offence_groups = is_offence_measure(definition)
    if offence_groups:
        tables = None  # given tables are keyed by police.uk category
    subject = get_force(force)
    window = Window.ending(to, months)
    if source == HOME_OFFICE:
        check_financial_quarters(window)
    indicator = plan_msg_indicator(plan, definition.slug)
    # A query built from a form may hold any text: checked here, not only typed.
    good = good_direction(definition.slug, plan, parse_direction(direction))
    neutral = verdict_direction(definition.slug, plan, parse_direction(direction)) is None
    # An aspiration is the plan's force's own; it says nothing about another force.
    aspiration = (
        indicator.aspiration
        if indicator is not None and plan is not None and plan.force == subject.slug
        else None
    )
    forces = group_forces(subject, group, plan)

    windows = position_windows(window, source)
    history = quarter_end_windows(window, query.history) if query.history else []
    first = min(w.first for w in [*windows, *history])
    if tables is None:
        with workspace.connect(read_only=True) as con:
            tables = read_group_tables(
                con,
                forces,
                Window(first, window.last),
                source,
                accept_suspect=query.accept_suspect_months,
                offence_groups=offence_groups,
            )
    counts = {f.slug: tables[f.slug].for_measure(definition) for f in forces}
    with workspace.connect(read_only=True) as con:
        populations = read_populations(con)
    figures = {f.slug: _figure(f, counts[f.slug], window, source, populations) for f in forces}
    own = figures[subject.slug]
    if isinstance(own, ExcludedMember):
        refuse_force(own, window)
    excluded = tuple(e for e in figures.values() if isinstance(e, ExcludedMember))
    included = [(f, fig) for f in forces if not isinstance(fig := figures[f.slug], ExcludedMember)]
    if len(included) < 2:
        raise DataError(
            f"no other member of {subject.short_name}'s group can be compared for "
            f"{window.label()}: " + excluded_words(excluded)
        )
    ranked = _ranked(included, good)
    phis = [
        member_phi(tables[m.force.slug], counts[m.force.slug], definition, window) for m in ranked
    ]
    uncertainty = group_rank_uncertainty(ranked, phis, good)
    ranges = {found.name: found for found in uncertainty.members}
    members = tuple(replace(m, rank_range=ranges[m.force.slug]) for m in ranked)
    funnel = funnel_plot((m.force.slug, m.count, m.population.population) for m in members)
    ranked_forces = [m.force for m in members]
    positions = tuple(
        _position(subject, ranked_forces, counts, w, source, good, populations) for w in windows
    )
    caveat = small_numbers_caveat([(m.force.short_name, m.count) for m in members], "offences")
    return MsgComparison(
        measure=definition,
        force=subject,
        window=window,
        source=source,
        direction=good,
        aspiration=aspiration,
        members=members,
        excluded=excluded,
        funnel=funnel,
        positions=positions,
        data_label=workspace.label(),
        rank_uncertainty=uncertainty,
        neutral=neutral,
        warnings=group_warnings(members, counts, window),
        history=tuple(
            _position(subject, ranked_forces, counts, w, source, good, populations) for w in history
        ),
        caveats=() if caveat is None else (caveat,),
    )


_Figure = tuple[int, Population]


def position_windows(window: Window, source: str) -> list[Window]:
    """The 12 windows of the sparkline, oldest first, the last being `window`."""
    step = _STEP_MONTHS[source]
    return [window.shifted(-step * back) for back in range(POSITION_WINDOWS - 1, -1, -1)]


def read_group_tables(
    con: duckdb.DuckDBPyConnection,
    forces: Sequence[Force],
    span: Window,
    source: str,
    *,
    accept_suspect: bool = False,
    offence_groups: bool = False,
) -> dict[str, CountTable]:
    """Each member's counts by period and crime type over `span` (and, for police.uk, the
    36 months before it, for each member's dispersion), read once; `offence_groups`: the
    Home Office table's counts by offence group and subgroup instead."""
    if offence_groups:
        return {f.slug: home_office_offence_table(con, f.slug, span) for f in forces}
    return {
        f.slug: count_table(con, f.slug, span, WHOLE_FORCE, source,
                            accept_suspect=accept_suspect, history=source == POLICE_UK)
        for f in forces
    }  # fmt: skip


def msg_tables(
    workspace: Workspace,
    measures: Sequence[str],
    query: MsgQuery,
    *,
    plan: PlanChoice = LOADED_PLAN,
) -> list[MsgComparison]:
    """The MSG comparison of every measure in `measures` (the query's measure is replaced
    by each in turn), reading the group's counts once."""
    chosen_plan = resolve_plan(workspace, plan)
    subject = get_force(query.force)
    window = query.window
    if query.source == HOME_OFFICE:
        check_financial_quarters(window)
    windows = position_windows(window, query.source)
    forces = group_forces(subject, query.group, chosen_plan)
    with workspace.connect(read_only=True) as con:
        tables = read_group_tables(
            con,
            forces,
            Window(windows[0].first, window.last),
            query.source,
            accept_suspect=query.accept_suspect_months,
        )
    return [
        msg_comparison(workspace, replace(query, measure=m), plan=chosen_plan, tables=tables)
        for m in measures
    ]


def plan_msg_indicator(
    plan: Plan | None, measure: str, force: str | None = None
) -> MsgIndicator | None:
    """The plan's MSG indicator for `measure` (None without one, or when `force` is given
    and is not the plan's force: an aspiration is the plan's force's own)."""
    if plan is None or (force is not None and plan.force != force):
        return None
    return next((i for i in plan.msg_indicators if i.measure == measure), None)


def group_forces(subject: Force, group: Sequence[str] | None, plan: Plan | None) -> list[Force]:
    """The members, the force first, each once."""
    if group is not None:
        # A single string is taken as written on the command line: "kent,sussex".
        listed = group.split(",") if isinstance(group, str) else group
        names = [name.strip() for name in listed if name.strip()]
        if not names:
            raise InputError("the group is empty: list its forces, e.g. kent,sussex", field="group")
    elif plan is not None:
        if plan.force != subject.slug:
            raise InputError(
                f"the plan's Most Similar Group is {plan.force}'s, not {subject.slug}'s: "
                f"give {subject.slug}'s group as a list of forces, e.g. kent,sussex",
                field="group",
            )
        names = list(plan.most_similar_group)
    else:
        raise InputError(
            "no Most Similar Group: give the group as a list of forces (e.g. kent,sussex) "
            "or load a plan that names one",
            field="group",
        )
    forces = [subject]
    for name in names:
        try:
            member = get_force(name)
        except InputError as exc:
            raise InputError(exc.message, field="group") from exc
        if member.slug not in {f.slug for f in forces}:
            forces.append(member)
    return forces


def _figure(
    force: Force, span_count: WindowCount, window: Window, source: str, populations: Populations
) -> _Figure | ExcludedMember:
    """(count, population) of `force` over `window`, or why it cannot be ranked."""
    incomplete = window_exclusion(force, span_count, window, source)
    if incomplete is not None:
        return incomplete
    population = window_population(force.slug, window, populations)
    if population is None:
        return ExcludedMember(
            force,
            f"no population figure for {force.short_name} in the bundled population table "
            "(it covers the police force areas of England only), so no rate per 1,000",
        )
    # by_month holds the span's months (or, for the Home Office, quarters under their
    # first month); the window's are those inside it.
    months = set(window.months)
    count = sum(n for month, n in span_count.by_month.items() if month in months)
    if count < 0:
        return ExcludedMember(
            force, f"the count is negative ({count}): downward adjustments exceed offences"
        )
    return count, population


def window_exclusion(
    force: Force, span_count: WindowCount, window: Window, source: str
) -> ExcludedMember | None:
    """Why `force` cannot be ranked over `window` (months missing, or looking incomplete
    and not accepted), or None when its window is complete."""
    missing = tuple(m for m in window.months if m in span_count.missing_months)
    suspect = [s for s in span_count.suspect_months if s.month in window.months]
    if suspect and not span_count.accept_suspect and not missing:
        return ExcludedMember(
            force,
            f"{SUSPECT}: " + "; ".join(s.describe() for s in suspect),
            tuple(s.month for s in suspect),
        )
    if missing:
        return ExcludedMember(
            force,
            f"incomplete window: the workspace holds no {SOURCE_LABELS[source]} for "
            f"{month_ranges(missing)}",
            missing,
        )
    return None


T = TypeVar("T")


def usable_members(
    figures: Mapping[str, T | ExcludedMember], subject: Force, window: Window, what: str
) -> tuple[list[T], tuple[ExcludedMember, ...]]:
    """The members' figures that can be ranked and the members excluded (and why). The
    force itself excluded refuses the comparison; so does no other member having `what`."""
    own = figures[subject.slug]
    if isinstance(own, ExcludedMember):
        refuse_force(own, window)
    included = [fig for fig in figures.values() if not isinstance(fig, ExcludedMember)]
    excluded = tuple(e for e in figures.values() if isinstance(e, ExcludedMember))
    if len(included) < 2:
        raise DataError(
            f"no other member of {subject.short_name}'s group has {what} for "
            f"{window.label()}: " + excluded_words(excluded)
        )
    return included, excluded


def excluded_words(excluded: Sequence[ExcludedMember]) -> str:
    """Why members are not ranked, those with the same reason named together
    ('Kent, Sussex: incomplete window: …; Hampshire: no population figure')."""
    by_reason: dict[str, list[str]] = {}
    for member in excluded:
        by_reason.setdefault(member.reason, []).append(member.force.short_name)
    return "; ".join(f"{', '.join(names)}: {reason}" for reason, names in by_reason.items())


def refuse_force(own: ExcludedMember, window: Window) -> None:
    name = own.force.short_name
    if own.missing_months:
        remedy = (
            "re-import complete files for those months, or count them as they are with "
            "--accept-suspect-months"
            if SUSPECT in own.reason
            else "import the missing months (policeplan coverage shows what the workspace holds)"
        )
        raise IncompleteWindow(
            f"{name} cannot be compared for {window.label()}: {own.reason}; {remedy}",
            list(own.missing_months),
        )
    raise DataError(f"{name} cannot be compared for {window.label()}: {own.reason}")


def _ranked(
    included: list[tuple[Force, _Figure]], direction: GoodDirection
) -> tuple[MsgMember, ...]:
    rates = [rate_per_1000(count, population.population) for _, (count, population) in included]
    ranks = competition_ranks(rates, direction)
    members = [
        MsgMember(force, count, population, rate, rank)
        for (force, (count, population)), rate, rank in zip(included, rates, ranks, strict=True)
    ]
    return tuple(sorted(members, key=lambda m: (m.rank, m.force.short_name)))


def _position(
    subject: Force,
    ranked: list[Force],
    counts: dict[str, WindowCount],
    window: Window,
    source: str,
    direction: GoodDirection,
    populations: Populations,
) -> Position:
    figures = [(f, _figure(f, counts[f.slug], window, source, populations)) for f in ranked]
    unusable = [f.short_name for f, fig in figures if isinstance(fig, ExcludedMember)]
    if len(unusable) == len(ranked):
        return Position(window, None, len(ranked), "no member can be ranked in this window")
    if unusable:
        return Position(
            window, None, len(ranked), f"incomplete or no population: {', '.join(unusable)}"
        )
    usable = [(f, fig) for f, fig in figures if not isinstance(fig, ExcludedMember)]
    members = _ranked(usable, direction)
    rank = next(m.rank for m in members if m.force.slug == subject.slug)
    return Position(window, rank, len(ranked))
