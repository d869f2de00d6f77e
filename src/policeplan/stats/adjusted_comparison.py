"""Has a count changed by more than chance *and* the force's usual month-to-month wobble?

The verdict test allowing for overdispersion (issue #8 item 7). Under a quasi-Poisson model
each window's count has variance phi × its mean, where phi is the force's own dispersion
(`estimate_dispersion`). The log rate ratio log((c1 / e1) / (c2 / e2)) then has standard
error sqrt(phi × (1 / c1 + 1 / c2)) (delta method), and

    t = log(rate ratio) / sqrt(phi × (1 / c1 + 1 / c2))

is referred to Student's t with the residual degrees of freedom of the dispersion estimate.
This is the quasi-likelihood F-test (F = t², on 1 and df degrees of freedom) that a
quasi-Poisson model with a window term gives, with phi taken from the force's history
because two window totals cannot estimate it themselves; the t (not normal) reference
allows for phi being estimated from a few dozen months. The 95% interval of the rate ratio
is exp(log ratio ± t(0.975, df) × standard error), so the verdict (p < 0.05) holds exactly
when the interval leaves out 1. With phi = 1 and a long history this is the usual Poisson
Wald test; scaling the variance rather than the counts keeps the rate ratio itself as is.

When phi cannot be estimated (under 24 months of history) or either count is 0 (no log
ratio), the verdict falls back to the exact Poisson test, with a caveat. The exact Poisson
p-value is always kept beside the adjusted one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy.stats import t as student_t

from policeplan.stats._decimal import Exact
from policeplan.stats.dispersion import Dispersion
from policeplan.stats.poisson_comparison import (
    CONFIDENCE_LEVEL,
    SIGNIFICANCE_LEVEL,
    PoissonComparison,
    compare_poisson_counts,
)

ADJUSTED_METHOD = "quasi-Poisson t-test on the log rate ratio (variance × phi)"
EXACT_METHOD = "exact Poisson (conditional binomial) test"


@dataclass(frozen=True)
class AdjustedComparison:
    """The verdict allowing for overdispersion, and the exact Poisson test beside it.

    `p_value`, `significant` and the rate-ratio interval are the verdict's (adjusted when
    `adjusted`, else the exact Poisson test's); `poisson_p_value` is always the exact
    test's. `phi`, `months_used` and `degrees_of_freedom` describe the dispersion used;
    `caveat` says why the verdict is not adjusted, when it is not.
    """

    method: str
    adjusted: bool
    phi: float
    months_used: int
    degrees_of_freedom: int | None
    p_value: float
    poisson_p_value: float
    rate_ratio: float | None
    rate_ratio_lower: float | None
    rate_ratio_upper: float | None
    significant: bool
    caveat: str | None
    poisson: PoissonComparison


def compare_allowing_for_dispersion(
    current: int,
    comparison: int,
    dispersion: Dispersion,
    current_exposure: Exact = 1,
    comparison_exposure: Exact = 1,
) -> AdjustedComparison:
    """Compare two counts with the variance scaled by the force's dispersion.

    Essex violent crime, January-April 2025 against 2024 (20,213 against 20,841, -3.0%):
    p = 0.002 by the exact Poisson test, 0.33 with phi = 10 from a long history.

    >>> from policeplan.stats.dispersion import Dispersion
    >>> history = Dispersion(10.0, 10.0, 36, "2022-01", "2024-12", 1_000_000, True, "", None)
    >>> result = compare_allowing_for_dispersion(20_213, 20_841, history)
    >>> round(result.poisson_p_value, 3), round(result.p_value, 2), result.significant
    (0.002, 0.33, False)
    """
    poisson = compare_poisson_counts(current, comparison, current_exposure, comparison_exposure)
    caveat = dispersion.caveat if not dispersion.sufficient else None
    if caveat is None and (current == 0 or comparison == 0):
        caveat = "a count of 0 has no log rate ratio: exact Poisson test, not adjusted"
    if caveat is not None:
        return AdjustedComparison(
            method=EXACT_METHOD,
            adjusted=False,
            phi=dispersion.phi,
            months_used=dispersion.months_used,
            degrees_of_freedom=None,
            p_value=poisson.p_value,
            poisson_p_value=poisson.p_value,
            rate_ratio=poisson.rate_ratio,
            rate_ratio_lower=poisson.rate_ratio_lower,
            rate_ratio_upper=poisson.rate_ratio_upper,
            significant=poisson.significant,
            caveat=caveat,
            poisson=poisson,
        )
    assert poisson.rate_ratio is not None  # both counts are above 0
    log_ratio = math.log(poisson.rate_ratio)
    error = math.sqrt(dispersion.phi * (1 / current + 1 / comparison))
    df = dispersion.degrees_of_freedom
    p_value = float(2 * student_t.sf(abs(log_ratio) / error, df))
    quantile = float(student_t.ppf(1 - (1 - CONFIDENCE_LEVEL) / 2, df))
    return AdjustedComparison(
        method=ADJUSTED_METHOD,
        adjusted=True,
        phi=dispersion.phi,
        months_used=dispersion.months_used,
        degrees_of_freedom=df,
        p_value=p_value,
        poisson_p_value=poisson.p_value,
        rate_ratio=poisson.rate_ratio,
        rate_ratio_lower=math.exp(log_ratio - quantile * error),
        rate_ratio_upper=math.exp(log_ratio + quantile * error),
        significant=p_value < SIGNIFICANCE_LEVEL,
        caveat=None,
        poisson=poisson,
    )
