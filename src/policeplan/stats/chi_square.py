"""How much more a group's rates vary than Poisson chance allows: the chi-square
dispersion test of a funnel plot (Spiegelhalter 2005).

Each member's z-score against the pooled group rate is z = (count − expected) / √expected,
with expected = group rate × population. With n members differing by Poisson chance
alone, the sum of z² follows a chi-square distribution on n − 1 degrees of freedom, and
its mean is about 1; far above 1 the members really differ (overdispersion).

    >>> from policeplan.stats.funnel import funnel_plot
    >>> spread = funnel_dispersion(funnel_plot([("a", 90, 10_000), ("b", 110, 10_000)]))
    >>> round(spread.ratio, 3), round(spread.p_value, 3)
    (1.0, 0.157)
"""

from __future__ import annotations

from dataclasses import dataclass

from scipy.stats import chi2

from policeplan.stats.funnel import PER_POPULATION, FunnelPlot

__all__ = ["Dispersion", "funnel_dispersion"]


@dataclass(frozen=True)
class Dispersion:
    """`ratio`: the mean of z² over the members, z = (count − expected) / √expected at the
    group rate (Spiegelhalter 2005); about 1 when members differ by Poisson chance alone.
    `p_value`: the chance of a sum of z² this large on n − 1 degrees of freedom if they did.
    """

    ratio: float
    p_value: float


def funnel_dispersion(plot: FunnelPlot) -> Dispersion:
    """How much more the members vary around the group rate than Poisson chance allows.

    >>> from policeplan.stats.funnel import funnel_plot
    >>> round(funnel_dispersion(funnel_plot([("a", 90, 10_000), ("b", 110, 10_000)])).ratio, 3)
    1.0
    """
    squares = []
    for member in plot.members:
        expected = plot.group_rate / PER_POPULATION * member.population
        squares.append((member.count - expected) ** 2 / expected if expected > 0 else 0.0)
    total = sum(squares)
    degrees = len(squares) - 1
    p_value = float(chi2.sf(total, degrees)) if degrees > 0 else 1.0
    return Dispersion(ratio=total / len(squares), p_value=p_value)
