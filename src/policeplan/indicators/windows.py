"""Time windows: runs of whole months, such as the 12 months to 2025-12.

>>> w = Window.ending("2025-12", 12)
>>> (w.first, w.last, w.previous().last, w.year_earlier().first)
('2025-01', '2025-12', '2024-12', '2024-01')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policeplan.errors import InputError
from policeplan.periods import (
    FINANCIAL_YEAR_START_MONTH,
    month_index,
    months_between,
    parse_financial_year,
    parse_month,
    shift_month,
)
from policeplan.plan.model import Plan

# Ten years: longer windows are no plan's question, and a runaway number (20,000 months)
# would otherwise reach the month arithmetic.
MAX_WINDOW_MONTHS = 120


@dataclass(frozen=True)
class Window:
    """The months `first` to `last` inclusive (YYYY-MM)."""

    first: str
    last: str

    @classmethod
    def ending(cls, last: str, months: int) -> Window:
        """The `months` months to `last` (a rolling window when months is 12)."""
        parse_month(last, "to")
        if not 1 <= months <= MAX_WINDOW_MONTHS:
            raise InputError(
                f"a window is 1 to {MAX_WINDOW_MONTHS} months long, not {months}", field="months"
            )
        return cls(shift_month(last, -(months - 1)), last)

    @classmethod
    def year_to_date(cls, last: str) -> Window:
        """The financial year to date: April (the force's year start) to `last`.

        >>> Window.year_to_date("2022-01").first
        '2021-04'
        """
        parse_month(last, "to")
        months_since_year_start = (month_index(last) - (FINANCIAL_YEAR_START_MONTH - 1)) % 12
        return cls(shift_month(last, -months_since_year_start), last)

    @classmethod
    def financial_year(cls, label: str) -> Window:
        """A financial year written `2021/22`: April 2021 to March 2022."""
        year = parse_financial_year(label)
        return cls(year.first_month, year.last_month)

    @property
    def months(self) -> list[str]:
        return months_between(self.first, self.last)

    @property
    def length(self) -> int:
        return month_index(self.last) - month_index(self.first) + 1

    def shifted(self, months: int) -> Window:
        return Window(shift_month(self.first, months), shift_month(self.last, months))

    def previous(self) -> Window:
        """The window of equal length immediately before this one."""
        return self.shifted(-self.length)

    def year_earlier(self) -> Window:
        """The same months one year earlier."""
        return self.shifted(-12)

    @property
    def middle_month(self) -> str:
        return shift_month(self.first, (self.length - 1) // 2)

    def label(self) -> str:
        return self.first if self.length == 1 else f"{self.first} to {self.last}"


def month_ranges(months: Sequence[str]) -> str:
    """Sorted months as runs: '2018-01 to 2018-03, 2018-06'.

    >>> month_ranges(["2018-01", "2018-02", "2018-03", "2018-06"])
    '2018-01 to 2018-03, 2018-06'
    """
    runs: list[list[str]] = []
    for month in months:
        if runs and month_index(month) == month_index(runs[-1][-1]) + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(run[0] if len(run) == 1 else f"{run[0]} to {run[-1]}" for run in runs)


COMPARISONS = ("previous", "last-year", "baseline:NAME")


def comparison_window(current: Window, compare: str, plan: Plan | None) -> Window:
    """The window `current` is compared with: `previous`, `last-year` or `baseline:NAME`
    (a baseline named in the plan)."""
    if compare == "previous":
        return current.previous()
    if compare == "last-year":
        return current.year_earlier()
    if compare.startswith("baseline:"):
        name = compare.removeprefix("baseline:")
        if plan is None:
            raise InputError(
                f"the comparison {compare!r} needs a plan with baselines: load a plan first",
                field="compare",
            )
        names = [b.name for b in plan.baselines]
        if name not in names:
            raise InputError(
                f"the plan has no baseline {name!r}; it has {', '.join(names) or 'none'}",
                field="compare",
            )
        baseline = plan.baseline(name)
        return Window.ending(baseline.to, baseline.months)
    raise InputError(
        f"unknown comparison {compare!r}: use one of {', '.join(COMPARISONS)}", field="compare"
    )
