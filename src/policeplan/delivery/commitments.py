"""Narrative on the plan's "We will…" commitments, per quarter and local policing area.

The plan file lists each priority's commitments without ids, so a commitment is known by its
position: `P1-C2` is the second commitment of the plan's first priority (both counted from
1, in plan-file order). Reordering the plan file renumbers them; adding commitments at the end
of a priority keeps every existing id.

A piece of narrative is force-wide (no `lpa`) or for one local policing area of the plan's
force ("North", "South", "West" for Essex), and moves draft -> submitted -> approved exactly
like a strand's quarterly update (`delivery.workflow`); every change is audited.

    >>> from policeplan.config import load_settings
    >>> from policeplan.plan import example_plan_path, load_plan, save_plan
    >>> from policeplan.store import Workspace
    >>> import tempfile
    >>> workspace = Workspace(load_settings(tempfile.mkdtemp(), {}))
    >>> _ = save_plan(workspace, load_plan(example_plan_path()))
    >>> _ = save_commitment_update(
    ...     workspace, "p1-c2", "2021/22 Q3", lpa="north", text="Two new teams.", actor="lead")
    >>> _ = submit_commitment_update(workspace, "P1-C2", "2021/22 Q3", lpa="North", actor="lead")
    >>> approve_commitment_update(workspace, "P1-C2", "2021/22 Q3", lpa="North", actor="pcc")
    CommitmentUpdateRecord(commitment='P1-C2', quarter='2021-22Q3', ..., state='approved')
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from policeplan.delivery.quarters import Quarter
from policeplan.delivery.workflow import (
    APPROVED,
    DRAFT,
    SUBMITTED,
    check_editable,
    check_transition,
)
from policeplan.errors import InputError, RecordsError
from policeplan.plan import current_plan
from policeplan.plan.model import Plan
from policeplan.records import Clock, CommitmentUpdate, transaction, utc_now
from policeplan.records.session import RecordsSession
from policeplan.reference import districts_of
from policeplan.store import Workspace

__all__ = [
    "CommitmentUpdateRecord",
    "PlanCommitment",
    "approve_commitment_update",
    "commitment_update_record",
    "find_commitment",
    "find_commitment_update",
    "list_commitment_updates",
    "lpas_of",
    "narrative_name",
    "parse_lpa",
    "plan_commitments",
    "return_commitment_update",
    "save_commitment_update",
    "submit_commitment_update",
]

_ID = re.compile(r"^\s*p(\d+)\s*-\s*c(\d+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PlanCommitment:
    """One "We will…" commitment: its id (`P1-C2`), its priority and its words."""

    id: str
    priority_id: str
    priority_title: str
    text: str


def plan_commitments(plan: Plan) -> tuple[PlanCommitment, ...]:
    """Every commitment of the plan with its id, in plan order.

    >>> from policeplan.plan import example_plan_path, load_plan
    >>> plan_commitments(load_plan(example_plan_path()))[1].id
    'P1-C2'
    """
    return tuple(
        PlanCommitment(f"P{p}-C{c}", priority.id, priority.title, text)
        for p, priority in enumerate(plan.priorities, start=1)
        for c, text in enumerate(priority.commitments, start=1)
    )


def find_commitment(plan: Plan, text: str) -> PlanCommitment:
    """The commitment with id `text` (any case, e.g. `p1-c2`); InputError otherwise."""
    match = _ID.match(text)
    if match is None:
        raise InputError(
            f"commitment {text!r} is not an id: write P<priority>-C<commitment>, e.g. P1-C2",
            field="commitment",
        )
    wanted = f"P{int(match.group(1))}-C{int(match.group(2))}"
    for commitment in plan_commitments(plan):
        if commitment.id == wanted:
            return commitment
    count = len(plan.priorities)
    sizes = ", ".join(f"P{n}: {len(p.commitments)}" for n, p in enumerate(plan.priorities, 1))
    raise InputError(
        f"the plan has no commitment {wanted} ({count} priorities; commitments each: {sizes})",
        field="commitment",
    )


def lpas_of(force: str) -> tuple[str, ...]:
    """The local policing areas of a force, sorted (empty when none are defined)."""
    return tuple(sorted({d.lpa for d in districts_of(force) if d.lpa}))


def parse_lpa(plan: Plan, text: str | None) -> str:
    """The LPA's name as the reference tables spell it, or "" for force-wide (None/empty)."""
    if text is None or not text.strip():
        return ""
    wanted = text.strip().lower().removesuffix(" lpa").strip()
    known = lpas_of(plan.force)
    for lpa in known:
        if lpa.lower() == wanted:
            return lpa
    listed = ", ".join(known) or "none defined"
    raise InputError(
        f"{plan.force} has no local policing area {text!r} (areas: {listed})", field="lpa"
    )


@dataclass(frozen=True)
class CommitmentUpdateRecord:
    """A piece of commitment narrative; `lpa` is "" when force-wide."""

    commitment: str
    quarter: str
    quarter_label: str
    lpa: str
    text: str
    state: str

    def to_dict(self) -> dict[str, Any]:
        """The narrative as JSON, one key per field."""
        return asdict(self)


def commitment_update_record(row: CommitmentUpdate) -> CommitmentUpdateRecord:
    quarter = Quarter.parse(row.quarter)
    return CommitmentUpdateRecord(
        row.commitment, quarter.key, quarter.described(), row.lpa, row.text, row.state
    )


def narrative_name(commitment: str, key: str, lpa: str) -> str:
    """How a message names one piece of narrative."""
    return f"the {key} narrative for {commitment}" + (f" ({lpa} LPA)" if lpa else "")


def find_commitment_update(
    session: RecordsSession, commitment: str, key: str, lpa: str, *, for_update: bool = False
) -> CommitmentUpdate | None:
    query = select(CommitmentUpdate).where(
        CommitmentUpdate.commitment == commitment,
        CommitmentUpdate.quarter == key,
        CommitmentUpdate.lpa == lpa,
    )
    return session.scalars(query.with_for_update() if for_update else query).first()


def _resolve(
    workspace: Workspace, commitment: str, quarter: str, lpa: str | None
) -> tuple[str, str, str]:
    plan = current_plan(workspace)
    return find_commitment(plan, commitment).id, Quarter.parse(quarter).key, parse_lpa(plan, lpa)


def save_commitment_update(
    workspace: Workspace,
    commitment: str,
    quarter: str,
    *,
    lpa: str | None = None,
    text: str,
    actor: str,
    clock: Clock = utc_now,
) -> CommitmentUpdateRecord:
    """Create or edit the draft narrative of a commitment for a quarter (and LPA)."""
    ref, key, area = _resolve(workspace, commitment, quarter, lpa)
    with transaction(workspace.settings, actor=actor, clock=clock) as session:
        row = find_commitment_update(session, ref, key, area, for_update=True)
        if row is None:
            row = CommitmentUpdate(commitment=ref, quarter=key, lpa=area, text="", state=DRAFT)
            session.add(row)
        else:
            check_editable(narrative_name(ref, key, area), row.state)
        row.text = text.strip()
        session.flush()
        return commitment_update_record(row)


def _move(
    workspace: Workspace,
    commitment: str,
    quarter: str,
    lpa: str | None,
    state: str,
    actor: str,
    clock: Clock,
    reason: str | None = None,
) -> CommitmentUpdateRecord:
    ref, key, area = _resolve(workspace, commitment, quarter, lpa)
    with transaction(workspace.settings, actor=actor, clock=clock, reason=reason) as session:
        row = find_commitment_update(session, ref, key, area, for_update=True)
        if row is None:
            raise RecordsError(
                f"{narrative_name(ref, key, area)} does not exist; save a draft first"
            )
        check_transition(narrative_name(ref, key, area), row.state, state)
        row.state = state
        session.flush()
        return commitment_update_record(row)


def submit_commitment_update(
    workspace: Workspace,
    commitment: str,
    quarter: str,
    *,
    lpa: str | None = None,
    actor: str,
    clock: Clock = utc_now,
) -> CommitmentUpdateRecord:
    """Submit draft narrative for approval."""
    return _move(workspace, commitment, quarter, lpa, SUBMITTED, actor, clock)


def approve_commitment_update(
    workspace: Workspace,
    commitment: str,
    quarter: str,
    *,
    lpa: str | None = None,
    actor: str,
    clock: Clock = utc_now,
) -> CommitmentUpdateRecord:
    """Approve submitted narrative; it can no longer change and reports show it."""
    return _move(workspace, commitment, quarter, lpa, APPROVED, actor, clock)


def return_commitment_update(
    workspace: Workspace,
    commitment: str,
    quarter: str,
    *,
    lpa: str | None = None,
    reason: str,
    actor: str,
    clock: Clock = utc_now,
) -> CommitmentUpdateRecord:
    """Send submitted narrative back to draft, saying why."""
    return _move(workspace, commitment, quarter, lpa, DRAFT, actor, clock, reason=reason)


def list_commitment_updates(
    workspace: Workspace, quarter: str, *, commitment: str | None = None
) -> list[CommitmentUpdateRecord]:
    """Every piece of narrative for a quarter (every state), by commitment then LPA."""
    key = Quarter.parse(quarter).key
    query = select(CommitmentUpdate).where(CommitmentUpdate.quarter == key)
    if commitment is not None:
        ref = find_commitment(current_plan(workspace), commitment).id
        query = query.where(CommitmentUpdate.commitment == ref)
    with transaction(workspace.settings) as session:
        rows = [commitment_update_record(r) for r in session.scalars(query)]
    return sorted(rows, key=lambda r: (_order(r.commitment), r.lpa))


def _order(commitment: str) -> tuple[int, int]:
    match = _ID.match(commitment)
    assert match is not None, "stored ids are always P<n>-C<m>"
    return int(match.group(1)), int(match.group(2))
