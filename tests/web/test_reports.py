"""Reports from the web: generated in the worker process with progress, then downloaded;
other pages answer while a PDF is being made."""

from __future__ import annotations

import re
import time

from starlette.testclient import TestClient

from tests.web.conftest import sign_in


def _wait_until_finished(client: TestClient, address: str, seconds: float = 240) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = client.get(address).text
        if 'http-equiv="refresh"' not in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{address} did not finish in {seconds} s")


def test_an_analyst_generates_a_report_and_downloads_it(client: TestClient) -> None:
    token = sign_in(client, "analyst")
    form = client.get("/reports").text
    assert '<option value="2025/26 Q3">2025/26 Q3 (October–December 2025)</option>' in form
    response = client.post(
        "/reports",
        data={"csrf_token": token, "kind": "plan-quarterly", "quarter": "2025/26 Q3",
              "format": "pdf"},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    address = response.headers["location"]
    assert re.fullmatch(r"/reports/jobs/[A-Za-z0-9_-]{16}", address)
    assert "step" in client.get(address).text  # progress while it works
    started = time.monotonic()
    assert client.get("/data").status_code == 200  # the server answers meanwhile
    assert time.monotonic() - started < 5
    page = _wait_until_finished(client, address)
    assert "Ready." in page, page
    download = client.get(address + "/download")
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/pdf"
    assert 'filename="plan-quarterly-2025-26q3.pdf"' in download.headers["content-disposition"]
    assert download.content.startswith(b"%PDF-")
    client.post("/logout", data={"csrf_token": token})
    sign_in(client, "panel")  # a panel member sees it listed and may download it
    assert address in client.get("/reports").text
    assert client.get(address + "/download").status_code == 200


def test_a_report_for_a_quarter_without_data_fails_with_the_reason(client: TestClient) -> None:
    token = sign_in(client, "analyst")
    response = client.post(
        "/reports",
        data={"csrf_token": token, "kind": "plan-quarterly", "quarter": "2030/31 Q1",
              "format": "pdf"},
    )  # fmt: skip
    page = _wait_until_finished(client, str(response.url.path))
    assert "could not be generated" in page
    assert "holds no police.uk data for Essex in June 2030" in page


def test_bad_report_choices_are_refused_with_a_message(client: TestClient) -> None:
    token = sign_in(client, "analyst")
    for field, value, words in (
        ("kind", "everything", "unknown report"),
        ("format", "docx", "unknown format"),
        ("quarter", "2025 Q9", "quarter"),
    ):
        data = {"csrf_token": token, "kind": "plan-quarterly", "quarter": "2025/26 Q3",
                "format": "html", field: value}  # fmt: skip
        response = client.post("/reports", data=data)
        assert response.status_code == 400, (field, response.status_code)
        assert words in response.text
    no_token = client.post("/reports", data={"kind": "plan-quarterly", "quarter": "2025/26 Q3",
                                             "format": "html"})  # fmt: skip
    assert no_token.status_code == 403
