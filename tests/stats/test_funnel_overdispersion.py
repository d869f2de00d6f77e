"""Spiegelhalter's additive random-effects funnel, checked against the formulas typed out."""

from __future__ import annotations

import math

import numpy as np
import pytest

from policeplan.stats.funnel_overdispersion import random_effects_funnel

MEMBERS = [
    ("a", 1_200, 100_000), ("b", 1_500, 120_000), ("c", 900, 95_000), ("d", 2_600, 150_000),
    ("e", 800, 90_000), ("f", 1_100, 110_000), ("g", 1_750, 130_000), ("h", 1_000, 105_000),
    ("i", 1_300, 98_000), ("j", 700, 80_000),
]  # fmt: skip


def test_limits_widen_by_the_between_unit_variance() -> None:
    counts = np.array([c for _, c, _ in MEMBERS], dtype=float)
    pops = np.array([p for _, _, p in MEMBERS], dtype=float)
    target = counts.sum() / pops.sum()
    s2 = target / pops
    z = (counts / pops - target) / np.sqrt(s2)
    lo, hi = np.quantile(z, [0.1, 0.9])
    phi = np.mean(np.clip(z, lo, hi) ** 2)
    w = 1 / s2
    tau2 = (len(z) * phi - (len(z) - 1)) / (w.sum() - (w**2).sum() / w.sum())

    plot = random_effects_funnel(MEMBERS)

    assert plot.phi == pytest.approx(phi)
    assert plot.tau_per_1000 == pytest.approx(math.sqrt(tau2) * 1000)
    d = plot.members[3]
    half = 1.959963984540054 * math.sqrt(s2[3] + tau2) * 1000
    assert (d.lower_95, d.upper_95) == pytest.approx((target * 1000 - half, target * 1000 + half))
    assert d.outside == ("above 95" if d.rate > d.upper_95 else None)


def test_no_overdispersion_leaves_plain_normal_limits() -> None:
    plot = random_effects_funnel([("a", 100, 10_000), ("b", 102, 10_000), ("c", 98, 10_000)])
    assert plot.tau_per_1000 == 0.0
    half = 1.959963984540054 * math.sqrt(0.01 / 10_000) * 1000
    assert plot.members[0].upper_95 == pytest.approx(10 + half)


def test_all_zero_counts_give_finite_figures_and_no_one_outside() -> None:
    # Issue #8 item 6: phi was NaN (0 / 0), written to JSON as the invalid `NaN`.
    plot = random_effects_funnel([("a", 0, 10_000), ("b", 0, 20_000), ("c", 0, 5_000)])

    assert plot.group_rate == 0.0
    assert plot.phi == 1.0
    assert plot.tau_per_1000 == 0.0
    for member in plot.members:
        figures = (member.rate, member.lower_95, member.upper_95, member.lower_998)
        assert all(math.isfinite(figure) for figure in (*figures, member.upper_998))
        assert member.outside is None


@pytest.mark.parametrize(
    "members",
    [
        [("a", 0, 10_000), ("b", 3, 20_000)],
        [("a", 1, 10_000), ("b", 1, 10_000)],
        [("a", 5, 1), ("b", 0, 1e9)],
    ],
)
def test_every_figure_is_finite(members: list[tuple[str, int, float]]) -> None:
    plot = random_effects_funnel(members)

    assert math.isfinite(plot.phi) and math.isfinite(plot.tau_per_1000)
    for member in plot.members:
        assert all(math.isfinite(x) for x in (member.rate, member.lower_95, member.upper_998))
