"""Funnel plot limits: which areas' crime rates differ from the group more than chance allows?

Each member (a force, a district) has a count of crimes and a population. If every member
had the group rate R = total count / total population, a member of population N would
expect λ = R × N crimes, and its count would be Poisson(λ). The 95% and 99.8% limits are
the 2.5/97.5% and 0.1/99.9% points of that Poisson distribution, divided by N and shown
per 1,000 people. Small members get wide limits, large members narrow ones: the funnel.

Method (Spiegelhalter 2005, "Funnel plots for comparing institutional performance",
Statistics in Medicine 24:1185): the Poisson quantile is a whole number, so plain
`scipy.stats.poisson.ppf` draws a staircase; we use the standard interpolation between
the quantile r and r - 1,

    limit = r - (P(X ≤ r) - p) / (P(X ≤ r) - P(X ≤ r - 1)),   r = poisson.ppf(p, λ),

which gives smooth limits that are exact at whole-number counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from scipy.stats import poisson

PER_POPULATION = 1000
ABOVE_998 = "above 99.8"
ABOVE_95 = "above 95"
BELOW_998 = "below 99.8"
BELOW_95 = "below 95"


@dataclass(frozen=True)
class FunnelMember:
    """One member with its rate and the limits for its population, all per 1,000 people.

    `outside` names the outermost limit the rate breaches ("above 99.8", "above 95",
    "below 95", "below 99.8") or is None inside the 95% limits.
    """

    name: str
    count: int
    population: float
    rate: float
    lower_95: float
    upper_95: float
    lower_998: float
    upper_998: float
    outside: str | None


@dataclass(frozen=True)
class FunnelPlot:
    """The group rate (per 1,000) and every member placed against its limits."""

    group_rate: float
    members: tuple[FunnelMember, ...]


def funnel_plot(members: Iterable[tuple[str, int, float]]) -> FunnelPlot:
    """Place each (name, count, population) against Poisson funnel limits around the group.

    >>> plot = funnel_plot([("a", 90, 10_000), ("b", 110, 10_000), ("c", 160, 10_000)])
    >>> plot.group_rate, [member.outside for member in plot.members]
    (12.0, ['below 95', None, 'above 99.8'])
    """
    rows = list(members)
    if not rows:
        raise ValueError("a funnel plot needs at least one member")
    for name, count, population in rows:
        if count < 0 or not population > 0:
            raise ValueError(
                f"{name}: count must be 0 or more and population greater than 0, "
                f"got {count} and {population}"
            )
    group_rate = sum(row[1] for row in rows) / sum(row[2] for row in rows)
    placed = tuple(_member(name, count, population, group_rate) for name, count, population in rows)
    return FunnelPlot(group_rate=group_rate * PER_POPULATION, members=placed)


def count_limit(expected: float, probability: float) -> float:
    """The interpolated Poisson quantile: the count below which `probability` falls.

    >>> round(count_limit(100, 0.975), 2)
    119.58
    """
    if not 0 < probability < 1:
        raise ValueError(f"probability must be between 0 and 1, got {probability}")
    if expected <= 0:
        return 0.0
    return interpolated_quantile(poisson(expected), probability)


def interpolated_quantile(distribution: Any, probability: float) -> float:
    """Spiegelhalter's interpolation between the whole-number quantile r and r - 1 of a
    discrete (frozen scipy) distribution: smooth limits, exact at whole counts."""
    quantile = float(distribution.ppf(probability))
    below_or_at = float(distribution.cdf(quantile))
    below = float(distribution.cdf(quantile - 1))
    if below_or_at == below:
        return quantile
    return max(0.0, quantile - (below_or_at - probability) / (below_or_at - below))


def rate_limits(group_rate: float, population: float) -> tuple[float, float, float, float]:
    """(lower 99.8, lower 95, upper 95, upper 99.8) per 1,000 for a member of `population`.

    `group_rate` is per 1,000 people, as `FunnelPlot.group_rate`; use this to draw the
    funnel curves over a range of populations.
    """
    expected = group_rate / PER_POPULATION * population
    scale = PER_POPULATION / population
    return (
        count_limit(expected, 0.001) * scale,
        count_limit(expected, 0.025) * scale,
        count_limit(expected, 0.975) * scale,
        count_limit(expected, 0.999) * scale,
    )


def _member(name: str, count: int, population: float, group_rate: float) -> FunnelMember:
    lower_998, lower_95, upper_95, upper_998 = rate_limits(group_rate * PER_POPULATION, population)
    rate = count / population * PER_POPULATION
    return FunnelMember(
        name=name,
        count=count,
        population=population,
        rate=rate,
        lower_95=lower_95,
        upper_95=upper_95,
        lower_998=lower_998,
        upper_998=upper_998,
        outside=_outside(rate, lower_998, lower_95, upper_95, upper_998),
    )


def _outside(
    rate: float, lower_998: float, lower_95: float, upper_95: float, upper_998: float
) -> str | None:
    if rate > upper_998:
        return ABOVE_998
    if rate > upper_95:
        return ABOVE_95
    if rate < lower_998:
        return BELOW_998
    if rate < lower_95:
        return BELOW_95
    return None
