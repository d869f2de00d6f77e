"""Jinja2 with autoescaping on: every value a template prints is escaped unless a view
marks it safe (only our own rendered SVG charts are), so script typed into a narrative
field shows as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from policeplan.web import auth
from policeplan.web.chart_process import VEGA_BUNDLE_VERSION
from policeplan.web.security.sessions import SignedIn

__all__ = ["TEMPLATES_DIR", "environment", "render"]

TEMPLATES_DIR = Path(__file__).parent / "templates"


def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def navigation(user: SignedIn | None) -> list[tuple[str, str]]:
    """(address, label) of the menu a user sees."""
    if user is None:
        return [("/public/", "Published plan")]
    items = [
        ("/", "Plan"),
        ("/msg", "Similar forces"),
        ("/delivery", "Delivery"),
        ("/reports", "Reports"),
        ("/data", "Data"),
        ("/audit", "Audit"),
    ]
    if auth.can_manage_users(user):
        items.append(("/admin/users", "Users"))
    items.append(("/public/", "Public site"))
    return items


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    user: SignedIn | None,
    status_code: int = 200,
) -> HTMLResponse:
    state = request.app.state
    env: Environment = state.templates
    data_label = state.data_label() if user is not None else None
    html = env.get_template(template).render(
        request_path=request.url.path,
        user=user,
        csrf_token=None if user is None else user.csrf_token,
        nav=navigation(user),
        data_label=data_label,
        auth=auth,
        vega_version=VEGA_BUNDLE_VERSION,
        **context,
    )
    return HTMLResponse(html, status_code=status_code, headers={"cache-control": "no-store"})
