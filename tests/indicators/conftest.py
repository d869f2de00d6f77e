"""A workspace holding the real 2024 and 2025 police.uk files, shared by indicator tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.config import load_settings
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace


@pytest.fixture(scope="session")
def real_workspace(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    workspace = Workspace.open(load_settings(tmp_path_factory.mktemp("indicators") / "w", {}))
    files = sorted(
        path
        for path in (shared_data / "police_uk").rglob("*.csv.gz")
        if path.name.startswith(("2024-", "2025-"))
    )
    summary = import_police_uk(workspace, files)
    assert summary.rows_rejected == 0
    return workspace
