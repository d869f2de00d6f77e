"""Indicators on the real police.uk sample, checked against independent counts."""

from __future__ import annotations

import json
import math
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from scipy.stats import binomtest

from policeplan.cli import cli
from policeplan.errors import InputError
from policeplan.indicators import IndicatorQuery
from policeplan.indicators.indicator import compute_indicator
from policeplan.store import Workspace
from tests.indicators.real_counts import count, street_rows

pytestmark = pytest.mark.realdata

JAN_APR_2025 = ["2025-01", "2025-02", "2025-03", "2025-04"]
JAN_APR_2024 = ["2024-01", "2024-02", "2024-03", "2024-04"]
YEAR_2025 = [f"2025-{m:02d}" for m in range(1, 13)]


def test_essex_burglary_jan_apr_2025_against_2024(
    real_workspace: Workspace, shared_data: Path
) -> None:
    now, now_solved = count(shared_data, "essex", JAN_APR_2025, "Burglary")
    then, then_solved = count(shared_data, "essex", JAN_APR_2024, "Burglary")

    result = compute_indicator(
        real_workspace,
        IndicatorQuery("burglary", "essex", "2025-04", months=4, compare="last-year"),
    ).to_dict()

    assert (result["current"]["count"], result["comparison"]["count"]) == (now, then)
    # Days as the exposure (issue #8 item 9): January-April 2025 has 120 days, 2024 121.
    assert (result["current_days"], result["comparison_days"]) == (120, 121)
    assert result["diff"] == round(now - then * 120 / 121, 1)
    expected_pct = (Decimal(now) / 120 - Decimal(then) / 121) / (Decimal(then) / 121) * 100
    assert result["pct_diff"] == float(expected_pct.quantize(Decimal("0.1"), ROUND_HALF_UP))
    poisson = binomtest(now, now + then, 120 / 241).pvalue
    assert result["poisson_p_value"] == pytest.approx(poisson, rel=1e-9)
    # Too little history for the dispersion (4 of 24 months): the verdict is the exact test.
    assert result["p_value"] == result["poisson_p_value"]
    assert result["caveat"].startswith("only 4 months of history held (24 needed)")
    assert result["significant"] is (result["p_value"] < 0.05)
    # Mid-2024, the estimate nearest 2025 (issue #8 item 10; mid-2019 was the latest bundled).
    assert result["population"] == 1_929_610 and result["population_year"] == 2024
    assert result["rate_per_1000"] == round(now / 1_929_610 * 1000, 3)
    solved = result["solved"]
    assert solved["count"] == now_solved
    assert solved["rate"] == pytest.approx(now_solved / now)
    z, p = 1.959963984540054, now_solved / now
    centre = (p + z * z / (2 * now)) / (1 + z * z / now)
    half = z / (1 + z * z / now) * math.sqrt(p * (1 - p) / now + z * z / (4 * now * now))
    assert (solved["rate_low"], solved["rate_high"]) == pytest.approx(
        (centre - half, centre + half)
    )
    assert result["solved_change"]["comparison"]["count"] == then_solved


@pytest.mark.parametrize(
    "force",
    ["essex", "hampshire", "hertfordshire", "kent", "leicestershire", "nottinghamshire",
     "staffordshire", "sussex"],
)  # fmt: skip
def test_twelve_months_to_december_2025_for_each_complete_force(
    real_workspace: Workspace, shared_data: Path, force: str
) -> None:
    crimes, _ = count(shared_data, force, YEAR_2025)

    result = compute_indicator(
        real_workspace, IndicatorQuery("all-crime", force, "2025-12")
    ).to_dict()

    assert result["current"] == {
        "from": "2025-01",
        "to": "2025-12",
        "count": crimes,
        "complete": True,
        "missing_months": [],
        "suspect_months": [],
        "suspect_accepted": False,
        "incomplete_reason": None,
        "warnings": [],
    }


def test_incomplete_windows_refuse_to_compare(real_workspace: Workspace) -> None:
    thames = compute_indicator(
        real_workspace, IndicatorQuery("all-crime", "thames-valley", "2025-12")
    ).to_dict()
    assert thames["current"]["complete"] is False
    assert thames["current"]["missing_months"] == ["2025-07"]
    assert thames["current"]["count"] is None
    assert thames["diff"] is None and thames["p_value"] is None and thames["significant"] is None

    essex = compute_indicator(
        real_workspace, IndicatorQuery("all-crime", "essex", "2025-12")
    ).to_dict()
    assert essex["comparison"]["missing_months"] == [f"2024-{m:02d}" for m in range(5, 13)]
    assert (essex["diff"], essex["pct_diff"], essex["significant"]) == (None, None, None)


def test_local_policing_area_counts_its_districts(
    real_workspace: Workspace, shared_data: Path
) -> None:
    north = {"Colchester", "Tendring", "Braintree", "Uttlesford", "Chelmsford", "Maldon"}
    expected = sum(
        1
        for month in JAN_APR_2025
        for row in street_rows(shared_data, "essex", month)
        if row["Crime type"] == "Vehicle crime" and row["LSOA name"].rsplit(" ", 1)[0] in north
    )

    result = compute_indicator(
        real_workspace,
        IndicatorQuery("vehicle-crime", "essex", "2025-04", months=4, area="lpa:north"),
    ).to_dict()

    assert result["area"] == "lpa:North"
    assert result["current"]["count"] == expected
    assert result["rate_per_1000"] is None  # no district population is bundled


def test_unknown_district_suggests_the_nearest(real_workspace: Workspace) -> None:
    with pytest.raises(InputError, match="did you mean 'Basildon'"):
        compute_indicator(
            real_workspace, IndicatorQuery("all-crime", "essex", "2025-04", area="district:Basildn")
        )


def test_harm_says_no_weights_until_a_table_is_loaded(
    real_workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    before = compute_indicator(
        real_workspace, IndicatorQuery("burglary", "essex", "2025-04", months=4)
    )
    assert before.to_dict()["harm"]["score"] is None
    assert "no weights loaded" in before.to_dict()["harm"]["note"]


def test_cli_indicator_prints_the_json_contract(
    real_workspace: Workspace, shared_data: Path
) -> None:
    result = CliRunner().invoke(
        cli,
        ["--workspace", str(real_workspace.path), "indicator", "robbery", "--force", "kent",
         "--to", "2025-04", "--months", "4", "--compare", "last-year", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {
        "measure", "force", "area", "current", "comparison", "diff", "pct_diff", "p_value",
        "significant", "rate_per_1000", "population", "population_year", "solved",
    }  # fmt: skip
    assert set(data["current"]) == {
        "from", "to", "count", "complete", "missing_months",
        # issue #8 item 1: months that look incomplete
        "suspect_months", "suspect_accepted", "incomplete_reason", "warnings",
    }  # fmt: skip
    assert set(data["solved"]) == {"count", "rate", "rate_low", "rate_high"}
    assert data["current"]["count"] == count(shared_data, "kent", JAN_APR_2025, "Robbery")[0]
