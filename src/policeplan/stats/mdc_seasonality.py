"""Is there a month-of-year pattern in a monthly series? And the same month in earlier years.

A special-cause signal in a seasonal series (more violence every summer, say) may be the
season, not a change. `seasonality` tests for a clear month-of-year pattern with a nested
F-test of two least-squares fits:

- trend only: intercept + a straight line in time;
- trend and season: the same plus a factor for the month of the year (11 parameters).

F = ((RSS_trend − RSS_season) / 11) / (RSS_season / (n − 13)), with p from the F(11, n − 13)
distribution. The fit is on the log of the values when all are positive (seasonal effects
on crime counts are proportional, as in a log-link Poisson model), else on the values.
It needs at least 24 months with values and every month of the year at least twice.
A pattern is "clear" when p < 0.01. A step change in the series (not modelled) adds to the
residual variance, which makes the test more cautious, not less.

>>> months = [f"{2022 + i // 12}-{i % 12 + 1:02d}" for i in range(36)]
>>> values = [100 + (30 if i % 12 == 6 else 0) + (i * 7) % 5 for i in range(36)]
>>> result = seasonality(months, values)
>>> result.seasonal, result.peak_month
(True, 7)
>>> same_month_earlier_years(months, values, "2024-07")
(('2022-07', 132.0), ('2023-07', 131.0))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.stats import f as f_distribution

from policeplan.months import month_index, shift_month
from policeplan.stats.mdc_chart import MdcChart

MINIMUM_MONTHS = 24
ALPHA = 0.01
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Seasonality:
    """The result of the month-of-year test.

    `tested` is False (and `reason` says why) when the series is too short; `peak_month`
    and `trough_month` (1–12) are the months furthest above and below the trend.
    """

    tested: bool
    seasonal: bool
    months_used: int
    f_statistic: float | None
    p_value: float | None
    peak_month: int | None
    trough_month: int | None
    log_scale: bool
    reason: str | None

    @property
    def note(self) -> str | None:
        """The sentence outputs print next to a signal, or None without a clear pattern."""
        if not self.seasonal or self.peak_month is None or self.trough_month is None:
            return None
        return (
            "The signal may be seasonal: this series has a clear month-of-year pattern "
            f"(highest in {MONTH_NAMES[self.peak_month - 1]}, lowest in "
            f"{MONTH_NAMES[self.trough_month - 1]}); compare the same month in earlier years."
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "tested": self.tested,
            "seasonal": self.seasonal,
            "months_used": self.months_used,
            # A perfect seasonal fit has an infinite F: JSON gets null, never Infinity.
            "f_statistic": (
                self.f_statistic
                if self.f_statistic is not None and math.isfinite(self.f_statistic)
                else None
            ),
            "p_value": self.p_value,
            "peak_month": self.peak_month,
            "trough_month": self.trough_month,
            "log_scale": self.log_scale,
            "reason": self.reason,
            "note": self.note,
        }


def seasonality(
    months: Sequence[str], values: Sequence[float | None], *, alpha: float = ALPHA
) -> Seasonality:
    """Test `values` (None for a missing month) for a month-of-year pattern."""
    pairs = [(m, float(v)) for m, v in zip(months, values, strict=True) if v is not None]
    calendar = [month_index(month) % 12 for month, _ in pairs]
    too_few = [MONTH_NAMES[c] for c in range(12) if calendar.count(c) < 2]
    if len(pairs) < MINIMUM_MONTHS or too_few:
        return Seasonality(
            tested=False,
            seasonal=False,
            months_used=len(pairs),
            f_statistic=None,
            p_value=None,
            peak_month=None,
            trough_month=None,
            log_scale=False,
            reason=f"needs at least {MINIMUM_MONTHS} months with values and every month of "
            f"the year twice; has {len(pairs)}",
        )
    raw = np.array([value for _, value in pairs])
    log_scale = bool(np.all(raw > 0))
    y = np.log(raw) if log_scale else raw
    time = np.array([month_index(month) for month, _ in pairs], dtype=float)
    time -= time.mean()
    trend = np.column_stack([np.ones_like(time), time])
    dummies = np.array([[1.0 if c == k else 0.0 for k in range(1, 12)] for c in calendar])
    full = np.column_stack([trend, dummies])
    rss_trend, residuals = _fit(trend, y)
    rss_season, _ = _fit(full, y)
    residual_df = len(y) - full.shape[1]
    if rss_season <= 1e-12 * max(1.0, rss_trend):
        statistic = math.inf if rss_trend > 1e-12 else 0.0
        p_value = 0.0 if rss_trend > 1e-12 else 1.0
    else:
        statistic = ((rss_trend - rss_season) / 11) / (rss_season / residual_df)
        p_value = float(f_distribution.sf(statistic, 11, residual_df))
    effects = [float(np.mean(residuals[np.array(calendar) == c])) for c in range(12)]
    return Seasonality(
        tested=True,
        seasonal=p_value < alpha,
        months_used=len(pairs),
        f_statistic=float(statistic),
        p_value=p_value,
        peak_month=int(np.argmax(effects)) + 1,
        trough_month=int(np.argmin(effects)) + 1,
        log_scale=log_scale,
        reason=None,
    )


def seasonal_signal_note(chart: MdcChart, *, alpha: float = ALPHA) -> str | None:
    """The "may be seasonal" sentence when the latest month is a special cause in a seasonal
    series, else None.

    >>> from policeplan.stats.mdc_chart import mdc_chart
    >>> months = [f"{2022 + i // 12}-{i % 12 + 1:02d}" for i in range(31)]
    >>> values = [100 + (30 if i % 12 == 6 else 0) + (i * 7) % 5 for i in range(31)]
    >>> seasonal_signal_note(mdc_chart(months, values, direction="down"))[:29]
    'The signal may be seasonal: t'
    """
    if chart.latest.special_cause is None:
        return None
    return seasonality(chart.months, chart.values, alpha=alpha).note


def same_month_earlier_years(
    months: Sequence[str], values: Sequence[float | None], month: str
) -> tuple[tuple[str, float | None], ...]:
    """The value of `month`'s calendar month in each earlier year of the series, oldest first.

    A year whose month is missing gives None; years before the series are left out.
    """
    by_month = dict(zip(months, values, strict=True))
    earlier = []
    year_back = shift_month(month, -12)
    while year_back in by_month:
        value = by_month[year_back]
        earlier.append((year_back, None if value is None else float(value)))
        year_back = shift_month(year_back, -12)
    return tuple(reversed(earlier))


def _fit(design: np.ndarray[Any, Any], y: np.ndarray[Any, Any]) -> tuple[float, Any]:
    coefficients, *_ = np.linalg.lstsq(design, y, rcond=None)
    residuals = y - design @ coefficients
    return float(residuals @ residuals), residuals
