"""Quarters of the police financial year (1 April to 31 March), as the force reports them.

"Q2 2021/22" is July–September 2021; "Q4 2021/22" is January–March 2022. The compact key
`2021-22Q2` is what the command line takes and the records store keeps.

    >>> q = Quarter.parse("2021-22Q2")
    >>> q.label, q.months
    ('Q2 2021/22', 'July–September 2021')
    >>> str(q + 3)
    'Q1 2022/23 (April–June 2022)'
    >>> Quarter.containing(date(2022, 2, 14)).key
    '2021-22Q4'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from policeplan.errors import InputError

_MONTH_NAMES = [date(2000, month, 1).strftime("%B") for month in range(1, 13)]
_FORMS = (
    # 2021-22Q2, 2021/22 Q2, 2021-22 q2
    re.compile(r"^(?P<start>\d{4})[-/](?P<end>\d{2})\s*Q(?P<q>[1-4])$", re.IGNORECASE),
    # Q2 2021/22, Q2 2021-22
    re.compile(r"^Q(?P<q>[1-4])\s+(?P<start>\d{4})[-/](?P<end>\d{2})$", re.IGNORECASE),
)


@dataclass(frozen=True, order=True)
class Quarter:
    """A quarter of the financial year that starts on 1 April of `start_year`."""

    start_year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"quarter number must be 1–4, not {self.number}")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read `2021-22Q2`, `2021/22 Q2` or `Q2 2021/22`; raise InputError otherwise.

        >>> Quarter.parse("Q4 2021/22").first_day
        datetime.date(2022, 1, 1)
        """
        cleaned = text.strip()
        for form in _FORMS:
            match = form.match(cleaned)
            if match:
                start, end = int(match["start"]), int(match["end"])
                if (start + 1) % 100 != end:
                    raise InputError(
                        f"{text!r} is not a financial year: {start} is followed by "
                        f"{(start + 1) % 100:02d}, "
                        f"e.g. {start}-{(start + 1) % 100:02d}Q{match['q']}",
                        field="quarter",
                    )
                return cls(start, int(match["q"]))
        raise InputError(
            f"{text!r} is not a quarter; "
            "write it like 2021-22Q2 (Q2 2021/22 = July–September 2021)",
            field="quarter",
        )

    @classmethod
    def containing(cls, day: date) -> Quarter:
        """The quarter a calendar date falls in."""
        start_year = day.year if day.month >= 4 else day.year - 1
        return cls(start_year, (day.month - 4) % 12 // 3 + 1)

    @property
    def key(self) -> str:
        """Compact form, e.g. `2021-22Q2`."""
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}Q{self.number}"

    @property
    def label(self) -> str:
        """As written in reports, e.g. `Q2 2021/22`."""
        return f"Q{self.number} {self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def first_day(self) -> date:
        month = (self.number - 1) * 3 + 4
        year = self.start_year if month <= 12 else self.start_year + 1
        return date(year, (month - 1) % 12 + 1, 1)

    @property
    def last_day(self) -> date:
        return (self + 1).first_day - timedelta(days=1)

    @property
    def months(self) -> str:
        """The calendar months covered, e.g. `July–September 2021`."""
        first, last = self.first_day, self.last_day
        return f"{_MONTH_NAMES[first.month - 1]}–{_MONTH_NAMES[last.month - 1]} {last.year}"

    def __add__(self, quarters: int) -> Quarter:
        index = self.start_year * 4 + self.number - 1 + quarters
        return Quarter(index // 4, index % 4 + 1)

    def __sub__(self, other: Quarter) -> int:
        """How many quarters `other` is before this one."""
        return (self.start_year - other.start_year) * 4 + self.number - other.number

    def __str__(self) -> str:
        return f"{self.label} ({self.months})"
