"""The spc command's Making Data Count options on a synthetic workspace: direction,
targets and change points from the plan, rebase, loaded measures, composites and areas."""

from __future__ import annotations

from dataclasses import replace

import pytest

from policeplan.errors import InputError
from policeplan.indicators import SpcQuery, spc_chart
from policeplan.indicators.spc_series import (
    SpcOptions,
    parse_improvement_direction,
    parse_rebase,
)
from policeplan.plan import ChangePoint, current_plan
from policeplan.stats.mdc_chart import Rebase
from policeplan.stats.mdc_rules import RuleSet
from policeplan.store import Workspace

FIRST, LAST = "2023-07", "2025-06"


def test_neutral_direction_gives_neutral_icons_and_no_assurance(
    card_workspace: Workspace,
) -> None:
    options = SpcOptions(direction="neutral", target=100.0)
    result = spc_chart(card_workspace, SpcQuery("drugs", "essex", FIRST, LAST), options=options)
    chart = result.chart
    assert chart.direction == "neutral"
    assert all(p.special_cause in (None, "neutral") for p in chart.points)
    assert chart.assurance_icon is None
    assert str(chart.variation_icon) in ("common_cause", "neutral_high", "neutral_low")


def test_rebase_and_rules_reach_the_json(card_workspace: Workspace) -> None:
    options = SpcOptions(
        rebase=(Rebase("2024-04", "new crime recording system"),),
        rules=RuleSet(trend_points=6, shift_points=6, screen_moving_ranges=True),
        target=500.0,
    )
    data = spc_chart(
        card_workspace, SpcQuery("burglary", "essex", FIRST, LAST), options=options
    ).to_dict()
    assert data["rebase"] == ["2024-04"]
    assert data["rebase_reasons"] == {"2024-04": "new crime recording system"}
    assert data["rule_set"]["trend_points"] == 6 and data["rule_set"]["shift_points"] == 6
    assert data["rule_set"]["screen_moving_ranges"] is True
    assert data["target"] == 500.0
    assert [s["from"] for s in data["segments"]] == ["2023-07", "2024-04"]
    for point in data["points"]:
        assert {"special_cause", "rules", "flags", "variation"} <= set(point)


def test_plan_change_points_and_target_are_used(card_workspace: Workspace) -> None:
    plan = current_plan(card_workspace)
    plan = replace(
        plan,
        change_points=(
            ChangePoint("2024-01", "only for robbery", ("robbery",)),
            ChangePoint("2024-10", "for every measure"),
            ChangePoint("2019-01", "before the window: ignored"),
        ),
    )
    chart = spc_chart(card_workspace, SpcQuery("burglary", "essex", FIRST, LAST), plan=plan).chart
    assert [(r.month, r.reason) for r in chart.rebase] == [("2024-10", "for every measure")]


def test_recalculate_from_outside_the_window_is_refused(card_workspace: Workspace) -> None:
    query = SpcQuery("burglary", "essex", FIRST, LAST, recalculate_from=("2030-01",))
    with pytest.raises(InputError, match="not inside"):
        spc_chart(card_workspace, query)


def test_loaded_measure_chart_uses_its_monthly_values(card_workspace: Workspace) -> None:
    result = spc_chart(card_workspace, SpcQuery("killed-or-seriously-injured", "essex",
                                                "2023-01", LAST))  # fmt: skip
    values = result.chart.values
    assert values[:6] == (None,) * 6  # before the loaded months: gaps, not zeros
    assert values[6] == 60.0 and result.unit == "casualties"


def test_composite_and_area_charts(card_workspace: Workspace) -> None:
    composite = spc_chart(card_workspace, SpcQuery("neighbourhood-crime", "essex", FIRST, LAST))
    burglary = spc_chart(card_workspace, SpcQuery("burglary", "essex", FIRST, LAST))
    assert all(
        c is not None and b is not None and c >= b
        for c, b in zip(composite.chart.values, burglary.chart.values, strict=True)
    )
    north = spc_chart(card_workspace, SpcQuery("burglary", "essex", FIRST, LAST, "lpa:North"))
    assert north.area.label == "lpa:North"
    assert all(
        n is not None and b is not None and n < b
        for n, b in zip(north.chart.values, burglary.chart.values, strict=True)
    )


def test_seasonality_is_tested_and_same_month_given(card_workspace: Workspace) -> None:
    data = spc_chart(card_workspace, SpcQuery("burglary", "essex", FIRST, LAST)).to_dict()
    assert data["seasonality"]["tested"] is True
    assert data["same_month_earlier_years"] == [
        {"month": "2024-06", "value": data["points"][11]["value"]}
    ]


def test_parsing_direction_and_rebase() -> None:
    assert parse_improvement_direction("up") == "up"
    assert parse_rebase("2020-04") == Rebase("2020-04", "")
    assert parse_rebase("2020-04: lockdown") == Rebase("2020-04", "lockdown")
    with pytest.raises(InputError):
        parse_improvement_direction("sideways")
    with pytest.raises(InputError):
        parse_rebase("April 2020")
