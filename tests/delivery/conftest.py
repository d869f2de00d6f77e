"""Records-store fixtures (see tests/records_store.py), and the workspace handle that the
delivery functions take."""

from collections.abc import Iterator

import pytest

from policeplan.config import Settings
from policeplan.store import Workspace
from tests.records_store import DATA, clock, settings, sqlite_settings

__all__ = ["DATA", "clock", "settings", "sqlite_settings", "sqlite_workspace", "workspace"]


@pytest.fixture
def workspace(settings: Settings) -> Iterator[Workspace]:
    """A workspace on each records engine (its analytics database is never opened)."""
    yield Workspace(settings)


@pytest.fixture
def sqlite_workspace(sqlite_settings: Settings) -> Iterator[Workspace]:
    yield Workspace(sqlite_settings)
