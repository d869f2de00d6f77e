"""One indicator: result, monthly and SPC charts, breakdowns, MSG; every table as CSV/xlsx."""

from __future__ import annotations

import re

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.web.auth import can_read_internal
from policeplan.web.guard import page
from policeplan.web.indicator_page import IndicatorPage
from policeplan.web.results import default_month, indicator_result
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import data_snapshot
from policeplan.web.views.downloads import table_download

_MEASURE = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")


def _page(request: Request) -> IndicatorPage:
    measure = str(request.path_params["measure"])
    if not _MEASURE.match(measure):
        raise HTTPException(404)
    cache = request.app.state.cache
    snapshot = data_snapshot(request)
    to = request.query_params.get("to") or default_month(cache, snapshot)
    if to is None:
        raise HTTPException(404, "The workspace holds no police.uk records yet.")
    return indicator_result(cache, snapshot, measure, to)


@page(can_read_internal)
def indicator_page(request: Request, user: SignedIn) -> Response:
    return render(request, "indicator.html", {"page": _page(request)}, user=user)


@page(can_read_internal)
def indicator_table(request: Request, user: SignedIn) -> Response:
    result = _page(request)
    kind = str(request.path_params["kind"])
    return table_download(
        result.tables.get(kind),
        str(request.path_params["format"]),
        f"{result.measure}-{kind}-{result.to}",
    )


routes = [
    Route("/indicators/{measure}", indicator_page, methods=["GET"]),
    Route("/indicators/{measure}/{kind}.{format}", indicator_table, methods=["GET"]),
]
