"""The audit history: every change, who made it and when; filter by record reference."""

from __future__ import annotations

import re

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.delivery import audit_trail
from policeplan.web.auth import can_read_internal
from policeplan.web.guard import page
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import records_workspace

_REF = re.compile(r"^[A-Za-z0-9 ._-]{1,200}$")
SHOWN = 200


@page(can_read_internal)
def audit_page(request: Request, user: SignedIn) -> Response:
    ref = request.query_params.get("ref") or None
    if ref is not None and not _REF.match(ref):
        raise HTTPException(400, "a record reference has letters, digits, spaces, - . and _")
    entries = audit_trail(records_workspace(request), ref=ref)
    return render(
        request,
        "audit.html",
        {"entries": list(reversed(entries))[:SHOWN], "total": len(entries), "ref": ref},
        user=user,
    )


routes = [Route("/audit", audit_page, methods=["GET"])]
