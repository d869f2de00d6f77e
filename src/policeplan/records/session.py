"""Transactions on the records store, and the audit trail every change leaves behind.

`transaction(settings, actor=…)` is the one way library code changes records. Each flush
writes one audit-log row per changed field — who (`actor`), when (the injected clock, UTC),
what (entity, id, field), old and new value — in the same database transaction as the
change itself, so a change and its audit entry are committed or lost together.

    >>> from policeplan.config import load_settings
    >>> import tempfile
    >>> settings = load_settings(tempfile.mkdtemp(), {})
    >>> from sqlalchemy import select
    >>> from policeplan.records.models import Strand
    >>> with transaction(settings, actor="analyst") as session:
    ...     session.add(Strand(code="DA", name="Domestic Abuse", lead="Ch Supt A"))
    >>> with transaction(settings) as session:
    ...     [entry.new_value for entry in session.scalars(select(AuditEntry))]
    ['DA', 'Domestic Abuse', 'Ch Supt A', '']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.exc import StaleDataError

from policeplan.config import Settings
from policeplan.errors import RecordsError
from policeplan.records.engine import records_engine
from policeplan.records.models import Audited, AuditEntry

__all__ = ["Clock", "RecordsSession", "audit_text", "transaction", "utc_now"]

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The default clock: now, in UTC."""
    return datetime.now(UTC)


class RecordsSession(Session):
    """A Session whose flushes are audited; `info` holds the actor, clock and reason."""


@contextmanager
def transaction(
    settings: Settings,
    *,
    actor: str | None = None,
    clock: Clock = utc_now,
    reason: str | None = None,
) -> Iterator[RecordsSession]:
    """One database transaction on the workspace's records store, committed on success.

    Reads need no actor; any change made without one is refused. Database-level refusals
    (a unique name taken, a concurrent writer, a locked file) become `RecordsError`.
    """
    engine = records_engine(settings)
    info = {"actor": actor, "clock": clock, "reason": reason}
    try:
        with (
            RecordsSession(engine, info=info, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session
    except StaleDataError as exc:
        raise RecordsError(
            "another user changed this record at the same time; nothing was saved, try again"
        ) from exc
    except DBAPIError as exc:
        # Unique names, check constraints, the no-delete triggers, a lock held too long.
        first_line = str(exc.orig).strip().splitlines()[0]
        raise RecordsError(f"the records database refused the change: {first_line}") from exc


def audit_text(value: Any) -> str | None:
    """How a field value is written in the audit log.

    >>> [audit_text(v) for v in (None, True, 3, "ongoing", date(2021, 9, 30))]
    [None, 'true', '3', 'ongoing', '2021-09-30']
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


@event.listens_for(RecordsSession, "before_flush")
def _refuse_deletes(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    for obj in session.deleted:
        if isinstance(obj, Audited | AuditEntry):
            raise RecordsError(
                f"{type(obj).__name__} records are never deleted: "
                "drop an action, close a risk or unlink instead"
            )


@event.listens_for(RecordsSession, "after_flush")
def _write_audit_entries(session: Session, _context: UOWTransaction) -> None:
    # History is still intact in after_flush, and new rows already have their ids.
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, Audited):
            rows.extend(
                _entry(obj, "create", field, None, value)
                for field, value in obj.audited_values().items()
                if value is not None
            )
    for obj in session.dirty:
        if isinstance(obj, Audited):
            rows.extend(_updates(obj))
    if not rows:
        return
    actor = session.info.get("actor")
    if not actor:
        raise RecordsError("a change to the records needs an actor (who made it)")
    at = session.info["clock"]()
    for row in rows:
        row.update(actor=actor, at=at, reason=session.info.get("reason"))
    session.execute(insert(AuditEntry), rows)


def _updates(obj: Audited) -> Iterator[dict[str, Any]]:
    state = inspect(obj)
    for field in obj.audited_values():
        history = state.attrs[field].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            yield _entry(obj, "update", field, old, new)


def _entry(obj: Audited, operation: str, field: str, old: Any, new: Any) -> dict[str, Any]:
    return {
        "operation": operation,
        "entity": obj.audit_entity,
        "entity_id": obj.id,
        "entity_ref": obj.audit_ref,
        "field": field,
        "old_value": audit_text(old),
        "new_value": audit_text(new),
    }
