"""The plan on a page: priorities, their indicators' latest figures, delivery counts."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.periods import parse_month
from policeplan.web.auth import can_read_internal
from policeplan.web.guard import page
from policeplan.web.results import plan_result
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import data_snapshot, today


@page(can_read_internal)
def plan_page(request: Request, user: SignedIn) -> Response:
    to_text = request.query_params.get("to")
    to = None if not to_text else parse_month(to_text, "to")
    state = request.app.state
    result = plan_result(state.cache, data_snapshot(request), state.config.settings, to, today())
    return render(request, "plan.html", {"page": result}, user=user)


routes = [Route("/", plan_page, methods=["GET"])]
