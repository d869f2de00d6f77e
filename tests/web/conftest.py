"""A small demo workspace (Essex, 2023-2025, the example delivery plan) with one user per
role, built once per session and copied for each test so no test sees another's changes."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from policeplan.config import Settings, load_settings
from policeplan.demo import build_demo
from policeplan.records import dispose_engines
from policeplan.web.accounts import add_user
from policeplan.web.app import create_app
from policeplan.web.config import WebConfig

PASSWORD = "a long test passphrase"
# name -> (role, strands)
USERS = {
    "admin": ("admin", ()),
    "analyst": ("analyst", ()),
    "lead": ("lead", ("DA",)),
    "panel": ("panel", ()),
}
ROLES = ("anonymous", *USERS)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web-demo") / "workspace"
    settings = load_settings(folder, {})
    build_demo(settings, first_month="2023-01", last_month="2025-12", forces=("essex",))
    for name, (role, strands) in USERS.items():
        add_user(settings, name, role=role, password=PASSWORD, strands=strands, actor="setup")
    dispose_engines()
    return folder


@pytest.fixture
def web_settings(demo_template: Path, tmp_path: Path) -> Iterator[Settings]:
    folder = tmp_path / "workspace"
    shutil.copytree(demo_template, folder, ignore=shutil.ignore_patterns(".web"))
    yield load_settings(folder, {})
    dispose_engines()


@pytest.fixture
def client(web_settings: Settings) -> Iterator[TestClient]:
    app = create_app(
        WebConfig(web_settings, snapshot_check_seconds=0.0, snapshot_min_copy_seconds=0.0)
    )
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as c:
        yield c


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign `name` in; the CSRF token of their session."""
    page = client.get("/login")
    response = client.post(
        "/login",
        data={"csrf_token": csrf_of(page.text), "name": name, "password": password, "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/delivery").text)
