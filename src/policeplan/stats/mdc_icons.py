"""The Making Data Count icons of a chart's latest point: variation and assurance.

Variation (what the latest point shows):

- `common_cause`: no rule flags the latest point;
- `improvement_high` / `improvement_low`: special cause improvement, where higher (lower)
  values are better;
- `concern_high` / `concern_low`: special cause concern, values unusually high (low)
  where lower (higher) values are better;
- `neutral_high` / `neutral_low`: special cause on a measure with no improvement
  direction (never improvement or concern).

Assurance (will the process meet a numeric target?), from the limits of the latest group:

- `pass`: the target lies beyond the limit on the failing side (up is good: target below
  the lower limit), so every value the process produces meets it;
- `fail`: the target lies beyond the limit on the passing side (up is good: target above the
  upper limit), so the process will not meet it without change;
- `hit_and_miss`: the target lies within the limits. A target exactly on a limit counts as
  within (hit and miss), as in NHSRplotthedots, which tests target > upper and
  target < lower strictly.

>>> variation_icon("improvement", "down", -1)
<VariationIcon.IMPROVEMENT_LOW: 'improvement_low'>
>>> assurance_icon(target=95.0, direction="up", lower=96.0, upper=99.0)
<AssuranceIcon.PASS: 'pass'>
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

ImprovementDirection = Literal["up", "down", "neutral"]
SpecialCause = Literal["improvement", "concern", "neutral"]


# The text alternative of each icon: the SVG's <title>, the alt text of pages and the
# alt-text columns of the summary table (defined here, beside the icons, as part of the
# JSON contract; `render.icons` re-exports it).
ICON_ALT_TEXT = {
    "common_cause": "Common cause variation: no significant change",
    "improvement_high": "Special cause improvement: unusually high values, where higher is better",
    "improvement_low": "Special cause improvement: unusually low values, where lower is better",
    "concern_high": "Special cause concern: unusually high values, where lower is better",
    "concern_low": "Special cause concern: unusually low values, where higher is better",
    "neutral_high": "Special cause variation: unusually high values (no improvement direction)",
    "neutral_low": "Special cause variation: unusually low values (no improvement direction)",
    "pass": "Assurance: the process will consistently meet the target",
    "fail": "Assurance: the process will consistently miss the target unless something changes",
    "hit_and_miss": "Assurance: the process will sometimes meet and sometimes miss the target",
}


class VariationIcon(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT_HIGH = "improvement_high"
    IMPROVEMENT_LOW = "improvement_low"
    CONCERN_HIGH = "concern_high"
    CONCERN_LOW = "concern_low"
    NEUTRAL_HIGH = "neutral_high"
    NEUTRAL_LOW = "neutral_low"


class AssuranceIcon(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    HIT_AND_MISS = "hit_and_miss"


def variation_icon(
    special_cause: SpecialCause | None, direction: ImprovementDirection, signal: int
) -> VariationIcon:
    """The icon of a point: its special cause, the good direction and its signal's side.

    `signal` is +1 when the point's signal says "high", -1 when it says "low".
    """
    if special_cause is None:
        return VariationIcon.COMMON_CAUSE
    high = signal > 0
    if special_cause == "neutral" or direction == "neutral":
        return VariationIcon.NEUTRAL_HIGH if high else VariationIcon.NEUTRAL_LOW
    if special_cause == "improvement":
        return VariationIcon.IMPROVEMENT_HIGH if high else VariationIcon.IMPROVEMENT_LOW
    return VariationIcon.CONCERN_HIGH if high else VariationIcon.CONCERN_LOW


def assurance_icon(
    *,
    target: float,
    direction: Literal["up", "down"],
    lower: float,
    upper: float,
    tolerance: float = 0.0,
) -> AssuranceIcon:
    """Pass, fail or hit and miss for `target` against the latest group's limits.

    A target within `tolerance` of a limit is on it (rounding error of a computed mean).
    """
    below = target < lower - tolerance
    above = target > upper + tolerance
    if below:
        return AssuranceIcon.PASS if direction == "up" else AssuranceIcon.FAIL
    if above:
        return AssuranceIcon.FAIL if direction == "up" else AssuranceIcon.PASS
    return AssuranceIcon.HIT_AND_MISS
