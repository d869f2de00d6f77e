"""The harm score as a measure: count × weight per 1,000 people, compared and tested as a
weighted Poisson sum, named by the plan's id `all-crime-harm-score` (issue #13)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from policeplan.errors import DataError
from policeplan.indicators import HarmIndicatorResult, IndicatorQuery, compute_indicator
from policeplan.ingest.police_uk import ImportSummary
from policeplan.plan import example_plan_path, load_plan
from policeplan.store import Workspace
from tests.indicators.real_counts import street_rows
from tests.indicators.test_harm_css import pandas_category_weights

TERRITORIAL_EXCLUDED = {"Action Fraud", "CIFAS", "UK Finance", "Financial Fraud Action UK",
                        "British Transport Police"}  # fmt: skip
ESSEX_2025 = [f"2025-{m:02d}" for m in range(1, 13)]


@pytest.mark.realdata
def test_essex_2025_harm_score_equals_an_independent_recomputation(
    real_sample: tuple[Workspace, ImportSummary], shared_data: Path
) -> None:
    import pandas as pd

    workspace, _ = real_sample
    query = IndicatorQuery("all-crime-harm-score", "essex", "2025-12", 12)
    result = compute_indicator(workspace, query, plan=load_plan(example_plan_path()))
    assert isinstance(result, HarmIndicatorResult)

    # Counts per category straight from the raw files; weights per category from the
    # shared CSS files and the national offence mix (no Home Office table is loaded).
    counts = Counter(
        row["Crime type"]
        for month in ESSEX_2025
        for row in street_rows(shared_data, "essex", month)
    )
    forces = pd.read_csv(shared_data / "reference/home-office/recorded_crime_by_force_2017-18.csv")
    territorial = sorted(set(forces["Force_Name"]) - TERRITORIAL_EXCLUDED)
    weights = pandas_category_weights(shared_data, territorial)
    expected = sum(
        n * weights[crime_type.lower()]
        for crime_type, n in counts.items()
        if crime_type != "Anti-social behaviour"
    )
    variance = sum(
        n * weights[crime_type.lower()] ** 2
        for crime_type, n in counts.items()
        if crime_type != "Anti-social behaviour"
    )

    assert result.current.total == pytest.approx(expected, rel=1e-12)
    assert result.current.variance == pytest.approx(variance, rel=1e-12)
    assert result.current.per_1000 == pytest.approx(expected / 1_929_610 * 1000, rel=1e-12)
    found = result.to_dict()
    assert found["weights"]["table"] == "ons-css"
    assert "late 2020" in found["weights"]["vintage"]
    assert found["weights"]["mix"].startswith("national mix")
    # 2024 is held for January to April only: no comparison, said rather than guessed.
    assert found["comparison"]["missing_months"] == [f"2024-{m:02d}" for m in range(5, 13)]
    assert found["p_value"] is None


@pytest.mark.realdata
def test_six_months_of_harm_are_compared_with_the_weighted_poisson_test(
    real_sample: tuple[Workspace, ImportSummary],
) -> None:
    import math

    from scipy import stats

    workspace, _ = real_sample
    result = compute_indicator(workspace, IndicatorQuery("all-crime-harm-score", "essex",
                                                         "2025-12", 6))  # fmt: skip
    assert isinstance(result, HarmIndicatorResult) and result.change is not None
    now, then = result.current, result.comparison
    assert now.total is not None and then.total is not None
    assert now.variance is not None and then.variance is not None
    log_ratio = math.log((now.total / 184) / (then.total / 181))  # Jul-Dec 184 days, Jan-Jun 181
    se = math.sqrt(result.change.phi * (now.variance / now.total**2 +
                                        then.variance / then.total**2))  # fmt: skip
    assert result.change.z == pytest.approx(log_ratio / se, rel=1e-12)
    assert result.change.p_value == pytest.approx(2 * stats.norm.sf(abs(log_ratio / se)), rel=1e-9)
    assert result.change.rate_ratio_lower == pytest.approx(math.exp(log_ratio - 1.959964 * se),
                                                           rel=1e-6)  # fmt: skip
    # Ten months of history only: no dispersion estimate, and the output says so.
    assert result.change.phi == 1.0 and result.caveat is not None


def test_rural_crime_harm_score_says_what_is_missing(workspace: Workspace) -> None:
    plan = load_plan(example_plan_path())
    query = IndicatorQuery("rural-crime-harm-score", "essex", "2025-12", 12)
    with pytest.raises(DataError, match="carry no rural or other flag"):
        compute_indicator(workspace, query, plan=plan)
