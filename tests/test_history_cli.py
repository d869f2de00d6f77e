"""Issue #9 items 2, 3 and 5 at the command line: the shrink guard's message and flag,
`history`, `revert`, `history prune`, and the exit codes of imports."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policeplan.cli import cli
from policeplan.config import Settings
from tests.conftest import TEST_DATA

pytestmark = pytest.mark.realdata

ESSEX_2025_01 = "police_uk/essex/2025-01-essex-street.csv.gz"


def _run(settings: Settings, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])


def _short_copy(shared_data: Path, folder: Path) -> Path:
    with gzip.open(shared_data / ESSEX_2025_01, "rt", encoding="utf-8-sig", newline="") as text:
        lines = text.read().splitlines()[:200]
    path = folder / "2025-01-essex-street.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_refused_shrink_exits_1_with_both_counts_then_history_and_revert(
    settings: Settings, shared_data: Path, tmp_path: Path
) -> None:
    assert _run(settings, "import", "police-uk", str(shared_data / ESSEX_2025_01)).exit_code == 0
    short = _short_copy(shared_data, tmp_path)

    refused = _run(settings, "import", "police-uk", str(short))
    assert refused.exit_code == 1
    assert "199 rows would replace the 12,144 held" in refused.output
    assert "allowing the shrink (--allow-shrink)" in refused.output

    allowed = _run(settings, "import", "police-uk", str(short), "--allow-shrink")
    assert allowed.exit_code == 0, allowed.output

    history = json.loads(_run(settings, "history", "--json").output)["entries"]
    assert [(e["status"], e["rows_before"], e["rows_after"]) for e in history] == [
        ("replaced", 12_144, 199),
        ("loaded", 0, 12_144),
    ]
    assert history[0]["sha256"] and history[0]["file"] == str(short)
    text = _run(settings, "history").output
    assert text.splitlines()[0].split() == [
        "id", "when", "command", "dataset", "force/measure", "period", "before", "after",
        "status", "file",
    ]  # fmt: skip

    undone = _run(settings, "revert", str(history[0]["id"]))
    assert undone.exit_code == 0, undone.output
    assert "now holds 12,144 rows (was 199)" in undone.output
    coverage = json.loads(_run(settings, "coverage", "--json").output)
    assert [p["rows"] for p in coverage["partitions"]] == [12_144]

    pruned = _run(settings, "history", "prune", "--keep", "1")
    assert pruned.exit_code == 0, pruned.output
    assert "can still be reverted" in pruned.output
    gone = _run(settings, "revert", str(history[1]["id"]))
    assert gone.exit_code == 1
    assert "pruned" in gone.output


def test_revert_of_an_unknown_id_is_one_line(settings: Settings) -> None:
    result = _run(settings, "revert", "999")

    assert result.exit_code == 1
    assert result.output.strip() == "Error: field 'import_id': no import with id 999 in the history"


def test_import_exit_codes_are_0_clean_3_with_rejects_and_unchanged_is_reported(
    settings: Settings, shared_data: Path
) -> None:
    clean = _run(settings, "import", "police-uk", str(shared_data / ESSEX_2025_01), "--json")
    assert clean.exit_code == 0
    again = _run(settings, "import", "police-uk", str(shared_data / ESSEX_2025_01), "--json")
    assert again.exit_code == 0
    data = json.loads(again.stdout)
    assert (data["files"][0]["status"], data["files_unchanged"], data["complete"]) == (
        "unchanged",
        1,
        True,
    )
    rejects = _run(settings, "import", "measures", str(TEST_DATA / "measures" / "bad_rows.csv"))
    assert rejects.exit_code == 3
    unchanged = _run(settings, "import", "measures", str(TEST_DATA / "measures" / "bad_rows.csv"))
    assert "unchanged" in unchanged.output
