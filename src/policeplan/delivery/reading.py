"""Reading delivery records back: one action with its history, actions by status.

>>> from policeplan.config import load_settings
>>> from policeplan.store import Workspace
>>> from policeplan.delivery.strands import add_strand
>>> from policeplan.delivery.actions import add_action, link_indicator
>>> import tempfile
>>> workspace = Workspace(load_settings(tempfile.mkdtemp(), {}))
>>> _ = add_strand(workspace, code="DA", name="Domestic Abuse", lead="Supt", actor="a")
>>> _ = add_action(workspace, ref="DA-1", strand="DA", title="DARA", actor="a")
>>> _ = link_indicator(workspace, "DA-1", "domestic-abuse", actor="b")
>>> [(e.entity, e.field, e.new_value) for e in action_history(workspace, "DA-1").history][-2:]
[('action indicator', 'indicator', 'domestic-abuse'), ('action indicator', 'linked', 'true')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select

from policeplan.delivery._lookup import find_action, find_strand
from policeplan.delivery.actions import ActionRecord, action_record
from policeplan.delivery.audit import AuditRecord, audit_records
from policeplan.delivery.statuses import AT_RISK, normalise_status
from policeplan.records import Action, ActionIndicator, AuditEntry, Strand, transaction
from policeplan.store import Workspace


@dataclass(frozen=True)
class ActionHistory:
    """An action's fields now, and every audited change to it and its indicator links."""

    action: ActionRecord
    history: tuple[AuditRecord, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.action.to_dict(), "history": [e.to_dict() for e in self.history]}


def action_history(workspace: Workspace, ref: str) -> ActionHistory:
    """Action `ref` (any case) and its audit history, oldest first; RecordsError if unknown."""
    with transaction(workspace.settings) as session:
        action = find_action(session, ref)
        link_ids = [link.id for link in action.indicators]
        query = (
            select(AuditEntry)
            .where(
                or_(
                    and_(AuditEntry.entity == "action", AuditEntry.entity_id == action.id),
                    and_(
                        AuditEntry.entity == ActionIndicator.audit_entity,
                        AuditEntry.entity_id.in_(link_ids),
                    ),
                )
            )
            .order_by(AuditEntry.id)
        )
        return ActionHistory(action_record(action), tuple(audit_records(session, query)))


def find_actions(
    workspace: Workspace, *, strand: str | None = None, status: str | None = None
) -> list[ActionRecord]:
    """Actions, of one strand and/or one status (`at risk` = ongoing and flagged), strands in
    order, then by id; InputError names an unknown status."""
    wanted = None if status is None else normalise_status(status, allow_at_risk=True)
    with transaction(workspace.settings) as session:
        query = select(Action).join(Action.strand).order_by(Strand.id, Action.id)
        if strand is not None:
            query = query.where(Action.strand_id == find_strand(session, strand).id)
        if wanted == AT_RISK:
            query = query.where(Action.status == "ongoing", Action.at_risk.is_(True))
        elif wanted is not None:
            query = query.where(Action.status == wanted)
        return [action_record(a) for a in session.scalars(query)]
