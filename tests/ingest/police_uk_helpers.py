"""Independent ways to count and fingerprint what an import should load."""

from __future__ import annotations

import gzip
from pathlib import Path

from policeplan.store import Workspace


def data_lines(path: Path) -> list[str]:
    """The file's lines after the header, blank lines dropped, read with the stdlib only."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as text:
        lines = text.read().splitlines()
    return [line for line in lines[1:] if line != ""]


def fingerprint(workspace: Workspace) -> dict[str, object]:
    """Everything an import writes, reduced to comparable values."""
    with workspace.connect(read_only=True) as con:
        return {
            table: con.execute(f"SELECT count(*), sum(hash(COLUMNS(*))) FROM {table}").fetchall()
            for table in ("street_crimes", "outcomes", "stop_and_search", "partitions", "rejects")
        }
