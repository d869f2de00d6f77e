"""Is the change between two counts more than chance? An exact test for two Poisson counts.

Crime counts over a window are modelled as Poisson. Given the current count c1 over an
exposure e1 (months, population…) and the comparison count c2 over e2, the current count
conditional on the total n = c1 + c2 is Binomial(n, e1 / (e1 + e2)) when the two rates are
equal. That conditional binomial test is exact, needs no large-sample approximation, and
is the standard comparison of two Poisson rates (Przyborowski & Wilenski 1940).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from numbers import Integral

from scipy.stats import binomtest

from policeplan.stats._decimal import as_decimal, round_one_place

SIGNIFICANCE_LEVEL = 0.05
CONFIDENCE_LEVEL = 0.95


@dataclass(frozen=True)
class PoissonComparison:
    """The result of comparing a current count with a comparison count.

    `rate_ratio` is current rate / comparison rate; `rate_ratio_lower`/`_upper` its exact
    95% interval. A ratio or bound that would be infinite (comparison count 0) or is
    undefined (both counts 0) is None. `difference` is the current rate minus the
    comparison rate (the count difference when both exposures are 1);
    `percent_difference` is the change as a percentage of the comparison rate, rounded to
    one decimal place as reports print it.
    """

    current: int
    comparison: int
    current_exposure: float
    comparison_exposure: float
    current_rate: float
    comparison_rate: float
    difference: float
    percent_difference: Decimal | None
    rate_ratio: float | None
    rate_ratio_lower: float | None
    rate_ratio_upper: float | None
    p_value: float
    significant: bool


def compare_poisson_counts(
    current: int,
    comparison: int,
    current_exposure: float = 1.0,
    comparison_exposure: float = 1.0,
) -> PoissonComparison:
    """Compare two Poisson counts with the exact conditional binomial test.

    The two-sided p-value is `scipy.stats.binomtest`'s: the probability of every value of
    c1 (given n) that is no more likely than the one observed under H0 (the "minimum
    likelihood" or Clopper–Pearson-style two-sided test). It is not twice the smaller tail,
    which can exceed 1 and is conservative when the null proportion is not 1/2.

    The rate-ratio interval comes from the exact (Clopper–Pearson) interval (pL, pU) of
    the binomial proportion p = c1 / n, mapped through ratio = p / (1 - p) × e2 / e1.

    >>> result = compare_poisson_counts(120, 100)
    >>> result.percent_difference, result.rate_ratio, result.significant
    (Decimal('20.0'), 1.2, False)
    >>> round(result.p_value, 3)
    0.2
    """
    _check_count(current, "current")
    _check_count(comparison, "comparison")
    _check_exposure(current_exposure, "current_exposure")
    _check_exposure(comparison_exposure, "comparison_exposure")

    current_rate = current / current_exposure
    comparison_rate = comparison / comparison_exposure
    total = current + comparison
    if total == 0:
        p_value = 1.0
        ratio = lower = upper = None
    else:
        null_share = current_exposure / (current_exposure + comparison_exposure)
        test = binomtest(current, total, null_share, alternative="two-sided")
        p_value = float(test.pvalue)
        interval = test.proportion_ci(confidence_level=CONFIDENCE_LEVEL, method="exact")
        exposure_ratio = comparison_exposure / current_exposure
        ratio = None if comparison == 0 else current_rate / comparison_rate
        lower = _share_to_ratio(float(interval.low), exposure_ratio)
        upper = _share_to_ratio(float(interval.high), exposure_ratio)

    return PoissonComparison(
        current=current,
        comparison=comparison,
        current_exposure=current_exposure,
        comparison_exposure=comparison_exposure,
        current_rate=current_rate,
        comparison_rate=comparison_rate,
        difference=current_rate - comparison_rate,
        percent_difference=percent_change(
            current, comparison, current_exposure, comparison_exposure
        ),
        rate_ratio=ratio,
        rate_ratio_lower=lower,
        rate_ratio_upper=upper,
        p_value=p_value,
        significant=p_value < SIGNIFICANCE_LEVEL,
    )


def percent_change(
    current: float,
    comparison: float,
    current_exposure: float = 1.0,
    comparison_exposure: float = 1.0,
) -> Decimal | None:
    """Percentage change of the current rate on the comparison rate, to one decimal place.

    Computed in decimal arithmetic and rounded half away from zero, so 1 in 8 is printed
    12.5 and 10.25% as 10.3 (floats and `round` would give 10.2). None when the comparison
    rate is 0.

    >>> percent_change(41, 40)
    Decimal('2.5')
    >>> percent_change(5, 0) is None
    True
    """
    if comparison == 0:
        return None
    ratio = (as_decimal(current) * as_decimal(comparison_exposure)) / (
        as_decimal(comparison) * as_decimal(current_exposure)
    )
    return round_one_place((ratio - 1) * 100)


def _share_to_ratio(share: float, exposure_ratio: float) -> float | None:
    """Map a bound on c1 / n to a bound on the rate ratio; None when it is infinite."""
    if share >= 1.0:
        return None
    return share / (1.0 - share) * exposure_ratio


def _check_count(count: int, name: str) -> None:
    if isinstance(count, bool) or not isinstance(count, Integral) or count < 0:
        raise ValueError(f"{name} must be a whole number of events (0 or more), got {count!r}")


def _check_exposure(exposure: float, name: str) -> None:
    if not exposure > 0:
        raise ValueError(f"{name} must be greater than 0, got {exposure!r}")
