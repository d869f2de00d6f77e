"""The good direction of a measure: "down" for crime, "up" for solved rates and confidence.

The plan says it for its indicators; crime measures default to "down".
"""

from __future__ import annotations

from policeplan.plan.model import GoodDirection, Plan


def good_direction(
    measure: str, plan: Plan | None, given: GoodDirection | None = None
) -> GoodDirection:
    """`given` if stated, else what the plan says for `measure`, else "down" (crime)."""
    if given is not None:
        return given
    if plan is not None:
        for msg_indicator in plan.msg_indicators:
            if msg_indicator.measure == measure:
                return msg_indicator.direction
        for _, indicator in plan.indicators:
            if indicator.measure == measure:
                return indicator.direction
    return "down"
