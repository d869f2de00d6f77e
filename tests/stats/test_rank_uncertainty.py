"""95% plausible ranges of rank by seeded simulation (issue #8 item 12)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import norm

from policeplan.stats.rank_uncertainty import rank_uncertainty

NAMES = ["a", "b", "c", "d", "e", "f", "g", "h"]
COUNTS = [1_180, 1_210, 1_260, 1_300, 1_500, 1_530, 2_100, 600]
POPULATIONS = [100_000] * 8


def _posterior(counts: list[int], pops: list[float], phi: float) -> tuple[np.ndarray, np.ndarray]:
    """The model typed out independently: DerSimonian-Laird tau², normal shrinkage."""
    y = np.log(np.array(counts) / np.array(pops))
    v = phi / np.array(counts, dtype=float)
    w = 1 / v
    mu_fixed = (w * y).sum() / w.sum()
    q = (w * (y - mu_fixed) ** 2).sum()
    tau2 = max(0.0, (q - (len(y) - 1)) / (w.sum() - (w**2).sum() / w.sum()))
    w_re = 1 / (v + tau2)
    mu = (w_re * y).sum() / w_re.sum()
    variance = 1 / (1 / v + 1 / tau2)
    return variance * (y / v + mu / tau2), variance


def test_reproducible_with_a_seed_and_different_with_another() -> None:
    first = rank_uncertainty(NAMES, COUNTS, POPULATIONS, dispersion=20.0)
    again = rank_uncertainty(NAMES, COUNTS, POPULATIONS, dispersion=20.0)
    other = rank_uncertainty(NAMES, COUNTS, POPULATIONS, dispersion=20.0, seed=1, draws=500)

    assert first == again
    assert (first.draws, other.draws, other.seed) == (10_000, 500, 1)


def test_observed_rank_is_inside_its_range_and_lowest_rate_ranks_first() -> None:
    found = rank_uncertainty(NAMES, COUNTS, POPULATIONS, dispersion=20.0)

    assert [m.rank for m in found.members] == [2, 3, 4, 5, 6, 7, 8, 1]
    for member in found.members:
        assert member.rank_lower <= member.rank <= member.rank_upper
    up = rank_uncertainty(NAMES, COUNTS, POPULATIONS, direction="up")
    assert [m.rank for m in up.members] == [7, 6, 5, 4, 3, 2, 1, 8]


def test_pairwise_distinguishability_matches_the_normal_posterior() -> None:
    # Not distinguishable exactly when P(true rate i < true rate j) lies in [2.5%, 97.5%];
    # with normal posteriors that probability is Phi((m_j - m_i) / sqrt(s_i² + s_j²)).
    phi = 20.0
    means, variances = _posterior(COUNTS, POPULATIONS, phi)
    found = rank_uncertainty(NAMES, COUNTS, POPULATIONS, dispersion=phi, draws=40_000)

    for i, member in enumerate(found.members):
        for j, other in enumerate(NAMES):
            if i == j:
                continue
            p_better = norm.cdf((means[j] - means[i]) / math.sqrt(variances[i] + variances[j]))
            if 0.035 < p_better < 0.965:
                assert other in member.indistinguishable_from
            if p_better < 0.015 or p_better > 0.985:
                assert other not in member.indistinguishable_from
        assert member.indistinguishable == len(member.indistinguishable_from)


def test_rank_range_matches_the_exact_probability_for_two_members() -> None:
    # With two members, rank 1 has probability P(true rate a < true rate b).
    counts, pops = [1_000, 1_070], [100_000, 100_000]
    means, variances = _posterior(counts, pops, 1.0)
    p_first = norm.cdf((means[1] - means[0]) / math.sqrt(variances.sum()))

    found = rank_uncertainty(["a", "b"], counts, pops)

    a = found.members[0]
    assert a.rank == 1
    assert a.rank_upper == (2 if p_first < 0.975 else 1)


def test_clear_differences_give_exact_ranks_and_more_dispersion_widens_them() -> None:
    exact = rank_uncertainty(NAMES, COUNTS, POPULATIONS)  # Poisson only: counts of ~1,200
    wide = rank_uncertainty(NAMES, COUNTS, POPULATIONS, dispersion=30.0)

    assert exact.members[6].rank_lower == exact.members[6].rank_upper == 8
    width = [m.rank_upper - m.rank_lower for m in exact.members]
    wider = [m.rank_upper - m.rank_lower for m in wide.members]
    assert all(w2 >= w1 for w1, w2 in zip(width, wider, strict=True)) and sum(wider) > sum(width)


def test_no_difference_beyond_chance_leaves_every_rank_open() -> None:
    found = rank_uncertainty(["a", "b", "c"], [100, 101, 99], [10_000] * 3)

    assert found.tau2_log == 0.0
    assert all(
        (m.rank_lower, m.rank_upper, m.indistinguishable) == (1, 3, 2) for m in found.members
    )


def test_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        rank_uncertainty(["a"], [1], [1])
    with pytest.raises(ValueError):
        rank_uncertainty(["a", "b"], [1, 2], [1, 0])
    with pytest.raises(ValueError):
        rank_uncertainty(["a", "b"], [1, 2], [1, 1], direction="sideways")  # type: ignore[arg-type]
