"""The Most Similar Group page: every indicator side by side with its uncertainty; each
table downloadable as CSV and xlsx."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.periods import parse_month
from policeplan.web.auth import can_read_internal
from policeplan.web.guard import page
from policeplan.web.msg_page import MsgPage
from policeplan.web.results import default_month, msg_result
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import data_snapshot
from policeplan.web.views.downloads import table_download


def _page(request: Request) -> MsgPage:
    cache = request.app.state.cache
    snapshot = data_snapshot(request)
    to_text = request.query_params.get("to")
    to = parse_month(to_text, "to") if to_text else default_month(cache, snapshot)
    if to is None:
        raise HTTPException(404, "The workspace holds no police.uk records yet.")
    return msg_result(cache, snapshot, to)


@page(can_read_internal)
def msg_page(request: Request, user: SignedIn) -> Response:
    return render(request, "msg.html", {"page": _page(request)}, user=user)


@page(can_read_internal)
def msg_table(request: Request, user: SignedIn) -> Response:
    result = _page(request)
    kind = str(request.path_params["kind"])
    return table_download(
        result.tables.get(kind), str(request.path_params["format"]), f"msg-{kind}-{result.to}"
    )


routes = [
    Route("/msg", msg_page, methods=["GET"]),
    Route("/msg/{kind}.{format}", msg_table, methods=["GET"]),
]
