"""The plan on a page: priorities, their indicators' latest figures, delivery counts."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.periods import parse_month
from policeplan.web.auth import can_read_internal
from policeplan.web.guard import page
from policeplan.web.plan_page import build_plan_page
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import cached, data_snapshot, records_workspace, today


def records_version(request: Request) -> int:
    """The newest audit entry's id: delivery counts change only when it does."""
    from sqlalchemy import func, select

    from policeplan.records import AuditEntry, transaction

    with transaction(request.app.state.config.settings) as session:
        return int(session.scalar(select(func.max(AuditEntry.id))) or 0)


@page(can_read_internal)
def plan_page(request: Request, user: SignedIn) -> Response:
    to_text = request.query_params.get("to")
    to = None if not to_text else parse_month(to_text, "to")
    snapshot = data_snapshot(request)
    day = today()
    key = (snapshot.version, records_version(request), "plan", to, day)
    result = cached(
        request,
        key,
        lambda: build_plan_page(snapshot.workspace, records_workspace(request), to=to, today=day),
    )
    return render(request, "plan.html", {"page": result}, user=user)


routes = [Route("/", plan_page, methods=["GET"])]
