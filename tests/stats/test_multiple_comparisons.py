"""Benjamini-Hochberg q-values, checked against statsmodels (issue #8 item 8)."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.stats.multitest import multipletests

from policeplan.stats.multiple_comparisons import benjamini_hochberg


@pytest.mark.parametrize("seed", range(20))
def test_q_values_match_statsmodels_fdr_bh(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 40))
    p_values = rng.uniform(0, 1, size) ** 3  # plenty of small p-values
    if seed % 4 == 0:
        p_values[: size // 2] = p_values[0]  # ties

    expected = multipletests(p_values, method="fdr_bh")[1]

    assert benjamini_hochberg(list(p_values)) == pytest.approx(list(expected), rel=1e-12)


def test_untested_measures_take_no_part() -> None:
    with_gaps = benjamini_hochberg([0.01, None, 0.04, 0.03, None])
    without = benjamini_hochberg([0.01, 0.04, 0.03])

    assert with_gaps == (without[0], None, without[1], without[2], None)


def test_fifteen_measures_with_one_real_change() -> None:
    # One p = 0.001 and fourteen chance p-values: a lone 0.03 is no longer "significant".
    p_values = [0.001, 0.03, *np.linspace(0.1, 0.95, 13)]
    q_values = benjamini_hochberg(p_values)

    assert q_values[0] == pytest.approx(0.015)
    assert q_values[1] == pytest.approx(0.225)


def test_empty_and_invalid() -> None:
    assert benjamini_hochberg([]) == ()
    with pytest.raises(ValueError):
        benjamini_hochberg([1.2])
