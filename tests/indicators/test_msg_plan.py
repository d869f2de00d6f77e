"""Which comparison answers each of the plan's MSG indicators (`msg_choice`): police.uk
rates and solved rates, Home Office offence groups, loaded per-force measures, and why
none answers a Home Office group's solved rate, a harm score or a records measure."""

from __future__ import annotations

import pytest

from policeplan.errors import InputError
from policeplan.indicators.msg_plan import MsgChoice, msg_choice
from policeplan.plan import example_plan_path, load_plan, plan_from_dict, plan_to_dict
from policeplan.plan.model import Plan


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(example_plan_path())


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("all-crime", MsgChoice("all-crime", "police-uk", "rate")),
        ("all-crime-solved-rate", MsgChoice("all-crime", "police-uk", "solved-rate")),
        ("burglary-solved-rate", MsgChoice("burglary", "police-uk", "solved-rate")),
        ("homicide", MsgChoice("homicide", "home-office", "rate")),
        ("violence-with-injury", MsgChoice("violence-with-injury", "home-office", "rate")),
        ("trafficking-of-drugs", MsgChoice("trafficking-of-drugs", "home-office", "rate")),
        ("public-confidence", MsgChoice("public-confidence", "measures", "rate")),
        ("sickness-police-staff", MsgChoice("sickness-police-staff", "measures", "rate")),
    ],
)
def test_each_indicator_is_compared_from_the_data_that_answers_it(
    plan: Plan, measure: str, expected: MsgChoice
) -> None:
    assert msg_choice(plan, measure) == expected


def test_a_measure_loaded_for_the_group_wins_even_under_a_solved_rate_name(plan: Plan) -> None:
    loaded = ("homicide-solved-rate",)
    assert msg_choice(plan, "homicide-solved-rate", loaded) == MsgChoice(
        "homicide-solved-rate", "measures", "rate"
    )


@pytest.mark.parametrize(
    ("measure", "words"),
    [
        ("homicide-solved-rate", "police.uk outcomes are not split into Home Office offence"),
        ("all-crime-harm-score", "a harm score weighs each force's own offence mix"),
        ("knife-crime", "counted from essex's own crime records; other forces' are not held"),
    ],
)
def test_an_indicator_nothing_answers_says_why(plan: Plan, measure: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        msg_choice(plan, measure)
    assert words in caught.value.message


def test_a_plan_set_of_home_office_offences_is_compared_from_the_home_office_table(
    plan: Plan,
) -> None:
    """Not only the built-in offence groups: the plan's own `source: home-office` set."""
    data = plan_to_dict(plan)
    measures = {
        **data["measures"],
        "serious-violence": {
            "source": "home-office",
            "title": "Serious violence",
            "offence_codes": ["2", "5D"],
        },
    }
    chosen = plan_from_dict({**data, "measures": measures}, "plan.yaml")
    assert msg_choice(chosen, "serious-violence") == MsgChoice(
        "serious-violence", "home-office", "rate"
    )
    assert msg_choice(plan, "serious-violence").source == "measures"  # not in this plan
