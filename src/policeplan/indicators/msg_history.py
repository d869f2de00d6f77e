"""The MSG position at each of the last N quarter ends: the force's rank in the window of
the same length ending at each quarter end (March, June, September, December) up to the
window asked for, among the members ranked now, with the gaps shown.

    >>> [w.label() for w in quarter_end_windows(Window.ending("2025-11", 12), 3)]
    ['2024-04 to 2025-03', '2024-07 to 2025-06', '2024-10 to 2025-09']

A quarter end whose window a member cannot fill (months missing, or looking incomplete) is a
gap: no rank, and a note naming the members; a rank among fewer forces would not be the
same position.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from policeplan.indicators.msg_result import Position
from policeplan.indicators.ranking import competition_ranks
from policeplan.indicators.windows import Window
from policeplan.periods import shift_month
from policeplan.plan.model import GoodDirection
from policeplan.reference import Force

__all__ = ["MAX_HISTORY", "position_among", "quarter_end_windows"]

MAX_HISTORY = 40  # ten years of quarter ends


def quarter_end_windows(window: Window, quarters: int) -> list[Window]:
    """The windows of `window`'s length ending at the last `quarters` quarter ends at or
    before its last month, oldest first."""
    last = window.last
    last = shift_month(last, -(int(last[5:]) % 3))
    ends = [shift_month(last, -3 * back) for back in range(quarters - 1, -1, -1)]
    return [Window.ending(end, window.length) for end in ends]


def position_among(
    subject: Force,
    ranked: Sequence[Force],
    values: Mapping[str, Fraction | str],
    window: Window,
    direction: GoodDirection,
) -> Position:
    """The subject's rank among `ranked` in `window` from each member's value, or a gap
    when any member has a reason (text) instead of a value."""
    gaps = [f.short_name for f in ranked if isinstance(values[f.slug], str)]
    if len(gaps) == len(ranked):
        return Position(window, None, len(ranked), "no member can be ranked in this window")
    if gaps:
        return Position(window, None, len(ranked), f"not held or incomplete: {', '.join(gaps)}")
    figures = [values[f.slug] for f in ranked]
    ranks = competition_ranks([v for v in figures if isinstance(v, Fraction)], direction)
    index = next(i for i, f in enumerate(ranked) if f.slug == subject.slug)
    return Position(window, ranks[index], len(ranked))
