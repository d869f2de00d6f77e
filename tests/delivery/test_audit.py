"""The audit log shows every change: who, when, what, old and new value."""

from __future__ import annotations

from datetime import UTC, datetime

from policeplan.delivery import (
    add_action,
    add_risk,
    add_strand,
    audit_trail,
    close_risk,
    save_update,
    set_action_status,
    set_strand_lead,
)
from policeplan.records import Clock
from policeplan.store import Workspace


def test_every_change_is_in_the_audit_log_with_who_when_old_and_new(
    workspace: Workspace, clock: Clock
) -> None:
    add_strand(
        workspace,
        code="HC",
        name="Hate Crime",
        lead="Supt A",
        priorities=["Protect"],
        actor="analyst",
        clock=clock,
    )
    add_action(
        workspace,
        ref="HC-1",
        strand="HC",
        title="Hate crime template",
        actor="analyst",
        clock=clock,
    )
    set_action_status(workspace, "HC-1", "at risk", reason="CPS liaison", actor="lead", clock=clock)
    set_action_status(workspace, "HC-1", "complete", actor="lead", clock=clock)
    set_strand_lead(workspace, "HC", "Supt B", actor="chief of staff", clock=clock)
    save_update(
        workspace, "HC", "2021-22Q2", achieved="Procedure reviewed", actor="lead", clock=clock
    )
    risk = add_risk(workspace, "HC", description="Under-reporting", actor="lead", clock=clock)
    close_risk(workspace, risk.id, reason="Campaign done", actor="lead", clock=clock)

    trail = [
        (e.at.second, e.actor, e.operation, e.entity, e.ref, e.field, e.old_value, e.new_value)
        for e in audit_trail(workspace)
        if e.operation == "update"
    ]
    assert trail == [
        (3, "lead", "update", "action", "HC-1", "status", "not started", "ongoing"),
        (3, "lead", "update", "action", "HC-1", "at_risk", "false", "true"),
        (3, "lead", "update", "action", "HC-1", "reason", None, "CPS liaison"),
        (4, "lead", "update", "action", "HC-1", "status", "ongoing", "complete"),
        (4, "lead", "update", "action", "HC-1", "at_risk", "true", "false"),
        (4, "lead", "update", "action", "HC-1", "reason", "CPS liaison", None),
        (5, "chief of staff", "update", "strand", "HC", "lead", "Supt A", "Supt B"),
        (8, "lead", "update", "risk", str(risk.id), "status", "open", "closed"),
    ]
    created = {
        (e.entity, e.field): e.new_value for e in audit_trail(workspace) if e.operation == "create"
    }
    assert created[("strand priority", "priority")] == "Protect"
    assert created[("action", "title")] == "Hate crime template"
    assert created[("quarterly update", "achieved")] == "Procedure reviewed"
    assert created[("quarterly update", "state")] == "draft"
    assert all(
        e.at.tzinfo == UTC and e.at > datetime(2021, 7, 5, tzinfo=UTC)
        for e in audit_trail(workspace)
    )


def test_the_reason_given_for_a_change_is_kept_beside_it(workspace: Workspace) -> None:
    add_strand(workspace, code="HC", name="Hate Crime", lead="Supt A", actor="analyst")
    add_action(workspace, ref="HC-1", strand="HC", title="Template", actor="analyst")

    set_action_status(workspace, "HC-1", "dropped", reason="merged into HC-2", actor="lead")

    (entry,) = [
        e
        for e in audit_trail(workspace, ref="HC-1")
        if e.field == "status" and e.operation == "update"
    ]
    assert (entry.new_value, entry.reason) == ("dropped", "merged into HC-2")
