"""In a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): a lead
submits a quarterly update, an analyst approves it, generates a report and downloads it,
publishes, and the public sees the update.
Every page is checked with axe-core (WCAG 2.2 A/AA rules); serious or critical violations
fail. Screenshots are kept in tests/web/artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from policeplan.config import Settings
from tests.web.browser_helpers import (
    ARTIFACTS,
    CHROMIUM,
    browser_tab,
    check_accessibility,
    running_server,
)
from tests.web.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install chromium"
    ),
]


@pytest.fixture
def server(web_settings: Settings) -> Iterator[str]:
    with running_server(web_settings) as address:
        yield address


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    with browser_tab(server) as tab:
        yield tab


def sign_in(page: Any, name: str) -> None:
    page.goto("/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def test_lead_submits_analyst_approves_and_publishes_public_sees_it(page: Any) -> None:
    page.goto("/login")
    check_accessibility(page, "01-login")
    sign_in(page, "lead")
    check_accessibility(page, "02-plan-as-lead")
    page.get_by_role("link", name="Delivery", exact=True).click()
    page.get_by_role("link", name="Domestic Abuse").first.click()
    check_accessibility(page, "03-strand")
    page.get_by_role("link", name="Quarterly update for").click()
    page.get_by_label("Delivery achieved this quarter").fill(
        "Trained 40 officers in domestic abuse risk assessment.\n<script>alert(1)</script>"
    )
    page.get_by_label("Delivery scheduled for next quarter").fill("Roll out the new DASH form.")
    page.get_by_label("Internal insight").fill("Staffing is tight; internal only.")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Draft saved.").wait_for()
    page.get_by_role("button", name="Submit for approval").click()
    page.get_by_text("Submitted for approval.").wait_for()
    check_accessibility(page, "04-update-submitted")
    update_address = page.url.split("?")[0]
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "analyst")
    page.goto(update_address)
    page.get_by_role("button", name="Approve").click()
    page.get_by_text("Approved.").wait_for()
    check_accessibility(page, "05-update-approved")
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto("/indicators/burglary")
    page.wait_for_selector("[data-vega-drawn]")  # the charts drawn by Vega in the browser
    assert page.locator("[data-vega-drawn]").count() == 2 and not blocked, blocked
    page.locator(".chart-live svg path").first.hover()
    check_accessibility(page, "06-indicator")
    page.get_by_role("link", name="Reports", exact=True).click()
    check_accessibility(page, "06a-reports")
    page.get_by_label("Report").select_option("plan-quarterly")
    page.get_by_label("Format").select_option("html")
    page.get_by_role("button", name="Generate the report").click()
    page.get_by_text("Ready.").wait_for(timeout=180_000)  # the page refreshes itself
    check_accessibility(page, "06b-report-ready")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download plan-quarterly").click()
    saved = ARTIFACTS / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("plan-quarterly-") and "Police and Crime Plan" in saved.read_text()
    page.goto("/")
    page.get_by_role("button", name="Publish to the public site").click()
    page.wait_for_url("**/public/")
    assert page.get_by_role("button", name="Sign out").count() == 0  # public: no session UI
    check_accessibility(page, "07-public-plan")
    page.get_by_role("link", name="Domestic Abuse,").click()
    body = page.content()
    assert "Trained 40 officers" in body and "internal only" not in body
    assert page.evaluate("typeof window.alertCalled") == "undefined"
    check_accessibility(page, "08-public-update")


def test_keyboard_users_can_skip_to_the_content(page: Any) -> None:
    page.goto("/login")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
