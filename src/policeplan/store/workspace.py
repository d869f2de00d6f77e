"""A workspace: a directory holding the DuckDB analytics database (and, for later layers,
the records store and published reports). Created on first use.

DuckDB lets one process write a database file at a time. A command that finds the file
locked by another policeplan command waits for it (saying so once) up to `lock_wait`
seconds; read commands open the file read-only, so a workspace whose files cannot be
written (a read-only copy, another user's folder) can still be read.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from policeplan.config import Settings
from policeplan.errors import ConfigurationError
from policeplan.store.schema import SCHEMA_VERSION, STATEMENTS

SYNTHETIC_LABEL = "synthetic demo data"

# How long a command waits for another one writing to the same workspace (an import of
# years of national data can take minutes; the message says Ctrl-C stops waiting).
LOCK_WAIT_SECONDS = 120.0
_RETRY_SECONDS = 0.2


def _say_on_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Workspace:
    """Handle on a workspace directory. Cheap to create; connections are opened per use."""

    settings: Settings
    lock_wait: float = field(default=LOCK_WAIT_SECONDS, compare=False)
    on_wait: Callable[[str], None] = field(default=_say_on_stderr, compare=False, repr=False)
    # The label, read once per handle: it is set only when a demo workspace is built.
    _label: list[str | None] = field(default_factory=list, compare=False, repr=False)

    @property
    def path(self) -> Path:
        return self.settings.workspace

    @classmethod
    def open(cls, settings: Settings, lock_wait: float = LOCK_WAIT_SECONDS) -> Workspace:
        """Open the workspace, creating the directory and tables on first use. A workspace
        whose tables are current is only read here, never written."""
        workspace = cls(settings, lock_wait=lock_wait)
        if workspace.path.exists() and not workspace.path.is_dir():
            raise ConfigurationError(f"workspace {workspace.path} exists and is not a directory")
        if settings.analytics_path.exists() and workspace._schema_is_current():
            return workspace
        workspace.path.mkdir(parents=True, exist_ok=True)
        try:
            with workspace.connect() as con:
                for statement in STATEMENTS:
                    con.execute(statement)
                con.execute(
                    "INSERT OR REPLACE INTO workspace_info VALUES ('schema_version', ?)",
                    [str(SCHEMA_VERSION)],
                )
        except ConfigurationError:
            if not settings.analytics_path.exists():
                raise
            # An older workspace that cannot be written: readable, but not upgraded.
        return workspace

    def _schema_is_current(self) -> bool:
        with self.connect(read_only=True) as con:
            try:
                row = con.execute(
                    "SELECT value FROM workspace_info WHERE key = 'schema_version'"
                ).fetchone()
            except duckdb.CatalogException:
                return False
        return row is not None and row[0] == str(SCHEMA_VERSION)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A DuckDB connection to the analytics database, closed on exit; waits (up to
        `lock_wait` seconds) while another process writes to it."""
        con = self._connect_waiting(read_only)
        try:
            yield con
        finally:
            con.close()

    def _connect_waiting(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        path = self.settings.analytics_path
        deadline = time.monotonic() + self.lock_wait
        said = False
        while True:
            try:
                return duckdb.connect(str(path), read_only=read_only)
            except duckdb.IOException as exc:
                if not _is_lock_conflict(exc) or time.monotonic() >= deadline:
                    raise ConfigurationError(_cannot_open(path, exc, read_only)) from exc
                if not said:
                    self.on_wait(
                        f"Waiting for another policeplan command writing to {self.path} "
                        f"(up to {self.lock_wait:.0f} s; Ctrl-C stops waiting)…"
                    )
                    said = True
                time.sleep(_RETRY_SECONDS)

    def compact(self) -> None:
        """Write pending changes into the database file and reuse the space freed by
        replaced rows (DuckDB's CHECKPOINT), so re-imports do not grow the file."""
        with self.connect() as con:
            con.execute("CHECKPOINT")

    def label(self) -> str | None:
        """'synthetic demo data' for a demo workspace, else None; shown on every output.
        Read once per handle (a report asks for it dozens of times)."""
        if not self._label:
            with self.connect(read_only=True) as con:
                row = con.execute("SELECT value FROM workspace_info WHERE key = 'label'").fetchone()
            self._label.append(None if row is None else str(row[0]))
        return self._label[0]

    def is_demo(self) -> bool:
        """Whether this workspace was built by `policeplan demo` (synthetic data only)."""
        return self.label() == SYNTHETIC_LABEL

    def set_label(self, label: str) -> None:
        with self.connect() as con:
            con.execute("INSERT OR REPLACE INTO workspace_info VALUES ('label', ?)", [label])
        self._label[:] = [label]


def _is_lock_conflict(exc: duckdb.IOException) -> bool:
    message = str(exc).lower()
    return "could not set lock" in message or "conflicting lock" in message


def _cannot_open(path: Path, exc: duckdb.IOException, read_only: bool) -> str:
    first = str(exc).splitlines()[0]
    if _is_lock_conflict(exc):
        return (
            f"cannot open {path}: another policeplan command is still writing to it "
            "(waited for it, then gave up); try again when it has finished"
        )
    if not read_only and any(
        sign in first.lower() for sign in ("permission", "not permitted", "read-only")
    ):
        return f"cannot write to {path}: the workspace is read-only ({first})"
    return f"cannot open {path}: {first}"
