from decimal import Decimal
from fractions import Fraction

import numpy as np
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

    # Central two-sided p-value: twice the smaller tail of Binomial(40, 12/18) at 30, the
    # test that the Clopper-Pearson interval inverts (issue #8 item 5; it replaced the
    # minimum-likelihood p-value, which the printed interval could contradict).
    null_share = 12 / 18
    expected_p = min(1.0, 2 * min(binom.cdf(30, 40, null_share), binom.sf(29, 40, null_share)))
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


def test_percent_change_is_exact_when_exposures_are_rational() -> None:
    # 49 in 7 days against 64 in 12 days (in weeks: 1 against 12/7) is a rise of exactly
    # 31.25%, printed 31.3 by the half-away-from-zero rule; float arithmetic gave 31.2.
    assert percent_change(49, 64, 1.0, 12 / 7) == Decimal("31.3")
    assert percent_change(49, 64, 1, Fraction(12, 7)) == Decimal("31.3")
    assert percent_change(49, 64, 7, 12) == Decimal("31.3")
    assert percent_change(49, 64, 12, 7) == Decimal("-55.3")  # 343/768 - 1


def test_percent_change_keeps_decimals_as_typed() -> None:
    assert percent_change(1.1, 1.0) == Decimal("10.0")
    assert percent_change(441, 400, 0.1, 0.1) == Decimal("10.3")


def test_test_and_interval_agree_for_4_against_2_over_1_and_3() -> None:
    # Issue #8 item 5: p was 0.038 while the interval 0.86-66.3 held 1.
    result = compare_poisson_counts(4, 2, 1.0, 3.0)

    assert result.p_value == pytest.approx(2 * binom.sf(3, 6, 0.25), rel=1e-12)
    assert result.p_value == pytest.approx(0.0752, abs=1e-4)
    assert not result.significant
    assert result.rate_ratio_lower is not None and result.rate_ratio_upper is not None
    assert result.rate_ratio_lower < 1 < result.rate_ratio_upper


def _excludes_one(lower: float | None, upper: float | None) -> bool:
    return (lower is not None and lower > 1) or (upper is not None and upper < 1)


EXPOSURE_PAIRS = [
    (1, 1), (1, 3), (3, 1), (1, 2), (28, 31), (31, 28), (90, 365), (365, 90), (0.37, 1.9),
    (12, 7), (4, 12), (2.5, 1),
]  # fmt: skip


@pytest.mark.parametrize(("current_exposure", "comparison_exposure"), EXPOSURE_PAIRS)
def test_significant_exactly_when_the_interval_excludes_one(
    current_exposure: float, comparison_exposure: float
) -> None:
    for current in range(0, 61):
        for comparison in range(0, 61):
            result = compare_poisson_counts(
                current, comparison, current_exposure, comparison_exposure
            )
            outside = _excludes_one(result.rate_ratio_lower, result.rate_ratio_upper)
            assert result.significant is outside, (current, comparison, result)


def test_significant_exactly_when_the_interval_excludes_one_for_large_counts() -> None:
    rng = np.random.default_rng(8)
    for _ in range(3_000):
        current, comparison = (int(n) for n in rng.integers(0, 200_000, size=2))
        exposures = rng.uniform(0.2, 5.0, size=2)
        result = compare_poisson_counts(current, comparison, *map(float, exposures))
        outside = _excludes_one(result.rate_ratio_lower, result.rate_ratio_upper)
        assert result.significant is outside, (current, comparison, exposures)


def test_p_value_is_twice_the_smaller_tail_and_never_above_one() -> None:
    for current, comparison, e1, e2 in [(3, 3, 1, 1), (0, 0, 1, 2), (7, 1, 2, 5), (1, 9, 3, 1)]:
        result = compare_poisson_counts(current, comparison, e1, e2)
        n, share = current + comparison, e1 / (e1 + e2)
        expected = (
            1.0
            if n == 0
            else min(1.0, 2 * min(binom.cdf(current, n, share), binom.sf(current - 1, n, share)))
        )
        assert result.p_value == pytest.approx(expected, rel=1e-12)
        assert 0 <= result.p_value <= 1
