"""Users (admin only): who has which role. Users are added and changed with
`policeplan user …` on the server, where passwords never cross the network in a form."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from policeplan.web.accounts import list_users
from policeplan.web.auth import ROLE_DESCRIPTIONS, can_manage_users
from policeplan.web.guard import page
from policeplan.web.security.sessions import SignedIn
from policeplan.web.templating import render


@page(can_manage_users)
def users_page(request: Request, user: SignedIn) -> Response:
    return render(
        request,
        "admin_users.html",
        {"accounts": list_users(request.app.state.config.settings), "roles": ROLE_DESCRIPTIONS},
        user=user,
    )


routes = [Route("/admin/users", users_page, methods=["GET"])]
