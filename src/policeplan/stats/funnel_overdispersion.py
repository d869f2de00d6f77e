"""Funnel limits that allow for real differences between units (overdispersion).

With force-sized counts, Poisson limits are so narrow that almost every force falls outside
them: forces really do differ (recording practice, population make-up). Spiegelhalter's
additive random-effects funnel widens the limits by the between-unit variance tau², estimated
from the members themselves with 10% winsorised z-scores, so a force outside these limits
differs from the group by more than both chance *and* the usual spread between forces.

Reference: D. J. Spiegelhalter, "Handling over-dispersion of performance indicators",
Quality and Safety in Health Care 14 (2005) 347-351.

    >>> plot = random_effects_funnel([("a", 90, 10_000), ("b", 110, 10_000),
    ...                               ("c", 400, 10_000), ("d", 100, 10_000)])
    >>> plot.tau_per_1000 > 0, [m.outside for m in plot.members]
    (True, [None, None, 'above 95', None])
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.stats import norm

from policeplan.stats.funnel import PER_POPULATION, _outside

WINSORISE = 0.10  # Spiegelhalter's recommended 10% winsorisation of the z-scores


@dataclass(frozen=True)
class AdjustedMember:
    name: str
    rate: float  # per 1,000
    lower_95: float
    upper_95: float
    lower_998: float
    upper_998: float
    outside: str | None


@dataclass(frozen=True)
class RandomEffectsFunnel:
    """`phi`: the (winsorised) overdispersion factor, about 1 under pure chance;
    `tau_per_1000`: the between-unit standard deviation of the rate, per 1,000 people.

    With no events at all (every count 0) there is nothing to disperse: `phi` is 1,
    `tau_per_1000` 0, every rate and limit 0 and no member outside. Every figure is a
    finite number, so the result always encodes as valid JSON."""

    group_rate: float  # per 1,000
    phi: float
    tau_per_1000: float
    members: tuple[AdjustedMember, ...]


def random_effects_funnel(members: Iterable[tuple[str, int, float]]) -> RandomEffectsFunnel:
    """Additive random-effects funnel limits for (name, count, population) members."""
    rows = list(members)
    if len(rows) < 2:
        raise ValueError("a random-effects funnel needs at least two members")
    counts = np.array([float(count) for _, count, _ in rows])
    populations = np.array([float(population) for _, _, population in rows])
    if (populations <= 0).any() or (counts < 0).any():
        raise ValueError("counts must be 0 or more and populations greater than 0")
    target = counts.sum() / populations.sum()  # pooled rate per person
    if target == 0:
        return _no_events(rows)
    rates = counts / populations
    variances = target / populations  # Poisson variance of each member's rate
    phi, tau2 = additive_random_effects(rates, variances, float(target))
    placed = []
    z95, z998 = float(norm.ppf(0.975)), float(norm.ppf(0.999))
    for (name, _, _), rate, variance in zip(rows, rates, variances, strict=True):
        spread = math.sqrt(variance + tau2)
        # A rate cannot fall below 0, so neither can a lower limit.
        limits = [max(0.0, float(target + sign * zq * spread) * PER_POPULATION)
                  for sign, zq in ((-1, z998), (-1, z95), (1, z95), (1, z998))]  # fmt: skip
        shown = float(rate) * PER_POPULATION
        placed.append(AdjustedMember(name, shown, limits[1], limits[2], limits[0], limits[3],
                                     _outside(shown, *limits)))  # fmt: skip
    return RandomEffectsFunnel(
        group_rate=float(target) * PER_POPULATION,
        phi=phi,
        tau_per_1000=math.sqrt(tau2) * PER_POPULATION,
        members=tuple(placed),
    )


def additive_random_effects(
    estimates: NDArray[np.float64], variances: NDArray[np.float64], target: float
) -> tuple[float, float]:
    """(phi, tau²) of Spiegelhalter's additive random-effects model: phi the mean of the
    10%-winsorised squared z-scores of `estimates` around `target` (each with its sampling
    variance), tau² the between-unit variance (0 when phi is no more than chance allows).
    Used for rates (Poisson variances) and proportions (binomial variances) alike."""
    z = (estimates - target) / np.sqrt(variances)
    low, high = np.quantile(z, [WINSORISE, 1 - WINSORISE])
    units = len(estimates)
    phi = float(np.mean(np.clip(z, low, high) ** 2))
    weights = 1 / variances
    tau2 = 0.0
    if units * phi > units - 1:
        tau2 = (units * phi - (units - 1)) / (weights.sum() - (weights**2).sum() / weights.sum())
    return phi, float(tau2)


def _no_events(rows: list[tuple[str, int, float]]) -> RandomEffectsFunnel:
    """Every count is 0: the z-scores would be 0 / 0. No spread, no member outside."""
    members = tuple(AdjustedMember(name, 0.0, 0.0, 0.0, 0.0, 0.0, None) for name, _, _ in rows)
    return RandomEffectsFunnel(group_rate=0.0, phi=1.0, tau_per_1000=0.0, members=members)
