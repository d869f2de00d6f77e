from pathlib import Path

from policeplan.plan import example_plan_path, load_plan

REPO_EXAMPLE = Path(__file__).parents[2] / "examples" / "essex-2021-24.yaml"


def test_repository_and_packaged_examples_are_identical() -> None:
    assert REPO_EXAMPLE.read_bytes() == example_plan_path().read_bytes()


def test_example_has_the_twelve_priorities_of_the_plan() -> None:
    plan = load_plan(REPO_EXAMPLE)

    # The plan's "The 12 policing priorities to get crime down", in its order.
    assert [priority.title for priority in plan.priorities] == [
        "Further investment in crime prevention",
        "Reducing drug driven violence",
        "Protecting vulnerable people and breaking the cycle of domestic abuse",
        "Reducing violence against women and girls",
        "Improving support for victims of crime",
        "Protecting rural and isolated areas",
        "Preventing dog theft",
        "Preventing business crime, fraud and cyber crime",
        "Improving safety on our roads",
        "Encouraging volunteers and community support",
        "Supporting our officers and staff",
        "Increasing collaboration",
    ]


def test_example_has_the_nine_strategy_strands_with_their_leads() -> None:
    plan = load_plan(REPO_EXAMPLE)

    assert len(plan.strategy_strands) == 9
    leads = {strand.name: strand.lead for strand in plan.strategy_strands}
    assert leads["Domestic Abuse"] == "Chief Superintendent Tom Simons"
    assert leads["Serious and Organised Crime"] == "Detective Chief Inspector Lee Morton"
    assert leads["Hate Crime"] == leads["Extremism and Radicalisation"]


def test_example_indicators_match_the_plans_indicator_table() -> None:
    plan = load_plan(REPO_EXAMPLE)

    # Counted in "Performance indicators and measures": 3+2+5+4+2+3+2+3+4+1+1+1.
    assert [len(priority.indicators) for priority in plan.priorities] == [
        3, 2, 5, 4, 2, 3, 2, 3, 4, 1, 1, 1,
    ]  # fmt: skip
    assert len(plan.indicators) == 31
    assert plan.priority("crime-prevention").indicators[1].measure == "all-crime"


def test_example_commitments_and_outcomes_are_transcribed() -> None:
    plan = load_plan(REPO_EXAMPLE)

    prevention = plan.priority("crime-prevention")
    assert len(prevention.commitments) == 15
    assert prevention.commitments[0] == (
        "Deliver over 300 more officers on top of the 500 additional officers already "
        "delivered since 2016."
    )
    assert prevention.outcomes == (
        "We get crime down and wherever possible prevent it from happening.",
    )
    assert all(priority.commitments and priority.outcomes for priority in plan.priorities)


def test_example_baselines_msg_and_aspirations() -> None:
    plan = load_plan(REPO_EXAMPLE)

    assert plan.baseline("pre-plan").first_month == "2020-04"
    assert plan.baseline("pre-covid").first_month == "2019-01"
    assert plan.force == "essex"
    assert len(plan.most_similar_group) == 10
    aspirations = {indicator.measure: indicator for indicator in plan.msg_indicators}
    assert aspirations["all-crime"].aspiration_rank == 4
    assert aspirations["all-crime"].direction == "down"
    assert aspirations["all-crime-solved-rate"].aspiration == "upper-quartile"
    assert aspirations["public-confidence"].aspiration == "msg-average"
    assert aspirations["homicide"].aspiration is None
    assert plan.composite("neighbourhood-crime") is not None
