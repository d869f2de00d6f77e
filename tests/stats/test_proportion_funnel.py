"""Binomial funnel limits for proportions, with the overdispersion adjustment, and the
homogeneity tests: checked against independent computations."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import binom, chi2, chi2_contingency, norm

from policeplan.stats.homogeneity import estimates_homogeneity, proportions_homogeneity
from policeplan.stats.proportion_funnel import proportion_funnel

ROWS = [("a", 90, 1000), ("b", 110, 1000), ("c", 200, 1000), ("d", 130, 2000), ("e", 55, 400)]


def test_binomial_limits_bracket_the_exact_binomial_quantiles() -> None:
    plot = proportion_funnel(ROWS)
    pooled = sum(s for _, s, _ in ROWS) / sum(n for _, _, n in ROWS)

    assert plot.group_proportion == pytest.approx(pooled)
    for member, (_, _, trials) in zip(plot.members, ROWS, strict=True):
        upper = binom.ppf(0.975, trials, pooled) / trials
        lower = binom.ppf(0.025, trials, pooled) / trials
        # Interpolated between the whole-count quantile r and r - 1.
        assert upper - 1 / trials <= member.upper_95 <= upper
        assert lower - 1 / trials <= member.lower_95 <= lower


def test_overdispersion_widens_the_limits_by_tau_estimated_from_winsorised_z_scores() -> None:
    plot = proportion_funnel(ROWS)
    pooled = plot.group_proportion
    p = np.array([s / n for _, s, n in ROWS])
    variances = np.array([pooled * (1 - pooled) / n for _, _, n in ROWS])
    z = (p - pooled) / np.sqrt(variances)
    low, high = np.quantile(z, [0.1, 0.9])
    phi = float(np.mean(np.clip(z, low, high) ** 2))
    w = 1 / variances
    tau2 = max(0.0, (len(ROWS) * phi - (len(ROWS) - 1)) / (w.sum() - (w**2).sum() / w.sum()))

    assert plot.phi == pytest.approx(phi)
    assert plot.tau == pytest.approx(math.sqrt(tau2))
    for member, variance in zip(plot.members, variances, strict=True):
        half = norm.ppf(0.975) * math.sqrt(variance + tau2)
        assert member.adjusted_upper_95 == pytest.approx(pooled + half)
        assert member.adjusted_lower_95 == pytest.approx(pooled - half)
    # Member d (6.5%) is outside the binomial limits but inside the widened ones; c (20%)
    # is outside both.
    c, d = plot.members[2], plot.members[3]
    assert (d.outside, d.adjusted_outside) == ("below 99.8", None)
    assert (c.outside, c.adjusted_outside) == ("above 99.8", "above 95")


def test_proportions_homogeneity_equals_scipy_chi_square_contingency() -> None:
    successes = [s for _, s, _ in ROWS]
    trials = [n for _, _, n in ROWS]
    failures = [n - s for s, n in zip(successes, trials, strict=True)]
    expected = chi2_contingency([successes, failures], correction=False)

    found = proportions_homogeneity(successes, trials)

    assert found.statistic == pytest.approx(expected.statistic)
    assert found.p_value == pytest.approx(expected.pvalue)
    assert found.degrees_of_freedom == 4
    assert found.differ


def test_cochrans_q_for_estimates_with_standard_errors() -> None:
    values, errors = [72.0, 75.0, 70.0, 74.0], [1.5, 2.0, 1.8, 2.2]
    weights = [1 / e**2 for e in errors]
    mean = sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)
    q = sum(w * (v - mean) ** 2 for w, v in zip(weights, values, strict=True))

    found = estimates_homogeneity(values, errors)

    assert found.statistic == pytest.approx(q)
    assert found.p_value == pytest.approx(chi2.sf(q, 3))
    assert not found.differ  # p = 0.24: no significant difference
