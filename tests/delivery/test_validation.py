"""Loose validation in delivery (issue 9, item 11): unknown audit entities, reopening a
complete action, an update with no text, and the import naming the `due_quarter` column."""

from __future__ import annotations

import pytest

from policeplan.delivery import (
    audit_trail,
    get_action,
    import_actions,
    save_update,
    set_action_status,
)
from policeplan.errors import FileRejected, InputError
from policeplan.store import Workspace

from .conftest import DATA


def test_audit_refuses_an_unknown_kind_of_record_naming_the_choices(
    sqlite_workspace: Workspace,
) -> None:
    with pytest.raises(InputError) as caught:
        audit_trail(sqlite_workspace, entity="foo")

    assert caught.value.field == "entity"
    assert "'foo'" in str(caught.value)
    assert "action" in str(caught.value) and "quarterly update" in str(caught.value)


def test_audit_accepts_a_kind_written_with_a_hyphen(sqlite_workspace: Workspace) -> None:
    import_actions(sqlite_workspace, DATA / "plan_small.csv", actor="analyst")

    entries = audit_trail(sqlite_workspace, entity="Action")

    assert entries and {e.entity for e in entries} == {"action"}


def test_a_complete_action_is_not_reopened_without_saying_so(
    sqlite_workspace: Workspace,
) -> None:
    import_actions(sqlite_workspace, DATA / "plan_small.csv", actor="analyst")
    set_action_status(sqlite_workspace, "DA-002", "complete", actor="lead")

    with pytest.raises(InputError) as caught:
        set_action_status(sqlite_workspace, "DA-002", "In progress", actor="lead")

    assert caught.value.field == "reopen"
    assert "DA-002 is complete" in str(caught.value) and "reopen" in str(caught.value)
    assert get_action(sqlite_workspace, "DA-002").status == "complete"


def test_reopening_a_complete_action_is_recorded_in_the_audit_log(
    sqlite_workspace: Workspace,
) -> None:
    import_actions(sqlite_workspace, DATA / "plan_small.csv", actor="analyst")
    set_action_status(sqlite_workspace, "DA-002", "complete", actor="lead")

    record = set_action_status(sqlite_workspace, "DA-002", "ongoing", reopen=True, actor="lead")

    assert record.status == "ongoing"
    last = audit_trail(sqlite_workspace, ref="DA-002")[-1]
    assert (last.field, last.old_value, last.new_value) == ("status", "complete", "ongoing")
    assert last.reason is not None and "reopened" in last.reason


def test_an_update_with_no_text_is_refused(sqlite_workspace: Workspace) -> None:
    import_actions(sqlite_workspace, DATA / "plan_small.csv", actor="analyst")

    with pytest.raises(InputError) as caught:
        save_update(sqlite_workspace, "DA", "2021-22Q2", actor="lead")

    assert "achieved" in str(caught.value) and "insight" in str(caught.value)


def test_a_bad_due_quarter_names_the_due_quarter_column(sqlite_workspace: Workspace) -> None:
    with pytest.raises(FileRejected) as caught:
        import_actions(sqlite_workspace, DATA / "plan_with_three_bad_rows.csv", actor="analyst")

    assert "field 'due_quarter': '2021-23Q2' is not a financial year" in str(caught.value)
