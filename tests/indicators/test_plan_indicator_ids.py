"""Plan indicator ids work wherever a measure does (issue #9 item 10): an id is read as its
measure, and one with no figures says how to load them instead of suggesting a crime type."""

from __future__ import annotations

import pytest

from policeplan.errors import DataError, InputError
from policeplan.indicators import IndicatorQuery, compute_indicator
from policeplan.indicators.indicator import plan_indicator_measure
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.store import Workspace


def test_a_plan_indicator_id_is_read_as_its_measure() -> None:
    plan = load_plan(example_plan_path())
    assert plan_indicator_measure("violence-against-the-person-by-gender", plan) == (
        "violence-against-the-person"
    )
    assert plan_indicator_measure("all-crime", plan) == "all-crime"
    assert plan_indicator_measure("burglary", None) == "burglary"


def test_a_narrative_only_indicator_names_no_measure() -> None:
    plan = load_plan(example_plan_path())
    with pytest.raises(DataError, match="narrative only"):
        plan_indicator_measure("collaboration-savings", plan)


def test_a_plan_indicator_with_no_figures_says_how_to_load_them(workspace: Workspace) -> None:
    save_plan(workspace, load_plan(example_plan_path()))
    with pytest.raises(DataError) as refused:
        compute_indicator(workspace, IndicatorQuery("public-confidence", "essex", "2025-06"))
    message = str(refused.value)
    assert "no figures for plan indicator 'public-confidence'" in message
    assert "measures file" in message
    assert "did you mean" not in message


def test_an_unknown_name_still_suggests_the_nearest_measure(workspace: Workspace) -> None:
    save_plan(workspace, load_plan(example_plan_path()))
    with pytest.raises(InputError, match="did you mean 'burglary'"):
        compute_indicator(workspace, IndicatorQuery("burglar", "essex", "2025-06"))
