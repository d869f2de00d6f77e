"""The public site (`/public/…`: files of the published snapshot, no login, no query) and
the analyst's Publish button."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from policeplan.web.auth import can_publish
from policeplan.web.guard import change
from policeplan.web.publish import publish_to_site, published_root
from policeplan.web.security.sessions import SignedIn
from policeplan.web.views._context import data_snapshot, records_workspace

# Only names the publisher writes: no "..", no hidden files, no other folders.
_PUBLIC_FILE = re.compile(r"^(static/)?[a-z0-9][a-z0-9.-]{0,120}\.(html|csv|css)$")
_TYPES = {"html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8",
          "css": "text/css; charset=utf-8"}  # fmt: skip


def public_file(request: Request) -> Response:
    name = str(request.path_params.get("path") or "index.html")
    if not _PUBLIC_FILE.match(name) or ".." in name:
        raise HTTPException(404)
    current = published_root(request.app.state.config.settings.workspace) / "current"
    path = current / name
    if not path.is_file():
        raise HTTPException(
            404, "Nothing has been published yet." if name == "index.html" else "Not found."
        )
    return FileResponse(path, media_type=_TYPES[name.rsplit(".", 1)[1]])


@change(can_publish)
def publish_button(request: Request, user: SignedIn, _form: FormData) -> Response:
    publish_to_site(
        data_snapshot(request).workspace,
        records_workspace(request),
        by=user.name,
        now=datetime.now(UTC),
    )
    return RedirectResponse("/public/", status_code=303)


routes = [
    Route("/public/", public_file, methods=["GET"]),
    Route("/public/{path:path}", public_file, methods=["GET"]),
    Route("/publish", publish_button, methods=["POST"]),
]
