"""Where the records store lives and how it reports an unusable database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from policeplan.config import load_settings
from policeplan.errors import ConfigurationError
from policeplan.records import describe_url, dispose_engines, records_engine


def test_default_store_is_a_sqlite_file_in_the_workspace_in_wal_mode(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "ws", {})

    engine = records_engine(settings)
    with engine.connect() as connection:
        mode = connection.execute(text("PRAGMA journal_mode")).scalar()
    dispose_engines()

    assert (tmp_path / "ws" / "records.sqlite").is_file()
    assert mode == "wal"


def test_an_unreachable_postgres_server_is_a_configuration_error(tmp_path: Path) -> None:
    settings = load_settings(
        tmp_path, {}, database_url="postgresql://nobody:secret@127.0.0.1:1/plan"
    )

    with pytest.raises(ConfigurationError) as caught:
        records_engine(settings)

    assert "cannot open the records database" in str(caught.value)
    assert "secret" not in str(caught.value)


def test_urls_in_messages_hide_the_password() -> None:
    assert describe_url("postgresql+psycopg://pp:hunter2@db:5432/plan") == (
        "postgresql+psycopg://pp:***@db:5432/plan"
    )
