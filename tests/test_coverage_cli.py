"""Issue #9 item 7: `coverage` shows every dataset, with headers and month ranges."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from tests.conftest import TEST_DATA

pytestmark = pytest.mark.realdata


@pytest.fixture
def filled(settings: Settings, shared_data: Path) -> Settings:
    police_uk = shared_data / "police_uk"
    files = [str(p) for force in ("essex", "kent") for p in (police_uk / force).glob("201*")]
    for args in (
        ["police-uk", *files],
        ["home-office", str(TEST_DATA / "home_office" / "spaces_header.csv")],
        ["measures", str(TEST_DATA / "measures" / "good.csv")],
    ):
        result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), "import", *args])
        assert result.exit_code == 0, result.output
    return settings


def _coverage(settings: Settings, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), "coverage", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_text_shows_month_ranges_suspect_months_and_every_dataset(filled: Settings) -> None:
    text = _coverage(filled)

    lines = text.splitlines()
    essex = next(line for line in lines if line.strip().startswith("essex"))
    kent = next(line for line in lines if line.strip().startswith("kent"))
    assert "2018-01 to 2018-07, 2018-10 to 2019-02" in essex
    assert "2018-08, 2018-09" in text  # essex's gap, named
    # Kent 2018-12 holds 0.53 of its neighbours' rows: the one incomplete month.
    assert kent.rstrip().endswith("2018-12")
    for header in ("force", "dataset", "months held", "suspect incomplete", "quarter",
                   "offences", "measure", "areas", "period range"):  # fmt: skip
        assert header in text
    assert "2017/18 Q1" in text and "2017/18 Q2" in text
    assert "volunteer-hours" in text and "lpa:North, lpa:South" in text


def test_json_keeps_the_old_fields_and_adds_every_dataset(filled: Settings) -> None:
    data = json.loads(_coverage(filled, "--json"))

    assert {"partitions", "gaps"} <= set(data)
    assert len(data["partitions"]) == 12 + 5
    essex = next(f for f in data["police_uk"] if f["force"] == "essex")
    assert essex["ranges"] == ["2018-01 to 2018-07", "2018-10 to 2019-02"]
    assert essex["missing_months"] == ["2018-08", "2018-09"]
    kent = next(f for f in data["police_uk"] if f["force"] == "kent")
    assert kent["suspect_months"] == ["2018-12"]
    assert [h["period"] for h in data["home_office"]] == ["2017/18 Q1", "2017/18 Q2"]
    assert data["home_office"][0]["forces"] == 2
    measure = next(m for m in data["measures"] if m["measure"] == "answer-999-within-10s")
    assert (measure["first_period"], measure["last_period"]) == ("2021-07", "2021-08")
