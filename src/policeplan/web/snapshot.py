"""The analytics data the server reads: a private copy of the workspace's DuckDB file.

DuckDB lets one process write a database file, and while it does no other process can open
the file, not even read-only. An import (`policeplan import …`) is such a writer and can run
for minutes. So the server never opens the workspace's `analytics.duckdb`: it reads a copy,
`<workspace>/.web/<fingerprint>/analytics.duckdb` (with a copy of `plan.yaml`), and swaps
in a new copy only when

1. the file's (or the plan's) size and modification time changed since the copy was made,
2. no write-ahead log (`analytics.duckdb.wal`) is beside it (a writer is active or died), and
3. the size and time are the same after copying as before (no write during the copy),

and the copy opens. An import is one transaction per partition, so the file between
checkpoints is a committed state: pages show the data before the import until it has
finished, then the data after it, never a partial month, and never a lock error. Copying
takes no lock, so the server never makes an import wait or fail.

`version` (the source file's fingerprint) keys the result cache: a new copy, new results.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from policeplan.config import Settings
from policeplan.store import Workspace

__all__ = ["DataSnapshot", "SnapshotState"]

CHECK_INTERVAL_SECONDS = 1.0
MIN_COPY_INTERVAL_SECONDS = 30.0
SNAPSHOT_DIR = ".web"
PLAN_FILE = "plan.yaml"


@dataclass(frozen=True)
class SnapshotState:
    """A usable copy: the Workspace that reads it and the fingerprint it was made from."""

    workspace: Workspace
    version: str


class DataSnapshot:
    """Holds the current copy; `current()` checks (at most once a second) for a newer file."""

    def __init__(
        self,
        settings: Settings,
        *,
        check_interval: float = CHECK_INTERVAL_SECONDS,
        min_copy_interval: float = MIN_COPY_INTERVAL_SECONDS,
        prepare: Callable[[SnapshotState], None] | None = None,
    ):
        self.settings = settings
        self.check_interval = check_interval
        # A long import loop would otherwise have the server copy the database non-stop.
        self.min_copy_interval = min_copy_interval
        self._copied_at = -float("inf")
        # Called with a new copy before it replaces the old one (the app warms its cache).
        self.prepare = prepare
        self._lock = threading.Lock()
        self._refreshing = threading.Lock()
        self._checked_at = 0.0
        self._state: SnapshotState | None = None
        self.directory = settings.workspace / SNAPSHOT_DIR
        self.refresh()

    def current(self) -> SnapshotState:
        """The newest consistent copy; a newer one is looked for in the background, so no
        request waits for a copy (except the very first, when there is none yet)."""
        now = time.monotonic()
        if self._state is None:
            self.refresh()
        elif now - self._checked_at >= self.check_interval and not self._refreshing.locked():
            self._checked_at = now
            threading.Thread(target=self.refresh, daemon=True).start()
        state = self._state
        if state is None:
            raise RuntimeError("no analytics data yet: run an import, then reload the page")
        return state

    def refresh(self) -> bool:
        """Copy the workspace's file if it changed and is quiet; True when a new copy is in."""
        source = self.settings.analytics_path
        fingerprint = _fingerprint(source)
        if fingerprint is None or (self._state and self._state.version == fingerprint):
            return False
        if source.with_name(source.name + ".wal").exists():
            return False  # a writer is at work: keep serving the last copy
        if self._state is not None and (
            time.monotonic() - self._copied_at < self.min_copy_interval
        ):
            return False
        if not self._refreshing.acquire(blocking=False):
            return False  # another request is copying
        try:
            return self._copy(source, fingerprint)
        finally:
            self._refreshing.release()

    def _copy(self, source: Path, fingerprint: str) -> bool:
        copy_dir = self.directory / fingerprint
        copy_dir.mkdir(parents=True, exist_ok=True)
        partial = copy_dir / "analytics.duckdb.partial"
        shutil.copyfile(source, partial)
        plan = self.settings.workspace / PLAN_FILE
        if plan.is_file():
            shutil.copyfile(plan, copy_dir / PLAN_FILE)
        if _fingerprint(source) != fingerprint:
            shutil.rmtree(copy_dir, ignore_errors=True)
            return False  # written to while copying: try again later
        try:
            duckdb.connect(str(partial), read_only=True).close()
        except duckdb.Error:
            shutil.rmtree(copy_dir, ignore_errors=True)
            return False
        partial.replace(copy_dir / "analytics.duckdb")
        settings = replace(
            self.settings, workspace=copy_dir, database_url=self.settings.records_url
        )
        new = SnapshotState(Workspace(settings), fingerprint)
        if self.prepare is not None and self._state is not None:
            self.prepare(new)
        with self._lock:
            old = self._state
            self._state = new
            self._copied_at = time.monotonic()
        if old is not None:
            _remove_later(old.workspace.path)
        return True


def _fingerprint(path: Path) -> str | None:
    """Size and time of the analytics file and of the plan beside it."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    plan = path.with_name(PLAN_FILE)
    plan_time = plan.stat().st_mtime_ns if plan.is_file() else 0
    return f"{stat.st_size:x}-{stat.st_mtime_ns:x}-{plan_time:x}"


def _remove_later(folder: Path) -> None:
    """Delete an old copy a minute later, once requests still reading it have finished."""

    def remove() -> None:
        time.sleep(60)
        shutil.rmtree(folder, ignore_errors=True)

    threading.Thread(target=remove, daemon=True).start()
