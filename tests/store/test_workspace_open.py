"""Opening a workspace: an older one is upgraded, a current one is only read, and a command
waits (with one message) for another process writing to it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from policeplan.config import Settings
from policeplan.errors import ConfigurationError
from policeplan.store import Workspace
from policeplan.store.schema import SCHEMA_VERSION


def test_an_older_workspace_gets_the_history_tables(settings: Settings) -> None:
    workspace = Workspace.open(settings)
    with workspace.connect() as con:
        con.execute("DROP TABLE import_history")
        con.execute("UPDATE workspace_info SET value = '1' WHERE key = 'schema_version'")

    Workspace.open(settings)

    with workspace.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM import_history").fetchone() == (0,)
        version = con.execute("SELECT value FROM workspace_info WHERE key = 'schema_version'")
        assert version.fetchone() == (str(SCHEMA_VERSION),)


def test_a_current_workspace_is_opened_without_writing(settings: Settings) -> None:
    Workspace.open(settings)
    database = settings.analytics_path
    before = database.stat().st_mtime_ns, database.stat().st_size
    time.sleep(0.05)

    Workspace.open(settings).label()

    assert (database.stat().st_mtime_ns, database.stat().st_size) == before


HOLD_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.mark.slow
def test_a_locked_workspace_is_waited_for_then_read(settings: Settings) -> None:
    Workspace.open(settings)
    holder = _hold_lock(settings.analytics_path, seconds=1.5)
    said: list[str] = []
    workspace = Workspace(settings, lock_wait=30, on_wait=said.append)

    with workspace.connect(read_only=True) as con:
        assert con.execute("SELECT 1").fetchone() == (1,)

    holder.communicate(timeout=30)
    assert len(said) == 1 and said[0].startswith("Waiting for another policeplan command")


@pytest.mark.slow
def test_waiting_gives_up_after_the_timeout_with_one_line(settings: Settings) -> None:
    Workspace.open(settings)
    holder = _hold_lock(settings.analytics_path, seconds=5)
    workspace = Workspace(settings, lock_wait=0.5, on_wait=lambda message: None)

    refused = pytest.raises(ConfigurationError, match="another policeplan command is still writing")
    with refused, workspace.connect(read_only=True):
        pass
    holder.kill()
    holder.communicate(timeout=30)


def _hold_lock(database: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(database), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder
