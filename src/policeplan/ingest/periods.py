"""Reporting periods: months, calendar quarters, financial years and financial quarters.

The notations accepted, and what each means (first and last day inclusive):

    2021-07        month                July 2021                 2021-07-01 .. 2021-07-31
    2021-Q3        calendar quarter     Q1 = January–March        2021-07-01 .. 2021-09-30
    2021/22        financial year       April to March            2021-04-01 .. 2022-03-31
    2021/22-Q2     financial quarter    Q1 = April–June           2021-07-01 .. 2021-09-30
    2021/22 Q2     financial quarter    (and every spelling `policeplan.periods` reads:
                                         `Q2 2021/22`, `2021-22Q2`, …; same as above)

`YYYY-Qn` is always a *calendar* quarter; a financial quarter always carries its
financial year (`2021/22-Q2`). Financial years and quarters, and the April year start,
come from `policeplan.periods`. The label stored in the `measures` table is the first
spelling in each row above (`2021/22-Q2`, kept so existing workspaces and JSON stay as
they were), so `Q2 2021/22` and `2021-22q2` are stored as `2021/22-Q2`.

>>> parse_period("Q2 2021/22")
Period(kind='financial-quarter', start=datetime.date(2021, 7, 1), end=datetime.date(2021, 9, 30), label='2021/22-Q2')
"""  # noqa: E501

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from policeplan.errors import InputError
from policeplan.periods import (
    FINANCIAL_YEAR_START_MONTH,
    FinancialQuarter,
    FinancialYear,
    parse_financial_quarter,
)

__all__ = [
    "CALENDAR_QUARTER",
    "FINANCIAL_QUARTER",
    "FINANCIAL_YEAR",
    "MONTH",
    "PERIOD_KINDS",
    "Period",
    "calendar_quarter",
    "financial_quarter",
    "financial_year",
    "financial_year_containing",
    "month",
    "parse_financial_year",
    "parse_period",
]

MONTH = "month"
CALENDAR_QUARTER = "quarter"
FINANCIAL_YEAR = "financial-year"
FINANCIAL_QUARTER = "financial-quarter"
PERIOD_KINDS = (MONTH, CALENDAR_QUARTER, FINANCIAL_YEAR, FINANCIAL_QUARTER)

# Kept for existing imports; the year start is defined in policeplan.periods.
FINANCIAL_YEAR_FIRST_MONTH = FINANCIAL_YEAR_START_MONTH

NOTATIONS_HINT = (
    "use YYYY-MM (month), YYYY-Qn (calendar quarter, Q1 = January–March), "
    "YYYY/YY (financial year, April–March) or YYYY/YY-Qn (financial quarter, Q1 = April–June)"
)

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_CALENDAR_QUARTER = re.compile(r"(\d{4})-Q(\d)", re.IGNORECASE)
_FINANCIAL_YEAR = r"(\d{4})/(\d{2}|\d{4})"
_FINANCIAL_YEAR_ONLY = re.compile(_FINANCIAL_YEAR)
# Anything with a year pair and a Q is read as a financial quarter by policeplan.periods.
_FINANCIAL_QUARTER_LIKE = re.compile(r".*\d{4}\s*[-/]\s*\d{2}.*", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: `kind` (one of PERIOD_KINDS), first and last day, canonical label."""

    kind: str
    start: date
    end: date
    label: str

    def contains(self, day: date) -> bool:
        """Whether `day` falls within the period (both ends inclusive)."""
        return self.start <= day <= self.end

    def months(self) -> tuple[date, ...]:
        """The first day of each month the period covers, in order."""
        firsts = []
        year, month_number = self.start.year, self.start.month
        while date(year, month_number, 1) <= self.end:
            firsts.append(date(year, month_number, 1))
            year, month_number = (year + 1, 1) if month_number == 12 else (year, month_number + 1)
        return tuple(firsts)


def month(year: int, month_number: int) -> Period:
    """The calendar month, e.g. `month(2021, 7)` -> 2021-07."""
    if not 1 <= month_number <= 12:
        raise InputError(f"month {month_number} is not between 1 and 12")
    last_day = monthrange(year, month_number)[1]
    return Period(
        MONTH,
        date(year, month_number, 1),
        date(year, month_number, last_day),
        f"{year:04d}-{month_number:02d}",
    )


def calendar_quarter(year: int, quarter: int) -> Period:
    """Calendar quarter: Q1 = January–March … Q4 = October–December."""
    _check_quarter(quarter)
    first_month = 3 * (quarter - 1) + 1
    return Period(
        CALENDAR_QUARTER,
        date(year, first_month, 1),
        _last_day_of_month(year, first_month + 2),
        f"{year:04d}-Q{quarter}",
    )


def financial_year(start_year: int) -> Period:
    """The financial year starting in April of `start_year`: 2021 -> 2021/22."""
    year = FinancialYear(start_year)
    return Period(FINANCIAL_YEAR, year.first_day, year.last_day, year.label)


def financial_quarter(start_year: int, quarter: int) -> Period:
    """Quarter of the financial year starting April `start_year`: Q1 = April–June … Q4 =
    January–March of the following calendar year."""
    _check_quarter(quarter)
    return _financial_quarter_period(FinancialQuarter(start_year, quarter))


def _financial_quarter_period(quarter: FinancialQuarter) -> Period:
    # The stored label keeps the hyphen (`2021/22-Q2`); reports print `quarter.label`.
    label = f"{quarter.year.label}-Q{quarter.number}"
    return Period(FINANCIAL_QUARTER, quarter.first_day, quarter.last_day, label)


def financial_year_containing(day: date) -> Period:
    """The financial year `day` falls in: 2022-03-31 -> 2021/22, 2022-04-01 -> 2022/23."""
    return financial_year(FinancialYear.containing(day).start_year)


def parse_financial_year(text: str) -> Period:
    """`2021/22` (or `2021/2022`) -> the financial year 2021-04-01 .. 2022-03-31."""
    match = _FINANCIAL_YEAR_ONLY.fullmatch(text.strip())
    try:
        if match is None:
            raise InputError("write it like 2021/22 (April 2021 to March 2022)")
        return financial_year(_financial_year_start(match.group(1), match.group(2)))
    except InputError as exc:
        raise InputError(f"{text!r} is not a financial year: {exc.message}") from None


def parse_period(text: str) -> Period:
    """Parse any accepted notation (see the module docstring) into a Period.

    Raises InputError naming the accepted notations when `text` is none of them.

    >>> parse_period("2021-Q1").end
    datetime.date(2021, 3, 31)
    >>> parse_period("2021/22-Q1").end
    datetime.date(2021, 6, 30)
    """
    try:
        return _parse_period(text.strip())
    except InputError as exc:
        raise InputError(f"{text!r} is not a period: {exc.message}") from None


def _parse_period(cleaned: str) -> Period:
    if match := _MONTH.fullmatch(cleaned):
        year, month_number = int(match.group(1)), int(match.group(2))
        if month_number > 12 and month_number == (year + 1) % 100:
            raise InputError(
                f"a dash means a month; write the financial year as {_financial_year_label(year)}"
            )
        return month(year, month_number)
    if match := _CALENDAR_QUARTER.fullmatch(cleaned):
        return calendar_quarter(int(match.group(1)), int(match.group(2)))
    if match := _FINANCIAL_YEAR_ONLY.fullmatch(cleaned):
        return financial_year(_financial_year_start(match.group(1), match.group(2)))
    if "q" in cleaned.lower() and _FINANCIAL_QUARTER_LIKE.fullmatch(cleaned):
        try:
            return _financial_quarter_period(parse_financial_quarter(cleaned))
        except InputError as exc:
            raise InputError(exc.message.split(": ", 1)[-1]) from None
    raise InputError(NOTATIONS_HINT)


def _financial_year_start(first: str, second: str) -> int:
    start_year = int(first)
    following = start_year + 1
    expected = f"{following % 100:02d}" if len(second) == 2 else f"{following:04d}"
    if second != expected:
        raise InputError(
            f"the financial year starting April {start_year} is written "
            f"{_financial_year_label(start_year)}"
        )
    return start_year


def _financial_year_label(start_year: int) -> str:
    return FinancialYear(start_year).label


def _check_quarter(quarter: int) -> None:
    if not 1 <= quarter <= 4:
        raise InputError(f"quarter {quarter} is not between 1 and 4")


def _last_day_of_month(year: int, month_number: int) -> date:
    return date(year, month_number, monthrange(year, month_number)[1])
