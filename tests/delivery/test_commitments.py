"""Commitment narrative: ids, the draft -> submitted -> approved workflow, audit, import and
export, the commands, and the migration from revision 0001 on both engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import inspect, text

from policeplan.cli import cli
from policeplan.config import Settings
from policeplan.delivery import audit_trail, seed_example
from policeplan.delivery.commitment_sheet import export_commitments, import_commitments
from policeplan.delivery.commitments import (
    approve_commitment_update,
    find_commitment,
    list_commitment_updates,
    plan_commitments,
    return_commitment_update,
    save_commitment_update,
    submit_commitment_update,
)
from policeplan.errors import FileRejected, InputError, RecordsError
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.records import current_revision, downgrade, head_revision, upgrade
from policeplan.records.engine import create_records_engine
from policeplan.store import Workspace

Q = "2021/22 Q3"


@pytest.fixture
def planned(workspace: Workspace) -> Workspace:
    save_plan(workspace, load_plan(example_plan_path()))
    return workspace


def test_commitments_get_ids_from_their_priority_and_position() -> None:
    plan = load_plan(example_plan_path())
    commitments = plan_commitments(plan)

    assert commitments[0].id == "P1-C1"
    assert commitments[0].text == plan.priorities[0].commitments[0]
    second_priority = [c for c in commitments if c.priority_id == plan.priorities[1].id]
    assert second_priority[0].id == "P2-C1"
    assert find_commitment(plan, " p2-c1 ") == second_priority[0]


def test_an_unknown_commitment_id_is_refused_naming_the_field() -> None:
    plan = load_plan(example_plan_path())
    with pytest.raises(InputError, match="no commitment P1-C99") as caught:
        find_commitment(plan, "P1-C99")
    assert caught.value.field == "commitment"
    with pytest.raises(InputError, match="not an id"):
        find_commitment(plan, "crime prevention")


def test_narrative_moves_draft_submitted_approved_and_is_then_final(
    planned: Workspace, clock: object
) -> None:
    save_commitment_update(planned, "P1-C2", Q, text=" Teams formed. ", actor="lead")
    submit_commitment_update(planned, "P1-C2", Q, actor="lead")
    with pytest.raises(RecordsError, match="only a draft can be edited"):
        save_commitment_update(planned, "P1-C2", Q, text="changed", actor="lead")
    return_commitment_update(planned, "P1-C2", Q, reason="add numbers", actor="pcc")
    save_commitment_update(planned, "P1-C2", Q, text="Teams formed: 4.", actor="lead")
    submit_commitment_update(planned, "P1-C2", Q, actor="lead")
    record = approve_commitment_update(planned, "P1-C2", Q, actor="pcc")

    assert (record.state, record.text, record.lpa) == ("approved", "Teams formed: 4.", "")
    with pytest.raises(RecordsError, match="approved; it cannot become draft"):
        return_commitment_update(planned, "P1-C2", Q, reason="x", actor="pcc")
    entries = audit_trail(planned, entity="commitment update")
    assert [e.new_value for e in entries if e.field == "state"][-1] == "approved"
    assert any(e.reason == "add numbers" for e in entries)


def test_approving_a_draft_is_refused(planned: Workspace) -> None:
    save_commitment_update(planned, "P1-C2", Q, text="x", actor="lead")
    with pytest.raises(RecordsError, match="draft; it cannot become approved"):
        approve_commitment_update(planned, "P1-C2", Q, actor="pcc")


def test_narrative_per_lpa_is_separate_from_force_wide(planned: Workspace) -> None:
    save_commitment_update(planned, "P1-C2", Q, text="force", actor="a")
    save_commitment_update(planned, "P1-C2", Q, lpa="north lpa", text="north", actor="a")

    rows = list_commitment_updates(planned, Q)

    assert [(r.lpa, r.text) for r in rows] == [("", "force"), ("North", "north")]
    with pytest.raises(InputError, match="no local policing area 'East'"):
        save_commitment_update(planned, "P1-C2", Q, lpa="East", text="x", actor="a")


def test_export_then_import_changes_nothing_and_dry_run_writes_nothing(
    planned: Workspace, tmp_path: Path
) -> None:
    save_commitment_update(planned, "P1-C2", Q, text="one", actor="a")
    save_commitment_update(planned, "P3-C1", Q, lpa="South", text="two", actor="a")
    for suffix in (".xlsx", ".csv"):
        path = tmp_path / f"narrative{suffix}"
        assert export_commitments(planned, path) == 2
        result = import_commitments(planned, path, actor="a")
        assert (result.created, result.updated, result.unchanged) == ([], [], 2)

    path = tmp_path / "new.csv"
    path.write_text("commitment,quarter,lpa,text\nP2-C1,2021-22Q3,West,new words\n")
    dry = import_commitments(planned, path, actor="a", dry_run=True)
    assert dry.created == ["P2-C1 2021-22Q3 West"]
    assert len(list_commitment_updates(planned, Q)) == 2
    import_commitments(planned, path, actor="a")
    assert len(list_commitment_updates(planned, Q)) == 3


def test_an_import_with_one_bad_row_changes_nothing(planned: Workspace, tmp_path: Path) -> None:
    save_commitment_update(planned, "P1-C2", Q, text="one", actor="a")
    submit_commitment_update(planned, "P1-C2", Q, actor="a")
    path = tmp_path / "bad.csv"
    path.write_text(
        "commitment,quarter,text\nP2-C1,2021-22Q3,fine\nP1-C2,2021-22Q3,rewritten\n"
        "P99-C9,2021-22Q3,x\nP2-C2,Q7,x\n"
    )

    with pytest.raises(FileRejected) as caught:
        import_commitments(planned, path, actor="a")

    message = str(caught.value)
    assert "3 bad rows; nothing was imported" in message
    assert "row 3, field 'text': the 2021-22Q3 narrative for P1-C2 is submitted" in message
    assert "row 4, field 'commitment'" in message
    assert "row 5, field 'quarter'" in message
    assert [r.commitment for r in list_commitment_updates(planned, Q)] == ["P1-C2"]


def test_commands_update_submit_approve_show_and_export(planned: Workspace, tmp_path: Path) -> None:
    settings = planned.settings
    narrative = tmp_path / "n.txt"
    narrative.write_text("North teams <script>alert(1)</script> formed.\n", encoding="utf-8")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--workspace", str(settings.workspace), *args])
        assert result.exit_code == 0, result.output
        return result.output

    base = ("delivery", "commitment")
    out = run(*base, "update", "P1-C2", "--quarter", Q, "--lpa", "North",
              "--text-file", str(narrative), "--submit", "--actor", "lead")  # fmt: skip
    assert out.strip() == "P1-C2 2021/22 Q3 (October–December 2021), North LPA: narrative submitted"
    run(*base, "approve", "P1-C2", "--quarter", "2021-22Q3", "--lpa", "north")
    shown = json.loads(run(*base, "show", "--quarter", Q, "--json"))
    assert shown[0]["state"] == "approved"
    assert shown[0]["text"].startswith("North teams <script>")
    run(*base, "export", str(tmp_path / "out.xlsx"))
    assert "leave 1 unchanged" in run(*base, "import", str(tmp_path / "out.xlsx"), "--dry-run")


def test_a_bad_quarter_is_a_usage_error_naming_the_accepted_form(planned: Workspace) -> None:
    result = CliRunner().invoke(
        cli,
        ["--workspace", str(planned.settings.workspace), "delivery", "commitment", "show",
         "--quarter", "autumn"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "2021/22 Q2" in result.output


def test_migration_from_0001_keeps_the_records_and_adds_the_narrative_table(
    settings: Settings,
) -> None:
    workspace = Workspace(settings)
    engine = create_records_engine(settings.records_url)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    assert "commitment_updates" not in inspect(engine).get_table_names()
    engine.dispose()
    # The library always migrates to the newest revision, so records are written there and
    # the store taken back to 0001 (where 0001's tables keep them) before the upgrade.
    seed_example(workspace)
    engine = create_records_engine(settings.records_url)
    downgrade(engine, "0001")
    with engine.connect() as connection:
        actions = connection.execute(text("SELECT count(*) FROM actions")).scalar_one()
    assert actions == 325
    upgrade(engine)
    assert current_revision(engine) == head_revision() == "0003"
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM actions")).scalar_one() == 325
    engine.dispose()
    save_plan(workspace, load_plan(example_plan_path()))
    save_commitment_update(workspace, "P1-C1", Q, text="x", actor="a")
    with engine.begin() as connection, pytest.raises(Exception, match="refused"):
        connection.execute(text("DELETE FROM commitment_updates"))
    engine.dispose()
