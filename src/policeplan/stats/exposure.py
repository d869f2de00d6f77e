"""Days as the exposure: compare daily rates, not monthly counts, when windows differ.

February has 28 days (29 in a leap year), January 31: a month as the unit of exposure
makes February look 7.7% lower even when the daily rate rose. The exposure of a window of
months is the exact number of calendar days it covers; `compare_poisson_counts` and
`percent_change` take these whole numbers and stay exact.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from policeplan.months import months_between, parse_month


def days_in_month(month: str) -> int:
    """Calendar days of a YYYY-MM month.

    >>> days_in_month("2025-02"), days_in_month("2024-02"), days_in_month("2025-01")
    (28, 29, 31)
    """
    year, number = parse_month(month).split("-")
    return calendar.monthrange(int(year), int(number))[1]


def days_in_months(months: Iterable[str]) -> int:
    """Total days of the months given (each counted once), e.g. the months a window holds.

    >>> days_in_months(["2025-01", "2025-02", "2025-02"])
    59
    """
    return sum(days_in_month(month) for month in set(months))


def window_days(first: str, last: str) -> int:
    """Days from the first day of `first` to the last day of `last`, both included.

    >>> window_days("2025-01", "2025-12"), window_days("2024-01", "2024-12")
    (365, 366)
    """
    parse_month(first, "first")
    parse_month(last, "last")
    if last < first:
        raise ValueError(f"window ends ({last}) before it starts ({first})")
    return days_in_months(months_between(first, last))


PER_POPULATION = 1000
DAYS_IN_A_YEAR = Fraction(36525, 100)  # the mean calendar year, leap years included


@dataclass(frozen=True)
class WindowRate:
    """A rate per 1,000 people and the words that say what it is per."""

    per_1000: float
    annualised: bool
    label: str


def window_rate(
    count: int, population: int, first: str, last: str, *, annualise: bool = False
) -> WindowRate:
    """Crimes per 1,000 people over the window, or annualised (× 365.25 / days), labelled.

    A rate over 4 months is not comparable with an annual one; the label says which it is.

    >>> rate = window_rate(1_200, 100_000, "2025-01", "2025-04")
    >>> rate.per_1000, rate.label
    (12.0, 'per 1,000 people over 4 months (2025-01 to 2025-04)')
    >>> round(window_rate(1_200, 100_000, "2025-01", "2025-04", annualise=True).per_1000, 2)
    36.52
    """
    if population <= 0:
        raise ValueError("population must be greater than 0")
    months = len(months_between(first, last))
    span = f"{months} month{'s' if months != 1 else ''} ({first} to {last})"
    rate = Fraction(count, population) * PER_POPULATION
    if not annualise:
        return WindowRate(float(rate), False, f"per 1,000 people over {span}")
    yearly = rate * DAYS_IN_A_YEAR / window_days(first, last)
    return WindowRate(float(yearly), True, f"per 1,000 people a year, annualised from {span}")
