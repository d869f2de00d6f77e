"""The comparison allowing for overdispersion (issue #8 item 7)."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import numpy as np
import pytest
import statsmodels.api as sm
from scipy.stats import binom
from scipy.stats import t as student_t

from policeplan.stats.adjusted_comparison import compare_allowing_for_dispersion
from policeplan.stats.dispersion import Dispersion, estimate_dispersion


def _history(phi: float, df: int = 23) -> Dispersion:
    return Dispersion(phi, phi, df + 13, "2021-01", "2023-12", df, True, "test", None)


# The two-observation model is saturated: statsmodels warns of 0 residual df and a perfect fit.
@pytest.mark.filterwarnings("ignore:divide by zero:RuntimeWarning")
@pytest.mark.filterwarnings("ignore:Perfect separation")
def test_standard_error_is_the_quasi_poisson_glm_one_with_scale_phi() -> None:
    # A Poisson GLM of the two window totals with a window term and log exposure offset,
    # scale fixed at phi: its window coefficient is log(rate ratio), its standard error
    # sqrt(phi (1/c1 + 1/c2)).
    current, comparison, e1, e2, phi = 1_830, 2_010, 90, 91, 6.5
    fit = sm.GLM(
        np.array([current, comparison], dtype=float),
        np.array([[1.0, 1.0], [1.0, 0.0]]),
        family=sm.families.Poisson(),
        offset=np.log([e1, e2]),
    ).fit(scale=phi)
    t_value = fit.params[1] / fit.bse[1]

    result = compare_allowing_for_dispersion(current, comparison, _history(phi, 23), e1, e2)

    assert result.adjusted
    assert result.rate_ratio == pytest.approx(math.exp(fit.params[1]))
    assert result.p_value == pytest.approx(2 * student_t.sf(abs(t_value), 23), rel=1e-6)
    half = student_t.ppf(0.975, 23) * fit.bse[1]
    assert result.rate_ratio_lower == pytest.approx(math.exp(fit.params[1] - half))
    assert result.rate_ratio_upper == pytest.approx(math.exp(fit.params[1] + half))
    assert result.poisson_p_value == result.poisson.p_value
    assert (result.phi, result.degrees_of_freedom, result.months_used) == (6.5, 23, 36)


def test_essex_violent_crime_minus_three_percent_is_not_significant_with_phi_ten() -> None:
    # The example: 20,213 against 20,841 (Jan-Apr 2025 against 2024).
    result = compare_allowing_for_dispersion(20_213, 20_841, _history(10.0, 10**6))

    assert result.poisson_p_value == pytest.approx(2 * binom.cdf(20_213, 41_054, 0.5), rel=1e-9)
    assert result.poisson_p_value == pytest.approx(0.002, abs=5e-4)
    assert result.poisson.significant
    assert result.p_value == pytest.approx(0.33, abs=0.005)
    assert not result.significant


def test_verdict_agrees_with_the_interval_over_a_grid() -> None:
    for phi in (1.0, 2.5, 10.0, 26.0):
        for current in (1, 5, 40, 300, 2_000, 20_000):
            for comparison in (1, 7, 55, 280, 2_100, 21_000):
                result = compare_allowing_for_dispersion(current, comparison, _history(phi))
                assert result.rate_ratio_lower is not None
                assert result.rate_ratio_upper is not None
                outside = result.rate_ratio_lower > 1 or result.rate_ratio_upper < 1
                assert result.significant is outside


def test_larger_dispersion_never_makes_a_change_more_significant() -> None:
    p_values = [
        compare_allowing_for_dispersion(1_200, 1_000, _history(phi)).p_value
        for phi in (1.0, 2.0, 5.0, 20.0)
    ]
    assert p_values == sorted(p_values)


def test_short_history_falls_back_to_exact_poisson_with_the_caveat() -> None:
    short = estimate_dispersion({f"2024-{m:02d}": 1000 for m in range(1, 13)})

    result = compare_allowing_for_dispersion(1_100, 1_000, short)

    assert not result.adjusted
    assert result.p_value == result.poisson_p_value
    assert result.caveat is not None and "12 months" in result.caveat
    assert result.method.startswith("exact Poisson")


def test_zero_count_falls_back_to_exact_poisson() -> None:
    result = compare_allowing_for_dispersion(0, 9, _history(3.0))

    assert not result.adjusted
    assert result.caveat is not None and "0" in result.caveat
    assert result.p_value == result.poisson.p_value


ESSEX_VIOLENCE = "Violence and sexual offences"


def _essex_violence_by_month(shared_data: Path) -> dict[str, int]:
    counts = {}
    for path in sorted((shared_data / "police_uk" / "essex").glob("*-essex-street.csv.gz")):
        with gzip.open(path, "rt", encoding="utf-8-sig") as handle:
            counts[path.name[:7]] = sum(
                1 for line in handle if line.split(",")[9] == ESSEX_VIOLENCE
            )
    return counts


@pytest.mark.realdata
def test_essex_violent_crime_on_the_real_sample(shared_data: Path) -> None:
    monthly = _essex_violence_by_month(shared_data)
    now = sum(monthly[f"2025-{m:02d}"] for m in range(1, 5))
    then = sum(monthly[f"2024-{m:02d}"] for m in range(1, 5))
    assert (now, then) == (20_213, 20_841)

    # The sample holds only 2024-01..04 of the 36 months before 2025: no phi, exact test.
    result = compare_allowing_for_dispersion(
        now, then, estimate_dispersion(monthly, before="2025-01")
    )
    assert not result.adjusted and result.significant
    assert result.caveat is not None and "only 4 months" in result.caveat

    # All 28 months held (2018-2025) give a phi far above 10; the -3.0% is then ordinary.
    everything = estimate_dispersion(monthly, lookback_months=120)
    assert everything.months_used == 28 and everything.phi > 10
    assert not compare_allowing_for_dispersion(now, then, everything).significant
