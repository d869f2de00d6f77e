"""Reading the audit log: every change to the delivery records, oldest first.

>>> from policeplan.config import load_settings
>>> from policeplan.store import Workspace
>>> from policeplan.delivery.strands import add_strand, set_strand_lead
>>> import tempfile
>>> workspace = Workspace(load_settings(tempfile.mkdtemp(), {}))
>>> _ = add_strand(workspace, code="HC", name="Hate Crime", lead="Supt A", actor="analyst")
>>> _ = set_strand_lead(workspace, "HC", "Supt B", actor="pcc office")
>>> [(e.actor, e.field, e.old_value, e.new_value) for e in audit_trail(workspace, ref="HC")][-1]
('pcc office', 'lead', 'Supt A', 'Supt B')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from policeplan.errors import InputError
from policeplan.records import Action, Audited, AuditEntry, Strand, transaction
from policeplan.store import Workspace

# Fields holding another record's internal id, and how a reader knows that record.
_ID_FIELDS = {"strand_id": "strand", "action_id": "action"}


@dataclass(frozen=True)
class AuditRecord:
    """One changed field. `old_label`/`new_label` are the values as a reader knows them
    (a strand's code, an action's ref) where the stored value is an internal id."""

    at: datetime
    actor: str
    operation: str
    entity: str
    ref: str
    field: str
    old_value: str | None
    new_value: str | None
    reason: str | None
    old_label: str | None = None
    new_label: str | None = None

    @property
    def field_label(self) -> str:
        """The field as a reader knows it: `strand` for `strand_id`."""
        return _ID_FIELDS.get(self.field, self.field)

    def to_dict(self) -> dict[str, str | None]:
        return {
            "at": self.at.isoformat(),
            "actor": self.actor,
            "operation": self.operation,
            "entity": self.entity,
            "ref": self.ref,
            "field": self.field,
            "old": self.old_value,
            "new": self.new_value,
            "reason": self.reason,
        }


def audited_entities() -> tuple[str, ...]:
    """Every kind of record the audit log holds (`action`, `quarterly update`…), sorted."""
    found: set[str] = set()
    pending = list(Audited.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if "audit_entity" in vars(cls):
            found.add(cls.audit_entity)
    return tuple(sorted(found))


def _entity(text: str) -> str:
    """The kind of record `text` names (any case; `-` or `_` for spaces); InputError if none."""
    wanted = " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
    known = audited_entities()
    if wanted not in known:
        raise InputError(
            f"{text!r} is not a kind of record; use one of: {', '.join(known)}", field="entity"
        )
    return wanted


def audit_trail(
    workspace: Workspace,
    *,
    entity: str | None = None,
    ref: str | None = None,
    since: datetime | None = None,
) -> list[AuditRecord]:
    """Audit entries, optionally for one kind of record, one record (`ref`), or after `since`."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if entity is not None:
        query = query.where(AuditEntry.entity == _entity(entity))
    if ref is not None:
        query = query.where(AuditEntry.entity_ref == ref)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    with transaction(workspace.settings) as session:
        return audit_records(session, query)


def audit_records(session: Session, query: Select[AuditEntry]) -> list[AuditRecord]:
    """The entries `query` selects, with internal ids labelled as a reader knows them."""
    names = {
        "strand_id": {str(i): c for i, c in session.execute(select(Strand.id, Strand.code))},
        "action_id": {str(i): r for i, r in session.execute(select(Action.id, Action.ref))},
    }
    return [
        AuditRecord(
            at=e.at,
            actor=e.actor,
            operation=e.operation,
            entity=e.entity,
            ref=e.entity_ref,
            field=e.field,
            old_value=e.old_value,
            new_value=e.new_value,
            reason=e.reason,
            old_label=names.get(e.field, {}).get(e.old_value or ""),
            new_label=names.get(e.field, {}).get(e.new_value or ""),
        )
        for e in session.scalars(query)
    ]
