"""Quarterly updates (draft -> submitted -> approved) and risks (open/closed)."""

from __future__ import annotations

import pytest

from policeplan.delivery import (
    add_risk,
    add_strand,
    approve_update,
    close_risk,
    get_update,
    list_risks,
    list_updates,
    reopen_risk,
    return_update,
    save_update,
    submit_update,
    update_risk,
)
from policeplan.errors import InputError, RecordsError
from policeplan.store import Workspace


@pytest.fixture
def plan(sqlite_workspace: Workspace) -> Workspace:
    add_strand(
        sqlite_workspace, code="DA", name="Domestic Abuse", lead="Ch Supt Tom Simons", actor="a"
    )
    return sqlite_workspace


def test_an_update_goes_from_draft_to_submitted_to_approved(plan: Workspace) -> None:
    save_update(plan, "DA", "Q2 2021/22", achieved="Training refreshed", actor="lead")
    save_update(plan, "domestic abuse", "2021-22Q2", scheduled="DARA roll-out", actor="lead")
    submit_update(plan, "DA", "2021-22Q2", actor="lead")

    update = approve_update(plan, "DA", "2021-22Q2", actor="panel")

    assert (update.achieved, update.scheduled, update.state) == (
        "Training refreshed",
        "DARA roll-out",
        "approved",
    )
    assert update.quarter_label == "2021/22 Q2 (July–September 2021)"


def test_a_submitted_update_cannot_be_edited_until_returned_to_draft(plan: Workspace) -> None:
    save_update(plan, "DA", "2021-22Q2", achieved="v1", actor="lead")
    submit_update(plan, "DA", "2021-22Q2", actor="lead")

    with pytest.raises(RecordsError, match="return it to draft first"):
        save_update(plan, "DA", "2021-22Q2", achieved="v2", actor="lead")
    return_update(plan, "DA", "2021-22Q2", reason="add DVPO figures", actor="panel")
    save_update(plan, "DA", "2021-22Q2", achieved="v2", actor="lead")

    update = get_update(plan, "DA", "2021-22Q2")
    assert update is not None and (update.achieved, update.state) == ("v2", "draft")


def test_an_approved_update_is_final(plan: Workspace) -> None:
    save_update(plan, "DA", "2021-22Q2", achieved="v1", actor="lead")
    submit_update(plan, "DA", "2021-22Q2", actor="lead")
    approve_update(plan, "DA", "2021-22Q2", actor="panel")

    with pytest.raises(RecordsError, match="approved"):
        return_update(plan, "DA", "2021-22Q2", reason="change", actor="panel")


def test_a_draft_cannot_be_approved_without_being_submitted(plan: Workspace) -> None:
    save_update(plan, "DA", "2021-22Q2", achieved="v1", actor="lead")

    with pytest.raises(RecordsError, match="cannot become approved"):
        approve_update(plan, "DA", "2021-22Q2", actor="panel")
    assert [u.state for u in list_updates(plan, "2021-22Q2")] == ["draft"]


def test_an_unknown_strand_suggests_the_nearest_name(plan: Workspace) -> None:
    with pytest.raises(RecordsError, match="did you mean 'Domestic Abuse'"):
        save_update(plan, "Domestic Abuses", "2021-22Q2", achieved="x", actor="lead")


def test_a_risk_is_closed_and_reopened_but_never_removed(plan: Workspace) -> None:
    risk = add_risk(
        plan,
        "DA",
        description="DARA delayed",
        mitigation="Interim DASH",
        owner="Ch Supt",
        rating="High",
        actor="a",
    )
    update_risk(plan, risk.id, mitigation="Interim DASH and training", actor="a")

    close_risk(plan, risk.id, reason="DARA live", actor="a")
    assert list_risks(plan, status="open") == []
    reopened = reopen_risk(plan, risk.id, reason="DARA paused", actor="a")

    assert (reopened.status, reopened.rating, reopened.mitigation) == (
        "open",
        "high",
        "Interim DASH and training",
    )


def test_a_risk_rating_outside_the_scale_is_refused(plan: Workspace) -> None:
    with pytest.raises(InputError, match="low, medium, high"):
        add_risk(plan, "DA", description="x", rating="severe", actor="a")
