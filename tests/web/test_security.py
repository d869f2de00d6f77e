"""Security measures: CSRF, escaping, rate limit, session rotation, cookie flags, headers."""

from __future__ import annotations

from datetime import timedelta

from starlette.testclient import TestClient

from policeplan.config import Settings
from policeplan.records import utc_now
from policeplan.web.security.sessions import SESSION_COOKIE, load_session
from tests.web.conftest import PASSWORD, csrf_of, sign_in

Q = "2025-26Q3"


def test_a_change_without_the_csrf_token_is_refused_and_changes_nothing(
    client: TestClient,
) -> None:
    sign_in(client, "analyst")
    for token in (None, "", "forged-token"):
        data = {"achieved": "forged", "scheduled": "", "version": "0"}
        if token is not None:
            data["csrf_token"] = token
        response = client.post(f"/delivery/strands/DA/updates/{Q}", data=data)
        assert response.status_code == 403
    assert "forged" not in client.get(f"/delivery/strands/DA/updates/{Q}").text


def test_the_login_form_needs_its_own_csrf_token(client: TestClient) -> None:
    client.get("/login")
    response = client.post("/login", data={"name": "analyst", "password": PASSWORD})
    assert response.status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_script_in_a_narrative_field_is_shown_as_text(client: TestClient) -> None:
    token = sign_in(client, "lead")
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.post(
        f"/delivery/strands/DA/updates/{Q}",
        data={
            "csrf_token": token,
            "achieved": attack,
            "scheduled": "s",
            "insight": "",
            "version": "0",
        },
    )
    html = client.get(f"/delivery/strands/DA/updates/{Q}").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_five_failed_logins_lock_the_account_even_for_the_right_password(
    client: TestClient,
) -> None:
    for _ in range(5):
        page = client.get("/login")
        response = client.post(
            "/login", data={"csrf_token": csrf_of(page.text), "name": "panel", "password": "bad"}
        )
        assert response.status_code == 401
    page = client.get("/login")
    response = client.post(
        "/login", data={"csrf_token": csrf_of(page.text), "name": "panel", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.text


def test_five_failures_from_one_address_lock_other_accounts_from_it(client: TestClient) -> None:
    for name in ("a1", "a2", "a3", "a4", "a5"):
        page = client.get("/login")
        client.post("/login", data={"csrf_token": csrf_of(page.text), "name": name,
                                    "password": "bad"})  # fmt: skip
    page = client.get("/login")
    response = client.post(
        "/login", data={"csrf_token": csrf_of(page.text), "name": "analyst", "password": PASSWORD}
    )
    assert response.status_code == 429


def test_signing_in_replaces_the_session_id_and_the_old_one_stops_working(
    client: TestClient, web_settings: Settings
) -> None:
    sign_in(client, "panel")
    first = client.cookies[SESSION_COOKIE]
    client.cookies.clear()
    page = client.get("/login")
    client.cookies.set(SESSION_COOKIE, first)  # the browser still holds the old id
    response = client.post(
        "/login",
        data={"csrf_token": csrf_of(page.text), "name": "analyst", "password": PASSWORD},
        follow_redirects=False,
    )
    assert response.status_code == 303
    second = response.cookies[SESSION_COOKIE]
    assert second != first
    assert load_session(web_settings, first) is None
    signed = load_session(web_settings, second)
    assert signed is not None and signed.name == "analyst"


def test_session_cookie_is_secure_httponly_and_samesite_strict(client: TestClient) -> None:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={"csrf_token": csrf_of(page.text), "name": "panel", "password": PASSWORD},
        follow_redirects=False,
    )
    cookie = next(v for k, v in response.headers.multi_items()
                  if k == "set-cookie" and v.startswith(SESSION_COOKIE))  # fmt: skip
    flags = {part.strip().lower() for part in cookie.split(";")}
    assert {"secure", "httponly", "samesite=strict", "path=/"} <= flags


def test_an_expired_session_is_not_accepted(web_settings: Settings, client: TestClient) -> None:
    sign_in(client, "panel")
    session_id = client.cookies[SESSION_COOKIE]
    later = utc_now() + timedelta(hours=9)
    assert load_session(web_settings, session_id, now=later) is None


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/login", "/public/", "/no-such-page", "/static/site.css"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_pages_have_no_inline_script(client: TestClient) -> None:
    sign_in(client, "analyst")
    for path in ("/", "/indicators/burglary", "/delivery", "/login"):
        assert "<script>" not in client.get(path).text


def test_sign_ins_failures_and_sign_outs_are_in_the_audit_log(client: TestClient) -> None:
    login = client.get("/login")
    client.post("/login", data={"csrf_token": csrf_of(login.text), "name": "lead",
                                "password": "not the password", "next": "/"})  # fmt: skip
    token = sign_in(client, "analyst")
    client.post("/logout", data={"csrf_token": token})
    sign_in(client, "panel")
    lead = client.get("/audit?ref=lead").text
    assert "wrong name or password" in lead and "not the password" not in lead
    analyst = client.get("/audit?ref=analyst").text
    assert analyst.count("signed in") == 1 and analyst.count("signed out") == 1
    assert "from testclient" in analyst
