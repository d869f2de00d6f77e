"""Delivery-plan actions: add, change status (with the at-risk flag), edit, link to indicators.

>>> from policeplan.config import load_settings
>>> from policeplan.store import Workspace
>>> from policeplan.delivery.strands import add_strand
>>> import tempfile
>>> workspace = Workspace(load_settings(tempfile.mkdtemp(), {}))
>>> _ = add_strand(workspace, code="DCF", name="Digital Crime and Fraud", lead="DCI", actor="a")
>>> _ = add_action(workspace, ref="DCF-1", strand="DCF", title="SCPO reviews", actor="a")
>>> record = set_action_status(workspace, "DCF-1", "at risk", reason="no capacity", actor="a")
>>> record.status, record.at_risk
('ongoing', True)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from policeplan.delivery._lookup import find_action, find_strand
from policeplan.delivery.quarters import Quarter
from policeplan.delivery.statuses import AT_RISK, check_action_state, normalise_status
from policeplan.errors import InputError, RecordsError
from policeplan.records import Action, ActionIndicator, Clock, Strand, transaction, utc_now
from policeplan.records.session import RecordsSession
from policeplan.store import Workspace

# Statuses an action leaves only when reopened on purpose.
_FINISHED = frozenset({"complete", "dropped"})


@dataclass(frozen=True)
class ActionRecord:
    ref: str
    strand: str
    title: str
    owner: str
    due_quarter: str | None
    status: str
    at_risk: bool
    reason: str | None
    indicators: tuple[str, ...]
    source: str

    def to_dict(self) -> dict[str, Any]:
        """The action as JSON: its fields, the linked indicators as a list."""
        return {**asdict(self), "indicators": list(self.indicators)}


def action_record(action: Action) -> ActionRecord:
    return ActionRecord(
        ref=action.ref,
        strand=action.strand.code,
        title=action.title,
        owner=action.owner,
        due_quarter=action.due_quarter,
        status=action.status,
        at_risk=action.at_risk,
        reason=action.reason,
        indicators=tuple(sorted(i.indicator for i in action.indicators if i.linked)),
        source=action.source,
    )


def create_action(
    session: RecordsSession,
    strand: Strand,
    *,
    ref: str,
    title: str,
    owner: str = "",
    due_quarter: str | None = None,
    status: str = "not started",
    at_risk: bool = False,
    reason: str | None = None,
    indicators: Iterable[str] = (),
    source: str = "",
) -> Action:
    """Add an action inside an open transaction, after checking the status rules."""
    if not ref.strip() or not title.strip():
        raise InputError(
            "an action needs an id and a title", field="action_id" if not ref.strip() else "title"
        )
    check_action_state(status, at_risk, reason)
    if session.scalars(select(Action.id).where(Action.ref == ref.strip())).first() is not None:
        raise RecordsError(f"an action with id {ref!r} already exists")
    action = Action(
        ref=ref.strip(),
        strand=strand,
        title=title.strip(),
        owner=owner.strip(),
        due_quarter=Quarter.parse(due_quarter).key if due_quarter else None,
        status=status,
        at_risk=at_risk,
        reason=reason.strip() if reason and reason.strip() else None,
        source=source,
    )
    session.add(action)
    for indicator in sorted(set(indicators)):
        session.add(ActionIndicator(action=action, indicator=indicator, linked=True))
    session.flush()
    return action


def add_action(
    workspace: Workspace,
    *,
    ref: str,
    strand: str,
    title: str,
    owner: str = "",
    due_quarter: str | None = None,
    indicators: Iterable[str] = (),
    actor: str,
    clock: Clock = utc_now,
) -> ActionRecord:
    """Add a not-started action to a strand's delivery plan."""
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        row = find_strand(session, strand)
        action = create_action(
            session,
            row,
            ref=ref,
            title=title,
            owner=owner,
            due_quarter=due_quarter,
            indicators=indicators,
        )
        return action_record(action)


def apply_status(action: Action, status: str, reason: str | None) -> None:
    """Set status (`at risk` means ongoing + flag); leaving ongoing clears the flag."""
    at_risk = status == AT_RISK
    stored = "ongoing" if at_risk else status
    kept_reason = reason if (at_risk or stored == "dropped") else None
    check_action_state(stored, at_risk, kept_reason)
    action.status = stored
    action.at_risk = at_risk
    action.reason = kept_reason.strip() if kept_reason else None


def set_action_status(
    workspace: Workspace,
    ref: str,
    status: str,
    *,
    reason: str | None = None,
    reopen: bool = False,
    actor: str,
    clock: Clock = utc_now,
) -> ActionRecord:
    """Move an action to `status`: not started, ongoing, at risk, complete or dropped.

    `at risk` and `dropped` need a reason; any other status clears the at-risk flag.
    The reason is also written beside the change in the audit log. A complete or dropped
    action moves to another status only with `reopen=True` (the audit log says it was
    reopened), so a typed status never silently undoes a finished action.
    """
    wanted = normalise_status(status, allow_at_risk=True)
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        action = find_action(session, ref, for_update=True)
        finished = action.status in _FINISHED and wanted != action.status
        if finished and not reopen:
            raise InputError(
                f"{action.ref} is {action.status}; reopen it on purpose to move it to {wanted}",
                field="reopen",
            )
        note = f"reopened from {action.status}" if finished else None
        session.info["reason"] = "; ".join(t for t in (note, reason) if t) or None
        apply_status(action, wanted, reason)
        session.flush()
        return action_record(action)


def edit_action(
    workspace: Workspace,
    ref: str,
    *,
    title: str | None = None,
    owner: str | None = None,
    due_quarter: str | None = None,
    strand: str | None = None,
    actor: str,
    clock: Clock = utc_now,
) -> ActionRecord:
    """Change an action's title, owner, due quarter or strand; None leaves a field alone."""
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        action = find_action(session, ref, for_update=True)
        if title is not None:
            action.title = title.strip()
        if owner is not None:
            action.owner = owner.strip()
        if due_quarter is not None:
            action.due_quarter = Quarter.parse(due_quarter).key
        if strand is not None:
            action.strand = find_strand(session, strand)
        session.flush()
        return action_record(action)


def link_indicator(
    workspace: Workspace,
    ref: str,
    indicator: str,
    *,
    linked: bool = True,
    actor: str,
    clock: Clock = utc_now,
) -> ActionRecord:
    """Record that an action is meant to move an indicator (or no longer is)."""
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        action = find_action(session, ref, for_update=True)
        set_indicator_link(session, action, indicator.strip(), linked)
        session.flush()
        session.refresh(action)
        return action_record(action)


def set_indicator_link(
    session: RecordsSession, action: Action, indicator: str, linked: bool
) -> None:
    existing = next((i for i in action.indicators if i.indicator == indicator), None)
    if existing is not None:
        existing.linked = linked
    elif linked:
        session.add(ActionIndicator(action=action, indicator=indicator, linked=True))


def get_action(workspace: Workspace, ref: str) -> ActionRecord:
    with transaction(workspace.settings) as session:
        return action_record(find_action(session, ref))


def list_actions(workspace: Workspace, strand: str | None = None) -> list[ActionRecord]:
    """Every action (of one strand, when given), strands in order, then by id."""
    with transaction(workspace.settings) as session:
        query = select(Action).join(Action.strand).order_by(Strand.id, Action.id)
        if strand is not None:
            query = query.where(Action.strand_id == find_strand(session, strand).id)
        return [action_record(a) for a in session.scalars(query)]
