"""Sign in and sign out.

Signing in checks the login form's CSRF cookie, the rate limit (5 failures per account and
per address in 15 minutes), then the argon2 hash; success starts a new session (a new id,
the old session deleted) in an HttpOnly, SameSite=Strict cookie, Secure unless the server
was started with --plain-http.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from policeplan.web.accounts import password_hash_of
from policeplan.web.auth import can_read_internal
from policeplan.web.config import WebConfig
from policeplan.web.guard import Forbidden, change, signed_in, text_field
from policeplan.web.security.csrf import CSRF_FIELD, LOGIN_CSRF_COOKIE, new_token, token_matches
from policeplan.web.security.login_audit import (
    SIGNED_IN,
    SIGNED_OUT,
    TOO_MANY,
    WRONG_PASSWORD,
    audit_sign_in,
)
from policeplan.web.security.passwords import verify_password
from policeplan.web.security.rate_limit import clear_failures, is_limited, record_failure
from policeplan.web.security.sessions import SESSION_COOKIE, SignedIn, end_session, start_session
from policeplan.web.templating import render


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no //host, no scheme) is followed after login."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _login_form(
    request: Request, *, error: str | None = None, status_code: int = 200, name: str = ""
) -> Response:
    token = new_token()
    response = render(
        request,
        "login.html",
        {
            "login_csrf": token,
            "error": error,
            "name": name,
            "next": _safe_next(request.query_params.get("next")),
        },
        user=None,
        status_code=status_code,
    )
    config: WebConfig = request.app.state.config
    response.set_cookie(
        LOGIN_CSRF_COOKIE, token, httponly=True, secure=config.secure_cookies,
        samesite="strict", path="/login",
    )  # fmt: skip
    return response


def login_page(request: Request) -> Response:
    if signed_in(request) is not None:
        return RedirectResponse("/", status_code=303)
    return _login_form(request)


async def login(request: Request) -> Response:
    config: WebConfig = request.app.state.config
    async with request.form(max_files=0, max_fields=10) as form:
        given = form.get(CSRF_FIELD)
        name = text_field(form, "name", limit=100).strip()
        password = text_field(form, "password", limit=1000)
        next_page = text_field(form, "next", limit=500)
    if not token_matches(
        request.cookies.get(LOGIN_CSRF_COOKIE), given if isinstance(given, str) else None
    ):
        raise Forbidden("The sign-in form has expired. Reload the page and try again.")
    address = request.client.host if request.client else "unknown"
    settings = config.settings
    if await run_in_threadpool(is_limited, settings, name, address):
        await run_in_threadpool(audit_sign_in, settings, name, address, TOO_MANY)
        return _login_form(
            request,
            error="Too many failed sign-ins for this account or from this address. "
            "Wait 15 minutes, or ask an administrator to reset the password.",
            status_code=429,
            name=name,
        )
    hashed = await run_in_threadpool(password_hash_of, settings, name)
    if not await run_in_threadpool(verify_password, hashed, password):
        await run_in_threadpool(record_failure, settings, name, address)
        await run_in_threadpool(audit_sign_in, settings, name, address, WRONG_PASSWORD)
        return _login_form(
            request, error="The name or password is not right.", status_code=401, name=name
        )
    await run_in_threadpool(clear_failures, settings, name)
    await run_in_threadpool(audit_sign_in, settings, name, address, SIGNED_IN)
    session = await run_in_threadpool(
        lambda: start_session(
            settings,
            name,
            lifetime=config.session_lifetime,
            old_session=request.cookies.get(SESSION_COOKIE),
        )
    )
    target = _safe_next(next_page)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session.session_id,
        max_age=int(config.session_lifetime.total_seconds()),
        httponly=True,
        secure=config.secure_cookies,
        samesite="strict",
        path="/",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@change(can_read_internal)
def logout(request: Request, user: SignedIn, _form: object) -> Response:
    settings = request.app.state.config.settings
    end_session(settings, user.session_id)
    address = request.client.host if request.client else "unknown"
    audit_sign_in(settings, user.name, address, SIGNED_OUT)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


routes = [
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
