"""Migrations run up and down on SQLite and PostgreSQL, and match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from policeplan.config import Settings
from policeplan.records import (
    Base,
    current_revision,
    downgrade,
    head_revision,
    records_engine,
    upgrade,
)
from policeplan.records.engine import create_records_engine

TABLES = {
    "strands",
    "strand_priorities",
    "actions",
    "action_indicators",
    "quarterly_updates",
    "risks",
    "audit_log",
}


def test_opening_the_store_migrates_it_to_the_newest_revision(settings: Settings) -> None:
    engine = records_engine(settings)

    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= TABLES


def test_downgrade_to_base_removes_every_table_and_upgrade_restores_them(
    settings: Settings,
) -> None:
    engine = create_records_engine(settings.records_url)
    upgrade(engine)

    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert not TABLES & set(inspect(engine).get_table_names())

    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= TABLES
    engine.dispose()


def test_upgrading_an_up_to_date_store_changes_nothing(settings: Settings) -> None:
    engine = records_engine(settings)

    upgrade(engine)
    upgrade(engine)

    assert current_revision(engine) == head_revision()


def test_migrated_schema_matches_the_models(settings: Settings) -> None:
    engine = records_engine(settings)

    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)

    assert differences == []
