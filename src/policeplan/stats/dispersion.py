"""How much more do a force's monthly counts vary than Poisson chance allows?

An exact Poisson test assumes that, with no real change, a count varies only by Poisson
chance: variance equal to the mean. Monthly crime counts vary far more (weather, school
holidays, operations, recording drives): typically 2 to 26 times the Poisson variance. A
test that ignores this calls ordinary month-to-month wobble "significant".

The dispersion phi is estimated from the force's own series with a quasi-Poisson model
(McCullagh & Nelder, Generalized Linear Models, 2nd ed., 1989, ch. 9):

    log(expected count in month t) = log(days in month t) + a + b × t + c[month of year of t]

fitted by maximum likelihood over the months held in the 36 months before the window
(months not held are left out, not filled in). The month-of-year terms take out the usual
seasonal pattern and the linear trend a steady rise or fall, so phi measures only the
wobble around them. phi = Pearson chi-squared / residual degrees of freedom,

    phi = sum over months of (count - fitted)² / fitted, divided by (months - terms fitted),

the estimate R and statsmodels print as the quasi-Poisson scale. It is floored at 1: a
series that varies less than Poisson is no reason to call a change more significant.
With fewer than 24 months held (or no crimes) phi is not estimated: `sufficient` is False,
`phi` is 1 and `caveat` says why, and the caller falls back to the exact Poisson test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from policeplan.months import month_index, parse_month
from policeplan.stats.exposure import days_in_month

LOOKBACK_MONTHS = 36
MIN_MONTHS = 24
METHOD = "quasi-Poisson: month of year + linear trend, days as exposure, Pearson chi²/df"

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Dispersion:
    """The dispersion used (`phi`, at least 1) and how it was found.

    `pearson_phi` is the unfloored estimate (None when not estimated); `months_used` the
    months of history that went in, `first_month`/`last_month` their span;
    `degrees_of_freedom` the residual degrees of freedom (months - terms fitted).
    """

    phi: float
    pearson_phi: float | None
    months_used: int
    first_month: str | None
    last_month: str | None
    degrees_of_freedom: int
    sufficient: bool
    method: str
    caveat: str | None


def estimate_dispersion(
    monthly_counts: Mapping[str, int],
    *,
    before: str | None = None,
    lookback_months: int = LOOKBACK_MONTHS,
    min_months: int = MIN_MONTHS,
) -> Dispersion:
    """Dispersion of a monthly series (month "YYYY-MM" -> count) over the `lookback_months`
    before `before` (by default, before the month after the last one given).

    >>> months = [f"{2021 + i // 12}-{i % 12 + 1:02d}" for i in range(36)]
    >>> wobbly = {m: 1000 + 60 * (i * 7 % 5 - 2) for i, m in enumerate(months)}
    >>> found = estimate_dispersion(wobbly, before="2024-01")
    >>> found.months_used, found.sufficient, round(found.phi, 1)
    (36, True, 9.0)
    >>> estimate_dispersion(dict(list(wobbly.items())[:12])).caveat
    'only 12 months of history held (24 needed): exact Poisson test, which ...'
    """
    for month, count in monthly_counts.items():
        parse_month(month)
        if isinstance(count, bool) or int(count) != count or count < 0:
            raise ValueError(f"{month}: a count must be a whole number (0 or more)")
    if not monthly_counts:
        return _insufficient(0, None, None, "no monthly history held")
    end = month_index(before) if before else max(map(month_index, monthly_counts)) + 1
    held = sorted(m for m in monthly_counts if end - lookback_months <= month_index(m) < end)
    first, last = (held[0], held[-1]) if held else (None, None)
    if len(held) < min_months:
        reason = (
            f"only {len(held)} months of history held ({min_months} needed): exact Poisson "
            "test, which may call ordinary month-to-month variation significant"
        )
        return _insufficient(len(held), first, last, reason)
    counts = np.array([float(monthly_counts[m]) for m in held])
    if counts.sum() == 0:
        return _insufficient(len(held), first, last, "no crimes in the history")
    design = _design(held)
    offset = np.log(np.array([float(days_in_month(m)) for m in held]))
    fitted = fit_poisson(counts, design, offset)
    residual_df = len(held) - int(np.linalg.matrix_rank(design))
    if residual_df < 1:
        return _insufficient(len(held), first, last, "no degrees of freedom left")
    positive = fitted > 0
    chi_squared = float(np.sum((counts[positive] - fitted[positive]) ** 2 / fitted[positive]))
    pearson = chi_squared / residual_df
    return Dispersion(
        phi=max(1.0, pearson),
        pearson_phi=pearson,
        months_used=len(held),
        first_month=first,
        last_month=last,
        degrees_of_freedom=residual_df,
        sufficient=True,
        method=METHOD,
        caveat=None,
    )


def fit_poisson(
    counts: FloatArray, design: FloatArray, offset: FloatArray, iterations: int = 100
) -> FloatArray:
    """Fitted means of a Poisson log-linear model, by iteratively reweighted least squares
    (rank-deficient designs allowed: least squares takes the minimum-norm solution)."""
    mean = counts + 0.5
    eta = np.log(mean)
    deviance = np.inf
    for _ in range(iterations):
        working = eta - offset + (counts - mean) / mean
        root_weight = np.sqrt(mean)
        coefficients = np.linalg.lstsq(design * root_weight[:, None], working * root_weight)[0]
        eta = np.clip(design @ coefficients + offset, -700.0, 700.0)
        mean = np.maximum(np.exp(eta), 1e-300)
        new_deviance = _deviance(counts, mean)
        if abs(new_deviance - deviance) <= 1e-10 * (abs(new_deviance) + 0.1):
            break
        deviance = new_deviance
    return mean


def _deviance(counts: FloatArray, mean: FloatArray) -> float:
    safe = np.where(counts > 0, counts, 1.0)
    terms = np.where(counts > 0, counts * np.log(safe / mean), 0.0) - (counts - mean)
    return float(2 * np.sum(terms))


def _design(months: list[str]) -> FloatArray:
    """Intercept, linear trend (months since the first), one column per month of year
    held after the first such month (January, or the earliest held, is the baseline)."""
    index = np.array([float(month_index(m)) for m in months])
    month_of_year = [int(m[5:]) for m in months]
    levels = sorted(set(month_of_year))[1:]
    columns = [np.ones(len(months)), index - index[0]]
    columns += [np.array([float(moy == level) for moy in month_of_year]) for level in levels]
    return np.column_stack(columns)


def _insufficient(months: int, first: str | None, last: str | None, reason: str) -> Dispersion:
    return Dispersion(1.0, None, months, first, last, 0, False, "none (exact Poisson)", reason)
