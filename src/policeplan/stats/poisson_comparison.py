"""Is the change between two counts more than chance? An exact test for two Poisson counts.

Crime counts over a window are modelled as Poisson. Given the current count c1 over an
exposure e1 (days, months, population…) and the comparison count c2 over e2, the current
count conditional on the total n = c1 + c2 is Binomial(n, e1 / (e1 + e2)) when the two rates
are equal. That conditional binomial test is exact, needs no large-sample approximation, and
is the standard comparison of two Poisson rates (Przyborowski & Wilenski 1940). Its central
two-sided p-value and the Clopper-Pearson interval are inverses of each other, so the
verdict and the rate-ratio interval always agree. Monthly crime counts vary more than
Poisson allows: `adjusted_comparison` gives the verdict that allows for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from numbers import Integral

from scipy.stats import beta, binom

from policeplan.stats._decimal import Exact, as_fraction, round_fraction_one_place

SIGNIFICANCE_LEVEL = 0.05
CONFIDENCE_LEVEL = 0.95


@dataclass(frozen=True)
class PoissonComparison:
    """The result of comparing a current count with a comparison count.

    `rate_ratio` is current rate / comparison rate; `rate_ratio_lower`/`_upper` its exact
    95% interval, which leaves out 1 exactly when `significant`. A ratio or bound that
    would be infinite (comparison count 0) or is undefined (both counts 0) is None.
    `difference` is the current rate minus the comparison rate (the count difference when
    both exposures are 1);
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
    current_exposure: Exact = 1.0,
    comparison_exposure: Exact = 1.0,
) -> PoissonComparison:
    """Compare two Poisson counts with the exact conditional binomial test.

    The two-sided p-value is the central one: twice the smaller tail of Binomial(n, s0)
    at c1, capped at 1, where s0 = e1 / (e1 + e2) is the current window's share of the
    exposure. The rate-ratio interval is the exact (Clopper–Pearson) interval (sL, sU) of
    the binomial share c1 / n, mapped through ratio = s / (1 - s) × e2 / e1. The
    Clopper–Pearson interval is exactly the set of shares this test does not reject at
    5%, so "significant" (p < 0.05) holds exactly when the interval leaves out 1: the
    verdict and the printed interval cannot contradict each other. (The "minimum
    likelihood" p-value used before could: 4 against 2 over exposures 1 and 3 gave
    p = 0.038 beside an interval 0.86–66.3.)

    Exposures may be whole days, months or any positive number; give ints or Fractions
    where the exact percentage matters (see `percent_change`).

    >>> result = compare_poisson_counts(120, 100)
    >>> result.percent_difference, result.rate_ratio, result.significant
    (Decimal('20.0'), 1.2, False)
    >>> round(result.p_value, 3)
    0.2
    >>> result = compare_poisson_counts(4, 2, 1, 3)
    >>> round(result.p_value, 3), round(result.rate_ratio_lower, 2), result.significant
    (0.075, 0.86, False)
    """
    _check_count(current, "current")
    _check_count(comparison, "comparison")
    _check_exposure(current_exposure, "current_exposure")
    _check_exposure(comparison_exposure, "comparison_exposure")

    current_share = as_fraction(current_exposure) / (
        as_fraction(current_exposure) + as_fraction(comparison_exposure)
    )
    current_rate = current / float(current_exposure)
    comparison_rate = comparison / float(comparison_exposure)
    total = current + comparison
    if total == 0:
        p_value = 1.0
        ratio = lower = upper = None
    else:
        null_share = float(current_share)
        p_value = central_p_value(current, total, null_share)
        share_low, share_high = clopper_pearson(current, total)
        exposure_ratio = float(comparison_exposure) / float(current_exposure)
        ratio = None if comparison == 0 else current_rate / comparison_rate
        lower = _share_to_ratio(share_low, exposure_ratio)
        upper = _share_to_ratio(share_high, exposure_ratio)

    return PoissonComparison(
        current=current,
        comparison=comparison,
        current_exposure=float(current_exposure),
        comparison_exposure=float(comparison_exposure),
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
    current: Exact,
    comparison: Exact,
    current_exposure: Exact = 1,
    comparison_exposure: Exact = 1,
) -> Decimal | None:
    """Percentage change of the current rate on the comparison rate, to one decimal place.

    Computed in exact rational arithmetic (`fractions.Fraction`) and rounded half away
    from zero, so 1 in 8 is printed 12.5 and 10.25% as 10.3 (floats and `round` would
    give 10.2). Exposures of different windows (days, months) enter exactly too: 49
    against 64 over exposures 1 and 12/7 is exactly 31.25%, printed 31.3. A float
    argument is read as the number it was meant to be (see `as_fraction`): 12 / 7 is
    twelve sevenths, 0.1 one tenth. None when the comparison rate is 0.

    >>> percent_change(41, 40)
    Decimal('2.5')
    >>> percent_change(49, 64, 1, 12 / 7)
    Decimal('31.3')
    >>> percent_change(5, 0) is None
    True
    """
    if comparison == 0:
        return None
    ratio = (as_fraction(current) * as_fraction(comparison_exposure)) / (
        as_fraction(comparison) * as_fraction(current_exposure)
    )
    return round_fraction_one_place((ratio - 1) * 100)


def central_p_value(successes: int, trials: int, share: float) -> float:
    """Two-sided p-value of Binomial(trials, share) at `successes`: twice the smaller tail.

    >>> round(central_p_value(4, 6, 0.25), 4)
    0.0752
    """
    lower_tail = float(binom.cdf(successes, trials, share))
    upper_tail = float(binom.sf(successes - 1, trials, share))
    return min(1.0, 2 * min(lower_tail, upper_tail))


def clopper_pearson(successes: int, trials: int) -> tuple[float, float]:
    """The exact 95% interval of a binomial proportion, the inverse of `central_p_value`.

    >>> [round(bound, 4) for bound in clopper_pearson(4, 6)]
    [0.2228, 0.9567]
    """
    tail = (1 - CONFIDENCE_LEVEL) / 2
    failures = trials - successes
    low = 0.0 if successes == 0 else float(beta.ppf(tail, successes, failures + 1))
    high = 1.0 if failures == 0 else float(beta.ppf(1 - tail, successes + 1, failures))
    return low, high


def _share_to_ratio(share: float, exposure_ratio: float) -> float | None:
    """Map a bound on c1 / n to a bound on the rate ratio; None when it is infinite."""
    if share >= 1.0:
        return None
    return share / (1.0 - share) * exposure_ratio


def _check_count(count: int, name: str) -> None:
    if isinstance(count, bool) or not isinstance(count, Integral) or count < 0:
        raise ValueError(f"{name} must be a whole number of events (0 or more), got {count!r}")


def _check_exposure(exposure: Exact, name: str) -> None:
    if not exposure > 0:
        raise ValueError(f"{name} must be greater than 0, got {exposure!r}")
