"""Commitment narrative from the web: an analyst writes, submits and approves it (for the
force and one LPA); a stale save is refused with the text kept; others only read it."""

from __future__ import annotations

from starlette.testclient import TestClient

from policeplan.config import Settings
from policeplan.delivery.commitments import list_commitment_updates
from policeplan.store import Workspace
from tests.web.conftest import sign_in

Q = "2025-26Q3"
PAGE = f"/delivery/commitments/P1-C2/{Q}"


def test_an_analyst_writes_submits_and_approves_commitment_narrative(
    client: TestClient, web_settings: Settings
) -> None:
    token = sign_in(client, "analyst")
    text = "Two new <b>teams</b> in North."
    saved = client.post(
        PAGE + "?lpa=North", data={"csrf_token": token, "version": "0", "text": text}
    )
    assert saved.status_code == 200 and "Draft saved." in saved.text
    assert "Two new &lt;b&gt;teams&lt;/b&gt; in North." in saved.text  # escaped, inert
    assert client.post(PAGE + "/submit?lpa=North", data={"csrf_token": token}).status_code == 200
    approved = client.post(PAGE + "/approve?lpa=North",
                           data={"csrf_token": token, "decision": "approve"})  # fmt: skip
    assert "Approved." in approved.text
    records = list_commitment_updates(Workspace(web_settings), Q)
    assert [(r.commitment, r.lpa, r.state, r.text) for r in records] == [
        ("P1-C2", "North", "approved", "Two new <b>teams</b> in North.")
    ]
    listing = client.get(f"/delivery/commitments?quarter={Q}").text
    assert "North: approved" in listing
    assert "P1-C2 2025-26Q3 North" in client.get("/audit?ref=P1-C2 2025-26Q3 North").text


def test_a_stale_commitment_save_is_refused_and_keeps_the_text(client: TestClient) -> None:
    token = sign_in(client, "analyst")
    client.post(PAGE, data={"csrf_token": token, "version": "0", "text": "first"})
    stale = client.post(PAGE, data={"csrf_token": token, "version": "0", "text": "second"})
    assert stale.status_code == 409
    assert "Someone else changed this record" in stale.text and ">second</textarea>" in stale.text


def test_leads_and_panel_read_commitment_narrative_but_cannot_write_it(
    client: TestClient,
) -> None:
    token = sign_in(client, "lead")
    assert client.get(PAGE).status_code == 200
    refused = client.post(PAGE, data={"csrf_token": token, "version": "0", "text": "x"})
    assert refused.status_code == 403
    assert client.get(f"/delivery/commitments/P99-C1/{Q}").status_code == 404
    assert client.get(PAGE + "?lpa=Atlantis").status_code == 400
