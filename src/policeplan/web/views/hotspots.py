"""An indicator's hotspot map: `policeplan.hotspots` (250 m cells, Getis-Ord Gi* with a
false discovery rate) drawn by `render.hotspot_map` as its own offline page.

That page styles itself inline (its `<style>` and the map's aspect ratio), so it is served
with a Content-Security-Policy of its own that forbids every script (`script-src 'none'`)
and allows those inline styles, the page's own images, and the OpenStreetMap tiles a
reader may tick on; it still cannot be framed."""

from __future__ import annotations

import re

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from policeplan.hotspots.analysis import HotspotQuery, hotspot_analysis
from policeplan.indicators import CRIME_MEASURES
from policeplan.periods import parse_month
from policeplan.render.hotspot_map import hotspot_html
from policeplan.web.auth import can_read_internal
from policeplan.web.guard import page
from policeplan.web.results import default_month, the_plan
from policeplan.web.security.sessions import SignedIn
from policeplan.web.views._context import data_snapshot

MAP_POLICY = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; "
    "img-src 'self' data: https://tile.openstreetmap.org; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
_MEASURE = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")


@page(can_read_internal)
def hotspot_page(request: Request, user: SignedIn) -> Response:
    measure = str(request.path_params["measure"])
    if not _MEASURE.match(measure) or measure not in CRIME_MEASURES:
        raise HTTPException(404, "Hotspot maps are drawn for police.uk crime measures.")
    cache = request.app.state.cache
    snapshot = data_snapshot(request)
    to_text = request.query_params.get("to")
    to = parse_month(to_text, "to") if to_text else default_month(cache, snapshot)
    if to is None:
        raise HTTPException(404, "The workspace holds no police.uk records yet.")
    plan = the_plan(cache, snapshot)
    html: str = cache.get_or_compute(
        (snapshot.version, "hotspots", plan.force, measure, to),
        lambda: hotspot_html(
            hotspot_analysis(snapshot.workspace, HotspotQuery(measure, plan.force, to), plan)
        ),
    )
    return HTMLResponse(
        html, headers={"content-security-policy": MAP_POLICY, "cache-control": "no-store"}
    )


routes = [Route("/indicators/{measure}/hotspots", hotspot_page, methods=["GET"])]
