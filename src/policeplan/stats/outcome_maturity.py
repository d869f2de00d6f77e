"""Can two windows' solved rates be compared, or are their outcomes of different maturity?

A police.uk file records each crime's outcome *as at the day it was downloaded*. A recent
window still holds many crimes "Under investigation" that may yet be charged; an older
window, or a file downloaded later, has had time to settle. Comparing the two compares data
vintages, not policing: Essex January-April 2024 is 26.7% "Under investigation" in the
sample, January-April 2025 0% (a later snapshot), and the solved rate "rose" from 9.6% to
14.7% (p = 7e-131).

Open outcomes are those that can still become "solved": "Under investigation", "Status
update unavailable" (police.uk has no final outcome) and a blank outcome. ("Awaiting court
outcome" is not open for this purpose: the crime is charged, so it already counts as
solved whatever the court decides.)

Rule: the solved rates are **not comparable** when

- the open shares of the two windows differ by more than 5 percentage points (the windows
  are of different maturity or vintage: each open crime that is later solved moves the rate,
  so the gap between the open shares bounds how much of the change can be timing alone, and
  5 points is more than the year-on-year changes in solved rates a panel acts on), or
- either window is more than 10% open (its own solved rate is still provisional: if open
  crimes end solved at even a fifth of the time, the rate is still to rise by 2 points or
  more).

Otherwise they are comparable and the usual test applies.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from fractions import Fraction

OPEN_OUTCOMES = frozenset({"Under investigation", "Status update unavailable", ""})
MAX_OPEN_DIFFERENCE = Fraction(5, 100)
MAX_OPEN_SHARE = Fraction(10, 100)


@dataclass(frozen=True)
class OutcomeMaturity:
    """Whether the two windows' solved rates can be compared, and why not when not.

    Shares are proportions (0.267 for 26.7%); None for a window with no crimes.
    """

    comparable: bool
    reason: str | None
    current_open_share: float | None
    comparison_open_share: float | None
    difference_points: float | None


def compare_outcome_maturity(
    current: Mapping[str | None, int],
    comparison: Mapping[str | None, int],
    *,
    open_outcomes: Collection[str] = OPEN_OUTCOMES,
) -> OutcomeMaturity:
    """Compare the open-outcome shares of two windows (outcome label -> number of crimes;
    None or "" for a crime with no outcome recorded).

    >>> found = compare_outcome_maturity({"Under investigation": 267, "Local resolution": 733},
    ...                                  {"Local resolution": 1000})
    >>> found.comparable, found.difference_points
    (False, 26.7)
    >>> found.reason
    'outcomes of different maturity: 26.7% of the current window still open against 0.0% ...'
    """
    now, then = _open_share(current, open_outcomes), _open_share(comparison, open_outcomes)
    if now is None or then is None:
        return OutcomeMaturity(False, "no crimes in a window", _float(now), _float(then), None)
    difference = now - then
    points = float(round(difference * 100, 1))
    summary = (
        f"{_percent(now)} of the current window still open against {_percent(then)} of the "
        "comparison window"
    )
    reason = None
    if abs(difference) > MAX_OPEN_DIFFERENCE:
        reason = (
            f"outcomes of different maturity: {summary} (more than "
            f"{MAX_OPEN_DIFFERENCE * 100} percentage points apart: different data vintages), "
            "so the change in the solved rate is not tested"
        )
    elif max(now, then) > MAX_OPEN_SHARE:
        reason = (
            f"outcomes not yet settled: {summary} (over {MAX_OPEN_SHARE * 100}% open), so "
            "the solved rates are provisional and their change is not tested"
        )
    return OutcomeMaturity(reason is None, reason, float(now), float(then), points)


def _open_share(
    outcomes: Mapping[str | None, int], open_outcomes: Collection[str]
) -> Fraction | None:
    total = sum(outcomes.values())
    if total == 0:
        return None
    opened = sum(n for label, n in outcomes.items() if (label or "").strip() in open_outcomes)
    return Fraction(opened, total)


def _percent(share: Fraction) -> str:
    return f"{float(share) * 100:.1f}%" if share else "0.0%"


def _float(share: Fraction | None) -> float | None:
    return None if share is None else float(share)
