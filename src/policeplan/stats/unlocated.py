"""Do district and LPA changes carry a bias from crimes with no location?

police.uk rows with the location "No Location" count towards the force but cannot be
placed in any district. When their share differs between two windows, every district's
change shifts with it: in the sample Essex's 2025 "No Location" share differs enough from
2024's to bias every district's change by about 1.5 points. A difference of more than one
percentage point is reported beside every district and LPA breakdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

MAX_DIFFERENCE = Fraction(1, 100)


@dataclass(frozen=True)
class UnlocatedShares:
    """Shares (proportions) of the force's crimes with no location in each window, and the
    note to print when they differ by more than a point (None otherwise)."""

    current_share: float | None
    comparison_share: float | None
    difference_points: float | None
    differs: bool
    note: str | None


def compare_unlocated_shares(
    current_unlocated: int, current_total: int, comparison_unlocated: int, comparison_total: int
) -> UnlocatedShares:
    """Compare the share of "No Location" crimes of two windows (force totals).

    >>> found = compare_unlocated_shares(600, 12_000, 300, 12_000)
    >>> found.differs, found.difference_points
    (True, 2.5)
    >>> print(found.note)
    crimes with no location: 5.0% of the current window against 2.5% of the comparison ...
    """
    for unlocated, total in ((current_unlocated, current_total),
                             (comparison_unlocated, comparison_total)):  # fmt: skip
        if not 0 <= unlocated <= total:
            raise ValueError("an unlocated count must lie between 0 and its window's total")
    if current_total == 0 or comparison_total == 0:
        return UnlocatedShares(None, None, None, False, None)
    now = Fraction(current_unlocated, current_total)
    then = Fraction(comparison_unlocated, comparison_total)
    difference = now - then
    differs = abs(difference) > MAX_DIFFERENCE
    note = None
    if differs:
        note = (
            f"crimes with no location: {float(now) * 100:.1f}% of the current window against "
            f"{float(then) * 100:.1f}% of the comparison window; they count for the force but "
            "no district, so every district's change is biased by about "
            f"{abs(float(difference)) * 100:.1f} points"
        )
    return UnlocatedShares(
        float(now), float(then), float(round(difference * 100, 1)), differs, note
    )
