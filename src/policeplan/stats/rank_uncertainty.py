"""How sure is "4th in the MSG"? A 95% plausible range for each member's rank.

A rank is computed from rates that carry chance variation, so a rank printed alone claims
more than the data know. Following Goldstein & Spiegelhalter ("League tables and their
limitations", J. R. Stat. Soc. A 159 (1996) 385-443) and Marshall & Spiegelhalter (BMJ 316
(1998) 1701), each member's true rate is simulated from a random-effects model and the
members are ranked in every simulated draw:

- the observed log rate y = log(count / population) has sampling variance v = phi / count
  (phi: the member's dispersion, 1 for pure Poisson chance; a count of 0 counts as 0.5);
- true log rates vary between members around a common mean mu with variance tau²,
  estimated by DerSimonian & Laird's method of moments (0 when the rates differ no more
  than chance allows);
- each member's true log rate is then Normal with mean (y / v + mu / tau²) / (1 / v +
  1 / tau²) and variance 1 / (1 / v + 1 / tau²): its own rate, pulled towards the group
  by as much as its own figure is uncertain.

`draws` sets of true rates (10,000 by default) are drawn with a fixed seed, so the result is
reproducible; the 2.5th and 97.5th percentiles of a member's ranks are its 95% range. Two
members are "not distinguishable" when neither is better in more than 97.5% of the draws
(the 95% interval of the difference of their true rates includes 0). When tau² is 0 the
model holds every member's true rate equal: every range is 1 to k and no two members are
distinguishable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from policeplan.stats._decimal import Exact

DRAWS = 10_000
SEED = 20_250_401
TAIL = 0.025


@dataclass(frozen=True)
class RankRange:
    """A member's observed rank (1 = best in the good direction), its 95% plausible range,
    and how many (and which) other members it cannot be told apart from."""

    name: str
    rank: int
    rank_lower: int
    rank_upper: int
    indistinguishable: int
    indistinguishable_from: tuple[str, ...]


@dataclass(frozen=True)
class RankUncertainty:
    members: tuple[RankRange, ...]
    tau2_log: float  # between-member variance of the log rate
    draws: int
    seed: int
    method: str = "random-effects simulation (normal on log rate, DerSimonian-Laird tau²)"

    def method_dict(self) -> dict[str, str | int]:
        """How the ranges were found (the JSON `rank_uncertainty_method`)."""
        return {"method": self.method, "draws": self.draws, "seed": self.seed}


def rank_uncertainty(
    names: Sequence[str],
    counts: Sequence[int],
    populations: Sequence[Exact],
    *,
    direction: Literal["up", "down"] = "down",
    dispersion: float | Sequence[float] = 1.0,
    draws: int = DRAWS,
    seed: int = SEED,
) -> RankUncertainty:
    """95% rank ranges for members given by name, count and population.

    `direction` "down": a lower rate is better (rank 1 = lowest); "up": higher is better.
    `dispersion`: phi for every member, or one per member (see `estimate_dispersion`).

    >>> found = rank_uncertainty(["a", "b", "c", "d"], [100, 104, 300, 900],
    ...                          [10_000, 10_000, 10_000, 10_000])
    >>> [(m.rank, m.rank_lower, m.rank_upper, m.indistinguishable) for m in found.members]
    [(1, 1, 2, 1), (2, 1, 2, 1), (3, 3, 3, 0), (4, 4, 4, 0)]
    """
    k = len(names)
    if not k == len(counts) == len(populations):
        raise ValueError("names, counts and populations must be of the same length")
    if k < 2:
        raise ValueError("ranks need at least two members")
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', got {direction!r}")
    count = np.array([float(c) for c in counts])
    population = np.array([float(p) for p in populations])
    phi = np.broadcast_to(np.array(dispersion, dtype=float), (k,))
    if (count < 0).any() or (population <= 0).any() or (phi < 1e-12).any():
        raise ValueError("counts must be 0 or more, populations and dispersions above 0")
    observed = np.log(np.maximum(count, 0.5) / population)
    variance = phi / np.maximum(count, 0.5)
    return rank_ranges(names, observed, variance, direction=direction, draws=draws, seed=seed)


def rank_ranges(
    names: Sequence[str],
    estimates: Sequence[float] | NDArray[np.float64],
    variances: Sequence[float] | NDArray[np.float64],
    *,
    direction: Literal["up", "down"] = "down",
    draws: int = DRAWS,
    seed: int = SEED,
) -> RankUncertainty:
    """95% rank ranges from any estimates with their sampling variances (a log rate, a
    proportion, a survey estimate with its standard error squared), by the same
    random-effects simulation.

    >>> found = rank_ranges(["a", "b", "c"], [0.10, 0.11, 0.30], [1e-4, 1e-4, 1e-4],
    ...                     direction="up")
    >>> [(m.rank, m.rank_lower, m.rank_upper) for m in found.members]
    [(3, 2, 3), (2, 2, 3), (1, 1, 1)]
    """
    k = len(names)
    observed = np.array([float(e) for e in estimates])
    variance = np.array([float(v) for v in variances])
    if not k == len(observed) == len(variance) or k < 2:
        raise ValueError("ranks need at least two members, each with an estimate and variance")
    if (variance <= 0).any() or not np.isfinite(observed).all():
        raise ValueError("estimates must be finite and variances above 0")
    sign = 1.0 if direction == "down" else -1.0  # rank ascending in sign × value
    tau2 = _between_variance(observed, variance)
    badness = sign * observed
    ranks = np.array([1 + int(np.sum(badness < value)) for value in badness])
    if tau2 == 0.0:
        full = tuple(
            RankRange(n, int(r), 1, k, k - 1, tuple(o for o in names if o != n))
            for n, r in zip(names, ranks, strict=True)
        )
        return RankUncertainty(full, 0.0, draws, seed)
    weights = 1 / (variance + tau2)
    mean = float(np.sum(weights * observed) / np.sum(weights))
    post_variance = 1 / (1 / variance + 1 / tau2)
    post_mean = post_variance * (observed / variance + mean / tau2)
    rng = np.random.default_rng(seed)
    simulated = sign * rng.normal(post_mean, np.sqrt(post_variance), size=(draws, k))
    simulated_ranks = simulated.argsort(axis=1).argsort(axis=1) + 1
    lower = np.quantile(simulated_ranks, TAIL, axis=0, method="inverted_cdf")
    upper = np.quantile(simulated_ranks, 1 - TAIL, axis=0, method="inverted_cdf")
    better = (simulated[:, :, None] < simulated[:, None, :]).mean(axis=0)  # i better than j
    members = []
    for i, name in enumerate(names):
        peers = tuple(names[j] for j in range(k) if j != i and TAIL <= better[i, j] <= 1 - TAIL)
        members.append(
            RankRange(name, int(ranks[i]), int(lower[i]), int(upper[i]), len(peers), peers)
        )
    return RankUncertainty(tuple(members), tau2, draws, seed)


def _between_variance(observed: NDArray[np.float64], variance: NDArray[np.float64]) -> float:
    """DerSimonian-Laird moment estimate of tau², truncated at 0."""
    weights = 1 / variance
    pooled = np.sum(weights * observed) / np.sum(weights)
    q = float(np.sum(weights * (observed - pooled) ** 2))
    scale = float(np.sum(weights) - np.sum(weights**2) / np.sum(weights))
    return max(0.0, (q - (len(observed) - 1)) / scale)
