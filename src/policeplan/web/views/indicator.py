"""One indicator: result, monthly and SPC charts, breakdowns, MSG; every table as CSV/xlsx."""

from __future__ import annotations

import re

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.plan.storage import current_plan
from policeplan.web.auth import can_read_internal
from policeplan.web.guard import page
from policeplan.web.indicator_page import IndicatorPage, build_indicator_page
from policeplan.web.plan_page import latest_month
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import cached, data_snapshot

_MEASURE = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")
_DOWNLOAD_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _page(request: Request) -> IndicatorPage:
    measure = str(request.path_params["measure"])
    if not _MEASURE.match(measure):
        raise HTTPException(404)
    snapshot = data_snapshot(request)
    plan = cached(request, (snapshot.version, "plan"), lambda: current_plan(snapshot.workspace))
    to = request.query_params.get("to") or cached(
        request,
        (snapshot.version, "latest", plan.force),
        lambda: latest_month(snapshot.workspace, plan.force),
    )
    if to is None:
        raise HTTPException(404, "no police.uk records yet")
    return cached(
        request,
        (snapshot.version, "indicator", plan.force, measure, to),
        lambda: build_indicator_page(snapshot.workspace, plan.force, measure, to),
    )


@page(can_read_internal)
def indicator_page(request: Request, user: SignedIn) -> Response:
    return render(request, "indicator.html", {"page": _page(request)}, user=user)


@page(can_read_internal)
def indicator_table(request: Request, user: SignedIn) -> Response:
    kind = str(request.path_params["kind"])
    fmt = str(request.path_params["format"])
    if fmt not in _DOWNLOAD_TYPES:
        raise HTTPException(404)
    result = _page(request)
    table = result.tables.get(kind)
    if table is None:
        raise HTTPException(404)
    body = table.to_csv() if fmt == "csv" else table.to_xlsx()
    name = f"{result.measure}-{kind}-{result.to}.{fmt}"
    return Response(
        body,
        media_type=_DOWNLOAD_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


routes = [
    Route("/indicators/{measure}", indicator_page, methods=["GET"]),
    Route("/indicators/{measure}/{kind}.{format}", indicator_table, methods=["GET"]),
]
