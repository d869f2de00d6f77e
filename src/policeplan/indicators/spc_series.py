"""Statistical process control on a measure's monthly series, the Making Data Count way.

`spc_chart(workspace, SpcQuery(...), options=SpcOptions(...))` reads the monthly values of
a crime measure (police.uk records, a plan composite, a district or local policing area)
or a measure loaded with `import measures`, and draws an `MdcChart` (`stats.mdc_chart`):

- a month the workspace does not hold is None: it breaks the line and is never a signal;
- the improvement direction is `options.direction`, else the query's, else the plan
  indicator's, else the measure's default (`improvement_direction`);
- the target is `options.target`, else the plan indicator's numeric target;
- new limits start at each rebase: the plan's change points for the measure inside the
  window, `options.rebase` and the query's `recalculate_from` months;
- when the latest month is a special cause in a series with a clear month-of-year pattern
  the result carries the "may be seasonal" note and the same month in earlier years.

    >>> chart = spc_chart(workspace, SpcQuery("burglary", "essex", "2024-01", "2025-12"))
    ... # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from policeplan.errors import InputError
from policeplan.indicators.areas import WHOLE_FORCE, Area, parse_area
from policeplan.indicators.counts import POLICE_UK, CountTable, count_window
from policeplan.indicators.directions import verdict_direction
from policeplan.indicators.harm_measure import harm_base_measure, monthly_harm_values
from policeplan.indicators.held_data import require_police_uk_data
from policeplan.indicators.loaded_measures import is_loaded_measure
from policeplan.indicators.measures import CRIME_MEASURES, crime_measure
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import SpcQuery
from policeplan.indicators.records_counts import counted_from
from policeplan.indicators.windows import Window
from policeplan.months import month_index, parse_month
from policeplan.plan.model import Plan
from policeplan.reference import get_force
from policeplan.stats.mdc_chart import MdcChart, Rebase, mdc_chart
from policeplan.stats.mdc_icons import ImprovementDirection
from policeplan.stats.mdc_rules import MDC_RULES, RuleSet
from policeplan.stats.mdc_seasonality import (
    Seasonality,
    same_month_earlier_years,
    seasonality,
)
from policeplan.store import Workspace

__all__ = [
    "SpcOptions",
    "SpcResult",
    "improvement_direction",
    "monthly_values",
    "parse_improvement_direction",
    "parse_rebase",
    "slice_table",
    "spc_chart",
]


@dataclass(frozen=True)
class SpcOptions:
    """Making Data Count settings beside the `SpcQuery`.

    `direction` may be "neutral" (no improvement direction: neutral icons, no assurance);
    `target` overrides the plan's; `rebase` adds change points to the plan's; `rules` sets
    the rule lengths and moving-range screening; `trim_missing_start` starts the chart at
    the first month with a value (a card's 36 months on a workspace holding fewer).
    """

    direction: ImprovementDirection | None = None
    target: float | None = None
    rebase: tuple[Rebase, ...] = ()
    rules: RuleSet = field(default_factory=lambda: MDC_RULES)
    trim_missing_start: bool = False


@dataclass(frozen=True)
class SpcResult:
    """A Making Data Count chart of a measure's monthly values over `window`.

    `seasonality` is the month-of-year test of the series; `same_month` the latest month's
    calendar month in earlier years of the window (both there to qualify a signal).
    """

    measure: str
    force: str
    area: Area
    window: Window
    chart: MdcChart
    data_label: str | None
    title: str | None = None  # the measure's title, e.g. "Burglary"
    seasonality: Seasonality | None = None
    same_month: tuple[tuple[str, float | None], ...] = ()
    unit: str = "offences"

    @property
    def seasonal_note(self) -> str | None:
        """ "The signal may be seasonal…" when the latest month is a special cause in a
        series with a clear month-of-year pattern, else None."""
        if self.seasonality is None or self.chart.latest.special_cause is None:
            return None
        return self.seasonality.note

    def to_dict(self) -> dict[str, Any]:
        chart = self.chart.to_dict()
        return {
            "measure": self.measure,
            "force": self.force,
            "area": self.area.label,
            "from": self.window.first,
            "to": self.window.last,
            "direction": self.chart.direction,
            "data_label": self.data_label,
            "verdict": self.chart.verdict,
            "points": chart["points"],
            "segments": chart["segments"],
            "title": self.title,
            "unit": self.unit,
            "variation_icon": chart["variation_icon"],
            "assurance_icon": chart["assurance_icon"],
            "reason": chart["reason"],
            "assurance_reason": chart["assurance_reason"],
            "trial_limits": chart["trial_limits"],
            "target": chart["target"],
            "rebase": chart["rebase"],
            "rebase_reasons": chart["rebase_reasons"],
            "baseline_points": chart["baseline_points"],
            "rule_set": chart["rule_set"],
            "seasonality": None if self.seasonality is None else self.seasonality.to_dict(),
            "seasonal_note": self.seasonal_note,
            "same_month_earlier_years": [
                {"month": month, "value": value} for month, value in self.same_month
            ],
        }


def improvement_direction(
    measure: str, plan: Plan | None, given: ImprovementDirection | None = None
) -> ImprovementDirection:
    """`given`, else the plan's direction for `measure`, else the measure's default:
    "neutral" for measures that mostly count police activity (drugs, weapons)."""
    if given is not None:
        return given
    return verdict_direction(measure, plan) or "neutral"


def parse_improvement_direction(text: str | None) -> ImprovementDirection | None:
    """ "up", "down" or "neutral" (None stays None); anything else is an InputError.

    >>> parse_improvement_direction("neutral")
    'neutral'
    """
    if text is None:
        return None
    for direction in ("up", "down", "neutral"):
        if text == direction:
            return direction
    raise InputError(
        f"direction {text!r} is not understood: use up, down or neutral", field="direction"
    )


def parse_rebase(text: str) -> Rebase:
    """A change point as typed, MONTH[:REASON].

    >>> parse_rebase("2020-04:the pandemic")
    Rebase(month='2020-04', reason='the pandemic')
    """
    month, _, reason = text.partition(":")
    return Rebase(parse_month(month.strip(), "rebase"), reason.strip())


def plan_target(measure: str, plan: Plan | None) -> float | None:
    """The numeric target of the plan's indicator on `measure`, if it has one."""
    if plan is None:
        return None
    for _, indicator in plan.indicators:
        if indicator.measure == measure and indicator.target is not None:
            return indicator.target
    return None


def monthly_values(
    con: duckdb.DuckDBPyConnection,
    measure: str,
    force: str,
    window: Window,
    area: str | None,
    plan: Plan | None,
    table: CountTable | None = None,
) -> tuple[str, str | None, Area, list[float | None], str]:
    """(slug, title, area, one value or None a month, unit) of a crime or loaded measure.

    `table`: the force's (or area's) police.uk counts already read over a span holding
    `window` (a card reads them once for all its parts).
    """
    if measure not in CRIME_MEASURES and is_loaded_measure(con, measure):
        values, unit = _loaded_monthly(con, measure, area or force, window)
        place = WHOLE_FORCE if area is None else Area(area, (area,))
        return measure, None, place, values, unit
    harm_base = harm_base_measure(measure, plan)
    if harm_base is not None:
        return measure, *monthly_harm_values(con, harm_base, force, window, area, table)
    definition = crime_measure(measure, plan)
    place = parse_area(area, force)
    source = counted_from(definition, POLICE_UK)
    if source == POLICE_UK:
        require_police_uk_data(con, force, window)
    if table is not None:
        counts = slice_table(table, window).for_measure(definition)
    else:
        counts = count_window(con, definition, force, window, place, source)
    values = [
        None if month not in counts.by_month else float(counts.by_month[month])
        for month in window.months
    ]
    return definition.slug, definition.title, place, values, "offences"


def slice_table(table: CountTable, window: Window) -> CountTable:
    """The part of a monthly (police.uk) count table that lies in `window`."""
    months = set(window.months)
    present = frozenset(month for month in table.present if month in months)
    return CountTable(
        window,
        present,
        tuple(month for month in window.months if month not in present),
        {key: value for key, value in table.counts.items() if key[0] in months},
        table.has_outcomes,
        source=table.source,
        solved_by_outcome={
            key: value for key, value in table.solved_by_outcome.items() if key[0] in months
        },
    )


def spc_chart(
    workspace: Workspace,
    query: SpcQuery,
    *,
    options: SpcOptions | None = None,
    plan: PlanChoice = LOADED_PLAN,
    table: CountTable | None = None,
) -> SpcResult:
    """The Making Data Count chart of the monthly values from `query.first` to `query.last`.

    `plan` (composite measures, directions, targets, change points) is the workspace's plan
    unless given; `table` (police.uk counts of the force or area over a span holding the
    window) saves reading them again.
    """
    options = options or SpcOptions()
    chosen_plan = resolve_plan(workspace, plan)
    slug = get_force(query.force).slug
    window = query.window
    with workspace.connect(read_only=True) as con:
        measure, title, place, values, unit = monthly_values(
            con, query.measure, slug, window, query.area, chosen_plan, table
        )
    if window.length < 2:
        raise InputError("an SPC chart needs at least two months", field="from")
    if options.trim_missing_start:
        start = next((i for i, value in enumerate(values) if value is not None), 0)
        start = min(start, window.length - 2)
        window = Window(window.months[start], window.last)
        values = values[start:]
    direction = improvement_direction(measure, chosen_plan, options.direction or query.direction)
    target = options.target if options.target is not None else plan_target(measure, chosen_plan)
    rebase = [
        *_plan_rebase(measure, chosen_plan, window),
        *_recalculations(query.recalculate_from, window),
        *options.rebase,
    ]
    chart = mdc_chart(
        window.months,
        values,
        direction=direction,
        target=target,
        rebase=rebase,
        baseline_points=query.baseline_months,
        rules=options.rules,
    )
    season = seasonality(chart.months, chart.values)
    return SpcResult(
        measure,
        slug,
        place,
        window,
        chart,
        workspace.label(),
        title,
        season,
        same_month_earlier_years(chart.months, chart.values, chart.latest.month),
        unit,
    )


def _plan_rebase(measure: str, plan: Plan | None, window: Window) -> list[Rebase]:
    """The plan's change points for `measure` strictly inside the window."""
    if plan is None:
        return []
    return [
        Rebase(point.month, point.reason)
        for point in plan.change_points_for(measure)
        if window.first < point.month <= window.last
    ]


def _recalculations(months: Sequence[str], window: Window) -> list[Rebase]:
    found = []
    for month in months:
        index = month_index(parse_month(month, "recalculate-from")) - month_index(window.first)
        if not 0 < index < window.length:
            raise InputError(
                f"recalculation month {month} is not inside {window.label()}",
                field="recalculate-from",
            )
        found.append(Rebase(month))
    return found


def _loaded_monthly(
    con: duckdb.DuckDBPyConnection, measure: str, area: str, window: Window
) -> tuple[list[float | None], str]:
    """One value a month from the loaded periods that are single months; None otherwise."""
    rows = con.execute(
        "SELECT strftime(period_start, '%Y-%m'), value, unit FROM measures "
        "WHERE measure = ? AND area = ? "
        "AND strftime(period_start, '%Y-%m') = strftime(period_end, '%Y-%m') "
        "AND period_start >= CAST(? AS DATE) AND period_start < CAST(? AS DATE) + INTERVAL 1 MONTH",
        [measure, area, f"{window.first}-01", f"{window.last}-01"],
    ).fetchall()
    by_month = {row[0]: float(row[1]) for row in rows if row[1] is not None}
    units = {row[2] for row in rows if row[2]}
    unit = units.pop() if len(units) == 1 else "value"
    return [by_month.get(month) for month in window.months], unit
