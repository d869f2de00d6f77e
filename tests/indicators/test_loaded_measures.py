"""Indicators of measures loaded from a measures file."""

from __future__ import annotations

import pytest
from scipy.stats import binom, fisher_exact

from policeplan.indicators import IndicatorQuery
from policeplan.indicators.indicator import compute_indicator
from policeplan.ingest.measures import import_measures
from policeplan.store import Workspace
from tests.conftest import TEST_DATA


@pytest.fixture
def loaded(workspace: Workspace) -> Workspace:
    import_measures(workspace, TEST_DATA / "indicators/measures.csv")
    return workspace


def test_counts_are_summed_and_tested_like_crimes(loaded: Workspace) -> None:
    data = compute_indicator(
        loaded, IndicatorQuery("ksi-casualties", "essex", "2025-02", 2, "last-year")
    ).to_dict()

    assert (data["current"]["count"], data["comparison"]["count"]) == (78, 115)
    # Days as the exposure (issue #8 item 3): January-February 2025 has 59 days, 2024 60.
    assert (data["current_days"], data["comparison_days"]) == (59, 60)
    assert data["diff"] == round(78 - 115 * 59 / 60, 1) == -35.1
    assert data["pct_diff"] == -31.0  # (78 / 59) / (115 / 60) - 1 = -31.02%
    # The central exact p-value (twice the smaller tail), as for crimes.
    assert data["p_value"] == pytest.approx(2 * binom.cdf(78, 193, 59 / 119))


def test_rates_with_denominators_use_the_pooled_rate(loaded: Workspace) -> None:
    data = compute_indicator(
        loaded, IndicatorQuery("answer-999-within-10s", "essex", "2025-02", 2, "last-year")
    ).to_dict()

    assert data["current"]["value"] == pytest.approx(1984 / 2100)
    assert data["comparison"]["value"] == pytest.approx(1700 / 2000)
    expected = fisher_exact([[1984, 2100 - 1984], [1700, 2000 - 1700]]).pvalue
    assert data["p_value"] == pytest.approx(expected)


def test_financial_year_values_compare_without_a_test(loaded: Workspace) -> None:
    data = compute_indicator(
        loaded, IndicatorQuery("public-confidence", "essex", "2025-03", 12)
    ).to_dict()

    assert data["current"]["periods"] == ["2024/25"]
    assert data["current"]["value"] == 67.4
    assert data["diff"] == pytest.approx(-2.7)
    assert data["p_value"] is None  # no underlying counts, no honest test


def test_window_not_covered_by_periods_is_incomplete(loaded: Workspace) -> None:
    data = compute_indicator(
        loaded, IndicatorQuery("ksi-casualties", "essex", "2025-03", 3)
    ).to_dict()

    assert data["current"]["complete"] is False
    assert data["current"]["missing_months"] == ["2025-03"]
    assert data["diff"] is None
