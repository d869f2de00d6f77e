"""Users (admin only): who has which role; an administrator adds a user (with a first
password they pass on, at least 12 characters, changed with `policeplan user
reset-password`), and changes a user's role and a lead's strands. Every change is audited
with the administrator's name; a role change ends the user's sessions."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from policeplan.records import USER_ROLES
from policeplan.web.accounts import add_user, list_users, set_role
from policeplan.web.auth import ROLE_DESCRIPTIONS, can_manage_users
from policeplan.web.guard import change, page, text_field
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render


@page(can_manage_users)
def users_page(request: Request, user: SignedIn) -> Response:
    return render(
        request,
        "admin_users.html",
        {
            "accounts": list_users(request.app.state.config.settings),
            "roles": ROLE_DESCRIPTIONS,
            "role_names": USER_ROLES,
            "message": "Saved." if request.query_params.get("saved") else None,
        },
        user=user,
    )


def _strands(form: FormData) -> list[str]:
    return text_field(form, "strands", limit=200).replace(",", " ").split()


@change(can_manage_users)
def new_user(request: Request, user: SignedIn, form: FormData) -> Response:
    add_user(
        request.app.state.config.settings,
        text_field(form, "name", limit=100).strip(),
        role=text_field(form, "role", limit=20),
        password=text_field(form, "password", limit=1000),
        strands=_strands(form),
        actor=user.name,
    )
    return RedirectResponse("/admin/users?saved=1", status_code=303)


@change(can_manage_users)
def change_role(request: Request, user: SignedIn, form: FormData) -> Response:
    set_role(
        request.app.state.config.settings,
        str(request.path_params["name"]),
        role=text_field(form, "role", limit=20),
        strands=_strands(form),
        actor=user.name,
    )
    return RedirectResponse("/admin/users?saved=1", status_code=303)


routes = [
    Route("/admin/users", users_page, methods=["GET"]),
    Route("/admin/users", new_user, methods=["POST"]),
    Route("/admin/users/{name}/role", change_role, methods=["POST"]),
]
