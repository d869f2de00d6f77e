from __future__ import annotations

from datetime import date

import pytest

from policeplan.errors import InputError
from policeplan.ingest.periods import (
    CALENDAR_QUARTER,
    FINANCIAL_QUARTER,
    FINANCIAL_YEAR,
    MONTH,
    financial_year_containing,
    parse_financial_year,
    parse_period,
)


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label"),
    [
        ("2021-07", MONTH, date(2021, 7, 1), date(2021, 7, 31), "2021-07"),
        ("2020-02", MONTH, date(2020, 2, 1), date(2020, 2, 29), "2020-02"),
        ("2021-Q1", CALENDAR_QUARTER, date(2021, 1, 1), date(2021, 3, 31), "2021-Q1"),
        ("2021-q4", CALENDAR_QUARTER, date(2021, 10, 1), date(2021, 12, 31), "2021-Q4"),
        ("2021/22", FINANCIAL_YEAR, date(2021, 4, 1), date(2022, 3, 31), "2021/22"),
        ("2021/2022", FINANCIAL_YEAR, date(2021, 4, 1), date(2022, 3, 31), "2021/22"),
        ("1999/00", FINANCIAL_YEAR, date(1999, 4, 1), date(2000, 3, 31), "1999/00"),
        ("2021/22-Q1", FINANCIAL_QUARTER, date(2021, 4, 1), date(2021, 6, 30), "2021/22-Q1"),
        ("2021/22-Q2", FINANCIAL_QUARTER, date(2021, 7, 1), date(2021, 9, 30), "2021/22-Q2"),
        ("Q2 2021/22", FINANCIAL_QUARTER, date(2021, 7, 1), date(2021, 9, 30), "2021/22-Q2"),
        ("2021/22-Q4", FINANCIAL_QUARTER, date(2022, 1, 1), date(2022, 3, 31), "2021/22-Q4"),
        (" 2021/22 - q3 ", FINANCIAL_QUARTER, date(2021, 10, 1), date(2021, 12, 31), "2021/22-Q3"),
    ],
)
def test_parse_period_gives_kind_first_and_last_day_and_canonical_label(
    text: str, kind: str, start: date, end: date, label: str
) -> None:
    period = parse_period(text)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)


def test_calendar_quarter_and_financial_quarter_with_same_number_differ() -> None:
    calendar = parse_period("2021-Q2")
    financial = parse_period("2021/22-Q2")
    assert (calendar.start, calendar.end) == (date(2021, 4, 1), date(2021, 6, 30))
    assert (financial.start, financial.end) == (date(2021, 7, 1), date(2021, 9, 30))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-13", "month 13 is not between 1 and 12"),
        ("2021-00", "month 0 is not between 1 and 12"),
        ("2021-Q5", "quarter 5 is not between 1 and 4"),
        ("2021/23", "the financial year starting April 2021 is written 2021/22"),
        ("2021-22", "write the financial year as 2021/22"),
        ("July 2021", "use YYYY-MM (month)"),
        ("", "use YYYY-MM (month)"),
    ],
)
def test_parse_period_rejects_with_a_message_saying_what_to_write(text: str, message: str) -> None:
    with pytest.raises(InputError, match="is not a period") as caught:
        parse_period(text)
    assert message in caught.value.message


def test_financial_year_containing_switches_on_first_of_april() -> None:
    assert financial_year_containing(date(2022, 3, 31)).label == "2021/22"
    assert financial_year_containing(date(2022, 4, 1)).label == "2022/23"


def test_parse_financial_year_refuses_other_notations() -> None:
    assert parse_financial_year("2017/18").start == date(2017, 4, 1)
    with pytest.raises(InputError, match="is not a financial year"):
        parse_financial_year("2017-Q1")


def test_period_months_lists_first_days_across_the_year_end() -> None:
    months = parse_period("2021/22-Q4").months()
    assert months == (date(2022, 1, 1), date(2022, 2, 1), date(2022, 3, 1))
    assert len(parse_period("2021/22").months()) == 12
    assert parse_period("2021-Q3").contains(date(2021, 9, 30))
    assert not parse_period("2021-Q3").contains(date(2021, 10, 1))
