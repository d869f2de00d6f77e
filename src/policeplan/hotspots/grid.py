"""Square cells on the British National Grid.

Cells are aligned to multiples of the cell size from the grid's false origin, so a cell's
id (`"250m:E2281N0824"` is the cell whose south-west corner is at 2281 x 250 m east,
824 x 250 m north) is the same in every window and every run: stability across windows
compares cells by id.

The study area is the rectangle of cells spanning the located rows (see docs/hotspots.md):
empty cells inside it are cells with a value of 0, not missing.

>>> grid = Grid.spanning([570_010.0, 571_490.0], [206_020.0, 206_400.0], 500)
>>> (grid.columns, grid.rows, grid.cell_id(0, 0))
(3, 1, '500m:E1140N0412')
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from policeplan.errors import InputError

MIN_CELL_M = 50
MAX_CELL_M = 5_000
MAX_CELLS = 20_000_000  # about 160 MB per float array: beyond this, ask for bigger cells


def check_cell_size(cell_m: int) -> int:
    """`cell_m` if between 50 m and 5 km, else an InputError saying the range."""
    if not MIN_CELL_M <= cell_m <= MAX_CELL_M:
        raise InputError(
            f"cell size {cell_m} m is outside {MIN_CELL_M} m to {MAX_CELL_M:,} m: police.uk "
            "snap points are too coarse for smaller cells, and larger cells hide hotspots",
            field="cell",
        )
    return cell_m


@dataclass(frozen=True)
class Grid:
    """`columns` x `rows` cells of `cell_m` metres; column 0, row 0 is the south-west cell,
    whose south-west corner is at (`first_column` x cell_m, `first_row` x cell_m)."""

    cell_m: int
    first_column: int
    first_row: int
    columns: int
    rows: int

    @classmethod
    def spanning(cls, easting: ArrayLike, northing: ArrayLike, cell_m: int) -> Grid:
        """The smallest grid of whole cells holding every point."""
        check_cell_size(cell_m)
        east = np.floor(np.asarray(easting, dtype=np.float64) / cell_m)
        north = np.floor(np.asarray(northing, dtype=np.float64) / cell_m)
        first_column, first_row = int(east.min()), int(north.min())
        grid = cls(
            cell_m,
            first_column,
            first_row,
            int(east.max()) - first_column + 1,
            int(north.max()) - first_row + 1,
        )
        if grid.size > MAX_CELLS:
            raise InputError(
                f"{grid.columns:,} x {grid.rows:,} cells of {cell_m} m is too many "
                f"(limit {MAX_CELLS:,}): use larger cells",
                field="cell",
            )
        return grid

    @property
    def size(self) -> int:
        return self.columns * self.rows

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns): the shape of a 2-D array of cell values, row 0 southmost."""
        return (self.rows, self.columns)

    def flat_index(self, easting: ArrayLike, northing: ArrayLike) -> NDArray[np.int64]:
        """Index (row x columns + column) of the cell holding each point; -1 outside."""
        column = np.floor(np.asarray(easting, dtype=np.float64) / self.cell_m) - self.first_column
        row = np.floor(np.asarray(northing, dtype=np.float64) / self.cell_m) - self.first_row
        inside = (column >= 0) & (column < self.columns) & (row >= 0) & (row < self.rows)
        index = np.where(inside, row * self.columns + column, -1)
        return index.astype(np.int64)

    def sum_by_cell(
        self, index: NDArray[np.int64], values: NDArray[np.float64]
    ) -> NDArray[np.float64]:
        """Per-cell sums of `values` (points outside the grid are ignored), shape `shape`."""
        inside = index >= 0
        totals = np.bincount(index[inside], weights=values[inside], minlength=self.size)
        return np.asarray(totals, dtype=np.float64).reshape(self.shape)

    def centre(self, flat: NDArray[np.int64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Easting and northing of the centre of each cell (by flat index)."""
        row, column = np.divmod(flat, self.columns)
        easting = (column + self.first_column + 0.5) * self.cell_m
        northing = (row + self.first_row + 0.5) * self.cell_m
        return easting.astype(np.float64), northing.astype(np.float64)

    def cell_id(self, row: int, column: int) -> str:
        """Stable id of the cell at (row, column): cell size and grid-wide column and row."""
        return f"{self.cell_m}m:E{column + self.first_column:04d}N{row + self.first_row:04d}"
