"""How many offences fewer (or more) would bring a force to its group's average rate?

The old answer, (group average − force rate) × force population, does not reach the
average, because the average includes the force: as its count falls, so does the average.
Solved exactly, the count that makes the force's rate equal to the recomputed average is:

- for the simple mean of rates (every member counts once, the default, as on the Home
  Office's iQuanta MSG charts): the force's population × the mean rate of the *other*
  members, since r = (r + sum of the others' rates) / k holds exactly when r is the
  others' mean;
- for the pooled rate (total offences / total population, large members weigh more): the
  force's population × the others' pooled rate, since r = (c + C) / (P + Q) with r = c / P
  holds exactly when c / P = C / Q.

Essex all crime 2025 in the real sample (8 complete members, mid-2019 populations): the
naive change is −418 offences, the solved one −478 (mean of rates); −595 and −702 pooled.

When the force lies inside its random-effects 95% funnel limits (`random_effects_funnel`),
its gap from the group is within the normal variation between forces, and the result says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from policeplan.stats._decimal import Exact, as_fraction
from policeplan.stats.funnel_overdispersion import random_effects_funnel

GroupAverage = Literal["mean of rates", "pooled rate"]
MEAN_OF_RATES: GroupAverage = "mean of rates"
POOLED_RATE: GroupAverage = "pooled rate"
DEFAULT_AVERAGE: GroupAverage = MEAN_OF_RATES
PER_POPULATION = 1000
WITHIN_NORMAL_VARIATION = (
    "the gap is within normal variation between forces (inside the random-effects 95% limits)"
)


@dataclass(frozen=True)
class ChangeToAverage:
    """Reaching one kind of group average. Rates are per 1,000 people, exact.

    `group_rate`: the average as it stands (the force included); `naive_change`: the old
    figure, (group_rate − force rate) × population / 1,000; `target_count`: the count at
    which the force's rate equals the recomputed average (`target_rate`); `change_needed`:
    target_count − count; `change_needed_offences`: that rounded to whole offences.
    """

    average: GroupAverage
    group_rate: Fraction
    naive_change: Fraction
    target_rate: Fraction
    target_count: Fraction
    change_needed: Fraction
    change_needed_offences: int


@dataclass(frozen=True)
class MsgTargets:
    """The change to each group average for one member, the default named, and whether its
    gap is within normal variation between forces."""

    count: int
    population: Fraction
    rate: Fraction
    mean_of_rates: ChangeToAverage
    pooled_rate: ChangeToAverage
    default_average: GroupAverage
    within_normal_variation: bool
    note: str | None

    @property
    def default(self) -> ChangeToAverage:
        return self.mean_of_rates if self.default_average == MEAN_OF_RATES else self.pooled_rate


def msg_targets(
    counts: Sequence[int],
    populations: Sequence[Exact],
    force: int,
    *,
    default_average: GroupAverage = DEFAULT_AVERAGE,
) -> MsgTargets:
    """Change needed for member `force` (an index) to reach the group's average rate.

    >>> found = msg_targets([120, 100, 80], [10_000, 10_000, 10_000], 0)
    >>> float(found.mean_of_rates.naive_change), float(found.mean_of_rates.change_needed)
    (-20.0, -30.0)
    >>> found.default_average, found.mean_of_rates.change_needed_offences
    ('mean of rates', -30)
    """
    if len(counts) != len(populations):
        raise ValueError("counts and populations must be of the same length")
    if len(counts) < 2:
        raise ValueError("a group average needs the force and at least one other member")
    if not 0 <= force < len(counts):
        raise ValueError(f"force index {force} is not a member")
    if default_average not in (MEAN_OF_RATES, POOLED_RATE):
        raise ValueError(f"default_average must be {MEAN_OF_RATES!r} or {POOLED_RATE!r}")
    exact = [as_fraction(p) for p in populations]
    for count, population in zip(counts, exact, strict=True):
        if isinstance(count, bool) or int(count) != count or count < 0 or population <= 0:
            raise ValueError("counts must be whole numbers (0 or more), populations above 0")
    rates = [Fraction(c) / p * PER_POPULATION for c, p in zip(counts, exact, strict=True)]
    others = [i for i in range(len(counts)) if i != force]
    mean_others = sum((rates[i] for i in others), Fraction(0)) / len(others)
    pooled_others = (
        Fraction(sum(counts[i] for i in others)) / sum(exact[i] for i in others) * PER_POPULATION
    )
    mean_all = sum(rates, Fraction(0)) / len(rates)
    pooled_all = Fraction(sum(counts)) / sum(exact) * PER_POPULATION
    population, rate = exact[force], rates[force]
    funnel = random_effects_funnel(
        (str(i), int(c), float(p)) for i, (c, p) in enumerate(zip(counts, exact, strict=True))
    )
    within = funnel.members[force].outside is None
    return MsgTargets(
        count=int(counts[force]),
        population=population,
        rate=rate,
        mean_of_rates=_change(
            MEAN_OF_RATES, counts[force], population, rate, mean_all, mean_others
        ),
        pooled_rate=_change(
            POOLED_RATE, counts[force], population, rate, pooled_all, pooled_others
        ),
        default_average=default_average,
        within_normal_variation=within,
        note=WITHIN_NORMAL_VARIATION if within else None,
    )


def _change(
    average: GroupAverage,
    count: int,
    population: Fraction,
    rate: Fraction,
    group_rate: Fraction,
    target_rate: Fraction,
) -> ChangeToAverage:
    target_count = target_rate * population / PER_POPULATION
    needed = target_count - count
    return ChangeToAverage(
        average=average,
        group_rate=group_rate,
        naive_change=(group_rate - rate) * population / PER_POPULATION,
        target_rate=target_rate,
        target_count=target_count,
        change_needed=needed,
        change_needed_offences=_whole(needed),
    )


def _whole(change: Fraction) -> int:
    """Nearest whole offence, halves away from zero."""
    magnitude = math.floor(abs(change) + Fraction(1, 2))
    return -magnitude if change < 0 else magnitude
