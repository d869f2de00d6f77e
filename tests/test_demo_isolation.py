"""Issue #9: the demo never touches real data, real data never goes into a demo.

Run as real `policeplan` processes, as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policeplan.config import load_settings
from policeplan.store import Workspace
from tests.conftest import TEST_DATA
from tests.ingest.police_uk_helpers import fingerprint

pytestmark = pytest.mark.slow

SEARCHES = TEST_DATA / "police_uk" / "stop-and-search-handmade.csv"
MEASURES = TEST_DATA / "measures" / "good.csv"


def policeplan(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from policeplan.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(cwd or Path.cwd())},
    )


def test_demo_refuses_a_workspace_holding_real_data(tmp_path: Path) -> None:
    real = tmp_path / "real"
    loaded = policeplan("--workspace", str(real), "import", "measures", str(MEASURES))
    assert loaded.returncode == 0, loaded.stderr
    before = fingerprint(Workspace.open(load_settings(real, {})))

    result = policeplan("--workspace", str(real), "demo", "--from", "2025-01", "--to", "2025-01")

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "is not a demo workspace" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(Workspace.open(load_settings(real, {}))) == before
    assert not (real / "records.sqlite").exists()  # no synthetic actions seeded


def test_demo_goes_to_its_own_folder_and_refuses_real_imports(tmp_path: Path) -> None:
    built = policeplan("demo", "--from", "2025-01", "--to", "2025-01", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "policeplan-demo" / "analytics.duckdb").is_file()
    assert not (tmp_path / "policeplan-workspace").exists()

    demo = str(tmp_path / "policeplan-demo")
    for command in (["police-uk", str(SEARCHES)], ["measures", str(MEASURES)]):
        refused = policeplan("--workspace", demo, "import", *command)
        assert refused.returncode == 1
        assert "is a demo workspace" in refused.stderr
        assert "--workspace DIR" in refused.stderr

    again = policeplan("demo", "--from", "2025-01", "--to", "2025-01", cwd=tmp_path)
    assert again.returncode == 0, again.stderr  # an earlier demo may be rebuilt


def test_demo_refuses_a_range_that_ends_before_it_starts(tmp_path: Path) -> None:
    result = policeplan("--workspace", str(tmp_path / "d"), "demo", "--from", "2025-03",
                        "--to", "2025-01")  # fmt: skip

    assert result.returncode == 1
    assert "the last month 2025-01 is before the first 2025-03" in result.stderr
    assert not (tmp_path / "d").exists()
