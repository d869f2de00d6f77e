"""The records engine for a workspace: SQLite in the workspace, or PostgreSQL when configured.

One engine per database URL per process, created on first use and brought up to the latest
schema by running the Alembic migrations (see `policeplan.records.migrate`).

SQLite is set up for several processes writing at once: write-ahead logging so readers do not
block the writer, a busy timeout so a writer waits for the lock instead of failing, and
`BEGIN IMMEDIATE` so a transaction takes the write lock before it reads what it will change
(otherwise two read-modify-write transactions could interleave).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import OperationalError

from policeplan.config import Settings
from policeplan.errors import ConfigurationError
from policeplan.records.migrate import upgrade

SQLITE_BUSY_TIMEOUT_SECONDS = 60

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def records_engine(settings: Settings) -> Engine:
    """The (cached) engine for the workspace's records store, migrated to the latest schema.

    >>> from policeplan.config import load_settings
    >>> import tempfile
    >>> engine = records_engine(load_settings(tempfile.mkdtemp(), {}))
    >>> engine.dialect.name
    'sqlite'
    """
    url = settings.records_url
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = create_records_engine(url)
            try:
                upgrade(engine)
            except OperationalError as exc:
                engine.dispose()
                raise ConfigurationError(
                    f"cannot open the records database {describe_url(url)}: {exc.orig}. "
                    "Check [database] url in policeplan.toml or $POLICEPLAN_DATABASE_URL, "
                    "and that the server is running."
                ) from exc
            _engines[url] = engine
    return engine


def create_records_engine(url: str) -> Engine:
    """A new engine for `url`, configured for safe concurrent writes; not migrated."""
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def dispose_engines() -> None:
    """Close every cached engine (tests, and before forking worker processes)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def describe_url(url: str) -> str:
    """The URL with any password hidden, fit for messages.

    >>> describe_url("postgresql+psycopg://pp:secret@db/plan")
    'postgresql+psycopg://pp:***@db/plan'
    """
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
