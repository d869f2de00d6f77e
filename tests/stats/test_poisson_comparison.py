from decimal import Decimal

import pytest
from scipy.stats import beta, binom

from policeplan.stats import compare_poisson_counts, percent_change


def test_equal_exposures_p_value_is_twice_the_upper_binomial_tail() -> None:
    # With equal exposures H0 is Binomial(220, 1/2), which is symmetric, so the
    # two-sided p-value is exactly 2 × P(X >= 120).
    result = compare_poisson_counts(120, 100)

    assert result.p_value == pytest.approx(2 * binom.sf(119, 220, 0.5), rel=1e-9)
    assert result.p_value == pytest.approx(0.2001, abs=1e-4)
    assert not result.significant


def test_rate_ratio_interval_comes_from_the_clopper_pearson_interval() -> None:
    result = compare_poisson_counts(120, 100)

    share_low = beta.ppf(0.025, 120, 101)
    share_high = beta.ppf(0.975, 121, 100)
    assert result.rate_ratio == pytest.approx(1.2)
    assert result.rate_ratio_lower == pytest.approx(share_low / (1 - share_low), rel=1e-6)
    assert result.rate_ratio_upper == pytest.approx(share_high / (1 - share_high), rel=1e-6)
    assert result.rate_ratio_lower < 1 < result.rate_ratio_upper


def test_reports_difference_and_percent_difference() -> None:
    result = compare_poisson_counts(120, 100)

    assert result.difference == 20
    assert result.percent_difference == Decimal("20.0")


def test_large_rise_is_significant() -> None:
    result = compare_poisson_counts(150, 100)

    assert result.p_value == pytest.approx(2 * binom.sf(149, 250, 0.5), rel=1e-9)
    assert result.p_value < 0.01
    assert result.significant


def test_unequal_exposures_compare_rates_not_counts() -> None:
    # 30 crimes in 12 months (2.5 a month) against 10 in 6 months (1.67 a month).
    result = compare_poisson_counts(30, 10, current_exposure=12, comparison_exposure=6)

    null_share = 12 / 18
    observed = binom.pmf(30, 40, null_share)
    expected_p = sum(
        binom.pmf(k, 40, null_share)
        for k in range(41)
        if binom.pmf(k, 40, null_share) <= observed * (1 + 1e-7)
    )
    assert result.p_value == pytest.approx(expected_p, rel=1e-9)
    assert result.rate_ratio == pytest.approx(2.5 / (10 / 6))
    assert result.percent_difference == Decimal("50.0")
    assert result.difference == pytest.approx(2.5 - 10 / 6)
    share_low = beta.ppf(0.025, 30, 11)
    assert result.rate_ratio_lower == pytest.approx(share_low / (1 - share_low) * 6 / 12)


def test_zero_against_zero_has_no_test_and_no_ratio() -> None:
    result = compare_poisson_counts(0, 0)

    assert result.p_value == 1.0
    assert not result.significant
    assert result.rate_ratio is None
    assert result.rate_ratio_lower is None
    assert result.rate_ratio_upper is None
    assert result.percent_difference is None
    assert result.difference == 0


def test_rise_from_zero_has_no_ratio_or_upper_bound() -> None:
    result = compare_poisson_counts(5, 0)

    assert result.rate_ratio is None
    assert result.rate_ratio_upper is None
    share_low = beta.ppf(0.025, 5, 1)
    assert result.rate_ratio_lower == pytest.approx(share_low / (1 - share_low))
    assert result.percent_difference is None
    # Under H0 all five fall in one period with probability 2 × (1/2)^5.
    assert result.p_value == pytest.approx(2 * 0.5**5)


def test_fall_to_zero_has_ratio_zero_and_minus_one_hundred_percent() -> None:
    result = compare_poisson_counts(0, 5)

    assert result.rate_ratio == 0
    assert result.rate_ratio_lower == 0
    share_high = beta.ppf(0.975, 1, 5)
    assert result.rate_ratio_upper == pytest.approx(share_high / (1 - share_high))
    assert result.percent_difference == Decimal("-100.0")


def test_percent_change_rounds_halves_away_from_zero() -> None:
    # 441/400 is a rise of exactly 10.25%; float round() would print 10.2.
    assert percent_change(441, 400) == Decimal("10.3")
    assert percent_change(359, 400) == Decimal("-10.3")
    assert percent_change(1, 3) == Decimal("-66.7")


def test_percent_change_uses_exposures() -> None:
    assert percent_change(24, 10, current_exposure=2, comparison_exposure=1) == Decimal("20.0")


@pytest.mark.parametrize(
    ("current", "comparison", "exposure"),
    [(-1, 3, 1.0), (2, 3, 0.0), (1.5, 3, 1.0)],
)
def test_rejects_negative_or_fractional_counts_and_empty_exposures(
    current: int, comparison: int, exposure: float
) -> None:
    with pytest.raises(ValueError):
        compare_poisson_counts(current, comparison, current_exposure=exposure)
