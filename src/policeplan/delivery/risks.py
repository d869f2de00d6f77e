"""Risks to delivery, per strand: description, mitigation, owner, rating, open or closed.

>>> from policeplan.config import load_settings
>>> from policeplan.store import Workspace
>>> from policeplan.delivery.strands import add_strand
>>> import tempfile
>>> workspace = Workspace(load_settings(tempfile.mkdtemp(), {}))
>>> _ = add_strand(workspace, code="DCF", name="Digital Crime and Fraud", lead="DCI", actor="a")
>>> risk = add_risk(workspace, "DCF", description="Too few SCPO checks", owner="DCI",
...                 mitigation="Intelligence review", rating="high", actor="a")
>>> close_risk(workspace, risk.id, reason="Review complete", actor="a").status
'closed'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from policeplan.delivery._lookup import find_risk, find_strand
from policeplan.errors import InputError, RecordsError
from policeplan.records import RISK_RATINGS, Clock, Risk, Strand, transaction, utc_now
from policeplan.records.session import RecordsSession
from policeplan.store import Workspace


@dataclass(frozen=True)
class RiskRecord:
    id: int
    strand: str
    description: str
    mitigation: str
    owner: str
    rating: str
    status: str

    def to_dict(self) -> dict[str, Any]:
        """The risk as JSON, one key per field."""
        return asdict(self)


def _record(risk: Risk) -> RiskRecord:
    return RiskRecord(
        id=risk.id,
        strand=risk.strand.code,
        description=risk.description,
        mitigation=risk.mitigation,
        owner=risk.owner,
        rating=risk.rating,
        status=risk.status,
    )


def _rating(text: str) -> str:
    rating = text.strip().lower()
    if rating not in RISK_RATINGS:
        raise InputError(
            f"{text!r} is not a risk rating; use one of: {', '.join(RISK_RATINGS)}", field="rating"
        )
    return rating


def create_risk(
    session: RecordsSession,
    strand: Strand,
    *,
    description: str,
    mitigation: str = "",
    owner: str = "",
    rating: str = "medium",
) -> Risk:
    if not description.strip():
        raise InputError("a risk needs a description", field="description")
    risk = Risk(
        strand=strand,
        description=description.strip(),
        mitigation=mitigation.strip(),
        owner=owner.strip(),
        rating=_rating(rating),
        status="open",
    )
    session.add(risk)
    session.flush()
    return risk


def add_risk(
    workspace: Workspace,
    strand: str,
    *,
    description: str,
    mitigation: str = "",
    owner: str = "",
    rating: str = "medium",
    actor: str,
    clock: Clock = utc_now,
) -> RiskRecord:
    """Record an open risk to a strand's delivery."""
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        risk = create_risk(
            session,
            find_strand(session, strand),
            description=description,
            mitigation=mitigation,
            owner=owner,
            rating=rating,
        )
        return _record(risk)


def update_risk(
    workspace: Workspace,
    risk_id: int,
    *,
    mitigation: str | None = None,
    owner: str | None = None,
    rating: str | None = None,
    actor: str,
    clock: Clock = utc_now,
) -> RiskRecord:
    """Change a risk's mitigation, owner or rating; None leaves a field alone."""
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        risk = find_risk(session, risk_id, for_update=True)
        if mitigation is not None:
            risk.mitigation = mitigation.strip()
        if owner is not None:
            risk.owner = owner.strip()
        if rating is not None:
            risk.rating = _rating(rating)
        session.flush()
        return _record(risk)


def _set_status(
    workspace: Workspace, risk_id: int, status: str, reason: str, actor: str, clock: Clock
) -> RiskRecord:
    if not reason.strip():
        raise InputError("say why the risk is being closed or reopened", field="reason")
    with transaction(
        workspace.settings, actor=actor, clock=clock, reason=reason.strip()
    ) as session:
        risk = find_risk(session, risk_id, for_update=True)
        if risk.status == status:
            raise RecordsError(f"risk {risk_id} is already {status}")
        risk.status = status
        session.flush()
        return _record(risk)


def close_risk(
    workspace: Workspace, risk_id: int, *, reason: str, actor: str, clock: Clock = utc_now
) -> RiskRecord:
    """Close a risk (it stays on record); the reason goes in the audit log."""
    return _set_status(workspace, risk_id, "closed", reason, actor, clock)


def reopen_risk(
    workspace: Workspace, risk_id: int, *, reason: str, actor: str, clock: Clock = utc_now
) -> RiskRecord:
    return _set_status(workspace, risk_id, "open", reason, actor, clock)


def list_risks(
    workspace: Workspace, *, strand: str | None = None, status: str | None = None
) -> list[RiskRecord]:
    """Risks, optionally of one strand and/or one status, oldest first."""
    with transaction(workspace.settings) as session:
        query = select(Risk).order_by(Risk.id)
        if strand is not None:
            query = query.where(Risk.strand_id == find_strand(session, strand).id)
        if status is not None:
            query = query.where(Risk.status == status)
        return [_record(r) for r in session.scalars(query)]


def rate_risk(
    workspace: Workspace,
    risk_id: int,
    rating: str,
    *,
    reason: str,
    actor: str,
    clock: Clock = utc_now,
) -> RiskRecord:
    """Re-rate an open risk (low, medium, high), saying why; the reason goes in the audit log."""
    if not reason.strip():
        raise InputError("say why the risk's rating changes", field="reason")
    wanted = _rating(rating)
    with transaction(
        workspace.settings, actor=actor, clock=clock, reason=reason.strip()
    ) as session:
        risk = find_risk(session, risk_id, for_update=True)
        if risk.status != "open":
            raise RecordsError(f"risk {risk_id} is {risk.status}; reopen it to re-rate it")
        if risk.rating == wanted:
            raise RecordsError(f"risk {risk_id} is already rated {wanted}")
        risk.rating = wanted
        session.flush()
        return _record(risk)
