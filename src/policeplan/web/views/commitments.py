"""Narrative on the plan's "We will…" commitments, per quarter, force-wide or for one local
policing area: written as a draft, submitted, then approved or returned, exactly like a
strand's quarterly update (`policeplan.delivery.commitments`). The commitments are the
PFCC office's, so analysts write and approve them; every other user reads them."""

from __future__ import annotations

import re

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from policeplan.delivery import Quarter
from policeplan.delivery.commitments import (
    CommitmentUpdateRecord,
    PlanCommitment,
    approve_commitment_update,
    find_commitment,
    list_commitment_updates,
    lpas_of,
    parse_lpa,
    plan_commitments,
    return_commitment_update,
    save_commitment_update,
    submit_commitment_update,
)
from policeplan.errors import InputError
from policeplan.plan import current_plan
from policeplan.web.auth import can_approve, can_read_internal, can_write_commitments
from policeplan.web.guard import change, page, text_field
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.versions import commitment_version
from policeplan.web.views._context import records_workspace, today
from policeplan.web.views.delivery import CONFLICT

_ID = re.compile(r"^[Pp][0-9]{1,3}-[Cc][0-9]{1,3}$")
_DONE = {"saved": "Draft saved.", "submitted": "Submitted for approval.",
         "approved": "Approved.", "returned": "Returned to draft."}  # fmt: skip


def _quarter(text: str | None) -> Quarter:
    try:
        return Quarter.parse(text) if text else Quarter.containing(today())
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc


def _commitment(request: Request) -> tuple[PlanCommitment, Quarter, str]:
    ref = str(request.path_params["ref"])
    if not _ID.match(ref):
        raise HTTPException(404)
    plan = current_plan(records_workspace(request))
    try:
        commitment = find_commitment(plan, ref)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc
    lpa = parse_lpa(plan, request.query_params.get("lpa"))
    return commitment, _quarter(str(request.path_params["quarter"])), lpa


@page(can_read_internal)
def commitments_page(request: Request, user: SignedIn) -> Response:
    workspace = records_workspace(request)
    quarter = _quarter(request.query_params.get("quarter"))
    plan = current_plan(workspace)
    narrative: dict[str, list[CommitmentUpdateRecord]] = {}
    for record in list_commitment_updates(workspace, quarter.key):
        narrative.setdefault(record.commitment, []).append(record)
    return render(
        request,
        "commitments.html",
        {"commitments": plan_commitments(plan), "narrative": narrative, "quarter": quarter},
        user=user,
    )


def _context(request: Request, user: SignedIn) -> dict[str, object]:
    commitment, quarter, lpa = _commitment(request)
    workspace = records_workspace(request)
    found = [
        r for r in list_commitment_updates(workspace, quarter.key, commitment=commitment.id)
        if r.lpa == lpa
    ]  # fmt: skip
    return {
        "commitment": commitment,
        "quarter": quarter,
        "lpa": lpa,
        "lpas": lpas_of(current_plan(workspace).force),
        "record": found[0] if found else None,
        "version": commitment_version(workspace.settings, commitment.id, quarter.key, lpa),
        "may_change": can_write_commitments(user),
        "may_approve": can_approve(user),
        "message": _DONE.get(request.query_params.get("done", "")),
        "form_text": None,
    }


@page(can_read_internal)
def narrative_page(request: Request, user: SignedIn) -> Response:
    return render(request, "commitment.html", _context(request, user), user=user)


def _back(commitment: PlanCommitment, quarter: Quarter, lpa: str, done: str) -> Response:
    area = f"&lpa={lpa}" if lpa else ""
    return RedirectResponse(
        f"/delivery/commitments/{commitment.id}/{quarter.key}?done={done}{area}", status_code=303
    )


@change(can_write_commitments)
def save_narrative(request: Request, user: SignedIn, form: FormData) -> Response:
    commitment, quarter, lpa = _commitment(request)
    workspace = records_workspace(request)
    text = text_field(form, "text")
    if text_field(form, "version") != str(
        commitment_version(workspace.settings, commitment.id, quarter.key, lpa)
    ):
        context = _context(request, user)
        context.update(message=CONFLICT, form_text=text)
        return render(request, "commitment.html", context, user=user, status_code=409)
    save_commitment_update(
        workspace, commitment.id, quarter.key, lpa=lpa or None, text=text, actor=user.name
    )
    return _back(commitment, quarter, lpa, "saved")


@change(can_write_commitments)
def submit_narrative(request: Request, user: SignedIn, form: FormData) -> Response:
    commitment, quarter, lpa = _commitment(request)
    submit_commitment_update(
        records_workspace(request), commitment.id, quarter.key, lpa=lpa or None, actor=user.name
    )
    return _back(commitment, quarter, lpa, "submitted")


@change(can_approve)
def decide_narrative(request: Request, user: SignedIn, form: FormData) -> Response:
    commitment, quarter, lpa = _commitment(request)
    workspace = records_workspace(request)
    if text_field(form, "decision") == "return":
        reason = text_field(form, "reason", limit=2000).strip() or "returned for changes"
        return_commitment_update(workspace, commitment.id, quarter.key, lpa=lpa or None,
                                 reason=reason, actor=user.name)  # fmt: skip
        return _back(commitment, quarter, lpa, "returned")
    approve_commitment_update(
        workspace, commitment.id, quarter.key, lpa=lpa or None, actor=user.name
    )
    return _back(commitment, quarter, lpa, "approved")


_NARRATIVE = "/delivery/commitments/{ref}/{quarter}"
routes = [
    Route("/delivery/commitments", commitments_page, methods=["GET"]),
    Route(_NARRATIVE, narrative_page, methods=["GET"]),
    Route(_NARRATIVE, save_narrative, methods=["POST"]),
    Route(_NARRATIVE + "/submit", submit_narrative, methods=["POST"]),
    Route(_NARRATIVE + "/approve", decide_narrative, methods=["POST"]),
]
