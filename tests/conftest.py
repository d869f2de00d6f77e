"""Fixtures shared by every test: the real data folder, the real sample imported once per
session, and fresh workspaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.config import Settings, load_settings
from policeplan.ingest.police_uk import ImportSummary, import_police_uk
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


@pytest.fixture(scope="session")
def real_sample(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Workspace, ImportSummary]:
    """One workspace holding every real police.uk file of ../shared/data, imported once per
    test session, and what the import said. Tests read it; none may change it."""
    workspace = Workspace.open(load_settings(tmp_path_factory.mktemp("real-sample") / "w", {}))
    files = sorted((shared_data / "police_uk").rglob("*.csv.gz"))
    return workspace, import_police_uk(workspace, files)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "workspace", {})


@pytest.fixture
def workspace(settings: Settings) -> Workspace:
    return Workspace.open(settings)


# Fixtures whose first use takes more than a few seconds: every test using one is `slow`,
# so `pytest -m "not slow"` gives a quick run.
SLOW_FIXTURES = frozenset({"real_sample", "card_workspace"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
