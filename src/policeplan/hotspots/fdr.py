"""Two-sided p-values and the Benjamini-Hochberg false-discovery-rate correction.

Testing thousands of cells at 5% each would call hundreds of cells "hot" by chance; the
Benjamini-Hochberg step-up procedure keeps the expected share of false discoveries among
the cells called hot at or below the rate (5% by default).

>>> [round(float(p), 3) for p in benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.5]))]
[0.04, 0.053, 0.053, 0.5]
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtr

FALSE_DISCOVERY_RATE = 0.05


def two_sided_p(z: NDArray[np.float64]) -> NDArray[np.float64]:
    """P(|Z| >= |z|) for a standard normal Z."""
    # ndtr(-|z|) is the lower tail, accurate far out (scipy.stats is slow to import).
    return np.asarray(2.0 * ndtr(-np.abs(z)), dtype=np.float64)


def benjamini_hochberg(p: NDArray[np.float64]) -> NDArray[np.float64]:
    """Benjamini-Hochberg adjusted p-values (same order as `p`): a cell is significant at
    false-discovery rate q when its adjusted p-value is at most q."""
    flat = np.asarray(p, dtype=np.float64).ravel()
    m = flat.size
    if m == 0:
        return flat.reshape(np.shape(p))
    order = np.argsort(flat, kind="stable")
    scaled = flat[order] * m / np.arange(1, m + 1)
    adjusted_sorted = np.minimum.accumulate(scaled[::-1])[::-1]
    adjusted = np.empty(m, dtype=np.float64)
    adjusted[order] = np.minimum(adjusted_sorted, 1.0)
    return adjusted.reshape(np.shape(p))
