"""Where a card's figures come from: which kind of measure it is, which windows it is
compared with, and the indicator results of each comparison (read once per card)."""

from __future__ import annotations

import difflib
from typing import TypeVar

import duckdb

from policeplan.errors import DataError, InputError
from policeplan.indicators.areas import Area
from policeplan.indicators.card_commentary import month_name
from policeplan.indicators.counts import POLICE_UK, CountTable, count_table
from policeplan.indicators.harm_measure import (
    HarmIndicatorResult,
    harm_base_measure,
    is_harm_measure,
)
from policeplan.indicators.indicator import (
    IndicatorResult,
    IndicatorTables,
    LoadedIndicatorResult,
    compute_indicator,
    crime_indicator,
)
from policeplan.indicators.loaded_measures import is_loaded_measure, loaded_window
from policeplan.indicators.measures import CRIME_MEASURES, crime_measure
from policeplan.indicators.msg_compare import SOLVED_SUFFIX
from policeplan.indicators.msg_measure import home_office_measure
from policeplan.indicators.queries import IndicatorQuery
from policeplan.indicators.records_counts import counted_from
from policeplan.indicators.windows import Window, comparison_window
from policeplan.plan.model import Plan
from policeplan.store import Workspace
from policeplan.store.populations import read_populations

__all__ = [
    "comparison_keys",
    "comparison_label",
    "crime_results",
    "holds_home_office_table",
    "latest_loaded_period",
    "loaded_card_window",
    "measure_kind",
    "results_per_key",
    "unknown_name",
]

ResultT = TypeVar("ResultT", LoadedIndicatorResult, HarmIndicatorResult)


def measure_kind(con: duckdb.DuckDBPyConnection, measure: str, plan: Plan | None) -> str | None:
    """ "crime" (built in or a plan composite), "loaded" (`import measures`), "harm" (a
    `…-harm-score` of a crime measure), "solved" (`X-solved-rate` of a crime measure X),
    "offence-group" (a Home Office offence group or subgroup, when the Home Office table
    is held) or None."""
    if measure in CRIME_MEASURES:
        return "crime"
    if is_loaded_measure(con, measure):
        return "loaded"
    if is_harm_measure(measure):
        try:
            harm_base_measure(measure, plan)
        except DataError:
            return None
        return "harm"
    try:
        crime_measure(measure, plan)
    except InputError:
        return _derived_kind(con, measure, plan)
    return "crime"


def _derived_kind(con: duckdb.DuckDBPyConnection, measure: str, plan: Plan | None) -> str | None:
    base = measure.removesuffix(SOLVED_SUFFIX)
    if base != measure and measure_kind(con, base, plan) == "crime":
        return "solved"
    if home_office_measure(measure, plan) is not None and holds_home_office_table(con):
        return "offence-group"
    return None


def holds_home_office_table(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT count(*) FROM (SELECT 1 FROM home_office_crimes LIMIT 1)").fetchone()
    return bool(row and row[0])


def latest_loaded_period(
    con: duckdb.DuckDBPyConnection, measure: str, area: str, to: str
) -> tuple[str, Window] | None:
    """The label and months of the loaded period of `measure` ending latest by `to` (the
    longest when several end together), or None: a yearly survey's card shows its year."""
    row = con.execute(
        "SELECT period, strftime(period_start, '%Y-%m'), strftime(period_end, '%Y-%m') "
        "FROM measures WHERE measure = ? AND area = ? "
        "AND period_end < CAST(? AS DATE) + INTERVAL 1 MONTH "
        "ORDER BY period_end DESC, period_start ASC LIMIT 1",
        [measure, area, f"{to}-01"],
    ).fetchone()
    if row is None:
        return None
    return str(row[0]), Window(str(row[1]), str(row[2]))


def unknown_name(name: str, plan: Plan | None) -> str:
    """Why a name that is neither a plan indicator nor a measure is refused, with the
    closest known name."""
    known = [*CRIME_MEASURES]
    if plan is not None:
        known += [indicator.id for _, indicator in plan.indicators]
        known += [composite.measure for composite in plan.composite_measures]
        known += [measure.measure for measure in plan.records_measures]
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{name!r} is neither an indicator of the plan nor a measure the workspace holds{hint}"


def loaded_card_window(
    workspace: Workspace, measure: str, area: str, window: Window, caveats: list[str]
) -> Window:
    """`window` when the loaded periods cover it; else the latest loaded period ending by
    its last month (a financial year of a yearly survey), said in a caveat."""
    with workspace.connect(read_only=True) as con:
        if loaded_window(con, measure, area, window).complete:
            return window
        latest = latest_loaded_period(con, measure, area, window.last)
    if latest is None:
        return window
    label, period = latest
    caveats.append(
        f"Figures are for {label} ({month_name(period.first)} to {month_name(period.last)}), "
        f"the latest period loaded by {month_name(window.last)}: the loaded periods do not "
        f"cover the {window.length} months to {month_name(window.last)}."
    )
    return period


def comparison_keys(current: Window, plan: Plan | None) -> list[str]:
    """previous, last-year (unless the same window) and each plan baseline ending before
    the latest window ends."""
    keys = ["previous"]
    if current.year_earlier() != current.previous():  # a 12-month window: the same window
        keys.append("last-year")
    if plan is not None:
        keys += [f"baseline:{b.name}" for b in plan.baselines if b.to < current.last]
    return keys


def comparison_label(key: str, window: Window) -> str:
    """How a comparison is named in sentences: 'the previous 12 months', 'the same 12 months
    a year earlier', 'the pre-plan baseline (April 2020 to March 2021)'."""
    if key == "previous":
        return f"the previous {window.length} months"
    if key == "last-year":
        return f"the same {window.length} months a year earlier"
    name = key.removeprefix("baseline:")
    return f"the {name} baseline ({_short(window.first)} to {_short(window.last)})"


def _short(month: str) -> str:
    """'2020-04' -> 'Apr 2020'."""
    name = month_name(month)
    return f"{name[:3]} {name[-4:]}"


def crime_results(
    workspace: Workspace,
    measure: str,
    force: str,
    to: str,
    months: int,
    area: Area,
    keys: list[str],
    plan: Plan | None,
    label: str | None,
    also: Window | None = None,
) -> tuple[list[IndicatorResult], str, CountTable]:
    """The indicator against each comparison, the unit ("incidents" for anti-social
    behaviour, else "offences") and the count table they came from: one read of the force's
    (or area's) counts over every window (and `also`, e.g. the SPC chart's months)."""
    definition = crime_measure(measure, plan)
    current = Window.ending(to, months)
    others = [comparison_window(current, key, plan) for key in keys]
    windows = [current, *others, *([also] if also is not None else [])]
    span = Window(min(w.first for w in windows), max(w.last for w in windows))
    source = counted_from(definition, POLICE_UK)
    with workspace.connect(read_only=True) as con:
        table = count_table(con, force, span, area, source)
        # The tests read each window itself, as the indicator does: the current one with
        # the months before it (the series' dispersion), and each with its suspect months
        # and outcomes (a slice of `table` would carry neither).
        current_table = count_table(con, force, current, area, source, history=True)
        populations = read_populations(con)
        results = [
            crime_indicator(definition, IndicatorTables(
                force, area, source, current_table, count_table(con, force, other, area, source),
                None, populations,
            ), label)
            for other in others
        ]  # fmt: skip
    return results, "offences" if definition.counts_crimes else "incidents", table


def results_per_key(
    workspace: Workspace,
    measure: str,
    force: str,
    to: str,
    months: int,
    area: str | None,
    keys: list[str],
    plan: Plan | None,
    kind: type[ResultT],
) -> list[ResultT]:
    """The indicator of a loaded or harm measure against each comparison, each of the
    result type its kind computes (`measure_kind` chose it)."""
    results = []
    for key in keys:
        query = IndicatorQuery(measure, force, to, months, key, area)
        result = compute_indicator(workspace, query, plan=plan)
        assert isinstance(result, kind)
        results.append(result)
    return results
