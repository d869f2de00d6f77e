"""Statistical process control the way NHS England's "Making Data Count" does it: XmR charts.

Two engines live here:

- `mdc_chart` (re-exported from `mdc_chart`, `mdc_rules`, `mdc_limits`, `mdc_icons`): the
  Making Data Count engine as the current MDC guidance states it — monthly series with
  missing months, improvement direction up/down/neutral, rebasing with reasons, baselines,
  trial limits, MDC's November 2023 two-of-three rule, variation and assurance icons.
  New code should use it; docs/spc.md documents every rule and its source.
- `xmr_chart` (below): the first implementation, kept for its callers. It differs from
  MDC in its defaults (a 6-point trend, two-of-three without the same-side condition).

>>> chart = mdc_chart(["2025-01", "2025-02"], [3.0, 4.0])
>>> chart.trial_limits
True

The older engine:

An XmR ("individuals and moving range") chart draws each value against the mean of a
baseline and process limits at mean ± 2.66 × the mean moving range (the average absolute
difference between consecutive baseline values). 2.66 is 3 / 1.128: the mean moving
range divided by 1.128 (the d2 constant for ranges of two) estimates one sigma, so the
limits are three sigma. Four rules mark special-cause variation, and every point a rule
covers is flagged:

- "beyond limit": a point above the upper or below the lower process limit;
- "run": 7 or more consecutive points on the same side of the mean (a point exactly on the
  mean belongs to neither side and ends a run);
- "trend": 6 or more consecutive points each higher (or each lower) than the one before.
  An equal consecutive value breaks the trend, as in NHS-R's Making Data Count
  implementation (NHSRplotthedots), which tests the sign of each successive difference.
  That implementation counts 7 points for a trend; `trend_length` sets ours;
- "two of three": two (or three) out of three consecutive points beyond two sigma
  (mean ± 2 × mean moving range / 1.128, the outer third towards a limit) on the same
  side of the mean; the points beyond two sigma are flagged. Points beyond the process
  limit itself count, as in the Western Electric rule this comes from.

Rules look only within one segment: after a recalculation, runs and trends start afresh.
A flagged point is "special cause improving" when its signal goes the indicator's good
way ("up" or "down"), "special cause concerning" when it goes the other way, and "special
cause neither" when no good direction is given or its signals disagree (a rising trend
below the mean, say). Unflagged points are "common cause".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from typing import Literal

from policeplan.stats.mdc_chart import MdcChart, MdcGroup, MdcPoint, Rebase, mdc_chart
from policeplan.stats.mdc_icons import (
    AssuranceIcon,
    ImprovementDirection,
    SpecialCause,
    VariationIcon,
    assurance_icon,
    variation_icon,
)
from policeplan.stats.mdc_limits import GroupLimits, xmr_limits
from policeplan.stats.mdc_rules import (
    ASTRONOMICAL,
    MDC_RULES,
    RULE_NAMES,
    SHIFT,
    RuleSet,
)
from policeplan.stats.mdc_seasonality import (
    Seasonality,
    same_month_earlier_years,
    seasonal_signal_note,
    seasonality,
)

__all__ = [
    "ASTRONOMICAL",
    "BEYOND_LIMIT",
    "MDC_RULES",
    "RULES",
    "RULE_NAMES",
    "RUN",
    "SHIFT",
    "TREND",
    "TWO_OF_THREE",
    "AssuranceIcon",
    "Direction",
    "GroupLimits",
    "ImprovementDirection",
    "MdcChart",
    "MdcGroup",
    "MdcPoint",
    "ProcessLimits",
    "Rebase",
    "RuleSet",
    "Seasonality",
    "SpcPoint",
    "SpecialCause",
    "Variation",
    "VariationIcon",
    "XmrChart",
    "assurance_icon",
    "mdc_chart",
    "same_month_earlier_years",
    "seasonal_signal_note",
    "seasonality",
    "variation_icon",
    "xmr_chart",
    "xmr_limits",
]

Direction = Literal["up", "down"]

LIMIT_FACTOR = 2.66
SIGMA_DIVISOR = 1.128
RUN_LENGTH = 7
TREND_LENGTH = 6

BEYOND_LIMIT = "beyond limit"
RUN = "run"
TREND = "trend"
TWO_OF_THREE = "two of three"
RULES = (BEYOND_LIMIT, RUN, TREND, TWO_OF_THREE)


class Variation(StrEnum):
    """Making Data Count's verdict on a point."""

    COMMON_CAUSE = "common cause"
    IMPROVING = "special cause improving"
    CONCERNING = "special cause concerning"
    NEITHER = "special cause neither"


@dataclass(frozen=True)
class ProcessLimits:
    """Mean and limits of one segment of the chart.

    They apply to points `start` to `end - 1` and were computed from points
    `baseline_start` to `baseline_end - 1` (indices into the whole series).
    """

    start: int
    end: int
    baseline_start: int
    baseline_end: int
    mean: float
    mean_moving_range: float

    @property
    def sigma(self) -> float:
        return self.mean_moving_range / SIGMA_DIVISOR

    @property
    def upper(self) -> float:
        return self.mean + LIMIT_FACTOR * self.mean_moving_range

    @property
    def lower(self) -> float:
        return self.mean - LIMIT_FACTOR * self.mean_moving_range

    @property
    def two_sigma_upper(self) -> float:
        return self.mean + 2 * self.sigma

    @property
    def two_sigma_lower(self) -> float:
        return self.mean - 2 * self.sigma


@dataclass(frozen=True)
class SpcPoint:
    """One value on the chart, the limits that apply to it and what the rules found."""

    index: int
    value: float
    mean: float
    upper: float
    lower: float
    flags: tuple[str, ...]
    variation: Variation


@dataclass(frozen=True)
class XmrChart:
    """An XmR chart: every point, the limits of each segment and the good direction."""

    points: tuple[SpcPoint, ...]
    segments: tuple[ProcessLimits, ...]
    direction: Direction | None

    @property
    def latest(self) -> SpcPoint:
        return self.points[-1]

    @property
    def variation(self) -> Variation:
        """The overall verdict: the variation of the latest point."""
        return self.latest.variation


def xmr_chart(
    values: Sequence[float],
    *,
    direction: Direction | None = None,
    baseline: tuple[int, int] | None = None,
    recalculate_from: Sequence[int] = (),
    baseline_points: int | None = None,
    run_length: int = RUN_LENGTH,
    trend_length: int = TREND_LENGTH,
) -> XmrChart:
    """Draw an XmR chart of `values` (oldest first) and apply the special-cause rules.

    - `baseline=(start, end)`: compute the first segment's limits from
      `values[start:end]` (e.g. `(0, 12)`, the first twelve months) and apply them to
      every point of that segment.
    - `recalculate_from=[i, …]`: start a new segment at each index, with its own mean and
      limits (after a step change, say); limits before and after a break are computed
      separately.
    - `baseline_points=n`: a segment without an explicit baseline computes its limits
      from its first n points only; by default from all its points.
    - `run_length`, `trend_length`: points needed for a run (7) and a trend (6).

    >>> chart = xmr_chart([10, 12, 11, 13, 12, 11, 30], direction="down")
    >>> chart.segments[0].mean, chart.latest.flags, chart.variation
    (14.142857142857142, ('beyond limit',), <Variation.CONCERNING: 'special cause concerning'>)
    """
    series = [float(value) for value in values]
    if not series:
        raise ValueError("an XmR chart needs at least one value")
    if not all(math.isfinite(value) for value in series):
        raise ValueError("values must be finite numbers")
    if direction not in (None, "up", "down"):
        raise ValueError(f"direction must be 'up', 'down' or None, got {direction!r}")

    segments = _segments(len(series), recalculate_from, baseline, baseline_points, series)
    points: list[SpcPoint] = []
    for limits in segments:
        segment_values = series[limits.start : limits.end]
        signals = _signals(segment_values, limits, run_length, trend_length)
        for offset, value in enumerate(segment_values):
            point_signals = signals[offset]
            points.append(
                SpcPoint(
                    index=limits.start + offset,
                    value=value,
                    mean=limits.mean,
                    upper=limits.upper,
                    lower=limits.lower,
                    flags=tuple(rule for rule in RULES if rule in point_signals),
                    variation=_variation(set(point_signals.values()), direction),
                )
            )
    return XmrChart(points=tuple(points), segments=tuple(segments), direction=direction)


def _segments(
    count: int,
    recalculate_from: Sequence[int],
    baseline: tuple[int, int] | None,
    baseline_points: int | None,
    series: list[float],
) -> list[ProcessLimits]:
    breaks = sorted(set(recalculate_from))
    if any(not 0 < index < count for index in breaks):
        raise ValueError(f"recalculate_from indices must be between 1 and {count - 1}")
    if baseline_points is not None and baseline_points < 2:
        raise ValueError("baseline_points must be at least 2 (one moving range)")
    bounds = list(zip([0, *breaks], [*breaks, count], strict=True))
    segments = []
    for number, (start, end) in enumerate(bounds):
        if number == 0 and baseline is not None:
            baseline_start, baseline_end = baseline
            if not 0 <= baseline_start < baseline_end <= end:
                raise ValueError(
                    f"baseline {baseline} must lie within the first segment (points 0 to {end})"
                )
        else:
            baseline_start = start
            baseline_end = end if baseline_points is None else min(end, start + baseline_points)
        segments.append(_limits(series, start, end, baseline_start, baseline_end))
    return segments


def _limits(
    series: list[float], start: int, end: int, baseline_start: int, baseline_end: int
) -> ProcessLimits:
    base = series[baseline_start:baseline_end]
    if len(base) < 2:
        raise ValueError(
            f"limits for points {start}–{end - 1} need at least 2 baseline points "
            f"to compute a moving range, got {len(base)}"
        )
    moving_ranges = [abs(later - earlier) for earlier, later in pairwise(base)]
    return ProcessLimits(
        start=start,
        end=end,
        baseline_start=baseline_start,
        baseline_end=baseline_end,
        mean=sum(base) / len(base),
        mean_moving_range=sum(moving_ranges) / len(moving_ranges),
    )


def _signals(
    values: list[float], limits: ProcessLimits, run_length: int, trend_length: int
) -> list[dict[str, int]]:
    """For each point, rule name -> the direction (+1 up, -1 down) of the signal."""
    signals: list[dict[str, int]] = [{} for _ in values]
    sides = [_sign(value - limits.mean) for value in values]

    for index, value in enumerate(values):
        if value > limits.upper or value < limits.lower:
            signals[index][BEYOND_LIMIT] = sides[index]

    for start, end, side in _stretches(sides):
        if side != 0 and end - start >= run_length:
            for index in range(start, end):
                signals[index][RUN] = side

    steps = [_sign(later - earlier) for earlier, later in pairwise(values)]
    for start, end, step in _stretches(steps):
        # `end - start` differences in a row span `end - start + 1` points.
        if step != 0 and end - start + 1 >= trend_length:
            for index in range(start, end + 1):
                signals[index][TREND] = step

    near = [
        1 if value > limits.two_sigma_upper else -1 if value < limits.two_sigma_lower else 0
        for value in values
    ]
    for window_start in range(len(values) - 2):
        window = range(window_start, window_start + 3)
        for side in (1, -1):
            beyond = [index for index in window if near[index] == side]
            if len(beyond) >= 2:
                for index in beyond:
                    signals[index][TWO_OF_THREE] = side
    return signals


def _stretches(signs: list[int]) -> list[tuple[int, int, int]]:
    """Maximal stretches of equal signs as (start, end exclusive, sign)."""
    stretches = []
    start = 0
    for index in range(1, len(signs) + 1):
        if index == len(signs) or signs[index] != signs[start]:
            stretches.append((start, index, signs[start]))
            start = index
    return stretches


def _variation(signal_directions: set[int], direction: Direction | None) -> Variation:
    if not signal_directions:
        return Variation.COMMON_CAUSE
    if direction is None or len(signal_directions) > 1:
        return Variation.NEITHER
    good = 1 if direction == "up" else -1
    return Variation.IMPROVING if signal_directions == {good} else Variation.CONCERNING


def _sign(number: float) -> int:
    return (number > 0) - (number < 0)
