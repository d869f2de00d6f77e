import math

import pytest
from scipy.stats import poisson

from policeplan.stats import ABOVE_95, ABOVE_998, BELOW_95, BELOW_998, count_limit, funnel_plot


def _interpolated_quantile(expected: float, probability: float) -> float:
    quantile = poisson.ppf(probability, expected)
    at = poisson.cdf(quantile, expected)
    below = poisson.cdf(quantile - 1, expected)
    return float(quantile - (at - probability) / (at - below))


def test_group_rate_is_total_count_over_total_population_per_thousand() -> None:
    plot = funnel_plot([("a", 300, 100_000), ("b", 900, 200_000)])

    assert plot.group_rate == pytest.approx(1200 / 300_000 * 1000)


def test_limits_are_interpolated_poisson_quantiles_per_thousand() -> None:
    plot = funnel_plot([("a", 300, 100_000), ("b", 900, 200_000)])

    member = plot.members[0]
    expected = 1200 / 300_000 * 100_000  # 400 crimes expected at the group rate
    scale = 1000 / 100_000
    assert member.rate == pytest.approx(3.0)
    assert member.upper_95 == pytest.approx(_interpolated_quantile(expected, 0.975) * scale)
    assert member.lower_95 == pytest.approx(_interpolated_quantile(expected, 0.025) * scale)
    assert member.upper_998 == pytest.approx(_interpolated_quantile(expected, 0.999) * scale)
    assert member.lower_998 == pytest.approx(_interpolated_quantile(expected, 0.001) * scale)


def test_large_counts_limits_approach_the_normal_approximation() -> None:
    # For λ = 10,000 the 97.5% point is close to λ + 1.96 √λ = 10,196.
    assert count_limit(10_000, 0.975) == pytest.approx(10_000 + 1.96 * math.sqrt(10_000), abs=1)


def test_smaller_populations_get_wider_limits() -> None:
    plot = funnel_plot([("small", 10, 5_000), ("large", 1000, 500_000)])

    small, large = plot.members
    assert small.upper_998 - small.lower_998 > large.upper_998 - large.lower_998
    assert small.lower_998 < plot.group_rate < small.upper_998


def test_outside_names_the_outermost_limit_breached() -> None:
    plot = funnel_plot(
        [
            ("low", 60, 10_000),
            ("lowish", 90, 10_000),
            ("typical", 120, 10_000),
            ("highish", 150, 10_000),
            ("high", 180, 10_000),
        ]
    )

    expected = 120.0  # every member has the same population, so the group rate is 12
    upper_95 = _interpolated_quantile(expected, 0.975) / 10
    upper_998 = _interpolated_quantile(expected, 0.999) / 10
    assert upper_95 < 15.0 < upper_998
    assert [member.outside for member in plot.members] == [
        BELOW_998,
        BELOW_95,
        None,
        ABOVE_95,
        ABOVE_998,
    ]


def test_zero_expected_count_has_zero_limits() -> None:
    assert count_limit(0.0, 0.999) == 0.0


def test_rejects_members_without_population() -> None:
    with pytest.raises(ValueError, match="population"):
        funnel_plot([("a", 1, 0)])
