"""Query objects carry the rules every front end needs: year to date, the loaded plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.errors import InputError
from policeplan.indicators import (
    BreakdownQuery,
    IndicatorQuery,
    ScorecardQuery,
    compute_indicator,
    loaded_plan,
    parse_direction,
    parse_group,
)
from policeplan.ingest.police_uk import import_police_uk
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.store import Workspace
from policeplan.synthetic import generate_police_uk


def test_year_to_date_runs_from_april_to_the_last_month() -> None:
    for query in (
        IndicatorQuery("burglary", "essex", "2022-01", year_to_date=True),
        ScorecardQuery("essex", "2022-01", year_to_date=True),
        BreakdownQuery("burglary", "essex", "2022-01", year_to_date=True),
    ):
        assert (query.current_window.first, query.current_window.last) == ("2021-04", "2022-01")


def test_year_to_date_in_april_is_one_month_and_months_is_ignored() -> None:
    query = IndicatorQuery("burglary", "essex", "2022-04", months=12, year_to_date=True)
    assert query.current_window.label() == "2022-04"


def test_without_year_to_date_the_window_is_the_months_to_the_last() -> None:
    assert IndicatorQuery("burglary", "essex", "2022-01", 3).current_window.first == "2021-11"


def test_the_loaded_plan_is_used_unless_another_is_given(
    workspace: Workspace, tmp_path: Path
) -> None:
    generate_police_uk(tmp_path, ["essex"], ["2025-03"], seed=1, datasets=("street",))
    import_police_uk(workspace, [tmp_path])
    query = IndicatorQuery("burglary", "essex", "2025-03", compare="baseline:pre-covid")
    with pytest.raises(InputError, match="needs a plan with baselines"):
        compute_indicator(workspace, query)

    save_plan(workspace, load_plan(example_plan_path()))

    assert loaded_plan(workspace) is not None
    result = compute_indicator(workspace, query)  # the plan's baseline: 2019
    assert result.to_dict()["comparison"]["from"] == "2019-01"
    with pytest.raises(InputError, match="needs a plan with baselines"):
        compute_indicator(workspace, query, plan=None)


def test_a_group_as_typed_becomes_its_members() -> None:
    assert parse_group("kent, sussex,,") == ("kent", "sussex")
    assert parse_group(None) is None


def test_a_direction_other_than_up_or_down_is_an_input_error_on_direction() -> None:
    assert parse_direction("up") == "up"
    with pytest.raises(InputError) as refused:
        parse_direction("higher")
    assert refused.value.field == "direction"
