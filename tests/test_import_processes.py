"""Issue #9: Ctrl-C and a second command during an import, with real processes.

Ctrl-C prints one line naming what was committed and exits 130; a read command started
while an import writes waits for it (saying so) and then answers; a workspace whose files
cannot be written can still be read."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policeplan.config import load_settings
from policeplan.store import Workspace

pytestmark = [pytest.mark.realdata, pytest.mark.slow]

MAIN = [sys.executable, "-c", "from policeplan.cli import main; main()"]
INTERRUPTED = re.compile(
    r"Interrupted: (?:(\d+) of (\d+) files committed; the rest left unchanged"
    r"|nothing committed; the workspace is unchanged)\."
)


def _files(shared_data: Path) -> list[str]:
    return sorted(str(p) for p in (shared_data / "police_uk").rglob("2025-*-street.csv.gz"))


def _start_import(workspace: Path, files: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*MAIN, "--workspace", str(workspace), "import", "police-uk", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _partitions(workspace: Path) -> list[tuple[object, ...]]:
    with Workspace.open(load_settings(workspace, {})).connect(read_only=True) as con:
        return con.execute(
            "SELECT force, month, rows_loaded FROM partitions ORDER BY ALL"
        ).fetchall()


def test_ctrl_c_during_an_import_says_what_was_committed(tmp_path: Path, shared_data: Path) -> None:
    files = _files(shared_data)
    landed_mid_import = False
    # The signal must land after some files committed and before the last: try a few
    # delays (machines differ in speed); every attempt must end in one line and exit 130.
    for attempt, seconds in enumerate((4.0, 8.0, 2.0, 14.0, 25.0, 40.0)):
        workspace = tmp_path / f"w{attempt}"
        Workspace.open(load_settings(workspace, {}))  # so the delay is spent importing
        process = _start_import(workspace, files)
        time.sleep(seconds)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        if process.returncode == 0:
            continue  # finished before the signal
        assert process.returncode == 130, stderr
        assert "Traceback" not in stderr
        last = stderr.strip().splitlines()[-1]
        found = INTERRUPTED.fullmatch(last.split("\r")[-1].strip())
        assert found, last
        committed = int(found.group(1) or 0)
        with Workspace.open(load_settings(workspace, {})).connect(read_only=True) as con:
            whole = con.execute(
                "SELECT count(*) FROM partitions p JOIN (SELECT force, month, count(*) AS n "
                "FROM street_crimes GROUP BY ALL) s USING (force, month) WHERE n = rows_loaded"
            ).fetchone()
            held = con.execute("SELECT count(*) FROM partitions").fetchone()
        assert held == whole == (committed,)
        if 0 < committed < len(files):
            landed_mid_import = True
            break
    assert landed_mid_import, "no interrupt landed between the first and the last commit"


def test_coverage_during_an_import_waits_for_it_then_answers(
    tmp_path: Path, shared_data: Path
) -> None:
    workspace = tmp_path / "workspace"
    Workspace.open(load_settings(workspace, {}))
    files = _files(shared_data)
    importing = _start_import(workspace, files)
    time.sleep(2.0)
    still_importing = importing.poll() is None

    started = time.monotonic()
    coverage = subprocess.run(
        [*MAIN, "--workspace", str(workspace), "coverage", "--json"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    importing.communicate(timeout=240)

    assert coverage.returncode == 0, coverage.stderr
    assert time.monotonic() - started < 240
    if still_importing:
        assert "Waiting for another policeplan command writing to" in coverage.stderr
    shown = {(p["force"], p["month"]) for p in json.loads(coverage.stdout)["partitions"]}
    assert len(shown) == len(_partitions(workspace)) == len(files)


def test_a_workspace_that_cannot_be_written_can_still_be_read(
    tmp_path: Path, shared_data: Path
) -> None:
    if shutil.which("chattr") is None:
        pytest.skip("chattr is needed to make files unwritable even for root")
    workspace = tmp_path / "workspace"
    essex = sorted(str(p) for p in (shared_data / "police_uk" / "essex").glob("2025-0[12]-*"))
    loaded = subprocess.run(
        [*MAIN, "--workspace", str(workspace), "import", "police-uk", *essex],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr
    frozen = [str(workspace / "analytics.duckdb"), str(workspace)]
    if subprocess.run(["chattr", "+i", *frozen], capture_output=True).returncode != 0:
        pytest.skip("this file system cannot make files immutable")
    try:
        read = subprocess.run(
            [*MAIN, "--workspace", str(workspace), "coverage"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        write = subprocess.run(
            [*MAIN, "--workspace", str(workspace), "import", "police-uk", essex[0]],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        subprocess.run(["chattr", "-i", *frozen], check=True)
    assert read.returncode == 0, read.stderr
    assert "essex" in read.stdout and "2025-01 to 2025-02" in read.stdout
    assert write.returncode == 1
    assert "Traceback" not in write.stderr
    assert write.stderr.startswith("Error: ")
