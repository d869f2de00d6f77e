"""The Making Data Count engine: an XmR chart of a monthly series with rules, icons and groups.

`mdc_chart(months, values, direction=..., target=..., rebase=..., baseline_points=...)` draws
the chart the way NHS England's Making Data Count (MDC) tools do (rules in `mdc_rules`,
limits in `mdc_limits`, icons in `mdc_icons`; sources in docs/spc.md):

- the series is cut into groups at each rebase month (a change point with a reason, e.g.
  the pandemic); each group has its own mean and limits, computed from all its values or,
  with `baseline_points=N`, from its first N values and applied to the rest of the group;
- a missing month (None) breaks the line: it has no moving range, no signal, and no run,
  trend or two-of-three window continues across it;
- each point's special cause is "improvement" or "concern" when the improvement
  direction is "up" or "down" (a point with both kinds of signal shows improvement, as
  the MDC tool does), "neutral" when the direction is "neutral", None for common cause;
- the icons describe the latest month; with fewer than 13 values in the latest group the
  limits are trial and there is no icon (the MDC tool shows icons from 13 points).

>>> months = [f"2024-{m:02d}" for m in range(1, 13)] + [f"2025-{m:02d}" for m in range(1, 7)]
>>> values = [50, 52, 49, 51, 50, 53, 48, 50, 51, 49, 52, 50, 50, 47, 46, 45, 44, 30]
>>> chart = mdc_chart(months, values, direction="down", target=60)
>>> chart.latest.rules, chart.latest.special_cause
(('astronomical',), 'improvement')
>>> chart.variation_icon, chart.assurance_icon
(<VariationIcon.IMPROVEMENT_LOW: 'improvement_low'>, <AssuranceIcon.PASS: 'pass'>)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from policeplan.errors import InputError
from policeplan.months import month_index, parse_month
from policeplan.stats.mdc_icons import (
    AssuranceIcon,
    ImprovementDirection,
    SpecialCause,
    VariationIcon,
    assurance_icon,
    variation_icon,
)
from policeplan.stats.mdc_limits import GroupLimits, xmr_limits
from policeplan.stats.mdc_rules import MDC_RULES, RULE_NAMES, RuleSet, find_signals

# Flag names and verdicts `spc --json` printed before the MDC engine (kept: a JSON contract).
LEGACY_FLAGS = {
    "astronomical": "beyond limit",
    "shift": "run",
    "trend": "trend",
    "two_of_three": "two of three",
}
LEGACY_VARIATION = {
    None: "common cause",
    "improvement": "special cause improving",
    "concern": "special cause concerning",
    "neutral": "special cause neither",
}


@dataclass(frozen=True)
class Rebase:
    """A month where new limits start, and why (shown on the chart and in reports)."""

    month: str
    reason: str = ""


@dataclass(frozen=True)
class MdcPoint:
    """One month: its value, the limits of its group and what the rules found.

    `signal` is +1 when the point's special cause says "high", -1 "low", 0 for none.
    """

    month: str
    value: float | None
    group: int
    mean: float | None
    upper: float | None
    lower: float | None
    upper_2sigma: float | None
    lower_2sigma: float | None
    special_cause: SpecialCause | None
    rules: tuple[str, ...]
    signal: int
    in_baseline: bool

    def icon(self, direction: ImprovementDirection) -> VariationIcon | None:
        """This point's variation icon (None for a missing month)."""
        if self.value is None:
            return None
        return variation_icon(self.special_cause, direction, self.signal)

    @property
    def legacy_variation(self) -> str | None:
        return None if self.value is None else LEGACY_VARIATION[self.special_cause]

    def to_dict(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "value": self.value,
            "mean": self.mean,
            "lower": self.lower,
            "upper": self.upper,
            "lower_2sigma": self.lower_2sigma,
            "upper_2sigma": self.upper_2sigma,
            "flags": [LEGACY_FLAGS[rule] for rule in self.rules],
            "variation": self.legacy_variation,
            "special_cause": self.special_cause,
            "rules": list(self.rules),
        }


@dataclass(frozen=True)
class MdcGroup:
    """A stretch of months sharing one mean and one set of limits.

    `baseline_first`/`baseline_last` are the months the limits were computed from; `count`
    the months with a value; `limits` None when the group has no moving range.
    """

    first: str
    last: str
    baseline_first: str
    baseline_last: str
    count: int
    limits: GroupLimits | None
    trial: bool
    rebase_reason: str | None

    def to_dict(self) -> dict[str, Any]:
        limits = self.limits
        return {
            "from": self.first,
            "to": self.last,
            "baseline_from": self.baseline_first,
            "baseline_to": self.baseline_last,
            "points": self.count,
            "mean": None if limits is None else limits.mean,
            "lower": None if limits is None else limits.lower,
            "upper": None if limits is None else limits.upper,
            "mean_moving_range": None if limits is None else limits.mean_moving_range,
            "screened_moving_ranges": 0 if limits is None else limits.screened_out,
            "trial": self.trial,
            "rebase_reason": self.rebase_reason,
        }


@dataclass(frozen=True)
class MdcChart:
    """A Making Data Count chart: points, groups, icons of the latest month and why.

    `reason` says why there is no variation icon (trial limits, a missing latest month),
    `assurance_reason` why there is no assurance icon; both None when the icon exists.
    """

    points: tuple[MdcPoint, ...]
    groups: tuple[MdcGroup, ...]
    direction: ImprovementDirection
    target: float | None
    rebase: tuple[Rebase, ...]
    rule_set: RuleSet
    baseline_points: int | None
    variation_icon: VariationIcon | None
    assurance_icon: AssuranceIcon | None
    trial_limits: bool
    reason: str | None
    assurance_reason: str | None

    @property
    def latest(self) -> MdcPoint:
        return self.points[-1]

    @property
    def months(self) -> tuple[str, ...]:
        return tuple(point.month for point in self.points)

    @property
    def values(self) -> tuple[float | None, ...]:
        return tuple(point.value for point in self.points)

    @property
    def latest_group(self) -> MdcGroup:
        return self.groups[-1]

    @property
    def verdict(self) -> str | None:
        """The latest month's variation in the older words ("special cause improving"...)."""
        return self.latest.legacy_variation

    def to_dict(self) -> dict[str, Any]:
        """The fields `spc --json` prints (besides measure, force, area and data label)."""
        return {
            "from": self.points[0].month,
            "to": self.latest.month,
            "direction": self.direction,
            "verdict": self.verdict,
            "variation_icon": None if self.variation_icon is None else str(self.variation_icon),
            "assurance_icon": None if self.assurance_icon is None else str(self.assurance_icon),
            "reason": self.reason,
            "assurance_reason": self.assurance_reason,
            "trial_limits": self.trial_limits,
            "target": self.target,
            "rebase": [rebase.month for rebase in self.rebase],
            "rebase_reasons": {rebase.month: rebase.reason for rebase in self.rebase},
            "baseline_points": self.baseline_points,
            "rule_set": self.rule_set.to_dict(),
            "points": [point.to_dict() for point in self.points],
            "segments": [group.to_dict() for group in self.groups],
        }


def mdc_chart(
    months: Sequence[str],
    values: Sequence[float | None],
    *,
    direction: ImprovementDirection = "neutral",
    target: float | None = None,
    rebase: Sequence[Rebase | str] = (),
    baseline_points: int | None = None,
    rules: RuleSet = MDC_RULES,
) -> MdcChart:
    """Chart `values` (None for a missing month) for consecutive `months` (YYYY-MM).

    - `direction`: "up" or "down" when higher or lower values are better, else "neutral";
    - `target`: a numeric target for the assurance icon (needs "up" or "down");
    - `rebase`: months (or `Rebase(month, reason)`) where a new group with its own limits
      starts;
    - `baseline_points`: limits of each group from its first N values only;
    - `rules`: rule lengths and moving-range screening (`RuleSet(trend_points=6)`...).

    >>> chart = mdc_chart(["2025-01", "2025-02", "2025-03"], [4, 5, 4], direction="up")
    >>> chart.trial_limits, chart.variation_icon, chart.reason
    (True, None, 'only 3 months since 2025-01 (13 needed): the limits are trial')
    """
    series = _checked_values(months, values)
    if direction not in ("up", "down", "neutral"):
        raise InputError(
            f"direction must be up, down or neutral, got {direction!r}", field="direction"
        )
    if target is not None and not math.isfinite(target):
        raise InputError(f"target must be a number, got {target!r}", field="target")
    if baseline_points is not None and baseline_points < 2:
        raise InputError(
            f"a baseline needs at least 2 points (one moving range), got {baseline_points}",
            field="baseline",
        )
    changes = _checked_rebase(months, rebase)
    starts = [0, *(months.index(change.month) for change in changes)]
    bounds = list(zip(starts, [*starts[1:], len(months)], strict=True))

    points: list[MdcPoint] = []
    groups: list[MdcGroup] = []
    for number, (start, end) in enumerate(bounds):
        reason = changes[number - 1].reason if number else None
        group, group_points = _group(
            number, months[start:end], series[start:end], direction, baseline_points, rules
        )
        groups.append(
            MdcGroup(
                group.first,
                group.last,
                group.baseline_first,
                group.baseline_last,
                group.count,
                group.limits,
                group.trial,
                reason or None,
            )
        )
        points.extend(group_points)

    latest_group = groups[-1]
    latest = points[-1]
    reason = _no_icon_reason(latest_group, latest, rules)
    icon = None if reason else latest.icon(direction)
    assurance, assurance_reason = _assurance(target, direction, latest_group, reason)
    return MdcChart(
        points=tuple(points),
        groups=tuple(groups),
        direction=direction,
        target=target,
        rebase=changes,
        rule_set=rules,
        baseline_points=baseline_points,
        variation_icon=icon,
        assurance_icon=assurance,
        trial_limits=latest_group.trial,
        reason=reason,
        assurance_reason=assurance_reason,
    )


def _checked_values(months: Sequence[str], values: Sequence[float | None]) -> list[float | None]:
    if not months:
        raise InputError("a chart needs at least one month", field="months")
    if len(months) != len(values):
        raise InputError(
            f"{len(months)} months but {len(values)} values: give one value (or None) a month",
            field="values",
        )
    indices = [month_index(parse_month(month, "months")) for month in months]
    for earlier, later, month in zip(indices, indices[1:], months[1:], strict=False):
        if later != earlier + 1:
            raise InputError(
                f"months must be consecutive; {month} does not follow the month before it "
                "(give a missing month as None)",
                field="months",
            )
    series: list[float | None] = []
    for month, value in zip(months, values, strict=True):
        if value is not None and not math.isfinite(value):
            raise InputError(f"{month}: value must be a number or None, got {value!r}")
        series.append(None if value is None else float(value))
    return series


def _checked_rebase(months: Sequence[str], rebase: Sequence[Rebase | str]) -> tuple[Rebase, ...]:
    changes = [item if isinstance(item, Rebase) else Rebase(item) for item in rebase]
    for change in changes:
        if change.month not in months[1:]:
            raise InputError(
                f"rebase month {change.month} is not inside {months[0]} to {months[-1]} "
                "(nor may it be the first month)",
                field="rebase",
            )
    unique = {change.month: change for change in changes}
    return tuple(sorted(unique.values(), key=lambda change: change.month))


def _group(
    number: int,
    months: Sequence[str],
    values: list[float | None],
    direction: ImprovementDirection,
    baseline_points: int | None,
    rules: RuleSet,
) -> tuple[MdcGroup, list[MdcPoint]]:
    baseline_end = _baseline_end(values, baseline_points)
    limits = xmr_limits(values[:baseline_end], screen=rules.screen_moving_ranges)
    signals = find_signals(values, limits, rules) if limits else [{} for _ in values]
    count = sum(value is not None for value in values)
    group = MdcGroup(
        first=months[0],
        last=months[-1],
        baseline_first=months[0],
        baseline_last=months[baseline_end - 1],
        count=count,
        limits=limits,
        trial=limits is None or count < rules.minimum_points,
        rebase_reason=None,
    )
    points = []
    for offset, (month, value) in enumerate(zip(months, values, strict=True)):
        found = signals[offset]
        cause, signal = _special_cause(found, direction, value, limits)
        points.append(
            MdcPoint(
                month=month,
                value=value,
                group=number,
                mean=None if limits is None else limits.mean,
                upper=None if limits is None else limits.upper,
                lower=None if limits is None else limits.lower,
                upper_2sigma=None if limits is None else limits.upper_2sigma,
                lower_2sigma=None if limits is None else limits.lower_2sigma,
                special_cause=cause,
                rules=tuple(rule for rule in RULE_NAMES if rule in found),
                signal=signal,
                in_baseline=offset < baseline_end,
            )
        )
    return group, points


def _baseline_end(values: list[float | None], baseline_points: int | None) -> int:
    """End (exclusive) of the months holding the first `baseline_points` values."""
    if baseline_points is None:
        return len(values)
    seen = 0
    for index, value in enumerate(values):
        seen += value is not None
        if seen == baseline_points:
            return index + 1
    return len(values)


def _special_cause(
    found: dict[str, int],
    direction: ImprovementDirection,
    value: float | None,
    limits: GroupLimits | None,
) -> tuple[SpecialCause | None, int]:
    sides = set(found.values())
    if not sides or value is None or limits is None:
        return None, 0
    if direction == "neutral":
        if len(sides) == 1:
            return "neutral", sides.pop()
        return "neutral", limits.side(value) or 1
    good = 1 if direction == "up" else -1
    if good in sides:
        return "improvement", good
    return "concern", -good


def _no_icon_reason(group: MdcGroup, latest: MdcPoint, rules: RuleSet) -> str | None:
    if group.limits is None:
        return (
            f"no limits since {group.first}: at least two consecutive months with values are needed"
        )
    if group.trial:
        return (
            f"only {group.count} months since {group.first} ({rules.minimum_points} needed): "
            "the limits are trial"
        )
    if latest.value is None:
        return f"{latest.month} has no value"
    return None


def _assurance(
    target: float | None,
    direction: ImprovementDirection,
    group: MdcGroup,
    reason: str | None,
) -> tuple[AssuranceIcon | None, str | None]:
    if target is None:
        return None, "no target"
    if direction == "neutral":
        return None, "no improvement direction, so a target cannot be passed or failed"
    if group.limits is None or group.trial:
        return None, reason
    return (
        assurance_icon(
            target=target,
            direction=direction,
            lower=group.limits.lower,
            upper=group.limits.upper,
            tolerance=group.limits.tolerance,
        ),
        None,
    )
