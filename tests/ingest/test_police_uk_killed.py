"""An import killed outright (SIGKILL: no cleanup at all) leaves only whole files behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policeplan.config import load_settings
from policeplan.store import Workspace

pytestmark = [pytest.mark.realdata, pytest.mark.slow]

IMPORT = """
import sys
from policeplan.config import load_settings
from policeplan.ingest.police_uk import import_police_uk
from policeplan.config import load_settings
from policeplan.store import Workspace
import_police_uk(Workspace.open(load_settings(sys.argv[1], {})), sys.argv[2:])
"""


def kill_import_after(seconds: float, workspace: Workspace, files: list[str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(workspace.path), *files],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_killed_import_keeps_every_partition_whole(tmp_path: Path, shared_data: Path) -> None:
    files = sorted(str(p) for p in (shared_data / "police_uk").rglob("2025-*-street.csv.gz"))
    landed_mid_import = False
    # The kill must land after some chunk committed and before the last: try a few delays
    # (machines differ in speed); every attempt must leave only whole partitions.
    for attempt, seconds in enumerate((5.0, 10.0, 2.5, 15.0)):
        workspace = Workspace.open(load_settings(tmp_path / f"w{attempt}", {}))
        kill_import_after(seconds, workspace, files)
        with workspace.connect(read_only=True) as con:
            partitions = con.execute(
                "SELECT force, month, rows_loaded FROM partitions ORDER BY ALL"
            ).fetchall()
            stored = con.execute(
                "SELECT force, month, count(*) FROM street_crimes GROUP BY ALL ORDER BY ALL"
            ).fetchall()
        assert stored == partitions  # every committed file whole, nothing of the others
        if 0 < len(partitions) < len(files):
            landed_mid_import = True
            break
    assert landed_mid_import, "no kill landed between the first and the last commit"
