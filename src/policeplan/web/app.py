"""The app factory: `create_app(WebConfig)` returns the Starlette application.

Pages are server-rendered (Jinja2, autoescaped); a request follows the four steps of every
front end: form or address -> query object -> library call -> view. Views live one module
per page kind in `policeplan.web.views`. Errors become an error page, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from http import HTTPStatus
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from policeplan.errors import DataError, InputError, PolicePlanError, RecordsError
from policeplan.records import records_engine
from policeplan.web.cache import ResultCache
from policeplan.web.config import WebConfig
from policeplan.web.guard import signed_in
from policeplan.web.jobs import JobRunner
from policeplan.web.results import warm
from policeplan.web.security.headers import SecurityMiddleware
from policeplan.web.snapshot import SNAPSHOT_DIR, DataSnapshot
from policeplan.web.templating import environment, render
from policeplan.web.views import ROUTES
from policeplan.web.views.data import UPLOAD_PATH

__all__ = ["create_app"]

STATIC_DIR = Path(__file__).parent / "static"
_log = logging.getLogger("policeplan.web")

_TITLES = {
    400: "That request could not be used",
    403: "Not allowed",
    404: "Page not found",
    405: "Not allowed",
    409: "Changed by someone else",
    413: "Too large",
    500: "Something went wrong",
}


def create_app(config: WebConfig) -> Starlette:
    records_engine(config.settings)  # migrate the records store before the first request
    jobs = JobRunner(config.settings.workspace / SNAPSHOT_DIR)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        jobs.shutdown()

    app = Starlette(
        lifespan=lifespan,
        routes=[*ROUTES, Mount("/static", StaticFiles(directory=STATIC_DIR), name="static")],
        middleware=[
            Middleware(
                SecurityMiddleware,
                max_body_bytes=config.max_body_bytes,
                upload_path=UPLOAD_PATH,
                max_upload_bytes=config.max_upload_bytes,
            )
        ],
        exception_handlers={
            HTTPException: _http_error,
            PolicePlanError: _library_error,
            Exception: _unexpected_error,
        },
    )
    app.state.config = config
    app.state.templates = environment()
    app.state.cache = ResultCache()
    app.state.jobs = jobs
    cache: ResultCache = app.state.cache
    app.state.snapshot = DataSnapshot(
        config.settings,
        check_interval=config.snapshot_check_seconds,
        min_copy_interval=config.snapshot_min_copy_seconds,
        # Compute the main pages of a new copy before readers are switched to it.
        prepare=lambda new: warm(cache, new, config.settings, date.today()),
    )

    def data_label() -> str | None:
        snapshot = app.state.snapshot
        try:
            state = snapshot.current()
        except RuntimeError:
            return None
        label: str | None = app.state.cache.get_or_compute(
            (state.version, "label"), state.workspace.label
        )
        return label

    app.state.data_label = data_label
    return app


def error_page(request: Request, status: int, message: str) -> Response:
    user = signed_in(request) if status != 500 else None
    return render(
        request,
        "error.html",
        {"status": status, "title": _TITLES.get(status, "Error"), "message": message},
        user=user,
        status_code=status,
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {
        404: "There is no page at this address. Check the address, or start from the plan.",
        405: "This address does not accept that kind of request.",
    }
    detail = str(exc.detail)
    if detail == HTTPStatus(exc.status_code).phrase:  # Starlette's default: say more
        detail = messages.get(exc.status_code, detail)
    return error_page(request, exc.status_code, detail)


async def _library_error(request: Request, exc: Exception) -> Response:
    status = 409 if isinstance(exc, RecordsError) else 400
    if isinstance(exc, DataError):
        status = 404 if "no plan" in str(exc) else 400
    elif not isinstance(exc, InputError | RecordsError):
        status = 400
    return error_page(request, status, str(exc))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    _log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return error_page(
        request, 500, "The server could not show this page. The error has been logged."
    )
