"""The good direction of a measure: "down" for crime, "up" for solved rates and confidence.

The plan says it for its indicators; crime measures default to "down", except drugs and
possession of weapons: their counts mostly measure police activity (stop and search,
proactive operations find more), so more is neither better nor worse. They are *neutral*
by default: no improving/concerning or better/worse verdict unless the plan sets a
direction (`verdict_direction` is None). They are still ranked lowest rate first.
"""

from __future__ import annotations

from policeplan.plan.model import GoodDirection, Plan

# Measures whose counts mostly reflect police activity: no good direction by default.
NEUTRAL_BY_DEFAULT = frozenset({"drugs", "possession-of-weapons"})


def planned_direction(measure: str, plan: Plan | None) -> GoodDirection | None:
    """What the plan says for `measure` (its MSG indicators first), else None."""
    if plan is not None:
        for msg_indicator in plan.msg_indicators:
            if msg_indicator.measure == measure:
                return msg_indicator.direction
        for _, indicator in plan.indicators:
            if indicator.measure == measure:
                return indicator.direction
    return None


def good_direction(
    measure: str, plan: Plan | None, given: GoodDirection | None = None
) -> GoodDirection:
    """`given` if stated, else what the plan says for `measure`, else "down" (crime): the
    order in which a measure is ranked."""
    return given or planned_direction(measure, plan) or "down"


def verdict_direction(
    measure: str, plan: Plan | None, given: GoodDirection | None = None
) -> GoodDirection | None:
    """The direction a verdict (improving/concerning, better/worse) may use: as
    `good_direction`, but None (neutral) for NEUTRAL_BY_DEFAULT measures unless given or
    set by the plan.

    >>> verdict_direction("drugs", None), verdict_direction("burglary", None)
    (None, 'down')
    >>> verdict_direction("drugs", None, "up")
    'up'
    """
    chosen = given or planned_direction(measure, plan)
    if chosen is not None:
        return chosen
    return None if measure in NEUTRAL_BY_DEFAULT else "down"
