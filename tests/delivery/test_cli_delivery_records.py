"""`delivery risk|action …`, `delivery update show`, `delivery status --reopen` and the
table files of `delivery summary|action list|risk list`, through click's test runner."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from policeplan.cli.delivery import delivery_group
from policeplan.config import Settings, load_settings
from policeplan.delivery import audit_trail, get_action, seed_example
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.records import dispose_engines
from policeplan.store import Workspace

from .conftest import DATA


@pytest.fixture
def cli_settings(tmp_path: Path) -> Iterator[Settings]:
    settings = load_settings(tmp_path / "workspace", {})
    CliRunner().invoke(delivery_group, ["import", str(DATA / "plan_small.csv")], obj=settings)
    yield settings
    dispose_engines()


def run(settings: Settings, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(delivery_group, list(args), obj=settings)
    return result.exit_code, result.output


def test_risks_are_added_listed_rerated_and_closed_with_reasons_audited(
    cli_settings: Settings,
) -> None:
    code, output = run(
        cli_settings, "risk", "add", "DA", "--description", "DARA trainers leave",
        "--mitigation", "Train two more", "--owner", "DA Lead", "--rating", "high",
    )  # fmt: skip
    assert (code, output.strip()) == (0, "risk 1 added to DA: high, open")

    code, output = run(cli_settings, "risk", "rate", "1", "medium", "--reason", "trainers hired")
    assert (code, output.strip()) == (0, "risk 1 (DA): rated medium")
    code, output = run(cli_settings, "risk", "close", "RISK-1", "--reason", "training done")
    assert (code, output.strip()) == (0, "risk 1 (DA): closed")

    code, output = run(cli_settings, "risk", "list", "--strand", "DA", "--json")
    assert code == 0
    assert json.loads(output) == [
        {"id": 1, "strand": "DA", "description": "DARA trainers leave",
         "mitigation": "Train two more", "owner": "DA Lead", "rating": "medium",
         "status": "closed"}
    ]  # fmt: skip
    changes = [
        (e.field, e.old_value, e.new_value, e.reason)
        for e in audit_trail(Workspace(cli_settings), entity="risk")
        if e.operation == "update"
    ]
    assert changes == [
        ("rating", "high", "medium", "trainers hired"),
        ("status", "open", "closed", "training done"),
    ]


def test_a_risk_rating_outside_the_choices_is_a_usage_error(cli_settings: Settings) -> None:
    code, output = run(cli_settings, "risk", "add", "DA", "--description", "x", "--rating", "dire")
    assert code == 2 and "'dire'" in output


def test_action_list_filters_by_strand_and_status(cli_settings: Settings) -> None:
    code, output = run(cli_settings, "action", "list", "--status", "at-risk", "--json")
    assert code == 0
    assert [a["ref"] for a in json.loads(output)] == ["DCF-001"]

    code, output = run(cli_settings, "action", "list", "--strand", "DA")
    lines = output.splitlines()
    assert code == 0 and lines[0].split() == ["Action", "Strand", "Status", "Due", "Owner", "Title"]
    assert [line.split()[0] for line in lines[1:]] == ["DA-001", "DA-002"]


def test_action_show_gives_its_fields_and_history(cli_settings: Settings) -> None:
    run(cli_settings, "status", "DA-002", "complete", "--actor", "lead")

    code, output = run(cli_settings, "action", "show", "da-002", "--json")

    assert code == 0
    shown = json.loads(output)
    assert (shown["ref"], shown["status"], shown["indicators"]) == (
        "DA-002", "complete", ["domestic_abuse_repeat_victims"],
    )  # fmt: skip
    assert [(e["actor"], e["field"], e["new"]) for e in shown["history"]][-1] == (
        "lead", "status", "complete",
    )  # fmt: skip
    code, output = run(cli_settings, "action", "show", "DA-002")
    assert "status: complete" in output and "History:" in output


def test_links_are_checked_against_the_loaded_plan(cli_settings: Settings) -> None:
    workspace = Workspace(cli_settings)
    save_plan(workspace, load_plan(example_plan_path()))
    indicator = load_plan(example_plan_path()).indicators[0][1].id

    code, output = run(cli_settings, "action", "link", "DA-001", indicator)
    assert (code, output.strip()) == (0, f"DA-001 indicators: {indicator}")
    code, output = run(cli_settings, "action", "link", "DA-001", "no-such-indicator")
    assert code == 1 and "'no-such-indicator' is not an indicator of the loaded plan" in output
    code, output = run(cli_settings, "action", "unlink", "DA-001", indicator)
    assert (code, output.strip()) == (0, "DA-001 indicators: (none)")
    assert get_action(workspace, "DA-001").indicators == ()


def test_update_show_reads_the_saved_update_back(cli_settings: Settings) -> None:
    run(cli_settings, "update", "DA", "--quarter", "2021-22Q2",
        "--achieved", str(DATA / "achieved_da_q2.txt"))  # fmt: skip

    code, output = run(cli_settings, "update", "show", "DA", "--quarter", "2021/22 Q2", "--json")

    assert code == 0
    shown = json.loads(output)
    achieved = (DATA / "achieved_da_q2.txt").read_text(encoding="utf-8").strip()
    assert (shown["state"], shown["achieved"], shown["insight"]) == ("draft", achieved, "")
    code, output = run(cli_settings, "update", "show", "DA", "--quarter", "2021/22 Q3")
    assert code == 1 and "DA has no update for 2021/22 Q3" in output


def test_an_update_with_no_text_and_no_submit_is_refused(cli_settings: Settings) -> None:
    code, output = run(cli_settings, "update", "DA", "--quarter", "2021-22Q2")
    assert code == 1 and "at least one of: achieved, scheduled, insight" in output


def test_status_refuses_to_reopen_a_complete_action_unless_asked(cli_settings: Settings) -> None:
    code, output = run(cli_settings, "status", "DA-001", "In progress")
    assert code == 1 and "--reopen: DA-001 is complete" in output

    code, output = run(cli_settings, "status", "DA-001", "ongoing", "--reopen")
    assert (code, output.strip()) == (0, "DA-001: ongoing")


def test_audit_names_an_unknown_entity_and_the_choices(cli_settings: Settings) -> None:
    code, output = run(cli_settings, "audit", "--entity", "foo")
    assert code == 1
    assert "--entity: 'foo' is not a kind of record; use one of: action," in output


def test_tables_are_written_as_csv_and_xlsx_with_real_numbers(tmp_path: Path) -> None:
    cli_settings = load_settings(tmp_path / "seeded", {})
    csv_path, xlsx_path = tmp_path / "summary.csv", tmp_path / "summary.xlsx"
    seed_example(Workspace(cli_settings))  # recorded in 2021: 325 actions, 150 complete

    try:
        code, _ = run(cli_settings, "summary", "--quarter", "2021-22Q2",
                      "--csv", str(csv_path), "--xlsx", str(xlsx_path))  # fmt: skip
    finally:
        dispose_engines()

    assert code == 0
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Strand", "Lead", "Total", "Complete", "Ongoing", "At risk",
                       "Not started", "Dropped"]  # fmt: skip
    assert rows[-1][0] == "Total" and rows[-1][2:4] == ["325", "150"]
    sheet = load_workbook(xlsx_path).active
    assert sheet.title == "Delivery 2021-22 Q2"
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[sheet.max_row]][:4] == ["Total", None, 325, 150]
    assert sheet.cell(row=2, column=3).number_format == "#,##0"


def test_a_table_file_in_a_missing_folder_is_one_line_naming_it(
    cli_settings: Settings, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "risks.xlsx"
    code, output = run(cli_settings, "risk", "list", "--xlsx", str(target))
    assert code == 1 and f"the folder {target.parent} does not exist" in output
    assert len(output.strip().splitlines()) == 1


def test_action_and_risk_lists_write_sheets_with_real_values(
    cli_settings: Settings, tmp_path: Path
) -> None:
    run(cli_settings, "risk", "add", "DCF", "--description", "Too few SCPO checks")

    code, _ = run(cli_settings, "action", "list", "--xlsx", str(tmp_path / "a.xlsx"))
    assert code == 0
    sheet = load_workbook(tmp_path / "a.xlsx")["Actions"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)}
    assert set(rows) == {"DA-001", "DA-002", "DCF-001", "DCF-002"}
    assert rows["DCF-001"]["At risk"] is True and rows["DA-001"]["At risk"] is False
    assert rows["DCF-001"]["Indicators"] == "cyber_outcomes; fraud_outcomes"

    code, _ = run(cli_settings, "risk", "list", "--csv", str(tmp_path / "r.csv"))
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1][:4] == ["1", "DCF", "medium", "open"]
