"""Days as exposure (issue #8 item 9)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from policeplan.stats import compare_poisson_counts, percent_change
from policeplan.stats.exposure import days_in_month, days_in_months, window_days, window_rate


@pytest.mark.parametrize(("first", "last"), [("2025-01", "2025-12"), ("2023-11", "2024-03")])
def test_window_days_match_the_calendar(first: str, last: str) -> None:
    start = dt.date(int(first[:4]), int(first[5:]), 1)
    after = dt.date(int(last[:4]) + int(last[5:]) // 12, int(last[5:]) % 12 + 1, 1)

    assert window_days(first, last) == (after - start).days


def test_february_against_january_compares_daily_rates() -> None:
    # 24,000 crimes in January and 22,150 in February 2025: 7.7% fewer crimes, but
    # 22,150 / 28 = 791.1 a day against 24,000 / 31 = 774.2, a rise of 2.2%.
    january, february = 24_000, 22_150

    assert percent_change(february, january) == Decimal("-7.7")
    by_day = percent_change(february, january, days_in_month("2025-02"), days_in_month("2025-01"))
    assert by_day == Decimal("2.2")
    assert by_day == Decimal(
        str(round((Decimal(february) / 28 / (Decimal(january) / 31) - 1) * 100, 1))
    )
    result = compare_poisson_counts(february, january, 28, 31)
    assert result.percent_difference == Decimal("2.2")
    assert result.rate_ratio == pytest.approx((february / 28) / (january / 31))


def test_leap_february_and_held_months() -> None:
    assert days_in_month("2024-02") == 29
    assert days_in_months(["2024-01", "2024-02", "2024-04"]) == 31 + 29 + 30


def test_rejects_bad_months_and_reversed_windows() -> None:
    with pytest.raises(ValueError):
        window_days("2025-03", "2025-01")
    with pytest.raises(Exception, match="month"):
        days_in_month("2025-13")


def test_window_rate_says_what_it_is_per() -> None:
    plain = window_rate(1_200, 100_000, "2025-01", "2025-04")
    yearly = window_rate(1_200, 100_000, "2025-01", "2025-04", annualise=True)

    assert plain.per_1000 == 12.0 and not plain.annualised
    assert "over 4 months" in plain.label
    assert yearly.per_1000 == pytest.approx(12.0 * 365.25 / (31 + 28 + 31 + 30))
    assert yearly.annualised and "a year, annualised from 4 months" in yearly.label
    assert window_rate(5, 1_000, "2025-03", "2025-03").label.startswith(
        "per 1,000 people over 1 month "
    )
