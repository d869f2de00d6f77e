"""Local Getis-Ord Gi* on a regular grid: binary queen contiguity, the cell itself included.

For cell i with neighbourhood N(i) (the cell and its up to 8 queen neighbours inside the
study area), n cells, values x, mean x̄ and standard deviation s (divisor n):

    Gi* = (Σ_{j∈N(i)} x_j − x̄·W_i) / (s · √((n·W_i − W_i²) / (n − 1)))     W_i = |N(i)|

(Getis and Ord 1992; Ord and Getis 1995), a z-score under the normal approximation. This
is what esda's `G_Local(y, w, transform="B", star=True)` computes; tests check it to 1e-9.
The values are whatever the cell holds: counts, or harm-weighted scores, so weights really
enter the statistic. With a study-area mask, cells outside it are neither neighbours nor
counted in n, x̄ and s (esda's `G_Local` on the weights restricted to the area).

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


def gi_star(
    values: NDArray[np.float64], mask: NDArray[np.bool_] | None = None
) -> NDArray[np.float64]:
    """Gi* z-score of every cell of a 2-D grid of values. With `mask`, only the cells it
    marks are the study area: they alone are neighbours, count in n, x̄ and s, and get a
    z-score (NaN elsewhere). A flat field gives z = 0."""
    x = np.asarray(values, dtype=np.float64)
    inside = np.ones(x.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    x = np.where(inside, x, 0.0)
    n = int(inside.sum())
    if n < 2:
        return np.where(inside, 0.0, np.nan)
    mean = x.sum() / n
    s = np.sqrt(max(float((x * x).sum() / n - mean * mean), 0.0))
    if s == 0:
        return np.where(inside, 0.0, np.nan)
    weights = neighbourhood_sum(inside.astype(np.float64))
    local = neighbourhood_sum(x)
    spread = (n * weights - weights * weights) / (n - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (local - mean * weights) / (s * np.sqrt(spread))
    z = np.where(spread > 0, z, 0.0)  # only when one neighbourhood is the whole area
    return np.asarray(np.where(inside, z, np.nan), dtype=np.float64)
