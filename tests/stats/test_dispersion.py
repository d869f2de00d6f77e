"""Dispersion of a force's monthly series, checked against statsmodels' quasi-Poisson
scale (GLM, Poisson family, scale="X2") (issue #8 item 7)."""

from __future__ import annotations

import calendar

import numpy as np
import pytest
import statsmodels.api as sm

from policeplan.months import month_from_index, month_index
from policeplan.stats.dispersion import estimate_dispersion


def _months(first: str, count: int) -> list[str]:
    return [month_from_index(month_index(first) + i) for i in range(count)]


def _statsmodels_scale(series: dict[str, int]) -> tuple[float, float]:
    months = sorted(series)
    index = np.array([month_index(m) for m in months], dtype=float)
    moy = np.array([int(m[5:]) for m in months])
    levels = sorted(set(moy))[1:]
    design = np.column_stack(
        [np.ones(len(months)), index - index[0]] + [(moy == lv).astype(float) for lv in levels]
    )
    days = np.array([calendar.monthrange(int(m[:4]), int(m[5:]))[1] for m in months])
    model = sm.GLM(
        np.array([series[m] for m in months], dtype=float),
        design,
        family=sm.families.Poisson(),
        offset=np.log(days),
    )
    result = model.fit(scale="X2")
    return float(result.scale), float(result.df_resid)


def _overdispersed(months: list[str], seed: int, size: float) -> dict[str, int]:
    rng = np.random.default_rng(seed)
    series = {}
    for i, month in enumerate(months):
        mean = 3000 * (1 + 0.15 * np.sin(2 * np.pi * int(month[5:]) / 12)) * (1 + 0.002 * i)
        series[month] = int(rng.negative_binomial(size, size / (size + mean)))
    return series


@pytest.mark.parametrize("seed", range(6))
def test_phi_is_the_quasi_poisson_scale_over_the_36_months_before(seed: int) -> None:
    months = _months("2020-01", 48)
    series = _overdispersed(months, seed, size=200.0)
    history = {m: series[m] for m in _months("2021-01", 36)}

    found = estimate_dispersion(series, before="2024-01")
    scale, df = _statsmodels_scale(history)

    assert found.sufficient
    assert (found.months_used, found.first_month, found.last_month) == (36, "2021-01", "2023-12")
    assert found.pearson_phi == pytest.approx(scale, rel=1e-7)
    assert found.degrees_of_freedom == df == 36 - 13
    assert found.phi == pytest.approx(max(1.0, scale), rel=1e-7)
    assert found.phi > 2  # negative binomial with size 200 at 3,000 a month: phi about 16


def test_sparse_months_use_what_is_held() -> None:
    months = _months("2019-01", 36)
    held = [m for i, m in enumerate(months) if i % 7 not in (2, 5)]  # 26 of 36 held
    series = {m: v for m, v in _overdispersed(months, 11, 50.0).items() if m in held}

    found = estimate_dispersion(series, before="2022-01")
    scale, df = _statsmodels_scale(series)

    assert found.months_used == 26
    assert found.pearson_phi == pytest.approx(scale, rel=1e-7)
    assert found.degrees_of_freedom == df


def test_poisson_series_is_floored_at_one() -> None:
    months = _months("2021-01", 36)
    series = {m: 500 + (i % 5) - 2 for i, m in enumerate(months)}  # far less than Poisson

    found = estimate_dispersion(series)

    assert found.pearson_phi is not None and found.pearson_phi < 1
    assert found.phi == 1.0


def test_short_history_falls_back_with_a_caveat() -> None:
    series = {m: 100 for m in _months("2024-01", 23)}

    found = estimate_dispersion(series)

    assert not found.sufficient
    assert found.phi == 1.0 and found.pearson_phi is None
    assert found.months_used == 23
    assert found.caveat is not None and "23 months" in found.caveat


def test_months_from_the_window_itself_are_left_out() -> None:
    series = {m: 100 for m in _months("2022-01", 40)}

    found = estimate_dispersion(series, before="2024-07")

    assert (found.first_month, found.last_month, found.months_used) == ("2022-01", "2024-06", 30)


def test_no_crimes_and_no_history() -> None:
    assert not estimate_dispersion({m: 0 for m in _months("2021-01", 36)}).sufficient
    assert not estimate_dispersion({}).sufficient
    with pytest.raises(ValueError):
        estimate_dispersion({"2024-01": -1})
