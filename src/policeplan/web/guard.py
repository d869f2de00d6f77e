"""Who is asking, may they, and the page they get: the plumbing every view goes through.

`page(check)` wraps a GET view: it finds the signed-in user (if any), sends an anonymous
visitor to the login page and refuses (403) a user the check says no to. `change(check)`
wraps a POST view the same way and, before anything else, refuses (403) a request without
the session's CSRF token. Views raise `Forbidden` when a rule depends on the record (a
lead's own strand), so no view can forget the token or the role.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from policeplan.web.security.csrf import CSRF_FIELD, token_matches
from policeplan.web.security.sessions import SESSION_COOKIE, SignedIn, load_session

__all__ = ["Forbidden", "change", "page", "signed_in"]

Check = Callable[[SignedIn | None], bool]
GetView = Callable[[Request, SignedIn], Response]
PostView = Callable[[Request, SignedIn, FormData], Response]


class Forbidden(HTTPException):
    def __init__(self, detail: str = "Your role does not allow this.") -> None:
        super().__init__(status_code=403, detail=detail)


def signed_in(request: Request) -> SignedIn | None:
    """The session's user, looked up once per request."""
    if "user" not in request.state._state:
        config = request.app.state.config
        request.state.user = load_session(config.settings, request.cookies.get(SESSION_COOKIE))
    user: SignedIn | None = request.state.user
    return user


def _to_login(request: Request) -> Response:
    target = quote(request.url.path)
    return RedirectResponse(f"/login?next={target}", status_code=303)


def page(check: Check) -> Callable[[GetView], Callable[[Request], Response]]:
    def decorate(view: GetView) -> Callable[[Request], Response]:
        @wraps(view)
        def wrapped(request: Request) -> Response:
            user = signed_in(request)
            if user is None:
                return _to_login(request)
            if not check(user):
                raise Forbidden()
            return view(request, user)

        return wrapped

    return decorate


def change(
    check: Check,
) -> Callable[[PostView], Callable[[Request], Awaitable[Response]]]:
    def decorate(view: PostView) -> Callable[[Request], Awaitable[Response]]:
        @wraps(view)
        async def wrapped(request: Request) -> Response:
            user = await run_in_threadpool(signed_in, request)
            if user is None:
                return _to_login(request)
            # Uploaded parts are closed when the view is done, whatever happens.
            async with request.form(max_files=1, max_fields=50) as form:
                given = form.get(CSRF_FIELD)
                if not token_matches(user.csrf_token, given if isinstance(given, str) else None):
                    raise Forbidden("The form has expired or did not come from this site. "
                                    "Go back, reload the page and try again.")  # fmt: skip
                if not check(user):
                    raise Forbidden()
                response: Response = await run_in_threadpool(view, request, user, form)
            return response

        return wrapped

    return decorate


def text_field(form: FormData, name: str, *, limit: int = 20_000) -> str:
    """A text field of the form ("" when absent); 400 when it is a file or too long."""
    value: Any = form.get(name, "")
    if not isinstance(value, str):
        raise HTTPException(400, f"the field {name!r} must be text")
    if len(value) > limit:
        raise HTTPException(400, f"the field {name!r} is longer than {limit} characters")
    return value
