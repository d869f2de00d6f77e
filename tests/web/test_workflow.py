"""Quarterly update workflow, publishing and the public site, concurrent edits, bad input."""

from __future__ import annotations

from starlette.testclient import TestClient

from policeplan.config import Settings
from policeplan.delivery import audit_trail, get_action, list_actions
from policeplan.store import Workspace
from policeplan.web.versions import action_version
from tests.web.conftest import sign_in

Q = "2025-26Q3"
UPDATE = f"/delivery/strands/DA/updates/{Q}"


def _save(client: TestClient, token: str, achieved: str, version: str, insight: str = "") -> int:
    return client.post(
        UPDATE,
        data={
            "csrf_token": token,
            "achieved": achieved,
            "scheduled": "More training.",
            "insight": insight,
            "version": version,
        },
    ).status_code


def test_lead_writes_and_submits_analyst_approves_and_the_audit_names_them(
    client: TestClient, web_settings: Settings
) -> None:
    token = sign_in(client, "lead")
    assert _save(client, token, "Trained 40 officers.", "0") == 200
    assert client.post(f"{UPDATE}/approve", data={"csrf_token": token}).status_code == 403
    client.post(f"{UPDATE}/submit", data={"csrf_token": token})
    client.post("/logout", data={"csrf_token": token})
    token = sign_in(client, "analyst")
    page = client.post(f"{UPDATE}/approve", data={"csrf_token": token, "decision": "approve"})
    assert "Approved." in page.text
    trail = audit_trail(Workspace(web_settings), entity="quarterly update")
    assert [(e.actor, e.new_value) for e in trail if e.field == "state"] == [
        ("lead", "draft"),
        ("lead", "submitted"),
        ("analyst", "approved"),
    ]


def test_the_second_of_two_saves_from_the_same_version_is_refused_and_keeps_its_text(
    client: TestClient,
) -> None:
    token = sign_in(client, "lead")
    assert _save(client, token, "first save", "0") == 200
    response = client.post(
        UPDATE,
        data={
            "csrf_token": token,
            "achieved": "second save, typed meanwhile",
            "scheduled": "",
            "version": "0",
        },
    )
    assert response.status_code == 409
    assert "Someone else changed this record" in response.text
    assert "second save, typed meanwhile" in response.text  # nothing lost
    assert "first save" in client.get(UPDATE).text


def test_a_stale_action_status_form_is_refused(client: TestClient, web_settings: Settings) -> None:
    token = sign_in(client, "lead")
    # An open action: reopening a complete one is a separate, deliberate step.
    ref = next(
        a.ref
        for a in list_actions(Workspace(web_settings))
        if a.ref.startswith("DA-") and a.status not in ("complete", "dropped")
    )
    before = get_action(Workspace(web_settings), ref).status
    new = "not started" if before != "not started" else "ongoing"
    version = action_version(web_settings, ref)
    form = {"csrf_token": token, "status": new, "version": str(version)}
    ok = client.post(f"/delivery/actions/{ref}/status", data=form)
    assert ok.status_code == 200
    assert get_action(Workspace(web_settings), ref).status == new
    stale = client.post(f"/delivery/actions/{ref}/status",
                        data={"csrf_token": token, "status": "dropped", "reason": "x",
                              "version": "1"})  # fmt: skip
    assert stale.status_code == 409
    assert "nothing was saved" in stale.text


def test_the_public_site_shows_only_approved_updates_and_no_internal_text(
    client: TestClient,
) -> None:
    token = sign_in(client, "lead")
    _save(client, token, "APPROVED-TEXT", "0", insight="INTERNAL-INSIGHT")
    client.post(f"{UPDATE}/submit", data={"csrf_token": token})
    other = "/delivery/strands/DA/updates/2025-26Q2"
    client.post(other, data={"csrf_token": token, "achieved": "DRAFT-TEXT", "scheduled": "",
                             "version": "0"})  # fmt: skip
    client.post("/logout", data={"csrf_token": token})
    token = sign_in(client, "analyst")
    client.post(f"{UPDATE}/approve", data={"csrf_token": token, "decision": "approve"})
    assert client.post("/publish", data={"csrf_token": token}).status_code == 200
    client.post("/logout", data={"csrf_token": token})
    client.cookies.clear()
    index = client.get("/public/")
    assert index.status_code == 200 and "Domestic Abuse, 2025/26 Q3" in index.text
    update = client.get("/public/update-da-2025-26q3.html").text
    assert "APPROVED-TEXT" in update
    site = index.text + update + client.get("/public/indicators.csv").text
    for secret in ("INTERNAL-INSIGHT", "DRAFT-TEXT", "csrf_token", "Sign out"):
        assert secret not in site
    assert client.get("/public/update-da-2025-26q2.html").status_code == 404


def test_public_paths_outside_the_snapshot_are_not_found(client: TestClient) -> None:
    for path in ("/public/../records.sqlite", "/public/%2e%2e/plan.yaml", "/public/.web/x.html",
                 "/public/manifest.json"):  # fmt: skip
        assert client.get(path).status_code == 404


def test_malformed_ids_and_unknown_routes_give_a_page_without_a_traceback(
    client: TestClient,
) -> None:
    sign_in(client, "analyst")
    for path, status in (
        ("/no/such/page", 404),
        ("/delivery/strands/%3Cscript%3E", 404),
        ("/delivery/strands/ZZZ", 404),
        ("/delivery/strands/DA/updates/not-a-quarter", 404),
        ("/indicators/NOT_A_MEASURE", 404),
        ("/indicators/burglary?to=2025-13", 400),
        ("/indicators/burglary/nothing.csv", 404),
        ("/audit?ref=%3Cx%3E", 400),
    ):
        response = client.get(path)
        assert response.status_code == status, path
        assert "Traceback" not in response.text and "<script" not in response.text


def test_an_oversized_request_is_refused_before_it_is_read(client: TestClient) -> None:
    token = sign_in(client, "analyst")
    response = client.post(
        UPDATE, data={"csrf_token": token, "achieved": "x" * (11 * 1024 * 1024), "version": "0"}
    )
    assert response.status_code == 413


def test_a_file_where_text_is_expected_is_refused(client: TestClient) -> None:
    token = sign_in(client, "analyst")
    response = client.post(
        UPDATE,
        data={"csrf_token": token, "version": "0"},
        files={"achieved": ("evil.exe", b"MZ\x00\x00", "application/octet-stream")},
    )
    assert response.status_code == 400


def test_the_public_plan_says_no_figures_yet_without_the_offices_instructions(
    client: TestClient,
) -> None:
    token = sign_in(client, "analyst")
    client.post("/publish", data={"csrf_token": token})
    page = client.get("/public/").text
    table = client.get("/public/indicators.csv").text
    for text in (page, table):
        assert "No figures published for this indicator yet." in text
        assert "import measures" not in text
