"""The Most Similar Group pages on the real sample (Essex and its peers, 2025 police.uk
files; the Home Office 2017/18 table; per-force measures loaded from a CSV): every figure
shown or downloaded equals the engine's (`compare_with_group`), and the plan's indicators
without data say "not held" and why instead of failing."""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from scipy.stats import chi2_contingency
from starlette.testclient import TestClient

from policeplan.config import load_settings
from policeplan.indicators import MsgQuery
from policeplan.indicators.msg_compare import compare_with_group
from policeplan.indicators.msg_result import MsgComparison
from policeplan.indicators.msg_values import ValueComparison
from policeplan.ingest.home_office import import_home_office
from policeplan.ingest.measures import import_measures
from policeplan.ingest.police_uk import ImportSummary
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.records import dispose_engines
from policeplan.render.wording import ordinal, rank_phrase
from policeplan.store import Workspace
from policeplan.web.accounts import add_user
from policeplan.web.app import create_app
from policeplan.web.config import WebConfig
from tests.conftest import TEST_DATA
from tests.web.browser_helpers import CHROMIUM, browser_tab, check_accessibility, running_server
from tests.web.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.realdata

HOME_OFFICE_TABLE = "reference/home-office/recorded_crime_by_force_2017-18.csv"
# Police staff sickness, 2025/26 Q2: hours lost of hours contracted, nearly equal.
STAFF_SICKNESS = {
    "essex": (300, 10_000), "kent": (310, 10_000), "sussex": (290, 10_000),
    "hampshire": (305, 10_000), "hertfordshire": (295, 10_000),
    "thames-valley": (315, 10_000), "avon-and-somerset": (300, 10_000),
    "staffordshire": (298, 10_000),
}  # fmt: skip


@pytest.fixture(scope="module")
def real_web(
    real_sample: tuple[Workspace, ImportSummary],
    shared_data: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Workspace:
    """A copy of the real sample with the example plan, the Home Office 2017/18 table, the
    loaded per-force measures of the MSG tests and police staff sickness, and a panel
    member."""
    source, _ = real_sample
    folder = tmp_path_factory.mktemp("web-msg-real")
    settings = load_settings(folder / "w", {})
    Path(settings.workspace).mkdir(parents=True)
    shutil.copy(source.settings.analytics_path, settings.analytics_path)
    workspace = Workspace.open(settings)
    save_plan(workspace, load_plan(example_plan_path()))
    import_home_office(workspace, shared_data / HOME_OFFICE_TABLE)
    import_measures(workspace, TEST_DATA / "indicators" / "msg-measures.csv")
    staff = folder / "staff-sickness.csv"
    staff.write_text(
        "measure,period,area,value,numerator,denominator,unit\n"
        + "".join(
            f"sickness-police-staff,2025/26-Q2,{force},{lost / hours * 100:.2f},{lost},{hours},%\n"
            for force, (lost, hours) in STAFF_SICKNESS.items()
        )
    )
    import_measures(workspace, staff)
    add_user(settings, "panel", role="panel", password=PASSWORD, actor="setup")
    dispose_engines()
    return workspace


@pytest.fixture
def client(real_web: Workspace) -> Iterator[TestClient]:
    app = create_app(WebConfig(real_web.settings, snapshot_check_seconds=0.0))
    with TestClient(app, base_url="https://testserver") as c:
        sign_in(c, "panel")
        yield c
    dispose_engines()


def _csv(client: TestClient, address: str) -> list[list[str]]:
    response = client.get(address)
    assert response.status_code == 200, response.text
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _row(rows: list[list[str]], first: str) -> dict[str, str]:
    found = next(r for r in rows if r[0] == first)
    return dict(zip(rows[0], found, strict=True))


def _engine(workspace: Workspace, measure: str, **query: object) -> ValueComparison:
    result = compare_with_group(workspace, MsgQuery(measure, "essex", **query))  # type: ignore[arg-type]
    assert isinstance(result, ValueComparison)
    return result


def test_solved_rates_of_every_measure_equal_the_engine(
    client: TestClient, real_web: Workspace
) -> None:
    engine = _engine(real_web, "all-crime", to="2025-12", statistic="solved-rate")
    essex = engine.force_member.figure
    assert (essex.numerator, essex.denominator) == (20_913, 143_676)

    rows = _csv(client, "/msg/overview.csv?to=2025-12&statistic=solved-rate")
    all_crime = _row(rows, "All crime solved rate")
    assert all_crime["Solved of crimes"] == "20,913 of 143,676"
    assert all_crime["Solved rate"] == f"{20_913 / 143_676:.1%}" == "14.6%"
    assert all_crime["95% interval (Wilson)"] == f"{essex.lower:.1%}–{essex.upper:.1%}"
    assert all_crime["Position"] == "3rd of 8"
    assert all_crime["MSG average (mean of proportions)"] == f"{float(engine.average):.1%}"
    assert all_crime["Pooled proportion"] == f"{float(engine.pooled_average or 0):.1%}"
    top = engine.change_to_top_quartile
    assert top.change_count == 852
    assert (
        all_crime["To reach the top quartile"] == f"up {top.change:.1f} points (+852 solved crimes)"
    )
    assert all_crime["To reach the MSG average"] == "already there"
    assert all_crime["Do the forces differ?"] == "the members differ significantly (p < 0.001)"

    rates = _csv(client, "/msg/rates.csv?to=2025-12&statistic=solved-rate")
    solved = _row(rates, "All crime solved rate")
    for member in engine.members:
        f = member.figure
        mark = " †" if f.note else ""
        assert solved[member.force.short_name] == (
            f"{float(f.value):.1%} ({f.lower:.1%}–{f.upper:.1%}){mark}"
        )
    assert solved["Sussex"].endswith(" †")  # 9.1% still open against Essex's 3.8%
    page = html.unescape(client.get("/msg?to=2025-12&statistic=solved-rate").text)
    assert "†Sussex: outcomes not comparable with Essex's" in page
    assert 'href="/msg/all-crime-solved-rate?to=2025-12"' in page


def test_the_plans_indicators_each_come_from_their_own_data_or_say_why_not(
    client: TestClient, real_web: Workspace
) -> None:
    rows = _csv(client, "/msg/plan.csv?to=2025-12")
    solved = _row(rows, "All crime solved rate")
    assert solved["Compared on"] == "police.uk outcomes: solved rate (solved / crimes)"
    assert (solved["Value"], solved["Position"]) == ("14.6%", "3rd of 8 (1st = highest)")
    assert solved["Aspiration"] == "upper-quartile: not met"  # 2nd is the top
    assert "outcomes not comparable or not settled: Sussex" in solved["Notes"]

    # A loaded proportion, down is good, over its latest quarter.
    sickness = _row(rows, "Percentage of contracted hours lost to sickness (police officers)")
    engine = _engine(real_web, "sickness-police-officers", to="2025-09", months=3,
                     source="measures")  # fmt: skip
    assert sickness["Period"] == "2025-07 to 2025-09"
    assert "last data to 2025-09" in sickness["Notes"]
    assert sickness["Value"] == "4.2%" and sickness["Position"] == "3rd of 8 (1st = lowest)"
    assert sickness["MSG average"] == f"{float(engine.average):.1%}"
    # A survey estimate whose latest data ends before the window.
    confidence = _row(rows, "Public confidence (CSEW)")
    assert confidence["Period"] == "2019-04 to 2020-03"
    assert confidence["Notes"] == "last data to 2020-03"
    assert confidence["Value"] == "78.0%"
    # Nearly equal staff sickness: the chi-square test finds no difference.
    staff = _row(rows, "Percentage of contracted hours lost to sickness (police staff)")
    table = [[n for n, _ in STAFF_SICKNESS.values()],
             [hours - n for n, hours in STAFF_SICKNESS.values()]]  # fmt: skip
    p_value = chi2_contingency(table, correction=False).pvalue
    assert p_value >= 0.05
    assert staff["Notes"].startswith("no significant statistical difference across the MSG")

    # No Home Office table for 2025, and no solved rate of a Home Office offence group.
    homicide = _row(rows, "Homicide offences per 1,000 population")
    assert homicide["Value"] == "not held"
    assert "no Home Office recorded crime for 2025-01 to 2025-12" in homicide["Notes"]
    assert "the Home Office table held covers 2017-04 to 2018-03" in homicide["Notes"]
    homicide_solved = _row(rows, "Homicide solved rate")
    assert homicide_solved["Value"] == "not held"
    assert (
        "police.uk outcomes are not split into Home Office offence groups"
        in (homicide_solved["Notes"])
    )
    ksi = _row(rows, "Killed or seriously injured casualties per 100 million vehicle km")
    assert ksi["Notes"] == (
        "Not held: no loaded measure 'killed-or-seriously-injured' in the workspace: import "
        "it with policeplan import measures"
    )


def test_home_office_offence_groups_are_ranked_from_the_home_office_table(
    client: TestClient, real_web: Workspace
) -> None:
    rows = _csv(client, "/msg/plan.csv?to=2018-03")
    homicide = _row(rows, "Homicide offences per 1,000 population")
    engine = compare_with_group(real_web, MsgQuery("homicide", "essex", "2018-03",
                                                   source="home-office"))  # fmt: skip
    assert isinstance(engine, MsgComparison)
    assert homicide["Compared on"] == "Home Office recorded crime: offences per 1,000 people"
    assert homicide["Value"] == f"{float(engine.force_member.rate):.3g}"
    own = engine.force_member
    assert homicide["Position"] == f"{rank_phrase(own.rank, len(engine.members))} (1st = lowest)"
    assert any(c.startswith("small numbers") for c in engine.caveats)
    assert "small numbers" in homicide["Notes"]

    detail = _csv(client, "/msg/homicide/members.csv?to=2018-03")
    for member in engine.members:
        row = _row(detail, member.force.short_name + (" (this force)" if member is
                                                      engine.force_member else ""))  # fmt: skip
        assert row["Offences"] == f"{member.count:,}"
        assert row["Rate per 1,000"] == f"{float(member.rate):.3g}"


def test_a_solved_rate_page_has_the_member_table_funnel_and_downloads(
    client: TestClient, real_web: Workspace
) -> None:
    engine = _engine(real_web, "all-crime", to="2025-12", statistic="solved-rate")
    page = client.get("/msg/all-crime-solved-rate?to=2025-12")
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "Value</dt><dd>14.6% (20,913 of 143,676)" in text
    assert "Change to reach the top quartile (15.1%): +0.6 percentage points (+852 solved " \
        "crimes)" in text  # fmt: skip
    assert re.search(r'<div class="chart-svg" role="img" aria-label="[^"]*funnel plot of 8 '
                     r"members, solved rate \(%\) against crimes recorded", text)  # fmt: skip
    assert "<svg" in page.text and "95% limits allowing for the spread between forces" in text

    rows = _csv(client, "/msg/all-crime-solved-rate/members.csv?to=2025-12")
    assert rows[0][:6] == ["Force", "Rank", "95% plausible range", "Solved", "Crimes",
                           "Solved rate"]  # fmt: skip
    assert [r[0].removesuffix(" (this force)") for r in rows[1:]] == [
        m.force.short_name for m in engine.members
    ]
    for row, member in zip(rows[1:], engine.members, strict=True):
        f = member.figure
        assert row[1] == ordinal(member.rank)
        assert row[3:6] == [f"{int(f.numerator or 0):,}", f"{int(f.denominator or 0):,}",
                            f"{float(f.value):.1%}"]  # fmt: skip
    assert client.get("/msg/all-crime-solved-rate/members.xlsx?to=2025-12").content[:2] == b"PK"
    assert client.get("/msg/all-crime-solved-rate/nothing.csv").status_code == 404


def test_bad_statistic_or_source_gets_a_one_line_message(client: TestClient) -> None:
    for address in ("/msg?statistic=median", "/msg/all-crime?source=iquanta"):
        response = client.get(address)
        assert response.status_code == 400
        assert "unknown" in response.text and "Traceback" not in response.text
    assert client.get("/msg/Not_A_Measure").status_code == 404


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_the_msg_pages_in_a_browser_draw_the_funnel_and_pass_axe(real_web: Workspace) -> None:
    with running_server(real_web.settings) as server, browser_tab(server) as tab:
        tab.goto("/login")
        tab.get_by_label("User name").fill("panel")
        tab.get_by_label("Password").fill(PASSWORD)
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_url("**/")
        tab.goto("/msg?to=2025-12&statistic=solved-rate")
        check_accessibility(tab, "msg-solved-rates")
        tab.get_by_role("link", name="All crime solved rate").first.click()
        tab.wait_for_selector(".chart-svg .vega-embed, .chart-svg svg")
        check_accessibility(tab, "msg-all-crime-solved-rate")
        tab.goto("/msg/homicide?to=2018-03")
        check_accessibility(tab, "msg-homicide-home-office")
