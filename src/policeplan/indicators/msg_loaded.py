"""Per-force measures loaded with `import measures` (figures a performance team takes from
iQuanta: confidence, KSI, sickness, 999 answer times) ranked across the Most Similar Group
(`msg MEASURE --source measures`). Each member's area is its force slug.

Over the window, each member's periods are combined as `loaded_measures.loaded_window`
does, and the combination says what is ranked:

- numerator and denominator on every period: a proportion (whole numbers, numerator no
  more than denominator) with its Wilson interval, ranked as solved rates are; otherwise
  the ratio numerator / denominator, with no interval;
- whole-number values with no denominator: a count, rated per 1,000 people with the
  bundled population table and its exact Poisson interval;
- anything else: an estimate, with its interval or standard error where the file gives
  `lower`/`upper` or `se` (the mean of the periods' values; standard errors combined as
  for a mean of independent estimates).

The plan's `measures:` entry for the measure (`source: measures`) names what its
numerator and denominator count ("hours lost to sickness" of "contracted hours"): the
change needed is said in those; a count without one is said in its loaded unit
("casualties").

The good direction is the query's, else the plan's for the measure, else down. When the
latest period held for any member ends before the window asked for, the window moves back
to end there, and the result says "last data to" that month.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import duckdb

from policeplan.errors import InputError
from policeplan.indicators.directions import good_direction
from policeplan.indicators.loaded_measures import MEAN, RATE, SUM, LoadedWindow, loaded_window
from policeplan.indicators.msg import group_forces, plan_msg_indicator, usable_members
from policeplan.indicators.msg_figures import (
    estimate_figure,
    group_tests,
    proportion_figure,
    rank_values,
    small_numbers_caveat,
)
from policeplan.indicators.msg_history import position_among, quarter_end_windows
from policeplan.indicators.msg_result import ExcludedMember, poisson_rate_interval
from policeplan.indicators.msg_values import (
    ESTIMATE,
    PROPORTION,
    RATE_PER_1000,
    MemberFigure,
    ValueComparison,
)
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import MsgQuery, parse_direction
from policeplan.indicators.ranking import rate_per_1000
from policeplan.indicators.window_population import window_population
from policeplan.indicators.windows import Window, month_ranges
from policeplan.plan.model import LoadedMeasure, MsgIndicator
from policeplan.reference import Force, get_force
from policeplan.store import Workspace
from policeplan.store.populations import Populations, read_populations

__all__ = ["MEASURES", "msg_loaded_measure"]

MEASURES = "measures"


# Above this, the members' proportions spread far more than independent events would.
OVERDISPERSED = 10.0


def overdispersed_caveat(phi: float) -> str:
    """Why a loaded proportion's intervals, rank ranges and test of difference say too much
    when the numerator's units are not independent events (hours lost, not people)."""
    return (
        f"the forces' figures spread {phi:,.0f} times more than independent events would "
        "(e.g. hours lost counted as if each hour were a separate event): the 95% intervals, "
        "plausible positions and the test of whether the forces differ treat each unit of the "
        "numerator as independent and so overstate certainty; read the funnel's limits "
        "allowing for the spread between forces instead"
    )


def msg_loaded_measure(
    workspace: Workspace, query: MsgQuery, *, plan: PlanChoice = LOADED_PLAN
) -> ValueComparison:
    """The loaded measure `query.measure` for every member of the group, ranked."""
    plan = resolve_plan(workspace, plan)
    subject = get_force(query.force)
    forces = group_forces(subject, query.group, plan)
    direction = good_direction(query.measure, plan, parse_direction(query.direction))
    planned = plan_msg_indicator(plan, query.measure, subject.slug)
    window, last_data_to = query.window, None
    with workspace.connect(read_only=True) as con:
        populations = read_populations(con)
        latest = _latest_month(con, query.measure, [f.slug for f in forces])
        if latest < window.last:
            window, last_data_to = Window.ending(latest, window.length), latest
        held = {f.slug: _held(con, query.measure, f.slug, window) for f in forces}
        history = quarter_end_windows(window, query.history) if query.history else []
        earlier = {
            (f.slug, w): loaded_window(con, query.measure, f.slug, w)
            for f in forces
            for w in history
        }
    statistic = _statistic([h for h in held.values() if h[0].complete])
    figures = {f.slug: _figure(f, *held[f.slug], statistic, populations) for f in forces}
    included, excluded = usable_members(figures, subject, window, query.measure)
    members, uncertainty = rank_values(included, direction)
    funnel, homogeneity = group_tests(included, statistic)
    ranked = [m.force for m in members]
    unit = held[subject.slug][0].unit
    names = None if plan is None else plan.loaded_measure(query.measure)
    numerator = names.numerator if names is not None else None
    caveat = None
    if statistic == RATE_PER_1000:
        # A count's own unit ("casualties") says what a change counts, unless the plan does.
        numerator = numerator or (unit or None)
        unit = "per 1,000 people"
        caveat = small_numbers_caveat(
            [(m.force.short_name, m.figure.numerator or 0) for m in members], "events"
        )
    caveats = [] if caveat is None else [caveat]
    if funnel is not None and funnel.phi > OVERDISPERSED:
        caveats.append(overdispersed_caveat(funnel.phi))
    history_positions = []
    for w in history:
        values: dict[str, Fraction | str] = {}
        for force in ranked:
            found = _figure(force, earlier[force.slug, w], None, None, None, statistic, populations)
            values[force.slug] = found.reason if isinstance(found, ExcludedMember) else found.value
        history_positions.append(position_among(subject, ranked, values, w, direction))
    return ValueComparison(
        statistic=statistic,
        measure=query.measure,
        measure_title=_title(query.measure, planned, names),
        force=subject,
        window=window,
        source=MEASURES,
        direction=direction,
        members=members,
        excluded=excluded,
        funnel=funnel,
        homogeneity=homogeneity,
        rank_uncertainty=uncertainty,
        unit=unit,
        history=tuple(history_positions),
        caveats=tuple(caveats),
        last_data_to=last_data_to,
        data_label=workspace.label(),
        aspiration=None if planned is None else planned.aspiration,
        numerator_name=numerator,
        denominator_name=None if names is None else names.denominator,
    )


def _title(measure: str, planned: MsgIndicator | None, names: LoadedMeasure | None) -> str:
    """The plan's MSG indicator's title, else its `measures:` entry's, else the slug."""
    if planned is not None:
        return planned.title
    return measure if names is None else names.title


def _latest_month(con: duckdb.DuckDBPyConnection, measure: str, areas: Sequence[str]) -> str:
    row = con.execute(
        "SELECT count(*), strftime(max(period_end), '%Y-%m') FROM measures "
        "WHERE measure = ? AND area IN (SELECT unnest(?::VARCHAR[]))",
        [measure, list(areas)],
    ).fetchone()
    if row is None or not row[0]:
        any_row = con.execute("SELECT count(*) FROM measures WHERE measure = ?", [measure])
        held = any_row.fetchone()
        where = (
            "for none of the group's forces (its areas must be force slugs, e.g. essex)"
            if held and held[0]
            else "in the workspace: import it with policeplan import measures"
        )
        raise InputError(f"no loaded measure {measure!r} {where}", field="measure")
    return str(row[1])


_Held = tuple[LoadedWindow, float | None, float | None, float | None]


def _held(con: duckdb.DuckDBPyConnection, measure: str, area: str, window: Window) -> _Held:
    """The window's combined figure, and (lower, upper, se) when it is one period's."""
    found = loaded_window(con, measure, area, window)
    if len(found.periods) != 1:
        standard_error = _combined_se(con, measure, area, found.periods)
        return found, None, None, standard_error
    row = con.execute(
        "SELECT lower_bound, upper_bound, standard_error FROM measures WHERE measure = ? "
        "AND area = ? AND period = ?",
        [measure, area, found.periods[0]],
    ).fetchone()
    if row is None:
        return found, None, None, None
    return found, row[0], row[1], row[2]


def _combined_se(
    con: duckdb.DuckDBPyConnection, measure: str, area: str, periods: Sequence[str]
) -> float | None:
    """The standard error of the mean of independent period estimates, when every period
    has one: sqrt(sum of se²) / k."""
    if not periods:
        return None
    rows = con.execute(
        "SELECT standard_error, lower_bound, upper_bound FROM measures WHERE measure = ? "
        "AND area = ? AND period IN (SELECT unnest(?::VARCHAR[]))",
        [measure, area, list(periods)],
    ).fetchall()
    errors = [se if se is not None else _se_of(lo, hi) for se, lo, hi in rows]
    if any(e is None for e in errors):
        return None
    return math.sqrt(sum((e or 0.0) ** 2 for e in errors)) / len(errors)


def _se_of(lower: float | None, upper: float | None) -> float | None:
    if lower is None or upper is None or upper <= lower:
        return None
    return (upper - lower) / (2 * 1.959963984540054)


def _statistic(held: Sequence[_Held]) -> str:
    """What the members' figures are: proportions, counts (rated per 1,000) or estimates.
    A figure with an interval or standard error, or in per cent, is never a count."""
    windows = [h[0] for h in held]
    kinds = {w.combined_as for w in windows}
    if kinds == {RATE} and all(_is_proportion(w) for w in windows):
        return PROPORTION
    estimated = any(x is not None for h in held for x in h[1:]) or any(
        (w.unit or "").strip() == "%" for w in windows
    )
    if kinds == {SUM} and not estimated:
        return RATE_PER_1000
    return ESTIMATE


def _is_proportion(window: LoadedWindow) -> bool:
    numerator, denominator = window.numerator, window.denominator
    return (
        numerator is not None
        and denominator is not None
        and numerator.is_integer()
        and denominator.is_integer()
        and 0 <= numerator <= denominator
        and denominator > 0
    )


def _figure(
    force: Force,
    held: LoadedWindow,
    lower: float | None,
    upper: float | None,
    standard_error: float | None,
    statistic: str,
    populations: Populations,
) -> MemberFigure | ExcludedMember:
    window = held.window
    if not held.complete:
        return ExcludedMember(
            force,
            f"no figure held for {month_ranges(held.missing_months)}",
            held.missing_months,
        )
    assert held.value is not None
    if statistic == PROPORTION and _is_proportion(held):
        return proportion_figure(force, int(held.numerator or 0), int(held.denominator or 0))
    if statistic == RATE_PER_1000 and held.combined_as == SUM:
        population = window_population(force.slug, window, populations)
        if population is None:
            return ExcludedMember(force, f"no population figure for {force.short_name}")
        count, people = int(held.value), population.population
        low, high = poisson_rate_interval(count, people)
        rate = rate_per_1000(count, people)
        variance = float(rate) ** 2 / max(count, 0.5)
        return MemberFigure(force, rate, count, people, low, high, variance)
    if statistic == ESTIMATE and held.combined_as in (MEAN, RATE, SUM):
        return estimate_figure(force, held.value, lower, upper, standard_error)
    return ExcludedMember(
        force, f"its figures are combined as a {held.combined_as}, the others' otherwise"
    )
