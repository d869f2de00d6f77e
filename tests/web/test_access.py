"""Every route as every role (and anonymous): allowed or refused, as docs/web.md's table says."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from policeplan.web.chart_process import VEGA_BUNDLE_VERSION
from tests.web.conftest import ROLES, sign_in

Q = "2025-26Q3"
INTERNAL = {"admin", "analyst", "lead", "panel"}
# (method, path, roles allowed). Anonymous is refused everywhere except login and public.
ROUTES: list[tuple[str, str, set[str]]] = [
    ("GET", "/login", {"anonymous"}),  # signed-in users are sent on to the plan
    ("GET", "/", INTERNAL),
    ("GET", "/indicators/burglary", INTERNAL),
    ("GET", "/indicators/burglary/summary.csv", INTERNAL),
    ("GET", "/indicators/burglary/lpa.xlsx", INTERNAL),
    ("GET", "/indicators/burglary/hotspots", INTERNAL),
    ("GET", f"/assets/vega-{VEGA_BUNDLE_VERSION}.js", {"anonymous", *INTERNAL}),
    ("GET", "/msg", INTERNAL),
    ("GET", "/msg/overview.csv", INTERNAL),  # 404 here (one force, no table), never 403
    ("GET", "/msg?statistic=solved-rate", INTERNAL),
    ("GET", "/msg/plan.csv", INTERNAL),
    ("GET", "/msg/all-crime-solved-rate", INTERNAL),  # 400 here (no peers), never 403
    ("GET", "/msg/all-crime/members.xlsx", INTERNAL),
    ("GET", "/delivery", INTERNAL),
    ("GET", "/delivery/strands/DA", INTERNAL),
    ("GET", f"/delivery/strands/DA/updates/{Q}", INTERNAL),
    ("POST", "/delivery/strands/DA/risks", {"analyst", "lead"}),
    ("POST", "/delivery/strands/DCF/risks", {"analyst"}),
    ("POST", "/delivery/risks/1", {"analyst"}),  # a DCF risk
    ("GET", "/delivery/commitments", INTERNAL),
    ("GET", f"/delivery/commitments/P1-C1/{Q}", INTERNAL),
    ("POST", f"/delivery/commitments/P1-C1/{Q}", {"analyst"}),
    ("POST", f"/delivery/commitments/P1-C1/{Q}/submit", {"analyst"}),
    ("POST", f"/delivery/commitments/P1-C1/{Q}/approve", {"analyst"}),
    ("GET", "/audit", INTERNAL),
    ("GET", "/data", INTERNAL),
    ("GET", "/admin/users", {"admin"}),
    ("POST", "/admin/users", {"admin"}),  # no name or password: 400, not 403
    ("POST", "/admin/users/nobody/role", {"admin"}),
    ("GET", "/data/uploads/AAAAAAAAAAAAAAAA", INTERNAL),  # no such upload: 404, not 403
    ("POST", "/data/uploads", {"analyst"}),
    ("GET", "/reports", INTERNAL),
    ("GET", "/reports/jobs/AAAAAAAAAAAAAAAA", INTERNAL),  # no such job: 404, not 403
    ("GET", "/reports/jobs/AAAAAAAAAAAAAAAA/download", INTERNAL),
    ("POST", "/reports", {"analyst"}),
    ("POST", "/delivery/actions/DA-001/status", {"analyst", "lead"}),
    ("POST", "/delivery/actions/DCF-001/status", {"analyst"}),
    ("POST", f"/delivery/strands/DA/updates/{Q}", {"analyst", "lead"}),
    ("POST", f"/delivery/strands/DCF/updates/{Q}", {"analyst"}),
    ("POST", f"/delivery/strands/DA/updates/{Q}/submit", {"analyst", "lead"}),
    ("POST", f"/delivery/strands/DA/updates/{Q}/approve", {"analyst"}),
    ("POST", "/publish", {"analyst"}),
    ("POST", "/logout", INTERNAL),
]


def _outcome(client: TestClient, token: str, method: str, path: str) -> int:
    if method == "GET":
        return client.get(path, follow_redirects=False).status_code
    form = {"csrf_token": token, "status": "ongoing", "version": "1", "achieved": "a"}
    return client.post(path, data=form, follow_redirects=False).status_code


@pytest.mark.parametrize("role", ROLES)
def test_every_route_allows_exactly_the_roles_of_the_table(client: TestClient, role: str) -> None:
    wrong = []
    token = "" if role == "anonymous" else sign_in(client, role)
    for method, path, allowed in ROUTES:  # /logout is last: the session lasts until then
        status = _outcome(client, token, method, path)
        if role == "anonymous" and "anonymous" not in allowed:
            refused = status == 303  # to the sign-in page
        else:
            refused = status == 403
        if path == "/login" and role != "anonymous":
            refused = status == 303  # already signed in: sent to the plan
        if refused == (role in allowed):
            wrong.append((method, path, status))
    assert not wrong, f"{role}: {wrong}"


def test_public_pages_need_no_sign_in_and_say_when_nothing_is_published(
    client: TestClient,
) -> None:
    response = client.get("/public/")
    assert response.status_code == 404
    assert "Nothing has been published yet" in response.text


def test_a_lead_changing_another_strands_action_by_its_id_is_refused(client: TestClient) -> None:
    token = sign_in(client, "lead")
    response = client.post(
        "/delivery/actions/DCF-001/status",
        data={"csrf_token": token, "status": "complete", "version": "1", "strand": "DA"},
    )
    assert response.status_code == 403
    assert "DCF-001" in response.text


def test_a_lead_writing_another_strands_update_through_the_url_is_refused(
    client: TestClient,
) -> None:
    token = sign_in(client, "lead")
    response = client.post(
        f"/delivery/strands/dcf/updates/{Q}",
        data={"csrf_token": token, "achieved": "x", "scheduled": "y", "version": "0"},
    )
    assert response.status_code == 403
