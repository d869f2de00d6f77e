"""The solved rate of a crime measure across the Most Similar Group (`msg MEASURE
--statistic solved-rate`): solved / crimes per member from police.uk outcomes, ranked with
`msg_values.rank_values` (1 = the highest solved rate unless the direction says otherwise).

Solved is policeplan's flag (`reference/outcomes.py`: charged or summonsed, or an
out-of-court disposal). A member's solved rate is comparable with the force's only when
their outcomes are of the same maturity, by the rule used between windows
(`stats.outcome_maturity`): a member more than 10% still open, or whose open share is more
than 5 points from the force's, is marked not comparable, and the result says so.

    >>> query = MsgQuery("all-crime", "essex", to="2025-12", statistic="solved-rate")
    >>> essex = msg_solved_rate(workspace, query).force_member  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

import duckdb

from policeplan.errors import InputError
from policeplan.indicators.areas import WHOLE_FORCE
from policeplan.indicators.counts import POLICE_UK, CountTable, count_table
from policeplan.indicators.measures import CrimeMeasure, crime_measure
from policeplan.indicators.msg import (
    group_forces,
    plan_msg_indicator,
    usable_members,
    window_exclusion,
)
from policeplan.indicators.msg_figures import (
    group_tests,
    proportion_figure,
    rank_values,
    small_numbers_caveat,
)
from policeplan.indicators.msg_history import position_among, quarter_end_windows
from policeplan.indicators.msg_result import ExcludedMember, Position
from policeplan.indicators.msg_values import SOLVED_RATE, MemberFigure, ValueComparison
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import MsgQuery, parse_direction
from policeplan.indicators.windows import Window
from policeplan.plan.model import GoodDirection
from policeplan.reference import Force, get_force
from policeplan.stats.outcome_maturity import MAX_OPEN_DIFFERENCE, compare_outcome_maturity
from policeplan.store import Workspace

__all__ = ["msg_solved_rate", "solved_tables"]


def msg_solved_rate(
    workspace: Workspace,
    query: MsgQuery,
    *,
    plan: PlanChoice = LOADED_PLAN,
    tables: Mapping[str, CountTable] | None = None,
) -> ValueComparison:
    """The solved rate of the query's measure for every member of the group over the
    window, ranked; raises InputError for a measure with no outcomes or a source other
    than police.uk, IncompleteWindow/DataError when the force itself cannot be ranked.
    `tables` (from `solved_tables`) saves re-reading the members' counts when several
    measures are compared."""
    plan = resolve_plan(workspace, plan)
    if query.source != POLICE_UK:
        raise InputError(
            "solved rates come from police.uk outcomes: use the police-uk source",
            field="source",
        )
    measure = crime_measure(query.measure, plan)
    if not measure.counts_crimes:
        raise InputError(
            f"{measure.title} are incidents with no outcomes, so there is no solved rate",
            field="measure",
        )
    subject = get_force(query.force)
    planned = plan_msg_indicator(plan, f"{measure.slug}-solved-rate", query.force)
    direction: GoodDirection = parse_direction(query.direction) or (
        planned.direction if planned is not None else "up"
    )
    forces = group_forces(subject, query.group, plan)
    window = query.window
    history = quarter_end_windows(window, query.history) if query.history else []
    with workspace.connect(read_only=True) as con:
        if tables is None:
            tables = _tables(con, forces, window, query.accept_suspect_months)
        spans = (
            _tables(con, forces, Window(history[0].first, window.last),
                    query.accept_suspect_months)
            if history else {}
        )  # fmt: skip
    figures = {f.slug: _figure(f, tables[f.slug], measure, window) for f in forces}
    included, excluded = usable_members(figures, subject, window, "a solved rate")
    included, warnings = _comparability(subject, included, tables, measure)
    members, uncertainty = rank_values(included, direction)
    funnel, homogeneity = group_tests(included, SOLVED_RATE)
    ranked = [m.force for m in members]
    caveat = small_numbers_caveat(
        [(m.force.short_name, m.figure.numerator or 0) for m in members], "solved crimes"
    )
    return ValueComparison(
        statistic=SOLVED_RATE,
        measure=measure.slug,
        measure_title=f"{measure.title}: solved rate",
        force=subject,
        window=window,
        source=POLICE_UK,
        direction=direction,
        members=members,
        excluded=excluded,
        funnel=funnel,
        homogeneity=homogeneity,
        rank_uncertainty=uncertainty,
        unit="%",
        history=tuple(_position(subject, ranked, spans, measure, w, direction) for w in history),
        warnings=warnings,
        caveats=() if caveat is None else (caveat,),
        data_label=workspace.label(),
        numerator_name="solved crimes",
        denominator_name="crimes",
        aspiration=None if planned is None else planned.aspiration,
    )


def solved_tables(
    workspace: Workspace, query: MsgQuery, *, plan: PlanChoice = LOADED_PLAN
) -> dict[str, CountTable]:
    """The group's counts and outcomes over the query's window, read once for every
    measure's solved rate."""
    plan = resolve_plan(workspace, plan)
    forces = group_forces(get_force(query.force), query.group, plan)
    with workspace.connect(read_only=True) as con:
        return _tables(con, forces, query.window, query.accept_suspect_months)


def _tables(
    con: duckdb.DuckDBPyConnection, forces: Sequence[Force], span: Window, accept: bool
) -> dict[str, CountTable]:
    return {
        f.slug: count_table(con, f.slug, span, WHOLE_FORCE, POLICE_UK, accept_suspect=accept)
        for f in forces
    }


def window_solved(table: CountTable, measure: CrimeMeasure, window: Window) -> tuple[int, int]:
    """(solved, crimes) of the measure over the window's months."""
    months = set(window.months)
    solved = crimes = 0
    for (period, crime_type), (n, n_solved) in table.counts.items():
        if period in months and crime_type in measure.crime_types:
            crimes += n
            solved += n_solved
    return solved, crimes


def _figure(
    force: Force, table: CountTable, measure: CrimeMeasure, window: Window
) -> MemberFigure | ExcludedMember:
    incomplete = window_exclusion(force, table.for_measure(measure), window, POLICE_UK)
    if incomplete is not None:
        return incomplete
    solved, crimes = window_solved(table, measure, window)
    if crimes == 0:
        return ExcludedMember(force, f"no crimes recorded in {window.label()}")
    return proportion_figure(force, solved, crimes)


def _comparability(
    subject: Force,
    figures: list[MemberFigure],
    tables: Mapping[str, CountTable],
    measure: CrimeMeasure,
) -> tuple[list[MemberFigure], tuple[str, ...]]:
    """Each member's outcomes against the force's: a note and a warning when their
    maturity differs (or the force's own are not settled)."""
    own = _outcomes(tables[subject.slug], measure)
    checked, warnings = [], []
    for figure in figures:
        if figure.force.slug == subject.slug:
            found = compare_outcome_maturity(own, own)
        else:
            found = compare_outcome_maturity(_outcomes(tables[figure.force.slug], measure), own)
        if found.comparable:
            checked.append(figure)
            continue
        share = found.current_open_share or 0.0
        apart = abs(found.difference_points or 0.0) > float(MAX_OPEN_DIFFERENCE * 100)
        note = (
            f"outcomes not comparable with {subject.short_name}'s: {share:.1%} still open "
            f"(under investigation or no outcome) against {found.comparison_open_share or 0:.1%}"
            if apart
            else f"outcomes not yet settled: {share:.1%} still open, so the solved rate is "
            "provisional"
        )
        checked.append(replace(figure, note=note))
        warnings.append(f"{figure.force.short_name}: {note}")
    return checked, tuple(warnings)


def _outcomes(table: CountTable, measure: CrimeMeasure) -> dict[str | None, int]:
    return {label: n for label, n in table.for_measure(measure).outcomes.items()}


def _position(
    subject: Force,
    ranked: Sequence[Force],
    tables: Mapping[str, CountTable],
    measure: CrimeMeasure,
    window: Window,
    direction: GoodDirection,
) -> Position:
    values: dict[str, Fraction | str] = {}
    for force in ranked:
        found = _figure(force, tables[force.slug], measure, window)
        values[force.slug] = found.reason if isinstance(found, ExcludedMember) else found.value
    return position_among(subject, ranked, values, window, direction)
