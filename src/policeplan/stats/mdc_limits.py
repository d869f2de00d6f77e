"""XmR process limits as Making Data Count computes them, with optional moving-range screening.

The mean of a group's baseline values is the centre line. The mean moving range (the
average absolute difference between consecutive months) times 2.66 gives the process
limits, three sigma either side of the mean (2.66 = 3 / 1.128, the d2 constant for ranges
of two); two thirds of that distance is two sigma. A moving range is taken only between two
consecutive months that both have a value: a missing month gives no moving range.

Moving-range screening (off by default, as in the Making Data Count Excel tool; on in
NHSRplotthedots): moving ranges above 3.267 × the mean moving range are left out and the
mean moving range is computed again, once. The mean itself is never changed by screening.

>>> limits = xmr_limits([10, 12, 11, 13, 12, 11])
>>> round(limits.mean, 3), round(limits.mean_moving_range, 3), round(limits.upper, 3)
(11.5, 1.4, 15.224)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

LIMIT_FACTOR = 2.66
TWO_SIGMA_FACTOR = LIMIT_FACTOR * 2 / 3
SCREENING_FACTOR = 3.267
# Values this close to the mean (relative to the size of the numbers) are on the mean, and
# limits this close together are equal: a constant series of 0.1s must not make a run out
# of the rounding error of its own mean.
RELATIVE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class GroupLimits:
    """Centre line and limits computed from `baseline_count` values.

    `screened_out` counts the moving ranges left out by screening (0 when it is off).
    """

    mean: float
    mean_moving_range: float
    baseline_count: int
    moving_ranges: int
    screened_out: int

    @property
    def upper(self) -> float:
        return self.mean + LIMIT_FACTOR * self.mean_moving_range

    @property
    def lower(self) -> float:
        return self.mean - LIMIT_FACTOR * self.mean_moving_range

    @property
    def upper_2sigma(self) -> float:
        return self.mean + TWO_SIGMA_FACTOR * self.mean_moving_range

    @property
    def lower_2sigma(self) -> float:
        return self.mean - TWO_SIGMA_FACTOR * self.mean_moving_range

    @property
    def tolerance(self) -> float:
        return RELATIVE_TOLERANCE * max(1.0, abs(self.mean), self.mean_moving_range)

    def side(self, value: float) -> int:
        """+1 above the mean, -1 below, 0 on it."""
        difference = value - self.mean
        if abs(difference) <= self.tolerance:
            return 0
        return 1 if difference > 0 else -1

    def beyond_limits(self, value: float) -> int:
        """+1 above the upper limit, -1 below the lower limit, 0 within (a limit included)."""
        if value > self.upper + self.tolerance:
            return 1
        if value < self.lower - self.tolerance:
            return -1
        return 0

    def beyond_two_sigma(self, value: float) -> int:
        """+1 above mean + 2 sigma, -1 below mean - 2 sigma (points beyond 3 sigma count)."""
        if value > self.upper_2sigma + self.tolerance:
            return 1
        if value < self.lower_2sigma - self.tolerance:
            return -1
        return 0


def xmr_limits(values: Sequence[float | None], *, screen: bool = False) -> GroupLimits | None:
    """Limits from `values` (consecutive months, None for a missing month).

    None when there is no moving range (fewer than two consecutive months with values).

    >>> xmr_limits([5.0, None, 6.0]) is None
    True
    >>> xmr_limits([10, 11, 10, 11, 10, 11, 10, 40, 10], screen=True).screened_out
    2
    """
    present = [value for value in values if value is not None]
    moving_ranges = [
        abs(later - earlier)
        for earlier, later in pairwise(values)
        if earlier is not None and later is not None
    ]
    if not moving_ranges:
        return None
    mean_moving_range = sum(moving_ranges) / len(moving_ranges)
    screened_out = 0
    if screen:
        cut_off = SCREENING_FACTOR * mean_moving_range
        kept = [mr for mr in moving_ranges if mr <= cut_off]
        screened_out = len(moving_ranges) - len(kept)
        if kept:
            mean_moving_range = sum(kept) / len(kept)
    return GroupLimits(
        mean=sum(present) / len(present),
        mean_moving_range=mean_moving_range,
        baseline_count=len(present),
        moving_ranges=len(moving_ranges),
        screened_out=screened_out,
    )
