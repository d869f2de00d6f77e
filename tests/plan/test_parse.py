import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from policeplan.errors import PlanError
from policeplan.plan import (
    example_plan_path,
    load_plan,
    plan_from_dict,
    plan_to_dict,
)

MINIMAL: dict[str, Any] = {
    "id": "test-plan",
    "name": "Test plan",
    "period": {"from": "2021-04", "to": "2024-03"},
    "force": "essex",
    "most_similar_group": ["essex", "kent"],
    "priorities": [
        {
            "id": "crime-prevention",
            "title": "Crime prevention",
            "objective": "Prevent crime.",
            "commitments": ["Invest in neighbourhood policing."],
            "outcomes": ["We get crime down."],
            "indicators": [
                {
                    "id": "all-crime",
                    "title": "All Crime",
                    "measure": "all-crime",
                    "direction": "down",
                }
            ],
        }
    ],
}


def _plan(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def _error(data: dict[str, Any]) -> PlanError:
    with pytest.raises(PlanError) as caught:
        plan_from_dict(data, "plan.yaml")
    return caught.value


def test_minimal_plan_loads() -> None:
    plan = plan_from_dict(MINIMAL, "plan.yaml")

    assert plan.priority("crime-prevention").indicators[0].direction == "down"
    assert plan.strategy_strands == ()
    assert plan.baselines == ()


def test_bad_direction_names_the_key_path() -> None:
    data = _plan()
    data["priorities"][0]["indicators"][0]["direction"] = "sideways"

    error = _error(data)

    assert error.file == "plan.yaml"
    assert error.field == "priorities[0].indicators[0].direction"
    assert "'direction' must be 'up' or 'down'" in str(error)
    assert str(error).startswith("plan.yaml")


def test_unknown_msg_force_names_the_entry_and_suggests_a_slug() -> None:
    error = _error(_plan(most_similar_group=["essex", "kentt"]))

    assert error.field == "most_similar_group[1]"
    assert "unknown force 'kentt'" in str(error)
    assert "did you mean 'kent'" in str(error)


def test_msg_must_include_the_plans_force() -> None:
    error = _error(_plan(most_similar_group=["kent", "sussex"]))

    assert error.field == "most_similar_group"
    assert "must include the plan's force 'essex'" in str(error)


def test_missing_key_is_named() -> None:
    data = _plan()
    del data["priorities"][0]["objective"]

    error = _error(data)

    assert error.field == "priorities[0].objective"
    assert "missing required key 'objective'" in str(error)


def test_misspelt_key_is_rejected_with_a_suggestion() -> None:
    data = _plan()
    data["priorities"][0]["indicators"][0]["directon"] = "down"

    error = _error(data)

    assert error.field == "priorities[0].indicators[0].directon"
    assert "did you mean 'direction'" in str(error)


def test_measure_slug_must_be_lowercase_letters_digits_and_hyphens() -> None:
    data = _plan()
    data["priorities"][0]["indicators"][0]["measure"] = "All Crime"

    assert _error(data).field == "priorities[0].indicators[0].measure"


def test_unknown_measure_slugs_and_narrative_indicators_are_allowed() -> None:
    data = _plan()
    indicators = data["priorities"][0]["indicators"]
    indicators.append({"id": "savings", "title": "Savings", "measure": None, "direction": "up"})
    indicators.append(
        {"id": "ksi", "title": "KSI", "measure": "ksi-casualties", "direction": "down"}
    )

    plan = plan_from_dict(data)

    assert [i.measure for i in plan.priorities[0].indicators] == [
        "all-crime",
        None,
        "ksi-casualties",
    ]


def test_strand_must_link_to_existing_priorities() -> None:
    error = _error(
        _plan(strategy_strands=[{"name": "Hate Crime", "lead": "Supt X", "priorities": ["nope"]}])
    )

    assert error.field == "strategy_strands[0].priorities[0]"
    assert "no priority has id 'nope'" in str(error)


def test_duplicate_priority_ids_are_rejected() -> None:
    data = _plan()
    data["priorities"].append(copy.deepcopy(data["priorities"][0]))

    error = _error(data)

    assert error.field == "priorities[1].id"
    assert "also priorities[0]" in str(error)


@pytest.mark.parametrize("aspiration", ["rank:0", "rank:3", "top", "rank:two"])
def test_aspiration_must_be_average_quartile_or_a_rank_within_the_msg(aspiration: str) -> None:
    indicator = {"measure": "all-crime", "title": "All crime", "aspiration": aspiration}
    error = _error(_plan(msg_indicators=[{**indicator, "direction": "down"}]))

    assert error.field == "msg_indicators[0].aspiration"


def test_month_written_as_a_date_is_explained() -> None:
    error = _error(yaml.safe_load("period: {from: 2021-04-01, to: 2024-03}") | _without("period"))

    assert error.field == "period.from"
    assert "YYYY-MM" in str(error)
    assert "the date 2021-04-01" in str(error)


def test_baseline_needs_a_month_and_a_number_of_months() -> None:
    error = _error(_plan(baselines={"pre-plan": {"to": "2021-03", "months": 0}}))

    assert error.field == "baselines.pre-plan.months"


def test_composite_measure_cannot_contain_a_composite() -> None:
    composites = [
        {"measure": "a", "components": ["burglary", "robbery"]},
        {"measure": "b", "components": ["a", "drugs"]},
    ]
    error = _error(_plan(composite_measures=composites))

    assert error.field == "composite_measures[1].components[0]"


def test_force_may_be_given_by_name_and_is_stored_as_its_slug() -> None:
    plan = plan_from_dict(_plan(force="Essex Police", most_similar_group=["Essex", "kent"]))

    assert plan.force == "essex"
    assert plan.most_similar_group == ("essex", "kent")


def test_round_trip_through_plain_data_gives_an_equal_plan() -> None:
    plan = load_plan(example_plan_path())

    assert plan_from_dict(plan_to_dict(plan), "copy") == plan


def test_round_trip_through_yaml_text_gives_an_equal_plan(tmp_path: Path) -> None:
    plan = load_plan(example_plan_path())
    copy_file = tmp_path / "copy.yaml"
    copy_file.write_text(yaml.safe_dump(plan_to_dict(plan), sort_keys=False), encoding="utf-8")

    assert load_plan(copy_file) == plan


def test_invalid_yaml_reports_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text("id: x\nname: [unclosed\n", encoding="utf-8")

    with pytest.raises(PlanError) as caught:
        load_plan(bad)

    assert caught.value.file == str(bad)
    assert caught.value.line is not None


def test_missing_file_is_a_plan_error(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="cannot read"):
        load_plan(tmp_path / "absent.yaml")


def _without(key: str) -> dict[str, Any]:
    data = _plan()
    del data[key]
    return data
