"""`--csv PATH` / `--xlsx PATH` on coverage, rejects and history: the same table a reader
sees, with real numbers, a header row, a frozen header and a sheet named after the table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from policeplan.cli import cli
from policeplan.config import Settings
from tests.conftest import TEST_DATA


def _run(settings: Settings, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])
    assert result.exit_code in (0, 3), result.output
    return result.output


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_coverage_history_and_rejects_write_their_tables(
    settings: Settings, tmp_path: Path
) -> None:
    _run(settings, "import", "measures", str(TEST_DATA / "measures" / "good.csv"))
    _run(settings, "import", "measures", str(TEST_DATA / "measures" / "bad_rows.csv"))

    _run(settings, "coverage", "--csv", str(tmp_path / "c.csv"), "--xlsx", str(tmp_path / "c.xlsx"))
    rows = _csv(tmp_path / "c.csv")
    assert rows[0][:4] == ["Dataset", "Force or measure", "Areas", "Periods"]
    answer = next(r for r in rows if r[1] == "answer-999-within-10s")
    held = next(
        m for m in json.loads(_run(settings, "coverage", "--json"))["measures"]
        if m["measure"] == "answer-999-within-10s"
    )  # fmt: skip
    assert answer[0] == "measures"
    assert answer[3:7] == [str(held["periods"]), held["first_period"], held["last_period"],
                           str(held["rows"])]  # fmt: skip
    sheet = load_workbook(tmp_path / "c.xlsx")["Coverage"]
    assert sheet.freeze_panes == "A2"
    assert isinstance(sheet.cell(row=2, column=7).value, int)

    _run(settings, "history", "--csv", str(tmp_path / "h.csv"))
    history = _csv(tmp_path / "h.csv")
    assert history[0][:3] == ["Id", "When", "Command"]
    assert len(history) > 1 and all(r[3] == "measures" for r in history[1:])

    _run(settings, "rejects", "--xlsx", str(tmp_path / "r.xlsx"))
    rejects = load_workbook(tmp_path / "r.xlsx")["Rejects"]
    assert [c.value for c in rejects[1]][:5] == ["Dataset", "Force", "Month", "File", "Line"]
    assert rejects.max_row > 1 and isinstance(rejects.cell(row=2, column=5).value, int)
