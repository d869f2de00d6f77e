"""The records store keeps every change: no deletes, an append-only audit log, no lost updates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from policeplan.config import Settings
from policeplan.errors import RecordsError
from policeplan.records import Action, AuditEntry, Strand, transaction


def _add_strand(settings: Settings) -> None:
    with transaction(settings, actor="analyst") as session:
        session.add(Strand(code="HC", name="Hate Crime", lead="Supt Richard Melton"))


def test_a_change_without_an_actor_is_refused(settings: Settings) -> None:
    with pytest.raises(RecordsError, match="needs an actor"), transaction(settings) as session:
        session.add(Strand(code="HC", name="Hate Crime", lead="Supt"))

    with transaction(settings) as session:
        assert session.scalars(select(Strand)).all() == []


def test_the_database_refuses_to_delete_a_strand_even_by_sql(settings: Settings) -> None:
    _add_strand(settings)

    with pytest.raises(RecordsError, match="never deleted"), transaction(settings) as session:
        session.execute(text("DELETE FROM strands"))

    with transaction(settings) as session:
        assert len(session.scalars(select(Strand)).all()) == 1


def test_the_database_refuses_to_rewrite_the_audit_log(settings: Settings) -> None:
    _add_strand(settings)

    with pytest.raises(RecordsError, match="append-only"), transaction(settings) as session:
        session.execute(text("UPDATE audit_log SET actor = 'someone else'"))

    with transaction(settings) as session:
        assert {e.actor for e in session.scalars(select(AuditEntry))} == {"analyst"}


def test_deleting_through_the_session_is_refused(settings: Settings) -> None:
    _add_strand(settings)

    with (
        pytest.raises(RecordsError, match="never deleted"),
        transaction(settings, actor="analyst") as session,
    ):
        session.delete(session.scalars(select(Strand)).one())


def test_a_write_based_on_a_stale_read_is_refused(settings: Settings) -> None:
    _add_strand(settings)
    with transaction(settings, actor="analyst") as session:
        strand = session.scalars(select(Strand)).one()
        session.add(Action(ref="HC-1", strand=strand, title="Template", status="ongoing"))
    with transaction(settings) as session:
        stale = session.scalars(select(Action)).one()
    with transaction(settings, actor="first") as session:
        session.scalars(select(Action)).one().owner = "Supt A"

    with (
        pytest.raises(RecordsError, match="same time"),
        transaction(settings, actor="second") as session,
    ):
        stale_copy = session.merge(stale, load=False)
        stale_copy.owner = "Supt B"

    with transaction(settings) as session:
        assert session.scalars(select(Action)).one().owner == "Supt A"


def test_audit_times_are_stored_in_utc_whatever_zone_the_clock_uses(settings: Settings) -> None:
    british_summer_time = timezone(timedelta(hours=1))
    at = datetime(2021, 9, 30, 13, 0, tzinfo=british_summer_time)

    with transaction(settings, actor="analyst", clock=lambda: at) as session:
        session.add(Strand(code="HC", name="Hate Crime", lead="Supt"))

    with transaction(settings) as session:
        stamps = {e.at for e in session.scalars(select(AuditEntry))}
    assert stamps == {datetime(2021, 9, 30, 12, 0, tzinfo=UTC)}
