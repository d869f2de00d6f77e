"""Days as the exposure: compare daily rates, not monthly counts, when windows differ.

February has 28 days (29 in a leap year), January 31: a month as the unit of exposure
makes February look 7.7% lower even when the daily rate rose. The exposure of a window of
months is the exact number of calendar days it covers; `compare_poisson_counts` and
`percent_change` take these whole numbers and stay exact.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable

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
