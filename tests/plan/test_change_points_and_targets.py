"""Plan files may give an indicator a numeric target and list change points (month and
reason, optionally for some measures): SPC charts use them for assurance and rebasing."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from policeplan.errors import PlanError
from policeplan.plan import ChangePoint, plan_from_dict, plan_to_dict
from tests.plan.test_parse import MINIMAL


def with_target_and_change_points() -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data["priorities"][0]["indicators"][0]["target"] = 120_000
    data["change_points"] = [
        {"month": "2020-04", "reason": "COVID-19 lockdown"},
        {"month": "2022-10", "reason": "new recording system", "measures": ["all-crime"]},
    ]
    return data


def test_target_and_change_points_are_read() -> None:
    plan = plan_from_dict(with_target_and_change_points(), "plan.yaml")
    assert plan.priorities[0].indicators[0].target == 120_000.0
    assert plan.change_points == (
        ChangePoint("2020-04", "COVID-19 lockdown"),
        ChangePoint("2022-10", "new recording system", ("all-crime",)),
    )
    assert [p.month for p in plan.change_points_for("burglary")] == ["2020-04"]
    assert [p.month for p in plan.change_points_for("all-crime")] == ["2020-04", "2022-10"]
    assert plan.indicator("all-crime") is plan.priorities[0].indicators[0]


def test_target_and_change_points_survive_a_round_trip() -> None:
    plan = plan_from_dict(with_target_and_change_points(), "plan.yaml")
    assert plan_from_dict(plan_to_dict(plan)) == plan


def test_plan_without_them_writes_neither() -> None:
    data = plan_to_dict(plan_from_dict(MINIMAL, "plan.yaml"))
    assert "change_points" not in data
    assert "target" not in data["priorities"][0]["indicators"][0]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda d: d["priorities"][0]["indicators"][0].update(target="high"),
         "priorities[0].indicators[0].target", "'target' must be a number"),
        (lambda d: d["change_points"][0].update(month="April 2020"),
         "change_points[0].month", "April 2020"),
        (lambda d: d["change_points"][1].pop("reason"),
         "change_points[1].reason", "reason"),
    ],
)  # fmt: skip
def test_bad_target_or_change_point_names_the_key(change: Any, field: str, message: str) -> None:
    data = with_target_and_change_points()
    change(data)
    with pytest.raises(PlanError) as caught:
        plan_from_dict(data, "plan.yaml")
    assert caught.value.field == field
    assert message in str(caught.value)
