"""The Most Similar Group pages: every indicator side by side with its uncertainty (crime
rates or solved rates, and the plan's MSG indicators), and one indicator's page with its
member table and funnel; each table downloadable as CSV and xlsx."""

from __future__ import annotations

import re

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.errors import InputError
from policeplan.indicators.counts import SOURCES
from policeplan.indicators.msg_compare import RATE, STATISTICS
from policeplan.indicators.msg_loaded import MEASURES
from policeplan.periods import parse_month
from policeplan.web.auth import can_read_internal
from policeplan.web.guard import page
from policeplan.web.msg_detail import MsgDetail
from policeplan.web.msg_page import MsgPage
from policeplan.web.results import default_month, msg_detail_result, msg_result
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import data_snapshot
from policeplan.web.views.downloads import table_download

_MEASURE = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
MSG_SOURCES = (*SOURCES, MEASURES)


def _to(request: Request) -> str:
    to_text = request.query_params.get("to")
    if to_text:
        return parse_month(to_text, "to")
    found = default_month(request.app.state.cache, data_snapshot(request))
    if found is None:
        raise HTTPException(404, "The workspace holds no police.uk records yet.")
    return found


def _choice(request: Request, name: str, allowed: tuple[str, ...]) -> str | None:
    """A query parameter that must be one of `allowed` (absent or empty: None)."""
    value = request.query_params.get(name) or None
    if value is not None and value not in allowed:
        raise InputError(f"unknown {name} {value!r}: use {' or '.join(allowed)}", field=name)
    return value


def _page(request: Request) -> MsgPage:
    statistic = _choice(request, "statistic", STATISTICS) or RATE
    return msg_result(request.app.state.cache, data_snapshot(request), _to(request), statistic)


def _detail(request: Request) -> MsgDetail:
    measure = str(request.path_params["measure"])
    if not _MEASURE.match(measure):
        raise HTTPException(404)
    statistic = _choice(request, "statistic", STATISTICS)
    source = _choice(request, "source", MSG_SOURCES)
    return msg_detail_result(request.app.state.cache, data_snapshot(request), measure,
                             _to(request), statistic, source)  # fmt: skip


@page(can_read_internal)
def msg_page(request: Request, user: SignedIn) -> Response:
    return render(request, "msg.html", {"page": _page(request), "statistics": STATISTICS},
                  user=user)  # fmt: skip


@page(can_read_internal)
def msg_table(request: Request, user: SignedIn) -> Response:
    result = _page(request)
    kind = str(request.path_params["kind"])
    stem = f"msg-{kind}-{result.to}" + ("" if result.statistic == RATE else "-solved-rate")
    return table_download(result.tables.get(kind), str(request.path_params["format"]), stem)


@page(can_read_internal)
def msg_detail_page(request: Request, user: SignedIn) -> Response:
    asked = {name: request.query_params.get(name) or "" for name in ("statistic", "source")}
    context = {"page": _detail(request), "statistics": STATISTICS, "sources": MSG_SOURCES,
               "asked": asked}  # fmt: skip
    return render(request, "msg_detail.html", context, user=user)


@page(can_read_internal)
def msg_detail_table(request: Request, user: SignedIn) -> Response:
    result = _detail(request)
    kind = str(request.path_params["kind"])
    return table_download(
        result.tables.get(kind),
        str(request.path_params["format"]),
        f"msg-{result.measure}-{kind}-{result.to}",
    )


routes = [
    Route("/msg", msg_page, methods=["GET"]),
    Route("/msg/{kind}.{format}", msg_table, methods=["GET"]),
    Route("/msg/{measure}", msg_detail_page, methods=["GET"]),
    Route("/msg/{measure}/{kind}.{format}", msg_detail_table, methods=["GET"]),
]
