"""Delivery: strands, actions and their status, quarterly updates (draft -> submitted ->
approved) and risks. A lead may change only their own strands: the strand is always looked
up from the record itself (never taken from the form), then checked against the user."""

from __future__ import annotations

import re

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from policeplan.delivery import (
    Quarter,
    StrandRecord,
    approve_update,
    delivery_summary,
    get_action,
    get_update,
    list_actions,
    list_risks,
    list_strands,
    list_updates,
    return_update,
    save_update,
    set_action_status,
    submit_update,
)
from policeplan.errors import InputError, RecordsError
from policeplan.records.models import RISK_RATINGS
from policeplan.web.auth import (
    can_approve,
    can_change_any_strand,
    can_change_strand,
    can_read_internal,
)
from policeplan.web.guard import Forbidden, change, page, text_field
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.versions import action_version, risk_version, update_version
from policeplan.web.views._context import records_workspace, today

_CODE = re.compile(r"^[A-Za-z0-9-]{1,16}$")
_REF = re.compile(r"^[A-Za-z0-9-]{1,40}$")
CONFLICT = (
    "Someone else changed this record after you opened the page, so nothing was saved. "
    "Your text is still in the form below: check the current version, then save again."
)


def strand_of_request(request: Request) -> StrandRecord:
    """The strand named by the address's `code` (404 when there is none)."""
    code = str(request.path_params["code"])
    if not _CODE.match(code):
        raise HTTPException(404)
    for strand in list_strands(records_workspace(request)):
        if strand.code.upper() == code.upper():
            return strand
    raise HTTPException(404)


def _quarter(text: str | None) -> Quarter:
    if not text:
        return Quarter.containing(today())
    try:
        return Quarter.parse(text)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc


@page(can_read_internal)
def strands_page(request: Request, user: SignedIn) -> Response:
    workspace = records_workspace(request)
    quarter = _quarter(request.query_params.get("quarter"))
    return render(
        request,
        "delivery_strands.html",
        {
            "strands": list_strands(workspace),
            "summary": delivery_summary(workspace, quarter),
            "updates": {u.strand: u for u in list_updates(workspace, quarter.key)},
            "quarter": quarter,
        },
        user=user,
    )


@page(can_read_internal)
def strand_page(request: Request, user: SignedIn) -> Response:
    strand = strand_of_request(request)
    workspace = records_workspace(request)
    quarter = _quarter(request.query_params.get("quarter"))
    return render(
        request,
        "delivery_strand.html",
        {
            "strand": strand,
            "actions": list_actions(workspace, strand.code),
            "risks": [r for r in list_risks(workspace) if r.strand == strand.code],
            "risk_versions": {
                r.id: risk_version(workspace.settings, r.id)
                for r in list_risks(workspace)
                if r.strand == strand.code
            },
            "ratings": RISK_RATINGS,
            "update": get_update(workspace, strand.code, quarter.key),
            "quarter": quarter,
            "versions": {
                a.ref: action_version(workspace.settings, a.ref)
                for a in list_actions(workspace, strand.code)
            }
            if can_change_strand(user, strand.code)
            else {},
            "may_change": can_change_strand(user, strand.code),
            "message": request.query_params.get("saved") and "Saved.",
        },
        user=user,
    )


@change(can_change_any_strand)
def action_status(request: Request, user: SignedIn, form: FormData) -> Response:
    ref = str(request.path_params["ref"])
    if not _REF.match(ref):
        raise HTTPException(404)
    workspace = records_workspace(request)
    try:
        action = get_action(workspace, ref)
    except RecordsError as exc:
        raise HTTPException(404, str(exc)) from exc
    if not can_change_strand(user, action.strand):
        raise Forbidden(f"Only the lead of {action.strand} or an analyst can change {ref}.")
    if text_field(form, "version") != str(action_version(workspace.settings, ref)):
        raise RecordsError(CONFLICT)
    reason = text_field(form, "reason", limit=2000).strip() or None
    set_action_status(
        workspace, action.ref, text_field(form, "status", limit=40), reason=reason,
        actor=user.name,
    )  # fmt: skip
    return RedirectResponse(f"/delivery/strands/{action.strand}?saved=1", status_code=303)


def _update_context(
    request: Request, user: SignedIn, strand: StrandRecord, quarter: Quarter
) -> dict[str, object]:
    workspace = records_workspace(request)
    update = get_update(workspace, strand.code, quarter.key)
    return {
        "strand": strand,
        "quarter": quarter,
        "update": update,
        "version": update_version(workspace.settings, strand.code, quarter.key),
        "may_change": can_change_strand(user, strand.code),
        "may_approve": can_approve(user),
        "message": None,
        "form": None,
    }


@page(can_read_internal)
def update_page(request: Request, user: SignedIn) -> Response:
    strand = strand_of_request(request)
    quarter = _quarter(str(request.path_params["quarter"]))
    context = _update_context(request, user, strand, quarter)
    context["message"] = {"saved": "Draft saved.", "submitted": "Submitted for approval.",
                          "approved": "Approved.", "returned": "Returned to draft."}.get(
        request.query_params.get("done", ""))  # fmt: skip
    return render(request, "delivery_update.html", context, user=user)


@change(can_change_any_strand)
def save_update_form(request: Request, user: SignedIn, form: FormData) -> Response:
    strand = strand_of_request(request)
    quarter = _quarter(str(request.path_params["quarter"]))
    if not can_change_strand(user, strand.code):
        raise Forbidden(f"Only the lead of {strand.code} or an analyst can write its update.")
    workspace = records_workspace(request)
    parts = {name: text_field(form, name) for name in ("achieved", "scheduled", "insight")}
    if text_field(form, "version") != str(
        update_version(workspace.settings, strand.code, quarter.key)
    ):
        context = _update_context(request, user, strand, quarter)
        context.update(message=CONFLICT, form=parts)
        return render(request, "delivery_update.html", context, user=user, status_code=409)
    save_update(
        workspace, strand.code, quarter.key, actor=user.name,
        achieved=parts["achieved"], scheduled=parts["scheduled"], insight=parts["insight"],
    )  # fmt: skip
    return _back(strand, quarter, "saved")


@change(can_change_any_strand)
def submit_update_form(request: Request, user: SignedIn, form: FormData) -> Response:
    strand = strand_of_request(request)
    quarter = _quarter(str(request.path_params["quarter"]))
    if not can_change_strand(user, strand.code):
        raise Forbidden(f"Only the lead of {strand.code} or an analyst can submit its update.")
    submit_update(records_workspace(request), strand.code, quarter.key, actor=user.name)
    return _back(strand, quarter, "submitted")


@change(can_approve)
def approve_update_form(request: Request, user: SignedIn, form: FormData) -> Response:
    strand = strand_of_request(request)
    quarter = _quarter(str(request.path_params["quarter"]))
    if text_field(form, "decision") == "return":
        reason = text_field(form, "reason", limit=2000).strip() or "returned for changes"
        return_update(
            records_workspace(request), strand.code, quarter.key, reason=reason, actor=user.name
        )
        return _back(strand, quarter, "returned")
    approve_update(records_workspace(request), strand.code, quarter.key, actor=user.name)
    return _back(strand, quarter, "approved")


def _back(strand: StrandRecord, quarter: Quarter, done: str) -> Response:
    return RedirectResponse(
        f"/delivery/strands/{strand.code}/updates/{quarter.key}?done={done}", status_code=303
    )


routes = [
    Route("/delivery", strands_page, methods=["GET"]),
    Route("/delivery/strands/{code}", strand_page, methods=["GET"]),
    Route("/delivery/actions/{ref}/status", action_status, methods=["POST"]),
    Route("/delivery/strands/{code}/updates/{quarter}", update_page, methods=["GET"]),
    Route("/delivery/strands/{code}/updates/{quarter}", save_update_form, methods=["POST"]),
    Route(
        "/delivery/strands/{code}/updates/{quarter}/submit", submit_update_form, methods=["POST"]
    ),
    Route(
        "/delivery/strands/{code}/updates/{quarter}/approve", approve_update_form, methods=["POST"]
    ),
]
