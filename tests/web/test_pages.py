"""The plan page's summary table and the indicator page's card, checked against counts
read straight from the workspace's DuckDB file (not through the library)."""

from __future__ import annotations

import html
import json
import re

import duckdb
from starlette.testclient import TestClient

from policeplan.config import Settings
from policeplan.web.chart_process import VEGA_BUNDLE_VERSION
from tests.web.conftest import sign_in


def _count(settings: Settings, first: str, last: str, crime_type: str | None = None) -> int:
    """Street records of Essex over the months; all crime leaves out anti-social behaviour."""
    where = "force = 'essex' AND month BETWEEN ? AND ? AND crime_type <> 'Anti-social behaviour'"
    params: list[object] = [f"{first}-01", f"{last}-01"]
    if crime_type is not None:
        where += " AND crime_type = ?"
        params.append(crime_type)
    path = str(settings.workspace / "analytics.duckdb")
    with duckdb.connect(path, read_only=True) as con:
        row = con.execute(f"SELECT count(*) FROM street_crimes WHERE {where}", params).fetchone()
    assert row is not None
    return int(row[0])


def _summary_row(page: str, title: str) -> str:
    found = re.search(rf'<tr>\s*<th scope="row"><a href="[^"]+">{title}</a>.*?</tr>', page, re.S)
    assert found, f"no summary row for {title}"
    return found.group(0)


def test_the_plan_page_shows_the_summary_table_with_latest_value_change_and_icon(
    client: TestClient, web_settings: Settings
) -> None:
    sign_in(client, "panel")
    page = client.get("/").text
    current = _count(web_settings, "2025-01", "2025-12")
    before = _count(web_settings, "2024-01", "2024-12")
    row = _summary_row(page, "All Crime")
    assert f">{current:,}<" in row
    # the change allows for the windows' lengths: 2024 had 366 days, 2025 has 365
    assert f"{(current / 365 / (before / 366) - 1) * 100:+.1f}%" in row
    icon = r'<img class="mdc-icon" src="data:image/svg\+xml;base64,[^"]+" alt="[^"]+"'
    assert re.search(icon, row)
    assert "Priorities" in page  # the executive summary's first sentence:
    assert re.search(r"\d+ of the plan(&#39;|')s \d+ indicators (has|have) figures for the", page)
    # an indicator without figures says how to load them instead of showing blanks
    assert "No data: nothing in the workspace is called &#39;dog-thefts&#39;" in page


def test_the_indicator_page_shows_the_card_commentary_and_caveats(
    client: TestClient, web_settings: Settings
) -> None:
    sign_in(client, "panel")
    page = html.unescape(client.get("/indicators/burglary?to=2025-12").text)
    current = _count(web_settings, "2025-01", "2025-12", "Burglary")
    before = _count(web_settings, "2024-01", "2024-12", "Burglary")
    assert "What the figures say" in page and "Caveats" in page
    fell_or_rose = "fell" if current < before else "rose"
    change = current / 365 / (before / 366) - 1
    assert f"Burglary {fell_or_rose} by {abs(change):.1%}" in page
    assert "Synthetic demo data: the figures are generated" in page
    comparisons = client.get("/indicators/burglary/comparisons.csv?to=2025-12").text
    assert f"{before:,}" in comparisons
    assert f",{current - before * 365 / 366:+,.0f}," in comparisons


def test_the_msg_page_of_a_force_alone_says_why_nothing_is_compared(client: TestClient) -> None:
    sign_in(client, "panel")
    response = client.get("/msg")
    assert response.status_code == 200
    assert "Every crime measure: no other member of Essex&#39;s group can be compared" in (
        response.text
    )
    assert client.get("/msg?to=2025-13").status_code == 400


def test_indicator_charts_carry_their_definition_and_an_svg_fallback(client: TestClient) -> None:
    sign_in(client, "panel")
    page = client.get("/indicators/burglary?to=2025-12").text
    specs = re.findall(r'data-vega-spec="([^"]+)">(<svg[^>]*>)', page)
    assert len(specs) == 2  # the monthly and the SPC chart, each with the server's SVG inside
    for attribute, _svg in specs:
        spec = json.loads(html.unescape(attribute))
        assert spec["description"] and ("layer" in spec or "mark" in spec)
    assert f'<script src="/assets/vega-{VEGA_BUNDLE_VERSION}.js" defer>' in page
    assert '<script src="/static/charts.js" defer>' in page
    assert "<script>" not in page  # no inline script: the CSP forbids it
    bundle = client.get(f"/assets/vega-{VEGA_BUNDLE_VERSION}.js")
    assert bundle.status_code == 200 and "immutable" in bundle.headers["cache-control"]
    assert "window.vegaEmbed=" in bundle.text  # the bundle makes vega-embed a global
    assert client.get("/assets/vega-0.0-vl1.js").status_code == 404
    assert "ast: true" in client.get("/static/charts.js").text


def test_the_hotspot_map_counts_every_burglary_and_runs_no_script(
    client: TestClient, web_settings: Settings
) -> None:
    sign_in(client, "panel")
    response = client.get("/indicators/burglary/hotspots?to=2025-12")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'none'" in policy and "frame-ancestors 'none'" in policy
    with duckdb.connect(str(web_settings.workspace / "analytics.duckdb"), read_only=True) as con:
        row = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE longitude IS NULL OR latitude IS NULL) "
            "FROM street_crimes WHERE force = 'essex' AND crime_type = 'Burglary' "
            "AND month BETWEEN '2025-01-01' AND '2025-12-01'"
        ).fetchone()
    assert row is not None
    total, unlocated = row
    assert f"{total - unlocated:,} located; excluded: {unlocated:,} with no location" in (
        html.unescape(response.text)
    )
    assert "<script" not in response.text and "<svg" in response.text
    assert client.get("/indicators/public-confidence/hotspots").status_code == 404
    assert "/indicators/burglary/hotspots?to=2025-12" in client.get("/indicators/burglary").text


def test_the_card_tests_a_change_as_the_indicator_does(web_settings: Settings) -> None:
    """With 24 months of history the indicator's test allows for the series' dispersion;
    the card (and so the summary and executive summary on the same page) must give the
    same p and verdict, not the plain Poisson test's."""
    from policeplan.indicators import CardQuery, IndicatorQuery, build_card, compute_indicator
    from policeplan.store import Workspace

    workspace = Workspace.open(web_settings)
    result = compute_indicator(workspace, IndicatorQuery("all-crime", "essex", "2025-12"))
    assert result.change is not None and result.change.test.adjusted  # phi was estimated
    previous = build_card(workspace, CardQuery("all-crime", "essex", to="2025-12")).comparison(
        "previous"
    )
    assert previous is not None
    assert previous.p == result.change.p_value and previous.significant == result.change.significant
    assert previous.method == result.change.test.method
