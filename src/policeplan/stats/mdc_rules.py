"""The Making Data Count special-cause rules, applied within one group of an XmR chart.

Four rules, each with the default of NHS England's Making Data Count (MDC) "Single chart"
tool and NHSRplotthedots (sources in docs/spc.md); every point a rule covers is flagged:

- `astronomical`: a point beyond the process limits (strictly: a point on a limit is
  within it);
- `shift`: `shift_points` (7) or more consecutive points on the same side of the mean; a
  point exactly on the mean belongs to neither side and ends the run;
- `trend`: `trend_points` (7) or more consecutive points each higher (or each lower) than
  the one before; an equal value ends the trend. A trend may cross the mean: its points
  take the trend's direction, not their side of the mean (NHSRplotthedots pull 180);
- `two_of_three`: MDC's November 2023 definition: three consecutive points all on the same
  side of the mean, at least two of them beyond two sigma on that side (points beyond the
  process limit count); only the points beyond two sigma are flagged.

A missing month (None) breaks every pattern: a shift, trend or three-point window never
spans a gap, and a missing month is never flagged.

>>> from policeplan.stats.mdc_limits import xmr_limits
>>> values = [10.0, 12.0] * 5 + [13.0] * 7
>>> signals = find_signals(values, xmr_limits(values[:10]), MDC_RULES)
>>> signals[-1]
{'shift': 1}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from policeplan.errors import InputError
from policeplan.stats.mdc_limits import GroupLimits

ASTRONOMICAL = "astronomical"
SHIFT = "shift"
TREND = "trend"
TWO_OF_THREE = "two_of_three"
RULE_NAMES = (ASTRONOMICAL, SHIFT, TREND, TWO_OF_THREE)

MINIMUM_POINTS = 13


@dataclass(frozen=True)
class RuleSet:
    """Which pattern lengths make a signal, and how limits are computed.

    - `shift_points`: points in a run on one side of the mean (MDC: 7; 6 selectable);
    - `trend_points`: points in a rising or falling trend (MDC: 7; 6 selectable);
    - `screen_moving_ranges`: leave out moving ranges above 3.267 × their mean before
      computing limits (MDC Excel tool: off);
    - `minimum_points`: fewer points than this in the latest group make the limits "trial"
      and give no icon (MDC: 13).

    >>> RuleSet(trend_points=6).to_dict()["trend_points"]
    6
    """

    name: str = "Making Data Count"
    shift_points: int = 7
    trend_points: int = 7
    screen_moving_ranges: bool = False
    minimum_points: int = MINIMUM_POINTS

    def __post_init__(self) -> None:
        lengths = (("shift-points", self.shift_points), ("trend-points", self.trend_points))
        for field, value in lengths:
            if not 2 <= value <= 12:
                raise InputError(f"{field} must be between 2 and 12, got {value}", field=field)
        if self.minimum_points < 2:
            raise InputError("minimum points must be at least 2", field="minimum-points")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "shift_points": self.shift_points,
            "trend_points": self.trend_points,
            "two_of_three": "two of three consecutive points on one side of the mean "
            "beyond two sigma",
            "screen_moving_ranges": self.screen_moving_ranges,
            "minimum_points": self.minimum_points,
        }


MDC_RULES = RuleSet()


def find_signals(
    values: Sequence[float | None], limits: GroupLimits, rules: RuleSet
) -> list[dict[str, int]]:
    """For each point of one group, rule name -> direction of its signal (+1 up, -1 down)."""
    signals: list[dict[str, int]] = [{} for _ in values]
    sides = [0 if value is None else limits.side(value) for value in values]

    for index, value in enumerate(values):
        if value is not None and (outside := limits.beyond_limits(value)):
            signals[index][ASTRONOMICAL] = outside

    for start, end, side in _stretches(sides, broken=[value is None for value in values]):
        if side != 0 and end - start >= rules.shift_points:
            for index in range(start, end):
                signals[index][SHIFT] = side

    # steps[i] compares point i + 1 with point i; a missing month on either end breaks it.
    steps = [
        0 if earlier is None or later is None else _sign(later - earlier, limits.tolerance)
        for earlier, later in pairwise(values)
    ]
    for start, end, step in _stretches(steps):
        # `end - start` steps in a row span `end - start + 1` points.
        if step != 0 and end - start + 1 >= rules.trend_points:
            for index in range(start, end + 1):
                signals[index][TREND] = step

    near = [0 if value is None else limits.beyond_two_sigma(value) for value in values]
    for first in range(len(values) - 2):
        window = range(first, first + 3)
        side = sides[first]
        if side == 0 or any(sides[index] != side for index in window):
            continue
        beyond = [index for index in window if near[index] == side]
        if len(beyond) >= 2:
            for index in beyond:
                signals[index][TWO_OF_THREE] = side
    return signals


def _stretches(signs: list[int], broken: list[bool] | None = None) -> list[tuple[int, int, int]]:
    """Maximal stretches of equal signs as (start, end exclusive, sign).

    A position marked `broken` (a missing month) is a stretch of its own with sign 0.
    """
    marks = broken or [False] * len(signs)
    keys = [None if mark else sign for sign, mark in zip(signs, marks, strict=True)]
    stretches = []
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start] or keys[index] is None:
            stretches.append((start, index, signs[start] if keys[start] is not None else 0))
            start = index
    return stretches


def _sign(number: float, tolerance: float) -> int:
    if abs(number) <= tolerance:
        return 0
    return 1 if number > 0 else -1
