"""The change in a count between two windows, tested the way every indicator tests it.

Exposure is in days (`stats.exposure.window_days`): February against January compares
daily rates, not 28 days against 31. The verdict allows for the force's own month-to-month
variation (`stats.dispersion.estimate_dispersion` over the 36 months before the current
window, `stats.adjusted_comparison.compare_allowing_for_dispersion`); the exact Poisson
p-value is kept beside it. With too short a history the verdict is the exact Poisson test
and says so (`caveat`).

>>> from policeplan.indicators.windows import Window
>>> change = count_change(200, 100, Window("2025-02", "2025-02"), Window("2025-01", "2025-01"))
>>> change.percent_difference, round(change.difference, 1), change.significant
(Decimal('121.4'), 109.7, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from policeplan.indicators.windows import Window
from policeplan.stats.adjusted_comparison import (
    AdjustedComparison,
    compare_allowing_for_dispersion,
)
from policeplan.stats.dispersion import Dispersion, estimate_dispersion
from policeplan.stats.exposure import window_days

__all__ = ["CountChange", "count_change"]


@dataclass(frozen=True)
class CountChange:
    """A count's change: `difference` on the current window's scale (the comparison count
    times the ratio of days), the percentage change of the daily rate, and the verdict
    (`p_value`, `significant`, the rate-ratio interval) allowing for dispersion."""

    test: AdjustedComparison
    dispersion: Dispersion
    current_days: int
    comparison_days: int

    @property
    def difference(self) -> float:
        poisson = self.test.poisson
        scaled = Fraction(poisson.comparison) * Fraction(self.current_days, self.comparison_days)
        return float(Fraction(poisson.current) - scaled)

    @property
    def percent_difference(self) -> Decimal | None:
        return self.test.poisson.percent_difference

    @property
    def p_value(self) -> float:
        return self.test.p_value

    @property
    def poisson_p_value(self) -> float:
        return self.test.poisson_p_value

    @property
    def significant(self) -> bool:
        return self.test.significant

    @property
    def rate_ratio(self) -> float | None:
        return self.test.rate_ratio

    @property
    def rate_ratio_lower(self) -> float | None:
        return self.test.rate_ratio_lower

    @property
    def rate_ratio_upper(self) -> float | None:
        return self.test.rate_ratio_upper

    def test_dict(self) -> dict[str, Any]:
        """The fields describing the test (added beside p_value and significant)."""
        return {
            "poisson_p_value": self.poisson_p_value,
            "method": self.test.method,
            "phi": round(self.test.phi, 3),
            "dispersion_months": self.dispersion.months_used,
            "dispersion_df": self.test.degrees_of_freedom,
            "caveat": self.test.caveat,
            "current_days": self.current_days,
            "comparison_days": self.comparison_days,
        }


def count_change(
    current: int,
    comparison: int,
    current_window: Window,
    comparison_window: Window,
    history: Mapping[str, int] | None = None,
) -> CountChange:
    """Compare two window counts with days as the exposure, allowing for the dispersion of
    the monthly `history` (month -> count of the measure; none gives the exact test and
    a caveat)."""
    dispersion = estimate_dispersion(history or {}, before=current_window.first)
    current_days = window_days(current_window.first, current_window.last)
    comparison_days = window_days(comparison_window.first, comparison_window.last)
    test = compare_allowing_for_dispersion(
        current, comparison, dispersion, current_days, comparison_days
    )
    return CountChange(test, dispersion, current_days, comparison_days)
