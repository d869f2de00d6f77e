"""Gi* on one field of cell values, with two-sided p-values, the Benjamini-Hochberg
correction over the study area, hot flags, and the ranking of cells.

>>> values = np.zeros(25)
>>> values[12], values[24] = 9, 1  # a 5 x 5 grid: the centre cell and a corner
>>> test = gi_star_cells(Grid(250, 0, 0, 5, 5), values, 0.05)
>>> [int(cell) for cell in ranking(test)[:3]], int(test.hot.sum())  # too few to be hot
([18, 12, 6], 0)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from policeplan.hotspots.fdr import benjamini_hochberg, two_sided_p
from policeplan.hotspots.getis_ord import gi_star
from policeplan.hotspots.grid import Grid


@dataclass(frozen=True)
class CellTest:
    """Gi* on one field of values over the grid (flat arrays, one entry a cell)."""

    values: NDArray[np.float64]
    inside: NDArray[np.bool_]  # the study area
    z: NDArray[np.float64]  # NaN outside the study area
    p_adjusted: NDArray[np.float64]  # NaN outside the study area
    hot: NDArray[np.bool_]


def gi_star_cells(
    grid: Grid,
    values: NDArray[np.float64],
    rate: float,
    mask: NDArray[np.bool_] | None = None,
) -> CellTest:
    """Gi* z, two-sided p, Benjamini-Hochberg adjusted p (over the study area's cells) and
    hot flags for every cell; `mask` (grid shape) is the study area, default all cells."""
    inside = np.ones(grid.size, dtype=bool) if mask is None else mask.ravel()
    z = gi_star(values.reshape(grid.shape), inside.reshape(grid.shape)).ravel()
    adjusted = np.full(grid.size, np.nan)
    adjusted[inside] = benjamini_hochberg(two_sided_p(z[inside]))
    hot = inside & (np.nan_to_num(z) > 0) & (np.nan_to_num(adjusted, nan=1.0) <= rate)
    return CellTest(values.ravel(), inside, z, adjusted, hot)


def ranking(test: CellTest) -> NDArray[np.int64]:
    """Cells of the study area by Gi* z (highest first), ties by value."""
    cells = np.flatnonzero(test.inside)
    return cells[np.lexsort((-test.values[cells], -test.z[cells]))].astype(np.int64)
