"""Adapters from the library's results to the chart inputs: the only place that knows both.

- `monthly_series(SpcResult)` -> `MonthlySeries` (the bars of the latest months beside the
  same months a year earlier need the series to reach 12 months further back);
- `spc_chart_spec(SpcResult)`: the SPC chart titled and with its unit;
- `funnel_input(MsgComparison)` -> `FunnelInput` (members by short name, the force highlighted);
- `proportion_funnel_input(ValueComparison)` -> `FunnelInput` in per cent against the
  denominator (crimes for a solved rate), or None when the values are not proportions;
- `msg_ranking(MsgComparison, rank_ranges)` -> `MsgRanking` (rank ranges where available);
- `position_history(MsgComparison)` -> `PositionHistory` (the last 12 windows);
- `area_months(AreaSeries)` -> `AreaMonths`.

Nothing is computed here: every number comes from the result.

>>> from policeplan.render.charts.examples import example_mdc
>>> area_label("lpa:North"), area_label("district:Basildon")
('North', 'Basildon')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from policeplan.indicators.area_series import AreaSeries
from policeplan.indicators.msg_result import MsgComparison
from policeplan.indicators.msg_values import SOLVED_RATE, ValueComparison
from policeplan.indicators.spc_series import SpcResult
from policeplan.reference import get_force
from policeplan.render.charts.inputs import (
    AreaMonths,
    FunnelInput,
    MonthlySeries,
    MsgRanking,
    PositionHistory,
    RankedMember,
)
from policeplan.render.charts.spc import spc_spec
from policeplan.render.charts.theme import VegaLiteSpec

__all__ = [
    "area_label",
    "area_months",
    "funnel_input",
    "monthly_series",
    "msg_ranking",
    "position_history",
    "proportion_funnel_input",
    "series_title",
    "spc_chart_spec",
]

RATE_UNIT = "crimes per 1,000 people"


def series_title(result: SpcResult) -> str:
    """'Burglary, Essex' or 'Burglary, Essex, lpa:North'."""
    name = result.title or result.measure
    place = get_force(result.force).short_name
    return f"{name}, {place}" if result.area.is_force else f"{name}, {place}, {result.area.label}"


def monthly_series(result: SpcResult) -> MonthlySeries:
    """The chart's months and values as a monthly series."""
    chart = result.chart
    return MonthlySeries(series_title(result), result.unit, chart.months, chart.values)


def spc_chart_spec(result: SpcResult) -> VegaLiteSpec:
    """The Making Data Count chart of `result`, titled with the measure and place."""
    return spc_spec(result.chart, title=series_title(result), unit=result.unit)


def funnel_input(result: MsgComparison) -> FunnelInput:
    """The MSG funnel plot with members named as readers know them."""
    plot = FunnelInput.from_plot(
        result.funnel, title=_msg_title(result), highlight=result.force.slug
    )
    names = {m.force.slug: m.force.short_name for m in result.members}
    points = tuple(replace(p, name=names.get(p.name, p.name)) for p in plot.points)
    return replace(plot, points=points)


def proportion_funnel_input(result: ValueComparison) -> FunnelInput | None:
    """The funnel of a solved rate or loaded proportion, members by short name."""
    if result.funnel is None:
        return None
    solved = result.statistic == SOLVED_RATE
    return FunnelInput.from_proportions(
        result.funnel,
        title=f"{result.measure_title}, {result.window.label()}",
        highlight=result.force.slug,
        names={m.force.slug: m.force.short_name for m in result.members},
        size_title="Crimes recorded" if solved else "Denominator",
        unit="solved rate (%)" if solved else "per cent",
    )


def msg_ranking(
    result: MsgComparison, rank_ranges: Mapping[str, tuple[int, int]] | None = None
) -> MsgRanking:
    """The MSG bars; a member without a rank range shows its rank as its own range."""
    ranges = rank_ranges or {}
    members = tuple(
        RankedMember(
            m.force.short_name,
            round(float(m.rate), 3),
            m.rank,
            *ranges.get(m.force.slug, (m.rank, m.rank)),
            m.force.slug == result.force.slug,
        )
        for m in result.members
    )
    return MsgRanking(_msg_title(result), RATE_UNIT, round(float(result.msg_average), 3), members)


def position_history(result: MsgComparison) -> PositionHistory:
    """The force's position in each of the last 12 windows, labelled by the window's end."""
    return PositionHistory(
        f"{result.measure.title}, {result.window.length}-month windows to {result.window.last}",
        result.force.short_name,
        len(result.members),
        tuple(p.window.last for p in result.positions),
        tuple(p.rank for p in result.positions),
    )


def area_months(series: AreaSeries) -> AreaMonths:
    """Small multiples of the areas' monthly values."""
    months = tuple(series.window.months)
    name = series.title or series.measure
    place = get_force(series.force).short_name
    kind = (
        "local policing area"
        if series.areas and series.areas[0][0].startswith("lpa:")
        else ("district")
    )
    return AreaMonths(
        f"{name} by {kind}, {place}",
        series.unit,
        tuple(
            MonthlySeries(area_label(label), series.unit, months, values)
            for label, values in series.areas
        ),
    )


def area_label(label: str) -> str:
    """An area's name without its kind."""
    return label.partition(":")[2] or label


def _msg_title(result: MsgComparison) -> str:
    return (
        f"{result.measure.title}, {result.force.short_name} and its most similar group, "
        f"{result.window.label()}"
    )
