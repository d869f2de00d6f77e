"""Fixtures shared by the records-store and delivery tests: a records store on SQLite and,
when a server is available (POLICEPLAN_TEST_POSTGRES_URL), on PostgreSQL in a throw-away
schema. Each of those folders' conftest.py imports them."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from policeplan.config import Settings, load_settings
from policeplan.records import dispose_engines

POSTGRES_URL = os.environ.get("POLICEPLAN_TEST_POSTGRES_URL")
DATA = Path(__file__).parent / "data" / "delivery"


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections work in a new, empty schema; the schema is dropped after."""
    assert POSTGRES_URL is not None
    base = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        url = base.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        dispose_engines()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Settings for an empty workspace, once per records engine."""
    if request.param == "sqlite":
        yield load_settings(tmp_path / "workspace", {})
        dispose_engines()
        return
    if not POSTGRES_URL:
        pytest.skip("set POLICEPLAN_TEST_POSTGRES_URL (see .ci/start-postgres.sh)")
    with postgres_schema() as url:
        yield load_settings(tmp_path / "workspace", {}, database_url=url)


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Iterator[Settings]:
    """Settings for an empty SQLite workspace (for tests that need no second engine)."""
    yield load_settings(tmp_path / "workspace", {})
    dispose_engines()


class TickingClock:
    """A clock for tests: starts at `start` and moves one second per reading."""

    def __init__(self, start: datetime = datetime(2021, 7, 5, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock()
