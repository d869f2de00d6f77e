"""The weighted Poisson sum test of a harm score's change."""

from __future__ import annotations

import math

import numpy as np
import pytest

from policeplan.stats.weighted_comparison import compare_weighted_sums


def test_the_formula_by_hand() -> None:
    found = compare_weighted_sums([(10, 100.0), (200, 2.0)], [(5, 100.0), (180, 2.0)], 30, 31)
    h1, h2 = 10 * 100 + 200 * 2, 5 * 100 + 180 * 2
    v1, v2 = 10 * 100**2 + 200 * 4, 5 * 100**2 + 180 * 4
    log_ratio = math.log((h1 / 30) / (h2 / 31))
    se = math.sqrt(v1 / h1**2 + v2 / h2**2)
    assert found.difference == pytest.approx(h1 - h2 * 30 / 31)
    assert found.z == pytest.approx(log_ratio / se)
    assert found.p_value == pytest.approx(math.erfc(abs(log_ratio / se) / math.sqrt(2)))
    wider = compare_weighted_sums([(10, 100.0), (200, 2.0)], [(5, 100.0), (180, 2.0)], 30, 31, 4.0)
    assert wider.z == pytest.approx(found.z / 2)


def test_under_no_change_about_one_in_twenty_is_significant() -> None:
    """Poisson counts of three types with very different weights, the same rates in both
    windows: the share called significant is close to 5% (heavy weights make the score
    far more variable than its total suggests; a test ignoring that would say far more)."""
    rng = np.random.default_rng(13)
    means, weights = np.array([30.0, 400.0, 2000.0]), [800.0, 50.0, 10.0]
    trials = 4000
    significant = 0
    for _ in range(trials):
        now, then = rng.poisson(means), rng.poisson(means)
        current = list(zip(now.tolist(), weights, strict=True))
        found = compare_weighted_sums(
            current, list(zip(then.tolist(), weights, strict=True)), 30, 30
        )
        significant += bool(found.significant)
    assert 0.04 < significant / trials < 0.06


def test_a_zero_score_is_not_tested() -> None:
    found = compare_weighted_sums([(0, 5.0)], [(3, 5.0)], 31, 31)
    assert found.p_value is None and found.significant is None and found.difference == -15
