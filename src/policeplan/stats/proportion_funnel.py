"""Funnel limits for proportions (solved rates, calls answered within 10 seconds): which
members differ from the group's proportion by more than chance, and by more than the usual
spread between forces?

If every member had the group's pooled proportion p0 = total successes / total trials, a
member with n trials would have Binomial(n, p0) successes. Its 95% and 99.8% limits are the
2.5/97.5% and 0.1/99.9% points of that distribution (interpolated as for the Poisson
funnel, `funnel.interpolated_quantile`), divided by n. With force-sized denominators these
limits are narrow, so the overdispersion adjustment of Spiegelhalter (2005, the same as
`funnel_overdispersion` for rates) widens them by the between-force variance tau²:
p0 ± z √(p0(1 − p0) / n + tau²).

    >>> plot = proportion_funnel([("a", 90, 1000), ("b", 110, 1000), ("c", 200, 1000)])
    >>> round(plot.group_proportion, 4), [m.outside for m in plot.members]
    (0.1333, ['below 99.8', 'below 95', 'above 99.8'])
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.stats import binom, norm

from policeplan.stats.funnel import _outside, interpolated_quantile
from policeplan.stats.funnel_overdispersion import additive_random_effects

__all__ = [
    "ProportionFunnel",
    "ProportionFunnelMember",
    "adjusted_limits",
    "binomial_limits",
    "proportion_funnel",
]


@dataclass(frozen=True)
class ProportionFunnelMember:
    """One member's proportion (0–1) against its binomial limits and the limits widened
    for overdispersion; `outside`/`adjusted_outside` name the outermost limit breached."""

    name: str
    successes: int
    trials: int
    proportion: float
    lower_95: float
    upper_95: float
    lower_998: float
    upper_998: float
    outside: str | None
    adjusted_lower_95: float
    adjusted_upper_95: float
    adjusted_outside: str | None


@dataclass(frozen=True)
class ProportionFunnel:
    """The pooled proportion, the overdispersion factor phi (about 1 under pure chance),
    the between-member standard deviation tau (as a proportion) and the members."""

    group_proportion: float
    phi: float
    tau: float
    members: tuple[ProportionFunnelMember, ...]


def proportion_funnel(members: Iterable[tuple[str, int, int]]) -> ProportionFunnel:
    """Place each (name, successes, trials) against binomial funnel limits around the
    pooled proportion, unadjusted and adjusted for overdispersion."""
    rows = list(members)
    if len(rows) < 2:
        raise ValueError("a funnel needs at least two members")
    for name, successes, trials in rows:
        if trials <= 0 or not 0 <= successes <= trials:
            raise ValueError(f"{name}: need 0 <= successes <= trials and trials > 0")
    target = sum(r[1] for r in rows) / sum(r[2] for r in rows)
    proportions = np.array([s / n for _, s, n in rows])
    variances = np.array([target * (1 - target) / n for _, _, n in rows])
    if target in (0.0, 1.0):  # every member all or nothing: no spread to measure
        phi, tau2 = 1.0, 0.0
    else:
        phi, tau2 = additive_random_effects(proportions, variances, target)
    placed = []
    for name, successes, trials in rows:
        limits = binomial_limits(target, trials)
        low, high = adjusted_limits(target, trials, math.sqrt(tau2))
        proportion = successes / trials
        adjusted = _outside(proportion, low, low, high, high)
        placed.append(ProportionFunnelMember(
            name, successes, trials, proportion, limits[1], limits[2], limits[0], limits[3],
            _outside(proportion, *limits), low, high,
            None if adjusted is None else adjusted.replace("99.8", "95"),
        ))  # fmt: skip
    return ProportionFunnel(target, phi, math.sqrt(tau2), tuple(placed))


def binomial_limits(proportion: float, trials: int) -> tuple[float, float, float, float]:
    """The (lower 99.8%, lower 95%, upper 95%, upper 99.8%) limits of a proportion on
    `trials` trials when the true proportion is `proportion`.

    >>> [round(x, 3) for x in binomial_limits(0.2, 1000)]
    [0.161, 0.175, 0.225, 0.239]
    """
    return (
        _binomial_limit(trials, proportion, 0.001),
        _binomial_limit(trials, proportion, 0.025),
        _binomial_limit(trials, proportion, 0.975),
        _binomial_limit(trials, proportion, 0.999),
    )


def adjusted_limits(proportion: float, trials: float, tau: float) -> tuple[float, float]:
    """The 95% limits widened by the between-member spread tau (Spiegelhalter 2005):
    p0 ± 1.96 √(p0(1 − p0) / n + tau²), kept within 0 and 1.

    >>> [round(x, 4) for x in adjusted_limits(0.2, 1000, 0.0)]
    [0.1752, 0.2248]
    """
    z95 = float(norm.ppf(0.975))
    spread = math.sqrt(proportion * (1 - proportion) / trials + tau**2)
    return max(0.0, proportion - z95 * spread), min(1.0, proportion + z95 * spread)


def _binomial_limit(trials: int, proportion: float, probability: float) -> float:
    if proportion in (0.0, 1.0):
        return proportion
    return interpolated_quantile(binom(trials, proportion), probability) / trials
