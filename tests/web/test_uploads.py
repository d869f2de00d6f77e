"""An analyst uploads a real police.uk file and a measures CSV on the Data page: imported
in the worker with the CLI's checks and rejects; wrong files are refused before import."""

from __future__ import annotations

import csv
import gzip
import io
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from httpx import Response
from starlette.testclient import TestClient

from policeplan.config import Settings, load_settings
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.records import dispose_engines
from policeplan.store import Workspace
from policeplan.web.accounts import add_user
from policeplan.web.app import create_app
from policeplan.web.config import WebConfig
from tests.conftest import TEST_DATA
from tests.web.conftest import PASSWORD, sign_in

STREET = "2018-01-essex-street.csv.gz"


@pytest.fixture
def real_settings(tmp_path: Path) -> Iterator[Settings]:
    """A real (not demo) workspace with the example plan and an analyst and a lead."""
    settings = load_settings(tmp_path / "real", {})
    workspace = Workspace.open(settings)
    save_plan(workspace, load_plan(example_plan_path()))
    add_user(settings, "analyst", role="analyst", password=PASSWORD, actor="setup")
    add_user(settings, "lead", role="lead", password=PASSWORD, strands=("DA",), actor="setup")
    yield settings
    dispose_engines()


@pytest.fixture
def real_client(real_settings: Settings) -> Iterator[TestClient]:
    config = WebConfig(real_settings, snapshot_check_seconds=0.0, snapshot_min_copy_seconds=0.0,
                       max_upload_bytes=2 * 1024 * 1024)  # fmt: skip
    with TestClient(create_app(config), base_url="https://testserver") as client:
        yield client


def _finished(client: TestClient, address: str, seconds: float = 180) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = client.get(address).text
        if 'http-equiv="refresh"' not in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{address} did not finish")


def _upload(client: TestClient, token: str, kind: str, name: str, body: bytes) -> Response:
    return client.post(
        "/data/uploads",
        data={"csrf_token": token, "kind": kind},
        files={"file": (name, body, "application/octet-stream")},
        follow_redirects=False,
    )


def test_an_uploaded_police_uk_file_is_imported_with_its_rows_counted(
    real_client: TestClient, real_settings: Settings, shared_data: Path
) -> None:
    token = sign_in(real_client, "analyst")
    body = (shared_data / "police_uk" / "essex" / STREET).read_bytes()
    with gzip.open(io.BytesIO(body), "rt", encoding="utf-8") as text:
        rows = list(csv.DictReader(text))
    response = _upload(real_client, token, "police-uk", STREET, body)
    assert response.status_code == 303
    page = _finished(real_client, response.headers["location"])
    with duckdb.connect(str(real_settings.analytics_path), read_only=True) as con:
        held = con.execute("SELECT count(*) FROM street_crimes").fetchone()
        rejected = con.execute("SELECT count(*) FROM rejects").fetchone()
    assert held is not None and rejected is not None
    assert held[0] + rejected[0] == len(rows)
    assert f"loaded essex street 2018-01: {held[0]:,} rows loaded, {rejected[0]:,} rows" in page
    again = _upload(real_client, token, "police-uk", STREET, body)
    assert "unchanged essex street 2018-01" in _finished(real_client, again.headers["location"])


def test_an_uploaded_measures_file_keeps_its_bad_rows_aside_like_the_cli(
    real_client: TestClient,
) -> None:
    token = sign_in(real_client, "analyst")
    body = (TEST_DATA / "measures" / "bad_rows.csv").read_bytes()
    response = _upload(real_client, token, "measures", "bad_rows.csv", body)
    page = _finished(real_client, response.headers["location"])
    assert "Done." in page
    assert "line 3, field period" in page  # 2021-13 is not a month
    assert "line 4, field value" in page  # n/a is not a number


@pytest.mark.parametrize(
    ("kind", "name", "body", "words"),
    [
        ("police-uk", "2018-01-essex-street.pdf", b"%PDF", "must end in .csv or .csv.gz or .zip"),
        ("police-uk", "2018-01-essex-street.csv.gz", b"not gzip", "is not a gz file"),
        ("police-uk", "archive.zip", b"plain text", "is not a zip file"),
        ("measures", "m.csv", b"\xff\xfe\x00\x00binary\x00\x99\x88" * 50, "not a UTF-8 text"),
        ("measures", "m.csv", b"", "is empty"),
        ("measures", "../../etc/passwd.csv", b"a,b\n", "Done."),  # the name's folder dropped
        ("spreadsheet", "m.csv", b"a\n", "unknown kind of file"),
    ],
)
def test_wrong_uploads_are_refused_before_any_import(
    real_client: TestClient, kind: str, name: str, body: bytes, words: str
) -> None:
    token = sign_in(real_client, "analyst")
    response = _upload(real_client, token, kind, name, body)
    if words == "Done.":  # saved as passwd.csv in the job's folder, then refused as measures
        page = _finished(real_client, response.headers["location"])
        assert "could not be imported" in page and "passwd.csv" in page
        return
    assert response.status_code == 400, words
    assert words in response.text


def test_an_oversized_upload_and_a_demo_workspace_are_refused(
    real_client: TestClient, client: TestClient
) -> None:
    token = sign_in(real_client, "analyst")
    big = _upload(real_client, token, "measures", "big.csv", b"a" * (3 * 1024 * 1024))
    assert big.status_code == 413
    demo_token = sign_in(client, "analyst")
    demo = _upload(client, demo_token, "measures", "m.csv", b"measure,period,area,value\n")
    assert demo.status_code == 400
    assert "demo workspace" in demo.text
