"""Do the members of a group differ at all? One test per kind of figure, each a chi-square
on k − 1 degrees of freedom under "every member the same":

- proportions (solved / crimes): Pearson's chi-square test of homogeneity on the 2 × k
  table of successes and failures;
- rates (count / population): the funnel dispersion test (`chi_square.funnel_dispersion`);
- estimates with standard errors (survey figures): Cochran's Q, the inverse-variance
  weighted sum of squares about the weighted mean.

A p-value of 0.05 or more means no significant statistical difference across the group.

    >>> round(proportions_homogeneity([30, 35, 40], [100, 100, 100]).p_value, 3)
    0.333
    >>> round(estimates_homogeneity([70.0, 72.0, 75.0], [2.0, 2.0, 2.0]).p_value, 3)
    0.205
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scipy.stats import chi2

SIGNIFICANCE_LEVEL = 0.05

__all__ = ["Homogeneity", "estimates_homogeneity", "proportions_homogeneity", "rates_homogeneity"]


@dataclass(frozen=True)
class Homogeneity:
    """The test's statistic, degrees of freedom, p-value and name; `differ` when p < 0.05."""

    statistic: float
    degrees_of_freedom: int
    p_value: float
    method: str

    @property
    def differ(self) -> bool:
        return self.p_value < SIGNIFICANCE_LEVEL


def proportions_homogeneity(successes: Sequence[int], trials: Sequence[int]) -> Homogeneity:
    """Pearson's chi-square test that every member has the same proportion."""
    if len(successes) != len(trials) or len(trials) < 2:
        raise ValueError("need at least two members, each with successes and trials")
    total_s, total_n = sum(successes), sum(trials)
    pooled = total_s / total_n if total_n else 0.0
    statistic = 0.0
    for s, n in zip(successes, trials, strict=True):
        for observed, expected in ((s, n * pooled), (n - s, n * (1 - pooled))):
            if expected > 0:
                statistic += (observed - expected) ** 2 / expected
    return _result(statistic, len(trials), "Pearson chi-square test of homogeneity (2 × k)")


def estimates_homogeneity(values: Sequence[float], standard_errors: Sequence[float]) -> Homogeneity:
    """Cochran's Q test that every member's true value is the same."""
    if len(values) != len(standard_errors) or len(values) < 2:
        raise ValueError("need at least two members, each with a value and standard error")
    if any(se <= 0 for se in standard_errors):
        raise ValueError("standard errors must be above 0")
    weights = [1 / se**2 for se in standard_errors]
    mean = sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)
    statistic = sum(w * (v - mean) ** 2 for w, v in zip(weights, values, strict=True))
    return _result(statistic, len(values), "Cochran's Q (inverse-variance weighted)")


def rates_homogeneity(statistic: float, members: int) -> Homogeneity:
    """The funnel dispersion test's sum of z² (`chi_square.funnel_dispersion`) as a test."""
    return _result(statistic, members, "funnel dispersion chi-square (Poisson)")


def _result(statistic: float, members: int, method: str) -> Homogeneity:
    degrees = members - 1
    return Homogeneity(statistic, degrees, float(chi2.sf(statistic, degrees)), method)
