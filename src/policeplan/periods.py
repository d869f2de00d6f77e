"""The time vocabulary of policeplan: months, financial years and financial quarters.

A month is written `YYYY-MM` everywhere. The police financial year starts on 1 April
(`FINANCIAL_YEAR_START_MONTH`, defined here once) and is written `2021/22`; its quarters
are written `2021/22 Q2` (Q1 = April–June … Q4 = January–March of the next calendar year).
Those are the spellings printed everywhere. `parse_financial_quarter` also reads every
spelling people type: `2021-22Q2`, `2021/22-Q2`, `2021-22 Q2`, `Q2 2021/22`, lower-case q,
extra spaces.

>>> q = parse_financial_quarter("q2 2021-22")
>>> str(q), q.months, str(q.year)
('2021/22 Q2', 'July–September 2021', '2021/22')
>>> str(q + 3), q.first_month, q.last_month
('2022/23 Q1', '2021-07', '2021-09')
>>> FinancialYear.containing(date(2022, 3, 31)).first_month
'2021-04'
>>> shift_month("2025-01", -1), months_between("2024-11", "2025-01")
('2024-12', ['2024-11', '2024-12', '2025-01'])
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from policeplan.errors import InputError

__all__ = [
    "FINANCIAL_QUARTER_FORM",
    "FINANCIAL_YEAR_FORM",
    "FINANCIAL_YEAR_START_MONTH",
    "FinancialQuarter",
    "FinancialYear",
    "Month",
    "month_from_index",
    "month_index",
    "months_between",
    "parse_financial_quarter",
    "parse_financial_year",
    "parse_month",
    "shift_month",
]

# The police (UK public sector) financial year runs 1 April to 31 March.
FINANCIAL_YEAR_START_MONTH = 4

FINANCIAL_YEAR_FORM = "2021/22 (April 2021 to March 2022)"
FINANCIAL_QUARTER_FORM = "2021/22 Q2 (Q1 = April–June; 2021-22Q2 and Q2 2021/22 also accepted)"

MONTH_NAMES = tuple(date(2000, number, 1).strftime("%B") for number in range(1, 13))

_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
_YEAR = r"(?P<start>\d{4})\s*[-/]\s*(?P<end>\d{4}|\d{2})"
_FINANCIAL_YEAR = re.compile(_YEAR)
_FINANCIAL_QUARTER = (
    re.compile(_YEAR + r"\s*-?\s*Q\s*(?P<q>\d)", re.IGNORECASE),
    re.compile(r"Q\s*(?P<q>\d)\s*-?\s*" + _YEAR, re.IGNORECASE),
)


# ---- months (`YYYY-MM` strings) -----------------------------------------------------------


def parse_month(text: str, field: str = "month") -> str:
    """`text` if it is a valid YYYY-MM month, else an InputError naming the field.

    >>> parse_month("2025-13")
    Traceback (most recent call last):
    ...
    policeplan.errors.InputError: field 'month': '2025-13' is not a month: write YYYY-MM, e.g. 2025-03
    """  # noqa: E501
    if not _MONTH.fullmatch(text):
        raise InputError(f"{text!r} is not a month: write YYYY-MM, e.g. 2025-03", field=field)
    return text


def month_index(month: str) -> int:
    """Months since year 0, so that months can be subtracted."""
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def month_from_index(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def shift_month(month: str, months: int) -> str:
    """The month `months` later (earlier when negative)."""
    return month_from_index(month_index(month) + months)


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included."""
    return [month_from_index(i) for i in range(month_index(first), month_index(last) + 1)]


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; `str()` gives `YYYY-MM`.

    >>> Month.parse("2022-02").last_day, Month.parse("2022-02").financial_quarter.label
    (datetime.date(2022, 2, 28), '2021/22 Q4')
    """

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 12:
            raise InputError(f"month {self.number} is not between 1 and 12", field="month")

    @classmethod
    def parse(cls, text: str, field: str = "month") -> Month:
        year, number = parse_month(text.strip(), field).split("-")
        return cls(int(year), int(number))

    @property
    def first_day(self) -> date:
        return date(self.year, self.number, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.number, monthrange(self.year, self.number)[1])

    @property
    def financial_year(self) -> FinancialYear:
        return FinancialYear.containing(self.first_day)

    @property
    def financial_quarter(self) -> FinancialQuarter:
        return FinancialQuarter.containing(self.first_day)

    def __add__(self, months: int) -> Month:
        return Month.parse(shift_month(str(self), months))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.number:02d}"


# ---- financial years and quarters ---------------------------------------------------------


@dataclass(frozen=True, order=True)
class FinancialYear:
    """The financial year starting on 1 April of `start_year`; `str()` gives `2021/22`."""

    start_year: int

    @classmethod
    def containing(cls, day: date) -> FinancialYear:
        """The financial year `day` falls in: 2022-03-31 -> 2021/22, 2022-04-01 -> 2022/23."""
        if day.month >= FINANCIAL_YEAR_START_MONTH:
            return cls(day.year)
        return cls(day.year - 1)

    @classmethod
    def parse(cls, text: str, field: str = "financial_year") -> FinancialYear:
        return parse_financial_year(text, field)

    @property
    def label(self) -> str:
        return f"{self.start_year:04d}/{(self.start_year + 1) % 100:02d}"

    @property
    def first_day(self) -> date:
        return date(self.start_year, FINANCIAL_YEAR_START_MONTH, 1)

    @property
    def last_day(self) -> date:
        return FinancialYear(self.start_year + 1).first_day - timedelta(days=1)

    @property
    def first_month(self) -> str:
        return self.first_day.strftime("%Y-%m")

    @property
    def last_month(self) -> str:
        return self.last_day.strftime("%Y-%m")

    def quarter(self, number: int) -> FinancialQuarter:
        return FinancialQuarter(self.start_year, number)

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, order=True)
class FinancialQuarter:
    """Quarter `number` (1–4) of the financial year starting April `start_year`;
    `str()` gives `2021/22 Q2`."""

    start_year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise InputError(f"quarter {self.number} is not between 1 and 4", field="quarter")

    @classmethod
    def containing(cls, day: date) -> FinancialQuarter:
        """The financial quarter a calendar date falls in."""
        months_in = (day.month - FINANCIAL_YEAR_START_MONTH) % 12
        return cls(FinancialYear.containing(day).start_year, months_in // 3 + 1)

    @classmethod
    def parse(cls, text: str, field: str = "quarter") -> FinancialQuarter:
        return parse_financial_quarter(text, field)

    @property
    def year(self) -> FinancialYear:
        return FinancialYear(self.start_year)

    @property
    def label(self) -> str:
        """The spelling printed everywhere, e.g. `2021/22 Q2`."""
        return f"{self.year.label} Q{self.number}"

    @property
    def key(self) -> str:
        """The compact key the delivery records store keeps, e.g. `2021-22Q2` (kept so
        existing records stay readable; never shown as the quarter's name)."""
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}Q{self.number}"

    @property
    def first_day(self) -> date:
        months_in = FINANCIAL_YEAR_START_MONTH - 1 + 3 * (self.number - 1)
        return date(self.start_year + months_in // 12, months_in % 12 + 1, 1)

    @property
    def last_day(self) -> date:
        return (self + 1).first_day - timedelta(days=1)

    @property
    def first_month(self) -> str:
        return self.first_day.strftime("%Y-%m")

    @property
    def last_month(self) -> str:
        return self.last_day.strftime("%Y-%m")

    @property
    def months(self) -> str:
        """The calendar months covered, e.g. `July–September 2021`."""
        first, last = self.first_day, self.last_day
        return f"{MONTH_NAMES[first.month - 1]}–{MONTH_NAMES[last.month - 1]} {last.year}"

    def described(self) -> str:
        """The label with its months, e.g. `2021/22 Q2 (July–September 2021)`."""
        return f"{self.label} ({self.months})"

    def __add__(self, quarters: int) -> FinancialQuarter:
        index = self.start_year * 4 + self.number - 1 + quarters
        return FinancialQuarter(index // 4, index % 4 + 1)

    def __sub__(self, other: FinancialQuarter) -> int:
        """How many quarters `other` is before this one."""
        return (self.start_year - other.start_year) * 4 + self.number - other.number

    def __str__(self) -> str:
        return self.label


# ---- the tolerant parsers -----------------------------------------------------------------


def parse_financial_year(text: str, field: str = "financial_year") -> FinancialYear:
    """Read `2021/22`, `2021/2022` or `2021-22`; InputError naming the value otherwise.

    >>> parse_financial_year("2021/2022").first_day
    datetime.date(2021, 4, 1)
    """
    match = _FINANCIAL_YEAR.fullmatch(text.strip())
    if match is None:
        raise InputError(
            f"{text!r} is not a financial year: write it like {FINANCIAL_YEAR_FORM}", field=field
        )
    return FinancialYear(_start_year(text, match["start"], match["end"], field))


def parse_financial_quarter(text: str, field: str = "quarter") -> FinancialQuarter:
    """Read any spelling of a financial quarter; InputError naming the value otherwise.

    >>> [str(parse_financial_quarter(t)) for t in ("2021-22Q2", "2021/22-q2", " Q2  2021/22 ")]
    ['2021/22 Q2', '2021/22 Q2', '2021/22 Q2']
    """
    cleaned = text.strip()
    for form in _FINANCIAL_QUARTER:
        match = form.fullmatch(cleaned)
        if match is not None:
            number = int(match["q"])
            if not 1 <= number <= 4:
                break
            start_year = _start_year(text, match["start"], match["end"], field, number)
            return FinancialQuarter(start_year, number)
    raise InputError(
        f"{text!r} is not a financial quarter: write it like {FINANCIAL_QUARTER_FORM}",
        field=field,
    )


def _start_year(text: str, first: str, second: str, field: str, quarter: int = 0) -> int:
    start_year = int(first)
    following = start_year + 1
    if int(second) != (following if len(second) == 4 else following % 100):
        if quarter:
            suggested = FinancialQuarter(start_year, quarter)
            example = f"{suggested.label} (or {suggested.key})"
        else:
            example = FinancialYear(start_year).label
        raise InputError(
            f"{text!r} is not a financial year: {start_year} is followed by "
            f"{following % 100:02d}, e.g. {example}",
            field=field,
        )
    return start_year
