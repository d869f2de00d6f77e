"""Data: coverage (months held per force and dataset, suspiciously small months) and rejects.

TODO(issue 12, next round): uploads of police.uk files and measures CSVs by an analyst,
processed in a background worker with progress (the same importers and rejects as the
CLI); the request size limit (`WebConfig.max_body_bytes`) already applies.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.store.coverage import coverage
from policeplan.store.rejects import list_rejects
from policeplan.web.auth import can_read_internal
from policeplan.web.guard import page
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render
from policeplan.web.views._context import cached, data_snapshot


@page(can_read_internal)
def data_page(request: Request, user: SignedIn) -> Response:
    snapshot = data_snapshot(request)
    held = cached(request, (snapshot.version, "coverage"), lambda: coverage(snapshot.workspace))
    rejects = cached(
        request, (snapshot.version, "rejects"), lambda: list_rejects(snapshot.workspace)
    )
    groups: dict[tuple[str, str], list[str]] = {}
    for partition in held.partitions:
        groups.setdefault((partition.force, partition.dataset), []).append(partition.month)
    rows = [
        (force, dataset, min(months), max(months), len(months))
        for (force, dataset), months in sorted(groups.items())
    ]
    return render(
        request,
        "data.html",
        {
            "rows": rows,
            "gaps": held.gaps,
            "rejects": rejects,
            "suspect": [p for p in held.partitions if p.suspect_incomplete],
        },
        user=user,
    )


routes = [Route("/data", data_page, methods=["GET"])]
