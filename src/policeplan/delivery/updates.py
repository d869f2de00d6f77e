"""Quarterly updates per strand: delivery achieved, delivery scheduled, insight commentary.

An update moves draft -> submitted -> approved. Only a draft can be edited; a submitted
update can be returned to draft for changes; an approved update is final.

    >>> from policeplan.config import load_settings
    >>> from policeplan.store import Workspace
    >>> from policeplan.delivery.strands import add_strand
    >>> import tempfile
    >>> workspace = Workspace(load_settings(tempfile.mkdtemp(), {}))
    >>> _ = add_strand(workspace, code="DA", name="Domestic Abuse", lead="Ch Supt", actor="a")
    >>> _ = save_update(workspace, "DA", "2021-22Q2", achieved="Training refreshed", actor="lead")
    >>> _ = submit_update(workspace, "DA", "2021-22Q2", actor="lead")
    >>> approve_update(workspace, "DA", "2021-22Q2", actor="panel").state
    'approved'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from policeplan.delivery._lookup import find_strand, find_update
from policeplan.delivery.quarters import Quarter
from policeplan.delivery.workflow import check_editable, check_transition
from policeplan.errors import InputError, RecordsError
from policeplan.records import Clock, QuarterlyUpdate, Strand, transaction, utc_now
from policeplan.store import Workspace


@dataclass(frozen=True)
class UpdateRecord:
    strand: str
    quarter: str
    quarter_label: str
    achieved: str
    scheduled: str
    insight: str
    state: str

    def to_dict(self) -> dict[str, Any]:
        """The quarterly update as JSON, one key per field."""
        return asdict(self)


def _record(update: QuarterlyUpdate) -> UpdateRecord:
    quarter = Quarter.parse(update.quarter)
    return UpdateRecord(
        strand=update.strand.code,
        quarter=quarter.key,
        quarter_label=quarter.described(),
        achieved=update.achieved,
        scheduled=update.scheduled,
        insight=update.insight,
        state=update.state,
    )


def save_update(
    workspace: Workspace,
    strand: str,
    quarter: str,
    *,
    achieved: str | None = None,
    scheduled: str | None = None,
    insight: str | None = None,
    actor: str,
    clock: Clock = utc_now,
) -> UpdateRecord:
    """Create or edit the draft update of a strand for a quarter; None leaves a part alone.

    At least one part must be given: saving nothing is refused, not a silent no-op.
    """
    if achieved is None and scheduled is None and insight is None:
        raise InputError(
            "an update needs text for at least one of: achieved, scheduled, insight",
            field="achieved",
        )
    key = Quarter.parse(quarter).key
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        row = find_strand(session, strand)
        update = find_update(session, row, key, for_update=True)
        if update is None:
            update = QuarterlyUpdate(strand=row, quarter=key, achieved="", scheduled="", insight="")
            session.add(update)
        else:
            check_editable(f"the {key} update for {row.code}", update.state)
        for part, text in (("achieved", achieved), ("scheduled", scheduled), ("insight", insight)):
            if text is not None:
                setattr(update, part, text.strip())
        session.flush()
        return _record(update)


def _move(
    workspace: Workspace,
    strand: str,
    quarter: str,
    state: str,
    actor: str,
    clock: Clock,
    reason: str | None = None,
) -> UpdateRecord:
    key = Quarter.parse(quarter).key
    with transaction(workspace.settings, actor=actor, clock=clock, reason=reason) as session:
        row = find_strand(session, strand)
        update = find_update(session, row, key, for_update=True)
        if update is None:
            raise RecordsError(f"{row.code} has no update for {key}; save a draft first")
        check_transition(f"the {key} update for {row.code}", update.state, state)
        update.state = state
        session.flush()
        return _record(update)


def submit_update(
    workspace: Workspace, strand: str, quarter: str, *, actor: str, clock: Clock = utc_now
) -> UpdateRecord:
    """Submit a draft update for approval."""
    return _move(workspace, strand, quarter, "submitted", actor, clock)


def approve_update(
    workspace: Workspace, strand: str, quarter: str, *, actor: str, clock: Clock = utc_now
) -> UpdateRecord:
    """Approve a submitted update; it can no longer change."""
    return _move(workspace, strand, quarter, "approved", actor, clock)


def return_update(
    workspace: Workspace,
    strand: str,
    quarter: str,
    *,
    reason: str,
    actor: str,
    clock: Clock = utc_now,
) -> UpdateRecord:
    """Send a submitted update back to draft, saying why."""
    return _move(workspace, strand, quarter, "draft", actor, clock, reason=reason)


def get_update(workspace: Workspace, strand: str, quarter: str) -> UpdateRecord | None:
    with transaction(workspace.settings) as session:
        update = find_update(session, find_strand(session, strand), Quarter.parse(quarter).key)
        return None if update is None else _record(update)


def list_updates(workspace: Workspace, quarter: str) -> list[UpdateRecord]:
    """Every strand's update for a quarter, in strand order."""
    key = Quarter.parse(quarter).key
    with transaction(workspace.settings) as session:
        query = (
            select(QuarterlyUpdate)
            .join(QuarterlyUpdate.strand)
            .where(QuarterlyUpdate.quarter == key)
            .order_by(Strand.id)
        )
        return [_record(u) for u in session.scalars(query)]
