"""Importing a delivery plan from .csv/.xlsx (all or nothing, dry run) and exporting it back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from policeplan.config import load_settings
from policeplan.delivery import (
    audit_trail,
    export_actions,
    get_action,
    import_actions,
    list_actions,
    list_strands,
    seed_example,
)
from policeplan.errors import FileRejected
from policeplan.records import dispose_engines
from policeplan.store import Workspace

from .conftest import DATA


def test_a_csv_plan_creates_its_strands_and_actions(workspace: Workspace) -> None:
    result = import_actions(workspace, DATA / "plan_small.csv", actor="analyst")

    assert result.summary_line() == (
        "created 4 action(s), update 0, leave 0 unchanged; new strand(s): DA, DCF"
    )
    flagged = get_action(workspace, "DCF-001")
    assert (flagged.status, flagged.at_risk, flagged.due_quarter) == ("ongoing", True, "2021-22Q3")
    assert flagged.indicators == ("cyber_outcomes", "fraud_outcomes")
    assert [s.lead for s in list_strands(workspace)] == [
        "Chief Superintendent Tom Simons",
        "Detective Chief Inspector Andy Clarkson",
    ]


def test_an_import_with_one_bad_row_changes_nothing_and_names_the_row(workspace: Workspace) -> None:
    import_actions(workspace, DATA / "plan_small.csv", actor="analyst")
    before = list_actions(workspace), len(audit_trail(workspace))

    with pytest.raises(FileRejected) as caught:
        import_actions(workspace, DATA / "plan_with_one_bad_row.csv", actor="analyst")

    assert (caught.value.line, caught.value.field) == (4, "status")
    assert "'half done' is not an action status" in str(caught.value)
    assert "nothing was imported" in str(caught.value)
    assert (list_actions(workspace), len(audit_trail(workspace))) == before


def test_every_bad_row_is_reported_with_its_row_number_and_reason(
    sqlite_workspace: Workspace,
) -> None:
    with pytest.raises(FileRejected) as caught:
        import_actions(sqlite_workspace, DATA / "plan_with_three_bad_rows.csv", actor="analyst")

    message = str(caught.value)
    assert "3 bad rows" in message
    assert "row 2, field 'due_quarter': '2021-23Q2' is not a financial year" in message
    assert "row 3, field 'at_risk': only an ongoing action can be at risk" in message
    assert "row 4, field 'action_id': repeats row 3" in message
    assert list_actions(sqlite_workspace) == []


def test_a_dry_run_shows_the_changes_and_makes_none(workspace: Workspace, tmp_path: Path) -> None:
    import_actions(workspace, DATA / "plan_small.csv", actor="analyst")
    edited = tmp_path / "plan.csv"
    text = (DATA / "plan_small.csv").read_text(encoding="utf-8")
    edited.write_text(
        text.replace("2021-22Q4,ongoing,no", "2021-22Q4,complete,no"), encoding="utf-8"
    )
    audit_before = len(audit_trail(workspace))

    result = import_actions(workspace, edited, actor="analyst", dry_run=True)

    assert [(c.ref, c.changes) for c in result.updated] == [
        ("DA-002", {"status": ("ongoing", "complete")})
    ]
    assert result.unchanged == 3
    assert get_action(workspace, "DA-002").status == "ongoing"
    assert len(audit_trail(workspace)) == audit_before


def test_an_unknown_column_is_refused_with_a_suggestion(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text("action_id,strand_code,title,statuss\nDA-1,DA,x,ongoing\n", encoding="utf-8")

    with pytest.raises(FileRejected, match="did you mean 'status'"):
        import_actions(sqlite_workspace, plan, actor="analyst")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_imported_again_changes_nothing(
    workspace: Workspace, tmp_path: Path, suffix: str
) -> None:
    seed_example(workspace)
    exported = tmp_path / f"plan{suffix}"

    assert export_actions(workspace, exported) == 325
    result = import_actions(workspace, exported, actor="analyst", dry_run=True)

    assert (len(result.created), len(result.updated), result.unchanged) == (0, 0, 325)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_loaded_into_a_new_workspace_exports_identically(
    tmp_path: Path, suffix: str
) -> None:
    first = Workspace(load_settings(tmp_path / "first", {}))
    second = Workspace(load_settings(tmp_path / "second", {}))
    import_actions(first, DATA / "plan_small.csv", actor="analyst")
    export_actions(first, tmp_path / f"one{suffix}")

    import_actions(second, tmp_path / f"one{suffix}", actor="analyst")
    export_actions(second, tmp_path / f"two{suffix}")
    dispose_engines()

    assert _cells(tmp_path / f"one{suffix}") == _cells(tmp_path / f"two{suffix}")


def test_an_xlsx_plan_is_read_from_its_actions_sheet(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    shutil.copy(DATA / "plan_small.csv", tmp_path / "plan.csv")
    import_actions(sqlite_workspace, tmp_path / "plan.csv", actor="analyst")
    export_actions(sqlite_workspace, tmp_path / "plan.xlsx")

    workbook = load_workbook(tmp_path / "plan.xlsx", read_only=True)
    try:
        assert workbook.sheetnames == ["actions"]
        header = next(workbook["actions"].iter_rows(values_only=True))
    finally:
        workbook.close()
    assert header[:3] == ("action_id", "strand_code", "strand")


def _cells(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        return [line.split(",") for line in path.read_text(encoding="utf-8-sig").splitlines()]
    workbook = load_workbook(path, read_only=True)
    try:
        return [[str(c) for c in row] for row in workbook.active.iter_rows(values_only=True)]
    finally:
        workbook.close()
