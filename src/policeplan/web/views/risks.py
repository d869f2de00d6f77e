"""Risks of a strand: add one, change its mitigation, owner or rating, close or reopen it
(saying why). A lead only for their own strands: a risk's strand is read from the risk
itself, never from the form or the address."""

from __future__ import annotations

import re

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from policeplan.delivery import RiskRecord, add_risk, close_risk, list_risks, update_risk
from policeplan.delivery.risks import reopen_risk
from policeplan.errors import RecordsError
from policeplan.web.auth import can_change_any_strand, can_change_strand
from policeplan.web.guard import Forbidden, change, text_field
from policeplan.web.security.sessions import SignedIn
from policeplan.web.versions import risk_version
from policeplan.web.views._context import records_workspace
from policeplan.web.views.delivery import CONFLICT, strand_of_request

_ID = re.compile(r"^[0-9]{1,9}$")


def _risk(request: Request) -> RiskRecord:
    risk_id = str(request.path_params["risk"])
    if not _ID.match(risk_id):
        raise HTTPException(404)
    for risk in list_risks(records_workspace(request)):
        if risk.id == int(risk_id):
            return risk
    raise HTTPException(404, f"There is no risk {risk_id}.")


def _back(strand: str) -> Response:
    return RedirectResponse(f"/delivery/strands/{strand}?saved=1#risks", status_code=303)


@change(can_change_any_strand)
def new_risk(request: Request, user: SignedIn, form: FormData) -> Response:
    strand = strand_of_request(request)
    if not can_change_strand(user, strand.code):
        raise Forbidden(f"Only the lead of {strand.code} or an analyst can add its risks.")
    add_risk(
        records_workspace(request), strand.code,
        description=text_field(form, "description", limit=2000),
        mitigation=text_field(form, "mitigation", limit=4000),
        owner=text_field(form, "owner", limit=200),
        rating=text_field(form, "rating", limit=20) or "medium",
        actor=user.name,
    )  # fmt: skip
    return _back(strand.code)


@change(can_change_any_strand)
def change_risk(request: Request, user: SignedIn, form: FormData) -> Response:
    risk = _risk(request)
    if not can_change_strand(user, risk.strand):
        raise Forbidden(f"Only the lead of {risk.strand} or an analyst can change risk {risk.id}.")
    workspace = records_workspace(request)
    if text_field(form, "version") != str(risk_version(workspace.settings, risk.id)):
        raise RecordsError(CONFLICT)
    decision = text_field(form, "decision", limit=20)
    if decision in ("close", "reopen"):
        move = close_risk if decision == "close" else reopen_risk
        move(workspace, risk.id, reason=text_field(form, "reason", limit=2000), actor=user.name)
    else:
        update_risk(
            workspace, risk.id,
            mitigation=text_field(form, "mitigation", limit=4000),
            owner=text_field(form, "owner", limit=200),
            rating=text_field(form, "rating", limit=20) or risk.rating,
            actor=user.name,
        )  # fmt: skip
    return _back(risk.strand)


routes = [
    Route("/delivery/strands/{code}/risks", new_risk, methods=["POST"]),
    Route("/delivery/risks/{risk}", change_risk, methods=["POST"]),
]
