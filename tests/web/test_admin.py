"""User administration in the web app: an admin adds a user and changes a role (audited,
sessions ended); bad input is refused in words; nobody else may."""

from __future__ import annotations

from starlette.testclient import TestClient

from policeplan.config import Settings
from policeplan.web.accounts import list_users
from tests.web.conftest import sign_in


def test_an_admin_adds_a_lead_and_makes_the_panel_member_an_analyst(
    client: TestClient, web_settings: Settings
) -> None:
    token = sign_in(client, "admin")
    added = client.post("/admin/users", data={"csrf_token": token, "name": "lee",
                        "role": "lead", "strands": "DA, GKC",
                        "password": "a new long passphrase"})  # fmt: skip
    assert added.status_code == 200 and "Saved." in added.text
    changed = client.post("/admin/users/panel/role", data={"csrf_token": token,
                          "role": "analyst", "strands": ""})  # fmt: skip
    assert changed.status_code == 200
    accounts = {a.name: (a.role, a.strands) for a in list_users(web_settings)}
    assert accounts["lee"] == ("lead", ("DA", "GKC"))
    assert accounts["panel"] == ("analyst", ())
    audit = client.get("/audit?ref=panel").text
    assert "analyst" in audit and "admin" in audit


def test_bad_user_changes_are_refused_in_words(client: TestClient) -> None:
    token = sign_in(client, "admin")
    short = client.post("/admin/users", data={"csrf_token": token, "name": "x",
                        "role": "panel", "password": "short"})  # fmt: skip
    assert short.status_code == 400 and "use at least 12" in short.text
    role = client.post("/admin/users/lead/role", data={"csrf_token": token, "role": "king"})
    assert role.status_code == 400 and "is not one of" in role.text
    strands = client.post("/admin/users/lead/role",
                          data={"csrf_token": token, "role": "panel", "strands": "DA"})  # fmt: skip
    assert strands.status_code == 400 and "only a lead has strands" in strands.text
