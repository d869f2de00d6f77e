"""Is the change in a weighted sum of counts (a harm score) more than chance?

A harm score is H = Σ w_i n_i over crime types i (w_i the type's weight, n_i its count).
If each n_i is Poisson, Var(H) = Σ w_i² n_i, estimated with the observed counts: a score
made of a few heavily weighted crimes (homicide, robbery) is far less certain than one of
many lightly weighted ones with the same total. No exact test exists for such a sum, so
the change is tested on the log scale with the delta method and a normal approximation
(good when each window holds more than a handful of crimes):

    L = log(H1 / D1) - log(H2 / D2)            (D: the windows' days, as for counts)
    SE² = phi × (Σ w² n1 / H1² + Σ w² n2 / H2²)
    z = L / SE, p = 2 × (1 - Φ(|z|)), 95% interval of the rate ratio exp(L ± 1.96 SE)

`phi` (at least 1) allows for month-to-month variation beyond Poisson chance, estimated from
the harm series as for counts (`indicators.harm_measure`); phi = 1 is the plain Poisson
approximation.

    >>> found = compare_weighted_sums([(100, 1.0)], [(100, 1.0)], 31, 31)
    >>> found.rate_ratio, found.p_value
    (1.0, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

from policeplan.stats.poisson_comparison import SIGNIFICANCE_LEVEL

__all__ = ["WEIGHTED_METHOD", "WeightedComparison", "compare_weighted_sums"]

WEIGHTED_METHOD = (
    "weighted Poisson sum: Var(score) = Σ weight² × count per crime type, log rate ratio "
    "by the delta method, normal approximation, days as exposure"
)
_Z95 = NormalDist().inv_cdf(0.975)


@dataclass(frozen=True)
class WeightedComparison:
    """Two weighted sums compared: the current one less the comparison scaled to the
    current window's days (`difference`), the rate ratio with its 95% interval, z and the
    two-sided p-value. `phi` is the dispersion allowed for."""

    current: float
    comparison: float
    current_variance: float
    comparison_variance: float
    current_days: int
    comparison_days: int
    phi: float
    difference: float
    percent_difference: float | None
    rate_ratio: float | None
    rate_ratio_lower: float | None
    rate_ratio_upper: float | None
    z: float | None
    p_value: float | None
    method: str = WEIGHTED_METHOD

    @property
    def significant(self) -> bool | None:
        return None if self.p_value is None else self.p_value < SIGNIFICANCE_LEVEL


def _sum_and_variance(parts: Sequence[tuple[int, float]]) -> tuple[float, float]:
    for count, weight in parts:
        if count < 0 or weight < 0:
            raise ValueError("counts and weights must not be negative")
    return (
        sum(count * weight for count, weight in parts),
        sum(count * weight * weight for count, weight in parts),
    )


def compare_weighted_sums(
    current: Sequence[tuple[int, float]],
    comparison: Sequence[tuple[int, float]],
    current_days: int,
    comparison_days: int,
    phi: float = 1.0,
) -> WeightedComparison:
    """Compare Σ weight × count of two windows, each given as (count, weight) per crime
    type. With a zero sum in either window there is no ratio and no test."""
    if current_days <= 0 or comparison_days <= 0:
        raise ValueError("a window has at least one day")
    h1, v1 = _sum_and_variance(current)
    h2, v2 = _sum_and_variance(comparison)
    scale = current_days / comparison_days
    difference = h1 - h2 * scale
    ratio = lower = upper = z = p_value = percent = None
    if h1 > 0 and h2 > 0:
        ratio_value = (h1 / current_days) / (h2 / comparison_days)
        log_ratio = math.log(ratio_value)
        se = math.sqrt(max(phi, 1.0) * (v1 / h1**2 + v2 / h2**2))
        ratio = ratio_value
        percent = round((ratio_value - 1) * 100, 1)
        lower = math.exp(log_ratio - _Z95 * se)
        upper = math.exp(log_ratio + _Z95 * se)
        z = log_ratio / se
        p_value = min(1.0, 2 * (1 - NormalDist().cdf(abs(z))))
    return WeightedComparison(
        h1, h2, v1, v2, current_days, comparison_days, max(phi, 1.0), difference, percent,
        ratio, lower, upper, z, p_value,
    )  # fmt: skip
