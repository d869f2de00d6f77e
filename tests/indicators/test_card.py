"""Indicator cards on a small synthetic workspace: every indicator of the example plan,
crime measures, composites, loaded measures and areas; figures checked against the
indicator and SPC results they come from."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from policeplan.indicators import (
    CardQuery,
    IndicatorQuery,
    SpcQuery,
    build_card,
    compute_indicator,
    spc_chart,
)
from policeplan.indicators.card import no_data_caveat
from policeplan.indicators.spc_series import SpcOptions
from policeplan.plan import ChangePoint, current_plan, example_plan_path, load_plan
from policeplan.store import Workspace

CARD_FIELDS = ["indicator", "title", "measure", "direction", "to", "latest", "comparisons",
               "spc", "msg", "solved", "caveats", "commentary"]  # fmt: skip
COMPARISON_FIELDS = ["against", "value", "diff", "pct_diff", "p", "significant", "verdict"]
TO = "2025-06"


def every_plan_indicator() -> list[str]:
    plan = load_plan(example_plan_path())
    return sorted({indicator.id for _, indicator in plan.indicators})


@pytest.mark.parametrize("indicator", every_plan_indicator())
def test_every_indicator_of_the_example_plan_gives_a_card(
    card_workspace: Workspace, indicator: str
) -> None:
    card = build_card(card_workspace, CardQuery(indicator, "essex", TO))
    data = json.loads(json.dumps(card.to_dict()))
    for field in CARD_FIELDS:
        assert field in data
    for comparison in data["comparisons"]:
        assert all(field in comparison for field in COMPARISON_FIELDS)
    if data["spc"] is not None:
        assert {"variation_icon", "assurance_icon", "reason"} <= set(data["spc"])
    if data["msg"] is not None:
        assert {"position", "of", "rank_range", "average", "aspiration", "aspiration_met",
                "positions"} <= set(data["msg"])  # fmt: skip
    assert data["caveats"][0].startswith("Synthetic demo data")


def test_indicator_with_no_data_says_so_in_one_caveat(card_workspace: Workspace) -> None:
    card = build_card(card_workspace, CardQuery("public-confidence", "essex", TO))
    assert card.latest is None and card.comparisons == () and card.commentary == ()
    no_data = [c for c in card.caveats if c.startswith("No data")]
    assert no_data == [no_data_caveat("public-confidence")]
    assert "import measures" in no_data[0]


def test_indicator_without_a_measure_is_narrative_only(card_workspace: Workspace) -> None:
    card = build_card(card_workspace, CardQuery("collaboration-savings", "essex", TO))
    assert card.measure is None
    assert any("narrative only" in caveat for caveat in card.caveats)


def test_crime_card_figures_come_from_the_indicator(card_workspace: Workspace) -> None:
    card = build_card(card_workspace, CardQuery("all-crime", "essex", TO))
    result = compute_indicator(card_workspace, IndicatorQuery("all-crime", "essex", TO))
    assert card.latest is not None
    data = result.to_dict()
    assert card.latest.value == data["current"]["count"]
    assert card.latest.rate_per_1000 == data["rate_per_1000"]
    previous = card.comparison("previous")
    assert previous is not None
    assert previous.value == data["comparison"]["count"]
    assert previous.diff == data["diff"] and previous.pct_diff == data["pct_diff"]
    assert previous.p == data["p_value"] and previous.significant == data["significant"]
    # A 12-month window a year earlier is the previous window: listed once. The plan's
    # baselines lie before the workspace's data: not compared, with the months named.
    assert [c.against for c in card.comparisons] == [
        "previous",
        "baseline:pre-plan",
        "baseline:pre-covid",
    ]
    assert [c.verdict for c in card.comparisons[1:]] == ["not compared", "not compared"]
    assert (
        "Not compared with the pre-plan baseline (Apr 2020 to Mar 2021): April 2020, May "
        "2020, June 2020 and 9 more are missing." in card.commentary
    )
    assert card.title == "All Crime" and card.priority == "crime-prevention"


def test_crime_card_spc_and_msg_parts(card_workspace: Workspace) -> None:
    card = build_card(card_workspace, CardQuery("all-crime", "essex", TO))
    chart = spc_chart(
        card_workspace,
        SpcQuery("all-crime", "essex", "2022-07", TO),
        options=SpcOptions(trim_missing_start=True),
    ).chart
    assert card.spc is not None
    assert card.spc.first == "2023-07"  # the data start, not 36 months back
    assert card.spc.variation_icon == (
        None if chart.variation_icon is None else str(chart.variation_icon)
    )
    assert card.spc.rules == chart.latest.rules
    assert card.msg is not None
    assert card.msg.of == 2  # Kent is the only other member with data
    assert card.msg.aspiration == "rank:4"
    assert len(card.msg.positions) == 12
    assert card.msg.rank_range is not None
    low, high = card.msg.rank_range
    assert low <= card.msg.position <= high
    assert any("10 forces" in c or "Most Similar Group" in c for c in card.commentary)


def test_solved_rate_of_a_crime_card(card_workspace: Workspace) -> None:
    card = build_card(card_workspace, CardQuery("all-crime", "essex", TO))
    assert card.solved is not None and card.solved.rate is not None
    assert 0 < card.solved.rate < 1
    assert card.solved.rate_low is not None and card.solved.rate_low <= card.solved.rate


def test_shorter_window_is_compared_with_a_year_earlier_too(card_workspace: Workspace) -> None:
    card = build_card(card_workspace, CardQuery("burglary", "essex", TO, months=3))
    assert [c.against for c in card.comparisons][:2] == ["previous", "last-year"]
    assert card.title == "Burglary" and card.priority is None


def test_incomplete_comparison_is_not_compared_and_says_which_months(
    card_workspace: Workspace,
) -> None:
    card = build_card(card_workspace, CardQuery("burglary", "essex", "2024-06", months=3))
    last_year = card.comparison("last-year")
    assert last_year is not None and last_year.verdict == "not compared"
    assert last_year.pct_diff is None
    # The workspace starts in July 2023: April to June 2023 are missing.
    assert (
        "Not compared with the same 3 months a year earlier: April 2023, May 2023 and "
        "June 2023 are missing." in card.commentary
    )


def test_loaded_measure_card(card_workspace: Workspace) -> None:
    card = build_card(card_workspace, CardQuery("killed-or-seriously-injured", "essex", TO))
    assert card.latest is not None and card.latest.unit == "casualties"
    assert card.msg is None and card.solved is None
    assert card.spc is not None and card.spc.first == "2023-07"
    assert card.comparisons[0].p is not None  # counts: the Poisson test


def test_area_card_has_no_msg_and_the_no_location_caveat(card_workspace: Workspace) -> None:
    card = build_card(card_workspace, CardQuery("burglary", "essex", TO, area="lpa:North"))
    assert card.area == "lpa:North" and card.msg is None
    assert any("No Location" in caveat for caveat in card.caveats)


def test_plan_composite_card(card_workspace: Workspace) -> None:
    card = build_card(card_workspace, CardQuery("neighbourhood-crime", "essex", TO))
    assert card.latest is not None and card.latest.value


def test_plan_target_and_change_point_reach_the_card(card_workspace: Workspace) -> None:
    plan = current_plan(card_workspace)
    priority = plan.priorities[0]
    indicators = tuple(
        replace(i, target=100_000.0) if i.id == "all-crime" else i for i in priority.indicators
    )
    plan = replace(
        plan,
        priorities=(replace(priority, indicators=indicators), *plan.priorities[1:]),
        change_points=(ChangePoint("2024-04", "recording practice changed"),),
    )
    card = build_card(card_workspace, CardQuery("all-crime", "essex", TO), plan=plan)
    assert card.spc is not None and card.spc.target == 100_000.0
    assert card.spc_result is not None
    assert [r.month for r in card.spc_result.chart.rebase] == ["2024-04"]
    # 15 months since the rebase: limits are not trial; where lower is better, a target
    # above the upper limit is met every month.
    assert card.spc.assurance_icon == "pass"
    assert any("every month will meet the target of 100,000." in s for s in card.commentary)
