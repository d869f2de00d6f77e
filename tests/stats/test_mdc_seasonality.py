"""Month-of-year pattern test and same-month comparisons."""

from __future__ import annotations

import math

import numpy as np
import pytest

from policeplan.months import months_between
from policeplan.stats.mdc_chart import mdc_chart
from policeplan.stats.mdc_seasonality import (
    same_month_earlier_years,
    seasonal_signal_note,
    seasonality,
)

MONTHS = months_between("2021-01", "2024-12")


def _poisson_series(rates: list[float], seed: int) -> list[float | None]:
    generator = np.random.default_rng(seed)
    return [float(generator.poisson(rate)) for rate in rates]


def test_summer_peak_in_counts_is_a_clear_pattern() -> None:
    rates = [500 * (1 + 0.2 * math.sin(2 * math.pi * (i % 12 - 3) / 12)) for i in range(48)]
    result = seasonality(MONTHS, _poisson_series(rates, seed=1))

    assert result.tested and result.seasonal
    assert result.p_value is not None and result.p_value < 1e-6
    assert result.peak_month in (5, 6, 7)
    assert result.note is not None and "may be seasonal" in result.note


def test_flat_series_with_a_trend_is_not_seasonal() -> None:
    rates = [500 + 3 * i for i in range(48)]
    result = seasonality(MONTHS, _poisson_series(rates, seed=2))

    assert result.tested
    assert not result.seasonal
    assert result.note is None


def test_the_f_statistic_matches_an_independent_nested_fit() -> None:
    values = _poisson_series([200 + (40 if i % 12 == 11 else 0) for i in range(48)], seed=3)
    y = np.log(np.array(values, dtype=float))
    t = np.arange(48.0)
    reduced = np.column_stack([np.ones(48), t])
    full = np.column_stack([reduced, *[(np.arange(48) % 12 == k).astype(float) for k in range(11)]])
    rss = [
        float(np.sum((y - x @ np.linalg.lstsq(x, y, rcond=None)[0]) ** 2)) for x in (reduced, full)
    ]
    expected = ((rss[0] - rss[1]) / 11) / (rss[1] / (48 - 13))

    assert seasonality(MONTHS, values).f_statistic == pytest.approx(expected)


def test_fewer_than_24_months_is_not_tested() -> None:
    result = seasonality(MONTHS[:23], [100.0] * 23)

    assert not result.tested and not result.seasonal
    assert result.reason is not None and "24 months" in result.reason


def test_missing_months_are_left_out_of_the_test() -> None:
    values = _poisson_series([300.0] * 48, seed=4)
    values[10] = None

    assert seasonality(MONTHS, values).months_used == 47


def test_same_month_of_earlier_years_oldest_first_with_gaps_as_none() -> None:
    values: list[float | None] = [float(i) for i in range(48)]
    values[18] = None

    assert same_month_earlier_years(MONTHS, values, "2024-07") == (
        ("2021-07", 6.0),
        ("2022-07", None),
        ("2023-07", 30.0),
    )
    assert same_month_earlier_years(MONTHS, values, "2021-03") == ()


def test_a_signal_in_a_seasonal_series_gets_the_may_be_seasonal_note() -> None:
    months = MONTHS[:43]
    values: list[float | None] = [
        float(100 + (40 if i % 12 == 6 else 0) + (i * 7) % 5) for i in range(43)
    ]
    chart = mdc_chart(months, values, direction="down")

    assert chart.latest.special_cause == "concern"
    note = seasonal_signal_note(chart)
    assert note is not None and "highest in July" in note


def test_no_note_when_the_latest_month_is_common_cause() -> None:
    values: list[float | None] = [
        float(100 + (40 if i % 12 == 6 else 0) + (i * 7) % 5) for i in range(48)
    ]
    chart = mdc_chart(MONTHS, values, direction="down")

    assert chart.latest.special_cause is None
    assert seasonal_signal_note(chart) is None


def test_a_perfectly_seasonal_series_is_seasonal_and_its_json_has_no_infinity() -> None:
    values: list[float | None] = [float(100 + 10 * (i % 12)) for i in range(48)]
    result = seasonality(MONTHS, values)

    assert result.seasonal and result.p_value == 0.0
    assert result.to_dict()["f_statistic"] is None
