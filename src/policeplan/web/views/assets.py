"""The Vega scripts the interactive charts use, served from this server (no CDN): the
bundle `vl_convert` makes, at an address holding its version, so browsers keep it."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.web.chart_process import VEGA_BUNDLE_VERSION, vega_bundle


async def vega_script(request: Request) -> Response:
    if request.path_params["version"] != VEGA_BUNDLE_VERSION:
        raise HTTPException(404)
    body = await run_in_threadpool(vega_bundle)
    return Response(
        body,
        media_type="text/javascript; charset=utf-8",
        headers={"cache-control": "public, max-age=31536000, immutable"},
    )


routes = [Route("/assets/vega-{version}.js", vega_script, methods=["GET"])]
