"""A workspace: a directory holding the DuckDB analytics database (and, for later layers,
the records store and published reports). Created on first use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from policeplan.config import Settings
from policeplan.errors import ConfigurationError
from policeplan.store.schema import SCHEMA_VERSION, STATEMENTS

SYNTHETIC_LABEL = "synthetic demo data"


@dataclass(frozen=True)
class Workspace:
    """Handle on a workspace directory. Cheap to create; connections are opened per use."""

    settings: Settings

    @property
    def path(self) -> Path:
        return self.settings.workspace

    @classmethod
    def open(cls, settings: Settings) -> Workspace:
        """Open the workspace, creating the directory and tables on first use."""
        workspace = cls(settings)
        if workspace.path.exists() and not workspace.path.is_dir():
            raise ConfigurationError(f"workspace {workspace.path} exists and is not a directory")
        workspace.path.mkdir(parents=True, exist_ok=True)
        with workspace.connect() as con:
            for statement in STATEMENTS:
                con.execute(statement)
            con.execute(
                "INSERT OR IGNORE INTO workspace_info VALUES ('schema_version', ?)",
                [str(SCHEMA_VERSION)],
            )
        return workspace

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A DuckDB connection to the analytics database, closed on exit."""
        try:
            con = duckdb.connect(str(self.settings.analytics_path), read_only=read_only)
        except duckdb.IOException as exc:
            raise ConfigurationError(
                f"cannot open {self.settings.analytics_path}: {exc}. "
                "Is another policeplan command writing to this workspace?"
            ) from exc
        try:
            yield con
        finally:
            con.close()

    def label(self) -> str | None:
        """'synthetic demo data' for a demo workspace, else None; shown on every output."""
        with self.connect(read_only=True) as con:
            row = con.execute("SELECT value FROM workspace_info WHERE key = 'label'").fetchone()
        return None if row is None else str(row[0])

    def set_label(self, label: str) -> None:
        with self.connect() as con:
            con.execute("INSERT OR REPLACE INTO workspace_info VALUES ('label', ?)", [label])
