"""Month arithmetic on `YYYY-MM` strings, the month format used everywhere in policeplan.

>>> shift_month("2025-01", -1)
'2024-12'
>>> months_between("2024-11", "2025-02")
['2024-11', '2024-12', '2025-01', '2025-02']
"""

from __future__ import annotations

import re

from policeplan.errors import InputError

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_month(text: str, field: str = "month") -> str:
    """`text` if it is a valid YYYY-MM month, else an InputError naming the field."""
    if not _MONTH.match(text):
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
