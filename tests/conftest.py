"""Fixtures shared by every test: the real data folder and fresh workspaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.config import Settings, load_settings
from policeplan.store import Workspace

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
TEST_DATA = REPO / "tests" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data beside the repository (real police.uk files); skip when absent."""
    if not (SHARED_DATA / "police_uk").is_dir():
        pytest.skip("../shared/data is not beside the repository")
    return SHARED_DATA


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "workspace", {})


@pytest.fixture
def workspace(settings: Settings) -> Workspace:
    return Workspace.open(settings)
