"""An import killed outright (SIGKILL: no cleanup at all) leaves only whole files behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policeplan.store import Workspace

pytestmark = [pytest.mark.realdata, pytest.mark.slow]

IMPORT = """
import sys
from policeplan.config import load_settings
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace
import_police_uk(Workspace.open(load_settings(sys.argv[1], {})), sys.argv[2:])
"""


def test_killed_import_keeps_every_partition_whole(workspace: Workspace, shared_data: Path) -> None:
    files = sorted(str(p) for p in (shared_data / "police_uk").rglob("2025-*-street.csv.gz"))
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(workspace.path), *files],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(4)  # long enough for some files to commit, far too short for all of them
    process.send_signal(signal.SIGKILL)
    process.wait()

    with workspace.connect(read_only=True) as con:
        partitions = con.execute(
            "SELECT force, month, rows_loaded FROM partitions ORDER BY ALL"
        ).fetchall()
        stored = con.execute(
            "SELECT force, month, count(*) FROM street_crimes GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    assert 0 < len(partitions) < len(files), "the kill should land mid-import"
    assert stored == partitions  # every committed file whole, nothing of the others
