"""Action statuses, the at-risk flag and its reason, indicator links."""

from __future__ import annotations

import pytest

from policeplan.delivery import (
    add_action,
    add_strand,
    edit_action,
    get_action,
    link_indicator,
    list_actions,
    set_action_status,
)
from policeplan.errors import InputError, RecordsError
from policeplan.records import Clock
from policeplan.store import Workspace


@pytest.fixture
def plan(sqlite_workspace: Workspace, clock: Clock) -> Workspace:
    add_strand(
        sqlite_workspace,
        code="DCF",
        name="Digital Crime and Fraud",
        lead="DCI",
        actor="analyst",
        clock=clock,
    )
    add_action(
        sqlite_workspace,
        ref="DCF-1",
        strand="DCF",
        title="SCPO enforcement",
        due_quarter="Q3 2021/22",
        actor="analyst",
        clock=clock,
    )
    return sqlite_workspace


def test_a_new_action_is_not_started_and_keeps_its_due_quarter_in_compact_form(
    plan: Workspace,
) -> None:
    action = get_action(plan, "dcf-1")

    assert (action.status, action.at_risk, action.due_quarter) == (
        "not started",
        False,
        "2021-22Q3",
    )


def test_at_risk_makes_an_action_ongoing_and_keeps_the_reason(plan: Workspace) -> None:
    action = set_action_status(plan, "DCF-1", "at-risk", reason="Intelligence review", actor="lead")

    assert (action.status, action.at_risk, action.reason) == (
        "ongoing",
        True,
        "Intelligence review",
    )


def test_at_risk_without_a_reason_is_refused(plan: Workspace) -> None:
    with pytest.raises(InputError) as caught:
        set_action_status(plan, "DCF-1", "at risk", actor="lead")

    assert caught.value.field == "reason"
    assert get_action(plan, "DCF-1").status == "not started"


def test_completing_an_at_risk_action_clears_the_flag_and_reason(plan: Workspace) -> None:
    set_action_status(plan, "DCF-1", "at risk", reason="capacity", actor="lead")

    action = set_action_status(plan, "DCF-1", "Completed", actor="lead")

    assert (action.status, action.at_risk, action.reason) == ("complete", False, None)


def test_dropping_an_action_needs_a_reason_and_keeps_the_action(plan: Workspace) -> None:
    with pytest.raises(InputError, match="dropped action needs a reason"):
        set_action_status(plan, "DCF-1", "dropped", actor="lead")

    set_action_status(
        plan, "DCF-1", "dropped", reason="superseded by the 2021-25 strategy", actor="lead"
    )

    assert [a.status for a in list_actions(plan)] == ["dropped"]


def test_an_unknown_status_lists_the_allowed_ones(plan: Workspace) -> None:
    with pytest.raises(InputError, match="not started, ongoing, complete, dropped, at risk"):
        set_action_status(plan, "DCF-1", "half done", actor="lead")


def test_an_unknown_action_id_suggests_the_nearest(plan: Workspace) -> None:
    with pytest.raises(RecordsError, match="did you mean 'DCF-1'"):
        set_action_status(plan, "DCF-11", "ongoing", actor="lead")


def test_a_duplicate_action_id_is_refused(plan: Workspace) -> None:
    with pytest.raises(RecordsError, match="already exists"):
        add_action(plan, ref="DCF-1", strand="DCF", title="Again", actor="analyst")


def test_indicator_links_can_be_added_and_unlinked_without_deleting(plan: Workspace) -> None:
    link_indicator(plan, "DCF-1", "fraud_outcomes", actor="analyst")
    link_indicator(plan, "DCF-1", "cyber_outcomes", actor="analyst")

    action = link_indicator(plan, "DCF-1", "cyber_outcomes", linked=False, actor="analyst")

    assert action.indicators == ("fraud_outcomes",)


def test_editing_moves_an_action_between_strands(plan: Workspace) -> None:
    add_strand(plan, code="SOC", name="Serious and Organised Crime", lead="DCI", actor="analyst")

    action = edit_action(
        plan, "DCF-1", strand="Serious and Organised Crime", owner="DCI Lee Morton", actor="a"
    )

    assert (action.strand, action.owner) == ("SOC", "DCI Lee Morton")
