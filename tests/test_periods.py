"""The one time vocabulary: financial years and quarters, their spelling and parser."""

from __future__ import annotations

from datetime import date

import pytest

from policeplan.errors import InputError
from policeplan.periods import (
    FINANCIAL_YEAR_START_MONTH,
    FinancialQuarter,
    FinancialYear,
    Month,
    parse_financial_quarter,
    parse_financial_year,
)


@pytest.mark.parametrize(
    "text",
    [
        "2021/22 Q2",
        "2021-22Q2",
        "2021/22-Q2",
        "Q2 2021/22",
        "2021-22 Q2",
        "q2 2021-22",
        "  2021/22   q2 ",
        "2021/2022 Q2",
        "Q2 2021-22",
    ],
)
def test_every_spelling_of_a_financial_quarter_reads_as_july_to_september_2021(text: str) -> None:
    quarter = parse_financial_quarter(text)

    assert quarter == FinancialQuarter(2021, 2)
    assert (quarter.first_day, quarter.last_day) == (date(2021, 7, 1), date(2021, 9, 30))
    assert str(quarter) == quarter.label == "2021/22 Q2"


@pytest.mark.parametrize("text", ["2021Q2", "2021-22Q5", "Q0 2021/22", "July 2021", "", "2021/22"])
def test_a_malformed_quarter_is_one_line_naming_the_value_and_the_accepted_form(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_financial_quarter(text)

    message = str(caught.value)
    assert "\n" not in message
    assert repr(text) in message and "2021/22 Q2" in message
    assert caught.value.field == "quarter"


def test_a_year_pair_that_does_not_follow_on_is_refused_with_the_right_pair() -> None:
    with pytest.raises(InputError, match=r"2021 is followed by 22, e\.g\. 2021/22 Q3"):
        parse_financial_quarter("2021/23 Q3")


def test_the_financial_year_starts_in_april() -> None:
    assert FINANCIAL_YEAR_START_MONTH == 4
    assert FinancialYear.containing(date(2022, 3, 31)) == FinancialYear(2021)
    assert FinancialYear.containing(date(2022, 4, 1)) == FinancialYear(2022)
    assert (FinancialYear(2021).first_month, FinancialYear(2021).last_month) == (
        "2021-04",
        "2022-03",
    )
    assert str(FinancialYear(1999)) == "1999/00"


@pytest.mark.parametrize("text", ["2021/22", "2021/2022", "2021-22", " 2021 / 22 "])
def test_financial_year_spellings(text: str) -> None:
    assert parse_financial_year(text) == FinancialYear(2021)


def test_a_malformed_financial_year_names_the_value_and_the_form() -> None:
    with pytest.raises(InputError, match=r"'2017-Q1' is not a financial year: write it like "):
        parse_financial_year("2017-Q1")


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2021, 4, 1), "2021/22 Q1"),
        (date(2021, 6, 30), "2021/22 Q1"),
        (date(2021, 12, 31), "2021/22 Q3"),
        (date(2022, 1, 1), "2021/22 Q4"),
        (date(2022, 3, 31), "2021/22 Q4"),
    ],
)
def test_a_day_falls_in_one_financial_quarter(day: date, quarter: str) -> None:
    assert FinancialQuarter.containing(day).label == quarter


def test_quarter_arithmetic_and_months() -> None:
    q4 = FinancialQuarter(2021, 4)

    assert (q4 + 1).label == "2022/23 Q1"
    assert (q4 + 1) - q4 == 1
    assert (q4.first_month, q4.last_month) == ("2022-01", "2022-03")
    assert q4.months == "January–March 2022"
    assert q4.key == "2021-22Q4"


def test_month_knows_its_financial_year_and_quarter() -> None:
    month = Month.parse("2022-03")

    assert str(month + 1) == "2022-04"
    assert month.financial_year.label == "2021/22"
    assert (month + 1).financial_quarter.label == "2022/23 Q1"
    with pytest.raises(InputError, match="'2022-3' is not a month"):
        Month.parse("2022-3")


@pytest.mark.parametrize("text", ["2021-22Q2", "2021/22 Q2", "Q2 2021/22", "2021-22 q2"])
def test_measures_read_every_quarter_spelling_under_the_stored_label(text: str) -> None:
    from policeplan.ingest.periods import parse_period

    assert parse_period(text).label == "2021/22-Q2"
