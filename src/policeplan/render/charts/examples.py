"""Fixed example inputs for every chart kind: for golden tests, the benchmark and the docs.

The numbers are made up (deterministic formulas, no randomness) and labelled as examples.

>>> sorted(example_specs())
['area_months', 'funnel', 'monthly_comparison', 'msg_positions', 'msg_ranking', 'spc']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from policeplan.months import months_between
from policeplan.render.charts.funnel import funnel_spec
from policeplan.render.charts.inputs import (
    AreaMonths,
    FunnelInput,
    MonthlySeries,
    MsgRanking,
    PositionHistory,
    RankedMember,
)
from policeplan.render.charts.monthly import monthly_comparison_spec
from policeplan.render.charts.msg_bars import msg_ranking_spec
from policeplan.render.charts.small_multiples import area_months_spec
from policeplan.render.charts.sparkline import msg_positions_spec
from policeplan.render.charts.spc import spc_spec
from policeplan.render.charts.theme import VegaLiteSpec
from policeplan.stats.funnel import funnel_plot
from policeplan.stats.mdc_chart import MdcChart, Rebase, mdc_chart

MONTHS = tuple(months_between("2021-07", "2025-06"))
SEASON = (0, 6, 14, 22, 26, 18, 10, 2, -6, -12, -16, -10)


def example_series() -> MonthlySeries:
    """48 months of residential burglary with a summer peak and a fall in the last year."""
    values: list[float | None] = []
    for index, month in enumerate(MONTHS):
        fall = 55 if index >= 36 else 0
        values.append(float(410 + SEASON[int(month[5:]) - 1] - fall + (index * 37) % 19))
    values[20] = None
    return MonthlySeries("Residential burglary, example force", "offences", MONTHS, tuple(values))


def example_mdc() -> MdcChart:
    series = example_series()
    return mdc_chart(
        series.months,
        series.values,
        direction="down",
        target=380,
        rebase=[Rebase("2022-07", "recording practice changed (example)")],
    )


def example_funnel() -> FunnelInput:
    members = [
        ("Example force", 9_300, 1_850_000),
        ("Force B", 7_100, 1_200_000),
        ("Force C", 4_900, 1_050_000),
        ("Force D", 6_800, 1_700_000),
        ("Force E", 3_300, 640_000),
        ("Force F", 5_200, 900_000),
        ("Force G", 8_100, 1_400_000),
        ("Force H", 2_600, 560_000),
    ]
    plot = funnel_plot(members)
    return FunnelInput.from_plot(
        plot, title="Residential burglary, most similar group (example)", highlight="Example force"
    )


def example_ranking() -> MsgRanking:
    rows = [
        ("Force D", 4.0, 1, 1, 3),
        ("Force H", 4.64, 2, 1, 5),
        ("Force C", 4.67, 3, 1, 5),
        ("Example force", 5.03, 4, 2, 6),
        ("Force E", 5.16, 5, 2, 7),
        ("Force F", 5.78, 6, 5, 8),
        ("Force G", 5.79, 7, 5, 8),
        ("Force B", 5.92, 8, 6, 8),
    ]
    members = tuple(
        RankedMember(name, rate, rank, low, high, name == "Example force")
        for name, rate, rank, low, high in rows
    )
    return MsgRanking(
        "Residential burglary, most similar group (example)",
        "crimes per 1,000 people",
        5.12,
        members,
    )


def example_positions() -> PositionHistory:
    positions: tuple[int | None, ...] = (5, 5, 4, 4, 3, 4, None, 3, 2, 2, 3, 2)
    return PositionHistory("Residential burglary", "Example force", 8, MONTHS[-12:], positions)


def example_areas() -> AreaMonths:
    names = ("North", "South", "East", "West", "Central", "Coast")
    areas = []
    for number, name in enumerate(names):
        size = 40 + 18 * number
        values = tuple(
            float(size + SEASON[int(month[5:]) - 1] * size / 200 + (index * (7 + number)) % 11)
            for index, month in enumerate(MONTHS[-24:])
        )
        areas.append(MonthlySeries(name, "offences", MONTHS[-24:], values))
    return AreaMonths(
        "Residential burglary by local policing area (example)", "offences", tuple(areas)
    )


def example_inputs() -> dict[str, Any]:
    """The typed input of every chart kind (an `MdcChart` for the SPC chart)."""
    return {
        "monthly_comparison": example_series(),
        "spc": example_mdc(),
        "funnel": example_funnel(),
        "msg_ranking": example_ranking(),
        "msg_positions": example_positions(),
        "area_months": example_areas(),
    }


BUILDERS: dict[str, Callable[[Any], VegaLiteSpec]] = {
    "monthly_comparison": monthly_comparison_spec,
    "spc": lambda chart: spc_spec(
        chart, title="Residential burglary, example force", unit="offences"
    ),
    "funnel": funnel_spec,
    "msg_ranking": msg_ranking_spec,
    "msg_positions": msg_positions_spec,
    "area_months": area_months_spec,
}


def _example(kind: str) -> Callable[[], VegaLiteSpec]:
    return lambda: BUILDERS[kind](example_inputs()[kind])


EXAMPLES: dict[str, Callable[[], VegaLiteSpec]] = {kind: _example(kind) for kind in BUILDERS}


def example_specs() -> dict[str, VegaLiteSpec]:
    """Every chart kind built from its example input."""
    inputs = example_inputs()
    return {kind: build(inputs[kind]) for kind, build in BUILDERS.items()}
