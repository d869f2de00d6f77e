"""The change that really reaches the MSG average (issue #8 item 11)."""

from __future__ import annotations

import gzip
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import brentq

from policeplan.reference.population import population_for
from policeplan.stats.funnel_overdispersion import random_effects_funnel
from policeplan.stats.msg_targets import MEAN_OF_RATES, POOLED_RATE, msg_targets
from policeplan.stats.rank_uncertainty import rank_uncertainty

COUNTS = [1_200, 1_500, 900, 2_600, 800, 1_100]
POPULATIONS = [100_000, 120_000, 95_000, 150_000, 90_000, 110_000]


def _solve(force: int, average: str) -> float:
    """The count at which the force's rate equals the recomputed average, by root finding."""
    pops = np.array(POPULATIONS, dtype=float)

    def gap(count: float) -> float:
        counts = np.array(COUNTS, dtype=float)
        counts[force] = count
        rates = counts / pops
        group = rates.mean() if average == MEAN_OF_RATES else counts.sum() / pops.sum()
        return float(rates[force] - group)

    return float(brentq(gap, 0, 100_000, xtol=1e-10))


@pytest.mark.parametrize("force", range(len(COUNTS)))
def test_target_count_makes_the_rate_equal_the_recomputed_average(force: int) -> None:
    found = msg_targets(COUNTS, POPULATIONS, force)

    for change in (found.mean_of_rates, found.pooled_rate):
        expected = _solve(force, change.average)
        assert float(change.target_count) == pytest.approx(expected, rel=1e-9)
        assert float(change.change_needed) == pytest.approx(expected - COUNTS[force], abs=1e-6)
        assert change.change_needed_offences == round(expected - COUNTS[force])
        # the target rate is the group average once the force's count is the target
        counts = [Fraction(c) for c in COUNTS]
        counts[force] = change.target_count
        rates = [c / p * 1000 for c, p in zip(counts, POPULATIONS, strict=True)]
        recomputed = (
            sum(rates) / len(rates)
            if change.average == MEAN_OF_RATES
            else sum(counts) / sum(POPULATIONS) * 1000
        )
        assert change.target_rate == recomputed == rates[force]


def test_naive_change_is_the_old_figure_and_falls_short() -> None:
    found = msg_targets(COUNTS, POPULATIONS, 3)
    rates = [c / p * 1000 for c, p in zip(COUNTS, POPULATIONS, strict=True)]
    naive = (sum(rates) / len(rates) - rates[3]) * POPULATIONS[3] / 1000

    assert float(found.mean_of_rates.naive_change) == pytest.approx(naive)
    assert abs(found.mean_of_rates.change_needed) > abs(found.mean_of_rates.naive_change)
    # For the mean of rates the naive figure is exactly (k - 1) / k of the solved one.
    k = len(COUNTS)
    assert found.mean_of_rates.naive_change == found.mean_of_rates.change_needed * (k - 1) / k


def test_default_is_the_mean_of_rates_and_can_be_the_pooled_rate() -> None:
    assert msg_targets(COUNTS, POPULATIONS, 0).default.average == MEAN_OF_RATES
    pooled = msg_targets(COUNTS, POPULATIONS, 0, default_average=POOLED_RATE)
    assert pooled.default is pooled.pooled_rate


def test_within_normal_variation_follows_the_random_effects_limits() -> None:
    plot = random_effects_funnel(
        (str(i), c, p) for i, (c, p) in enumerate(zip(COUNTS, POPULATIONS, strict=True))
    )
    for force, member in enumerate(plot.members):
        found = msg_targets(COUNTS, POPULATIONS, force)
        assert found.within_normal_variation is (member.outside is None)
        assert (found.note is not None) is found.within_normal_variation
    assert any(m.outside for m in plot.members) and any(not m.outside for m in plot.members)


def test_rejects_a_group_of_one_and_bad_input() -> None:
    with pytest.raises(ValueError):
        msg_targets([10], [1_000], 0)
    with pytest.raises(ValueError):
        msg_targets([10, 5], [1_000, 0], 0)
    with pytest.raises(ValueError):
        msg_targets([10, 5], [1_000, 1_000], 2)


GROUP_2025 = [
    "essex", "hampshire", "hertfordshire", "kent", "leicestershire", "nottinghamshire",
    "staffordshire", "sussex",
]  # fmt: skip  # the sample's forces with all twelve months of 2025


def _all_crime_2025(shared_data: Path, force: str) -> int:
    total = 0
    for month in range(1, 13):
        path = shared_data / "police_uk" / force / f"2025-{month:02d}-{force}-street.csv.gz"
        with gzip.open(path, "rt", encoding="utf-8-sig") as handle:
            next(handle)
            total += sum(1 for line in handle if line.split(",")[9] != "Anti-social behaviour")
    return total


@pytest.mark.realdata
@pytest.mark.slow
def test_essex_all_crime_2025_change_needed_and_rank_range(shared_data: Path) -> None:
    counts = [_all_crime_2025(shared_data, force) for force in GROUP_2025]
    assert counts[0] == 143_676
    # The figures used mid-2019 populations, the latest bundled then.
    populations = [population_for(force, 2019).population for force in GROUP_2025]

    found = msg_targets(counts, populations, 0)

    assert round(found.mean_of_rates.naive_change) == -418
    assert found.mean_of_rates.change_needed_offences == -478
    assert (round(found.pooled_rate.naive_change), found.pooled_rate.change_needed_offences) == (
        -595,
        -702,
    )
    assert found.within_normal_variation  # inside its random-effects 95% limits

    # Issue #8 item 12 on the same figures: 5th of 8 (lowest rate first), exactly 5th by
    # Poisson chance alone, 3rd to 7th with a dispersion of 20.
    poisson_only = rank_uncertainty(GROUP_2025, counts, populations).members[0]
    assert (poisson_only.rank, poisson_only.rank_lower, poisson_only.rank_upper) == (5, 5, 5)
    dispersed = rank_uncertainty(GROUP_2025, counts, populations, dispersion=20.0).members[0]
    assert (dispersed.rank_lower, dispersed.rank_upper, dispersed.indistinguishable) == (3, 7, 4)
