"""Ranking a group's rates in the good direction and the change needed to reach a target.
(How far the ranks can be trusted, the dispersion test, is in `stats/chi_square.py`.)

Rates are exact fractions (per 1,000 people), so equal rates tie exactly and the offences
needed to reach a target are rounded from the exact value, not from a binary float.

Ranks use competition ranking ("1224"): members with equal rates share a rank and the
next rank skips, so a rank always says how many members are strictly better, plus one.

    >>> rates = [Fraction(3), Fraction(1), Fraction(1), Fraction(2)]
    >>> competition_ranks(rates, "down"), competition_ranks(rates, "up")
    ([4, 1, 1, 3], [1, 3, 3, 2])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from policeplan.plan.model import MSG_AVERAGE, UPPER_QUARTILE, GoodDirection, aspiration_rank
from policeplan.stats.funnel import PER_POPULATION


def rate_per_1000(count: int, population: int) -> Fraction:
    """The exact rate per 1,000 people: the one definition every indicator uses.

    >>> rate_per_1000(150, 20_000)
    Fraction(15, 2)
    """
    return Fraction(count * PER_POPULATION, population)


def at_or_better(rate: Fraction, target: Fraction, direction: GoodDirection) -> bool:
    """Whether `rate` has reached `target`: at or below it when down is good, at or above
    it when up is good."""
    return rate <= target if direction == "down" else rate >= target


def competition_ranks(rates: Sequence[Fraction], direction: GoodDirection) -> list[int]:
    """Each rate's rank, 1 = best in the good direction; ties share a rank ("1224")."""
    return [1 + sum(not at_or_better(rate, other, direction) for other in rates) for rate in rates]


def top_quartile_rank(size: int) -> int:
    """The lowest rank still in the top quartile of `size` members: ceil(size / 4).

    >>> [top_quartile_rank(n) for n in (4, 5, 8, 9, 10)]
    [1, 2, 2, 3, 3]
    """
    if size < 1:
        raise ValueError(f"a group needs at least one member, not {size}")
    return math.ceil(size / 4)


def nth_best(rates: Sequence[Fraction], n: int, direction: GoodDirection) -> Fraction:
    """The n-th best rate (1 = best), counting tied members separately: the boundary a
    member must reach to rank n or better.

    >>> nth_best([Fraction(3), Fraction(1), Fraction(1), Fraction(2)], 2, "down")
    Fraction(1, 1)
    """
    if not 1 <= n <= len(rates):
        raise ValueError(f"rank {n} is outside a group of {len(rates)}")
    best_first = sorted(rates, reverse=direction == "up")
    return best_first[n - 1]


def offences_to_reach(
    count: int, population: int, target: Fraction, direction: GoodDirection
) -> int:
    """Offences more (+) or fewer (−) that would bring the rate to `target` per 1,000.

    0 when the rate is already at or better than the target. Otherwise the exact gap,
    (target − rate) × population / 1,000, rounded to the nearest whole offence (halves
    away from zero) but never to 0: a member on the wrong side needs at least one.

    >>> offences_to_reach(120, 10_000, Fraction(10), "down")  # 12 per 1,000 -> 10
    -20
    >>> offences_to_reach(80, 10_000, Fraction(10), "down")  # already better
    0
    >>> offences_to_reach(80, 10_000, Fraction(10), "up")
    20
    """
    rate = rate_per_1000(count, population)
    if at_or_better(rate, target, direction):
        return 0
    gap = (target - rate) * population / PER_POPULATION
    magnitude = max(1, math.floor(abs(gap) + Fraction(1, 2)))
    return magnitude if gap > 0 else -magnitude


def successes_to_reach(
    successes: int, trials: int, target: Fraction, direction: GoodDirection
) -> int:
    """Successes more (+) or fewer (−), out of the same trials, that would bring the
    proportion to `target` (0–1): as `offences_to_reach`, with the same rounding.

    >>> successes_to_reach(132, 1000, Fraction(138, 1000), "up")  # 13.2% -> 13.8%
    6
    """
    return offences_to_reach(successes, trials, target * PER_POPULATION, direction)


def aspiration_met(
    aspiration: str | None, rank: int, top_quartile: int, at_or_better_than_average: bool
) -> bool | None:
    """None without an aspiration; msg-average is met at or better than the average,
    upper-quartile at the top quartile's rank or better, "rank:N" at rank N or better.

    >>> aspiration_met("rank:4", 3, 3, False), aspiration_met("upper-quartile", 4, 3, True)
    (True, False)
    """
    if aspiration is None:
        return None
    if aspiration == MSG_AVERAGE:
        return at_or_better_than_average
    if aspiration == UPPER_QUARTILE:
        return rank <= top_quartile
    wanted = aspiration_rank(aspiration)
    return None if wanted is None else rank <= wanted
