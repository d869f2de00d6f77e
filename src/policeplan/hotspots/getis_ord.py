"""Local Getis-Ord Gi* on a regular grid: binary queen contiguity, the cell itself included.

For cell i with neighbourhood N(i) (the cell and its up to 8 queen neighbours inside the
study area), n cells, values x, mean x̄ and standard deviation s (divisor n):

    Gi* = (Σ_{j∈N(i)} x_j − x̄·W_i) / (s · √((n·W_i − W_i²) / (n − 1)))     W_i = |N(i)|

(Getis and Ord 1992; Ord and Getis 1995), a z-score under the normal approximation. This
is what esda's `G_Local(y, w, transform="B", star=True)` computes; tests check it to 1e-9.
The values are whatever the cell holds: counts, or harm-weighted scores, so weights really
enter the statistic.

>>> import numpy as np
>>> z = gi_star(np.array([[0.0, 0, 0, 0], [0, 9, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]]))
>>> round(float(z[1, 1]), 2), round(float(z[3, 3]), 2)
(0.76, -0.39)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def neighbourhood_sum(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Sum over each cell's 3 x 3 queen neighbourhood (itself included); zero beyond edges."""
    padded = np.pad(values, 1)
    rows, columns = values.shape
    total = np.zeros_like(values, dtype=np.float64)
    for d_row in range(3):
        for d_column in range(3):
            total += padded[d_row : d_row + rows, d_column : d_column + columns]
    return total


def gi_star(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Gi* z-score of every cell of a 2-D grid of values (zeros where the field is flat)."""
    x = np.asarray(values, dtype=np.float64)
    n = x.size
    if n < 2:
        return np.zeros_like(x)
    mean = x.mean()
    s = np.sqrt(max(float((x * x).mean() - mean * mean), 0.0))
    weights = neighbourhood_sum(np.ones_like(x))
    local = neighbourhood_sum(x)
    if s == 0:
        return np.zeros_like(x)
    denominator = s * np.sqrt((n * weights - weights * weights) / (n - 1))
    return np.asarray((local - mean * weights) / denominator, dtype=np.float64)
