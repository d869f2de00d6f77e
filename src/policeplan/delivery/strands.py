"""Thematic strands of a strategy: name, short code, thematic lead, linked plan priorities.

>>> from policeplan.config import load_settings
>>> from policeplan.store import Workspace
>>> import tempfile
>>> workspace = Workspace(load_settings(tempfile.mkdtemp(), {}))
>>> add_strand(workspace, code="DA", name="Domestic Abuse", lead="Ch Supt Tom Simons",
...            priorities=["Breaking the cycle of domestic abuse"], actor="analyst").lead
'Ch Supt Tom Simons'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from policeplan.delivery._lookup import find_strand
from policeplan.errors import InputError, RecordsError
from policeplan.records import Clock, Strand, StrandPriority, transaction, utc_now
from policeplan.records.session import RecordsSession
from policeplan.store import Workspace


@dataclass(frozen=True)
class StrandRecord:
    code: str
    name: str
    lead: str
    priorities: tuple[str, ...]
    source: str

    def to_dict(self) -> dict[str, Any]:
        """The strand as JSON: its fields, the priorities it serves as a list."""
        return {**asdict(self), "priorities": list(self.priorities)}


def strand_record(strand: Strand) -> StrandRecord:
    return StrandRecord(
        code=strand.code,
        name=strand.name,
        lead=strand.lead,
        priorities=tuple(p.priority for p in strand.priorities if p.linked),
        source=strand.source,
    )


def create_strand(
    session: RecordsSession,
    *,
    code: str,
    name: str,
    lead: str,
    priorities: Iterable[str] = (),
    source: str = "",
) -> Strand:
    """Add a strand inside an open transaction (used by the importer and the example)."""
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise InputError("a strand needs a code and a name", field="code" if not code else "name")
    clash = session.scalars(select(Strand).where((Strand.code == code) | (Strand.name == name)))
    if clash.first() is not None:
        raise RecordsError(f"a strand with code {code!r} or name {name!r} already exists")
    strand = Strand(code=code, name=name, lead=lead.strip(), source=source)
    session.add(strand)
    for priority in priorities:
        session.add(StrandPriority(strand=strand, priority=priority.strip(), linked=True))
    session.flush()
    return strand


def add_strand(
    workspace: Workspace,
    *,
    code: str,
    name: str,
    lead: str,
    priorities: Iterable[str] = (),
    actor: str,
    clock: Clock = utc_now,
) -> StrandRecord:
    """Add a thematic strand with its lead and the plan priorities it delivers against."""
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        strand = create_strand(session, code=code, name=name, lead=lead, priorities=priorities)
        return strand_record(strand)


def set_strand_lead(
    workspace: Workspace, strand: str, lead: str, *, actor: str, clock: Clock = utc_now
) -> StrandRecord:
    """Hand a strand to a new thematic lead."""
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        row = find_strand(session, strand, for_update=True)
        row.lead = lead.strip()
        session.flush()
        return strand_record(row)


def link_priority(
    workspace: Workspace,
    strand: str,
    priority: str,
    *,
    linked: bool = True,
    actor: str,
    clock: Clock = utc_now,
) -> StrandRecord:
    """Link a strand to a plan priority, or unlink it (the link is kept, marked unlinked)."""
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        row = find_strand(session, strand, for_update=True)
        existing = next((p for p in row.priorities if p.priority == priority.strip()), None)
        if existing is None:
            if not linked:
                raise RecordsError(f"strand {row.code} is not linked to {priority!r}")
            session.add(StrandPriority(strand=row, priority=priority.strip(), linked=True))
        else:
            existing.linked = linked
        session.flush()
        session.refresh(row)
        return strand_record(row)


def list_strands(workspace: Workspace) -> list[StrandRecord]:
    """Every strand, in the order they were added."""
    with transaction(workspace.settings) as session:
        return [strand_record(s) for s in session.scalars(select(Strand).order_by(Strand.id))]
