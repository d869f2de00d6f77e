import math
from decimal import Decimal

import pytest
from scipy.stats import hypergeom

from policeplan.stats import compare_proportions, wilson_interval


def _wilson(successes: int, trials: int, z: float = 1.959963984540054) -> tuple[float, float]:
    p = successes / trials
    centre = (p + z**2 / (2 * trials)) / (1 + z**2 / trials)
    half = z / (1 + z**2 / trials) * math.sqrt(p * (1 - p) / trials + z**2 / (4 * trials**2))
    return centre - half, centre + half


def test_wilson_interval_matches_the_closed_form() -> None:
    interval = wilson_interval(30, 100)

    lower, upper = _wilson(30, 100)
    assert interval.proportion == 0.3
    assert interval.lower == pytest.approx(lower, rel=1e-9)
    assert interval.upper == pytest.approx(upper, rel=1e-9)
    assert interval.lower == pytest.approx(0.2189, abs=1e-4)
    assert interval.upper == pytest.approx(0.3958, abs=1e-4)


def test_wilson_interval_of_none_solved_starts_at_zero() -> None:
    interval = wilson_interval(0, 10)

    assert interval.lower == pytest.approx(0.0, abs=1e-12)
    assert interval.upper == pytest.approx(_wilson(0, 10)[1])


def test_wilson_interval_without_trials_is_empty() -> None:
    interval = wilson_interval(0, 0)

    assert (interval.proportion, interval.lower, interval.upper) == (None, None, None)


def test_rejects_more_successes_than_trials() -> None:
    with pytest.raises(ValueError, match="cannot exceed"):
        wilson_interval(11, 10)


def test_change_in_proportion_uses_fishers_exact_test() -> None:
    result = compare_proportions(30, 100, 15, 100)

    # Independently: tables with the same margins (45 solved of 200, 100 current) that
    # are no more likely than the observed one.
    table = hypergeom(200, 45, 100)
    observed = table.pmf(30)
    expected_p = sum(table.pmf(k) for k in range(46) if table.pmf(k) <= observed * (1 + 1e-7))
    assert result.p_value == pytest.approx(expected_p, rel=1e-9)
    assert result.significant
    assert result.points_difference == Decimal("15.0")
    assert result.difference == pytest.approx(0.15)


def test_difference_interval_matches_newcombes_published_example() -> None:
    # Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 - 48/80,
    # method 10 gives 0.0524 to 0.3339.
    result = compare_proportions(56, 70, 48, 80)

    assert result.difference_lower == pytest.approx(0.0524, abs=1e-4)
    assert result.difference_upper == pytest.approx(0.3339, abs=1e-4)


def test_small_change_is_not_significant() -> None:
    result = compare_proportions(14, 100, 13, 100)

    assert not result.significant
    assert result.points_difference == Decimal("1.0")


def test_change_without_trials_cannot_be_tested() -> None:
    result = compare_proportions(0, 0, 5, 10)

    assert result.p_value == 1.0
    assert result.difference is None
    assert not result.significant
