"""The Most Similar Group page on a demo workspace of three forces, checked against rates
computed here from the DuckDB file's counts and the bundled population table."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from starlette.testclient import TestClient

from policeplan.config import load_settings
from policeplan.demo import build_demo
from policeplan.records import dispose_engines
from policeplan.reference.population import population_for
from policeplan.web.accounts import add_user
from policeplan.web.app import create_app
from policeplan.web.config import WebConfig
from tests.web.conftest import PASSWORD, sign_in

FORCES = {"essex": "Essex", "kent": "Kent", "hampshire": "Hampshire"}


@pytest.fixture(scope="module")
def three_forces(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web-msg") / "workspace"
    settings = load_settings(folder, {})
    build_demo(settings, first_month="2025-01", last_month="2025-12", forces=tuple(FORCES))
    add_user(settings, "panel", role="panel", password=PASSWORD, actor="setup")
    dispose_engines()
    return folder


@pytest.fixture
def msg_client(three_forces: Path) -> Iterator[TestClient]:
    app = create_app(WebConfig(load_settings(three_forces, {}), snapshot_check_seconds=0.0))
    with TestClient(app, base_url="https://testserver") as client:
        yield client
    dispose_engines()


def _rates(folder: Path) -> dict[str, float]:
    """All crime (anti-social behaviour left out) per 1,000 people, mid-2025 population."""
    with duckdb.connect(str(folder / "analytics.duckdb"), read_only=True) as con:
        counts = dict(
            con.execute(
                "SELECT force, count(*) FROM street_crimes WHERE crime_type <> "
                "'Anti-social behaviour' AND month BETWEEN '2025-01-01' AND '2025-12-01' "
                "GROUP BY force"
            ).fetchall()
        )
    return {f: counts[f] / population_for(f, 2025).population * 1000 for f in FORCES}


def test_the_msg_page_ranks_every_force_by_its_rate_with_plausible_ranges(
    msg_client: TestClient, three_forces: Path
) -> None:
    sign_in(msg_client, "panel")
    page = html.unescape(msg_client.get("/msg?to=2025-12").text)
    rates = _rates(three_forces)
    best_first = sorted(FORCES, key=lambda f: rates[f])  # fewer crimes is better
    essex_rank = best_first.index("essex") + 1
    ordinal = {1: "1st", 2: "2nd", 3: "3rd"}
    assert f"{rates['essex']:.2f}" in page
    assert f"{ordinal[essex_rank]} of 3" in page
    assert "95% plausible range" in page
    ranks = msg_client.get("/msg/ranks.csv?to=2025-12").content.decode("utf-8-sig")
    header, all_crime = list(csv.reader(io.StringIO(ranks)))[:2]
    assert header == ["Indicator", *(FORCES[f] for f in best_first)]
    assert all_crime[0] == "All crime offences per 1,000 population"
    assert [cell.split(" ")[0] for cell in all_crime[1:]] == ["1st", "2nd", "3rd"]
    rates_csv = msg_client.get("/msg/rates.csv?to=2025-12").content.decode("utf-8-sig")
    row = rates_csv.splitlines()[1]
    assert all(f"{rates[f]:.2f} (" in row for f in FORCES)
    assert msg_client.get("/msg/rates.xlsx?to=2025-12").content[:2] == b"PK"
    assert msg_client.get("/msg/nothing.csv").status_code == 404
    assert "Public confidence (CSEW)" in page  # a plan MSG indicator without crime figures
