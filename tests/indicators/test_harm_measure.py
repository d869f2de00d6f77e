"""The harm score as a measure: count × weight per 1,000 people, compared and tested as a
weighted Poisson sum, named by the plan's id `all-crime-harm-score` (issue #13)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from policeplan.errors import DataError
from policeplan.indicators import (
    HarmIndicatorResult,
    IndicatorQuery,
    SpcQuery,
    compute_indicator,
    spc_chart,
)
from policeplan.ingest.police_uk import ImportSummary
from policeplan.plan import example_plan_path, load_plan
from policeplan.store import Workspace
from tests.indicators.real_counts import street_rows
from tests.indicators.test_harm_css import pandas_category_weights

TERRITORIAL_EXCLUDED = {"Action Fraud", "CIFAS", "UK Finance", "Financial Fraud Action UK",
                        "British Transport Police"}  # fmt: skip
ESSEX_2025 = [f"2025-{m:02d}" for m in range(1, 13)]


def national_weights(shared_data: Path) -> dict[str, float]:
    """Category weights (lower-case names) from the shared CSS files, national mix."""
    import pandas as pd

    forces = pd.read_csv(shared_data / "reference/home-office/recorded_crime_by_force_2017-18.csv")
    territorial = sorted(set(forces["Force_Name"]) - TERRITORIAL_EXCLUDED)
    return dict(pandas_category_weights(shared_data, territorial))


@pytest.mark.realdata
def test_essex_2025_harm_score_equals_an_independent_recomputation(
    real_sample: tuple[Workspace, ImportSummary], shared_data: Path
) -> None:
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
    weights = national_weights(shared_data)
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


@pytest.mark.realdata
def test_spc_of_harm_charts_each_month_s_harm_score(
    real_sample: tuple[Workspace, ImportSummary], shared_data: Path
) -> None:
    workspace, _ = real_sample
    chart = spc_chart(workspace, SpcQuery("all-crime-harm-score", "essex", "2025-01", "2025-12"))
    weights = national_weights(shared_data)
    for month in ("2025-03", "2025-11"):
        counts = Counter(row["Crime type"] for row in street_rows(shared_data, "essex", month))
        expected = sum(n * weights[t.lower()] for t, n in counts.items()
                       if t != "Anti-social behaviour")  # fmt: skip
        point = next(p for p in chart.chart.points if p.month == month)
        assert point.value == pytest.approx(expected, rel=1e-12)
    assert chart.unit == "harm (CSS-weighted crimes)"
    assert chart.title is not None and "ons-css weights" in chart.title
    assert "late 2020" in chart.title and "national mix" in chart.title


@pytest.mark.realdata
def test_a_month_that_looks_incomplete_gives_no_harm_score_unless_accepted(
    real_sample: tuple[Workspace, ImportSummary],
) -> None:
    workspace, _ = real_sample
    query = IndicatorQuery("all-crime-harm-score", "kent", "2018-12", 3)  # Kent 2018-12: 8,438 rows
    refused = compute_indicator(workspace, query)
    assert isinstance(refused, HarmIndicatorResult)
    assert refused.current.total is None
    assert refused.current.suspect_months[0].startswith("2018-12 looks incomplete")

    accepted = compute_indicator(workspace, replace(query, accept_suspect_months=True))
    assert isinstance(accepted, HarmIndicatorResult) and accepted.current.total is not None
    assert accepted.warnings[0].endswith(": counted as accepted")
