"""Risks from the web: a lead adds one to their own strand, cannot touch another strand's
(the strand is read from the risk), an analyst closes one saying why; stale forms refused."""

from __future__ import annotations

from starlette.testclient import TestClient

from policeplan.config import Settings
from policeplan.delivery import list_risks
from policeplan.store import Workspace
from tests.web.conftest import csrf_of, sign_in


def test_a_lead_adds_a_risk_to_their_strand_but_cannot_close_another_strands(
    client: TestClient, web_settings: Settings
) -> None:
    token = sign_in(client, "lead")
    added = client.post("/delivery/strands/DA/risks", data={
        "csrf_token": token, "description": "Refuge places <script>x</script>",
        "mitigation": "Bid for funding", "owner": "DCI Lee", "rating": "high"})  # fmt: skip
    assert added.status_code == 200
    assert "Refuge places &lt;script&gt;x&lt;/script&gt;" in added.text
    risks = {r.description: r for r in list_risks(Workspace(web_settings))}
    new = risks["Refuge places <script>x</script>"]
    assert (new.strand, new.rating, new.owner, new.status) == ("DA", "high", "DCI Lee", "open")
    dcf = next(r for r in risks.values() if r.strand == "DCF")
    refused = client.post(f"/delivery/risks/{dcf.id}", data={
        "csrf_token": token, "version": "1", "decision": "close", "reason": "x"})  # fmt: skip
    assert refused.status_code == 403 and "DCF" in refused.text
    other = client.post("/delivery/strands/DCF/risks",
                        data={"csrf_token": token, "description": "not mine"})  # fmt: skip
    assert other.status_code == 403


def test_an_analyst_closes_a_risk_saying_why_and_a_stale_form_is_refused(
    client: TestClient, web_settings: Settings
) -> None:
    sign_in(client, "analyst")
    page = client.get("/delivery/strands/DCF").text
    version = page.split('name="version" value="', 1)[1].split('"', 1)[0]
    form = {"csrf_token": csrf_of(page), "version": version, "decision": "close"}
    assert client.post("/delivery/risks/1", data={**form, "reason": " "}).status_code == 400
    closed = client.post("/delivery/risks/1", data={**form, "reason": "orders now enforced"})
    assert closed.status_code == 200
    assert [r.status for r in list_risks(Workspace(web_settings)) if r.id == 1] == ["closed"]
    stale = client.post("/delivery/risks/1", data={**form, "decision": "reopen", "reason": "x"})
    assert stale.status_code == 409
    assert "orders now enforced" in client.get("/audit?ref=1").text
