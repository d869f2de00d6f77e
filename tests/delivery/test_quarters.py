"""Financial-year quarters as the force uses them (April–March)."""

from __future__ import annotations

from datetime import date

import pytest

from policeplan.delivery.quarters import Quarter
from policeplan.errors import InputError


@pytest.mark.parametrize(
    "text", ["2021-22Q2", "2021/22 Q2", "Q2 2021/22", "q2 2021-22", " 2021-22 q2 "]
)
def test_every_written_form_of_q2_2021_22_means_july_to_september_2021(text: str) -> None:
    quarter = Quarter.parse(text)

    assert (quarter.first_day, quarter.last_day) == (date(2021, 7, 1), date(2021, 9, 30))
    assert quarter.key == "2021-22Q2"
    assert quarter.label == "2021/22 Q2"
    assert str(quarter) == "2021/22 Q2"
    assert quarter.described() == "2021/22 Q2 (July–September 2021)"


def test_q4_falls_in_the_next_calendar_year() -> None:
    quarter = Quarter.parse("2021-22Q4")

    assert (quarter.first_day, quarter.last_day) == (date(2022, 1, 1), date(2022, 3, 31))
    assert quarter.months == "January–March 2022"


def test_quarter_arithmetic_crosses_financial_years() -> None:
    q2 = Quarter.parse("2021-22Q2")

    assert (q2 + 2).key == "2021-22Q4"
    assert (q2 + 3).key == "2022-23Q1"
    assert (q2 + -2).key == "2020-21Q4"
    assert Quarter.parse("2022-23Q1") - q2 == 3
    assert Quarter.parse("2021-22Q1") < q2


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (date(2021, 4, 1), "2021-22Q1"),
        (date(2021, 9, 30), "2021-22Q2"),
        (date(2021, 12, 31), "2021-22Q3"),
        (date(2022, 3, 31), "2021-22Q4"),
    ],
)
def test_a_date_belongs_to_the_financial_quarter_it_falls_in(day: date, key: str) -> None:
    assert Quarter.containing(day).key == key


def test_a_year_pair_that_does_not_follow_on_is_refused_with_an_example() -> None:
    with pytest.raises(InputError, match="2021-22Q2"):
        Quarter.parse("2021-23Q2")


@pytest.mark.parametrize("text", ["2021-22Q5", "Q2", "July 2021", ""])
def test_text_that_is_not_a_quarter_is_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        Quarter.parse(text)
    assert caught.value.field == "quarter"
