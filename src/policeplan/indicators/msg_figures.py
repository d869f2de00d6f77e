"""Each member's figure for a Most Similar Group comparison of values (`msg_values.py`):
proportions with their Wilson interval, estimates with their interval or standard error;
ranking them, the tests they allow, and the small-numbers caveat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

from policeplan.indicators.msg_values import (
    PROPORTIONS,
    RATE_PER_1000,
    Z95,
    MemberFigure,
    ValueMember,
    whole_number,
)
from policeplan.indicators.ranking import competition_ranks
from policeplan.plan.model import GoodDirection
from policeplan.reference import Force
from policeplan.stats.chi_square import funnel_dispersion
from policeplan.stats.funnel import funnel_plot
from policeplan.stats.homogeneity import (
    Homogeneity,
    estimates_homogeneity,
    proportions_homogeneity,
    rates_homogeneity,
)
from policeplan.stats.proportion_funnel import ProportionFunnel, proportion_funnel
from policeplan.stats.proportions import wilson_interval
from policeplan.stats.rank_uncertainty import RankUncertainty, rank_ranges

__all__ = [
    "SMALL_NUMBERS",
    "estimate_figure",
    "group_tests",
    "proportion_figure",
    "rank_values",
    "small_numbers_caveat",
]

# Below this many events a member's rank can move several places by chance alone.
SMALL_NUMBERS = 30


def rank_values(
    figures: Sequence[MemberFigure], direction: GoodDirection
) -> tuple[tuple[ValueMember, ...], RankUncertainty | None]:
    """Rank the figures (1 = best in `direction`), best first, with 95% rank ranges when
    every figure has a sampling variance."""
    ranks = competition_ranks([f.value for f in figures], direction)
    members = [ValueMember(f, r) for f, r in zip(figures, ranks, strict=True)]
    uncertainty = None
    if len(figures) >= 2 and all(f.variance for f in figures):
        uncertainty = rank_ranges(
            [f.force.slug for f in figures],
            [float(f.value) for f in figures],
            [float(f.variance or 0) for f in figures],
            direction=direction,
        )
        found = {r.name: r for r in uncertainty.members}
        members = [replace(m, rank_range=found[m.force.slug]) for m in members]
    ordered = tuple(sorted(members, key=lambda m: (m.rank, m.force.short_name)))
    return ordered, uncertainty


def group_tests(
    figures: Sequence[MemberFigure], statistic: str
) -> tuple[ProportionFunnel | None, Homogeneity | None]:
    """The proportion funnel and the homogeneity test the figures allow."""
    if statistic in PROPORTIONS and all(
        whole_number(f.numerator) and whole_number(f.denominator) and (f.denominator or 0) > 0
        for f in figures
    ):
        successes = [int(f.numerator or 0) for f in figures]
        trials = [int(f.denominator or 0) for f in figures]
        rows = [(f.force.slug, s, n) for f, s, n in zip(figures, successes, trials, strict=True)]
        return proportion_funnel(rows), proportions_homogeneity(successes, trials)
    if statistic == RATE_PER_1000:
        plot = funnel_plot((f.force.slug, int(f.numerator or 0), float(f.denominator or 1))
                           for f in figures)  # fmt: skip
        spread = funnel_dispersion(plot)
        return None, rates_homogeneity(spread.ratio * len(figures), len(figures))
    if all(f.standard_error for f in figures):
        return None, estimates_homogeneity(
            [float(f.value) for f in figures], [f.standard_error or 0.0 for f in figures]
        )
    return None, None


def proportion_figure(
    force: Force, successes: int, trials: int, note: str | None = None
) -> MemberFigure:
    """A proportion with its Wilson 95% interval and a binomial sampling variance (the
    proportion nudged off 0 and 1, so a member with none or all still has a variance)."""
    interval = wilson_interval(successes, trials)
    nudged = (successes + 0.5) / (trials + 1)
    return MemberFigure(
        force,
        Fraction(successes, trials),
        successes,
        trials,
        interval.lower,
        interval.upper,
        nudged * (1 - nudged) / trials,
        note=note,
    )


def estimate_figure(
    force: Force,
    value: float,
    lower: float | None = None,
    upper: float | None = None,
    standard_error: float | None = None,
) -> MemberFigure:
    """An estimate with its interval: from the standard error (value ± 1.96 se) or, from an
    interval, the standard error (upper − lower) / (2 × 1.96)."""
    if standard_error is None and lower is not None and upper is not None and upper > lower:
        standard_error = (upper - lower) / (2 * Z95)
    if standard_error is not None and (lower is None or upper is None):
        lower, upper = value - Z95 * standard_error, value + Z95 * standard_error
    variance = None if not standard_error else standard_error**2
    return MemberFigure(force, Fraction(value), None, None, lower, upper, variance, standard_error)


def small_numbers_caveat(counts: Sequence[tuple[str, float]], what: str) -> str | None:
    """A caveat when any member's count is below SMALL_NUMBERS."""
    small = [name for name, count in counts if count < SMALL_NUMBERS]
    if not small:
        return None
    return (
        f"small numbers: {', '.join(small)} recorded fewer than {SMALL_NUMBERS} {what}, so a "
        "rank can move several places by chance alone (see the rank ranges)"
    )
