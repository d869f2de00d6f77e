"""Rates that are proportions, such as the solved rate (solved / crimes): intervals and change.

The Wilson score interval is used for one proportion: unlike the textbook "p ± 1.96·SE"
(Wald) interval it stays inside 0–100%, is sensible at 0 or n successes and has close to
95% coverage even for the small counts of a district or a month (Newcombe 1998; Brown, Cai
& DasGupta 2001).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from numbers import Integral

from scipy.stats import binomtest, fisher_exact

from policeplan.stats._decimal import as_decimal, round_one_place

SIGNIFICANCE_LEVEL = 0.05
CONFIDENCE_LEVEL = 0.95


@dataclass(frozen=True)
class ProportionInterval:
    """A proportion (0–1) with its Wilson score 95% interval. None when there are no trials."""

    successes: int
    trials: int
    proportion: float | None
    lower: float | None
    upper: float | None


@dataclass(frozen=True)
class ProportionComparison:
    """Change between two proportions.

    `difference` is current - comparison as a proportion (0.05 = five percentage points),
    with Newcombe's hybrid score 95% interval; `points_difference` the same in percentage
    points rounded to one decimal place as reports print it. `p_value` is Fisher's exact
    two-sided test.
    """

    current: ProportionInterval
    comparison: ProportionInterval
    difference: float | None
    difference_lower: float | None
    difference_upper: float | None
    points_difference: Decimal | None
    p_value: float
    significant: bool


def wilson_interval(successes: int, trials: int) -> ProportionInterval:
    """The proportion successes / trials with its Wilson score 95% interval.

    >>> interval = wilson_interval(30, 100)
    >>> round(interval.lower, 4), round(interval.upper, 4)
    (0.2189, 0.3958)
    """
    _check_counts(successes, trials)
    if trials == 0:
        return ProportionInterval(successes, trials, None, None, None)
    test = binomtest(successes, trials)
    interval = test.proportion_ci(confidence_level=CONFIDENCE_LEVEL, method="wilson")
    return ProportionInterval(
        successes=successes,
        trials=trials,
        proportion=successes / trials,
        lower=float(interval.low),
        upper=float(interval.high),
    )


def compare_proportions(
    current_successes: int,
    current_trials: int,
    comparison_successes: int,
    comparison_trials: int,
) -> ProportionComparison:
    """Has the proportion changed? Fisher's exact test, two-sided, on the 2×2 table.

    Fisher's test is chosen over the two-proportion z-test because it is exact: solved
    rates are often compared for one district, one crime type or one quarter, where counts
    are small and the z-test's normal approximation is poor; for large counts the two
    agree. Its two-sided p-value sums the probabilities (given the table margins) of
    every table no more likely than the one observed — the same principle as the Poisson
    comparison. The interval for the difference is Newcombe's (1998, method 10), built from
    the two Wilson intervals.

    >>> result = compare_proportions(30, 100, 15, 100)
    >>> result.points_difference, result.significant
    (Decimal('15.0'), True)
    """
    current = wilson_interval(current_successes, current_trials)
    comparison = wilson_interval(comparison_successes, comparison_trials)
    if current_trials == 0 or comparison_trials == 0:
        return ProportionComparison(current, comparison, None, None, None, None, 1.0, False)

    table = [
        [current_successes, current_trials - current_successes],
        [comparison_successes, comparison_trials - comparison_successes],
    ]
    p_value = float(fisher_exact(table, alternative="two-sided").pvalue)
    lower, upper = _newcombe_interval(current, comparison)
    points = (
        as_decimal(current_successes) / as_decimal(current_trials)
        - as_decimal(comparison_successes) / as_decimal(comparison_trials)
    ) * 100
    return ProportionComparison(
        current=current,
        comparison=comparison,
        difference=_value(current.proportion) - _value(comparison.proportion),
        difference_lower=lower,
        difference_upper=upper,
        points_difference=round_one_place(points),
        p_value=p_value,
        significant=p_value < SIGNIFICANCE_LEVEL,
    )


def _newcombe_interval(
    current: ProportionInterval, comparison: ProportionInterval
) -> tuple[float, float]:
    p1, l1, u1 = _value(current.proportion), _value(current.lower), _value(current.upper)
    p2, l2, u2 = _value(comparison.proportion), _value(comparison.lower), _value(comparison.upper)
    difference = p1 - p2
    lower = difference - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    upper = difference + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return lower, upper


def _value(number: float | None) -> float:
    assert number is not None, "only called when trials > 0"
    return number


def _check_counts(successes: int, trials: int) -> None:
    for name, count in (("successes", successes), ("trials", trials)):
        if isinstance(count, bool) or not isinstance(count, Integral) or count < 0:
            raise ValueError(f"{name} must be a whole number (0 or more), got {count!r}")
    if successes > trials:
        raise ValueError(f"successes ({successes}) cannot exceed trials ({trials})")
