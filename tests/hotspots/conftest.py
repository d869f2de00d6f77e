"""A workspace holding the real Essex 2025 police.uk street files (12 consecutive months)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.config import load_settings
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace


@pytest.fixture(scope="session")
def essex_2025(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    workspace = Workspace.open(load_settings(tmp_path_factory.mktemp("hotspots") / "w", {}))
    files = sorted((shared_data / "police_uk/essex").glob("2025-*-essex-street.csv.gz"))
    assert len(files) == 12
    summary = import_police_uk(workspace, files)
    assert summary.rows_rejected == 0
    return workspace
