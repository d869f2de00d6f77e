"""`policeplan delivery …` commands, invoked through click's test runner."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli.delivery import delivery_group
from policeplan.config import Settings, load_settings
from policeplan.delivery import get_action, seed_example
from policeplan.records import dispose_engines
from policeplan.store import Workspace

from .conftest import DATA
from .test_summary import report_rows


@pytest.fixture
def cli_settings(tmp_path: Path) -> Iterator[Settings]:
    yield load_settings(tmp_path / "workspace", {})
    dispose_engines()


def run(settings: Settings, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(delivery_group, list(args), obj=settings)
    return result.exit_code, result.output


def test_summary_json_reproduces_the_report_table_after_seeding(cli_settings: Settings) -> None:
    seed_example(Workspace(cli_settings))

    code, output = run(cli_settings, "summary", "--quarter", "2021-22Q2", "--json")

    assert code == 0
    data = json.loads(output)
    *strands, (_, total) = report_rows()
    assert [
        (s["strand"], s["total"], s["complete"], s["ongoing"], s["at_risk"])
        for s in data["strands"]
    ] == [(name, c["total"], c["complete"], c["ongoing"], c["at_risk"]) for name, c in strands]
    assert {k: data["total"][k] for k in total} == total
    assert set(data["strands"][0]) == {
        "strand",
        "lead",
        "total",
        "complete",
        "ongoing",
        "at_risk",
        "not_started",
        "dropped",
    }


def test_summary_text_shows_the_quarter_with_its_months_and_the_example_label(
    cli_settings: Settings,
) -> None:
    seed_example(Workspace(cli_settings))

    code, output = run(cli_settings, "summary", "--quarter", "Q2 2021/22")

    assert code == 0
    assert "2021/22 Q2 (July–September 2021)" in output
    assert "Total" in output and "325" in output
    assert "example data" in output


def test_import_dry_run_then_import_then_status_change(cli_settings: Settings) -> None:
    code, output = run(cli_settings, "import", str(DATA / "plan_small.csv"), "--dry-run")
    assert code == 0 and "would create 4 action(s)" in output and "dry run" in output

    code, output = run(cli_settings, "import", str(DATA / "plan_small.csv"), "--actor", "analyst")
    assert code == 0 and "created 4 action(s)" in output

    code, output = run(
        cli_settings, "status", "DA-002", "at-risk", "--reason", "DARA delayed", "--actor", "lead"
    )
    assert (code, output.strip()) == (0, "DA-002: ongoing (at risk)")


def test_a_bad_file_exits_1_with_the_row_and_reason(cli_settings: Settings) -> None:
    code, output = run(cli_settings, "import", str(DATA / "plan_with_one_bad_row.csv"))

    assert code == 1
    assert "line 4" in output and "'half done' is not an action status" in output


def test_status_without_a_required_reason_exits_1(cli_settings: Settings) -> None:
    run(cli_settings, "import", str(DATA / "plan_small.csv"))

    code, output = run(cli_settings, "status", "DA-002", "dropped")

    assert code == 1 and "needs a reason" in output
    assert get_action(Workspace(cli_settings), "DA-002").status == "ongoing"


def test_update_reads_the_text_files_and_approve_finalises_it(cli_settings: Settings) -> None:
    run(cli_settings, "import", str(DATA / "plan_small.csv"))

    code, output = run(
        cli_settings,
        "update",
        "DA",
        "--quarter",
        "2021-22Q2",
        "--achieved",
        str(DATA / "achieved_da_q2.txt"),
        "--scheduled",
        str(DATA / "scheduled_da_q2.txt"),
        "--submit",
    )
    assert (code, output.strip()) == (0, "DA 2021/22 Q2 (July–September 2021): update submitted")

    code, output = run(cli_settings, "approve", "DA", "--quarter", "2021-22Q2")
    assert code == 0 and output.strip().endswith("update approved")


def test_a_malformed_quarter_is_a_usage_error(cli_settings: Settings) -> None:
    code, output = run(cli_settings, "summary", "--quarter", "2021Q2")

    assert code == 2 and "2021-22Q2" in output


def test_export_then_audit_json_lists_who_changed_what(
    cli_settings: Settings, tmp_path: Path
) -> None:
    run(cli_settings, "import", str(DATA / "plan_small.csv"), "--actor", "analyst")
    run(cli_settings, "status", "DA-002", "complete", "--actor", "lead")

    code, output = run(cli_settings, "export", str(tmp_path / "plan.xlsx"))
    assert (code, output.strip()) == (0, f"wrote 4 action(s) to {tmp_path / 'plan.xlsx'}")

    code, output = run(cli_settings, "audit", "--ref", "DA-002", "--json")
    changes = [
        (e["actor"], e["field"], e["old"], e["new"])
        for e in json.loads(output)
        if e["operation"] == "update"
    ]
    assert changes == [("lead", "status", "ongoing", "complete")]
