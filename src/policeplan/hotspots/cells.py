"""The cells a reader is shown: ranked, located (BNG and WGS84), with their district."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from policeplan.hotspots.cell_tests import CellTest
from policeplan.hotspots.grid import Grid
from policeplan.hotspots.projection import to_wgs84
from policeplan.hotspots.result import HotspotCell


def ranked_cells(
    grid: Grid,
    listed: NDArray[np.int64],
    counts: NDArray[np.float64],
    test: CellTest,
    patterns: NDArray[np.object_] | None,
    districts: list[str],
) -> tuple[HotspotCell, ...]:
    """The listed cells, in rank order (plain lists: indexing numpy per cell is slow)."""
    easting, northing = grid.centre(listed)
    lon, lat = to_wgs84(easting, northing)
    rows, columns = np.divmod(listed, grid.columns)
    columns_of_values = (
        rows.tolist(), columns.tolist(), lat.tolist(), lon.tolist(), easting.tolist(),
        northing.tolist(), districts, counts[listed].tolist(), test.values[listed].tolist(),
        test.z[listed].tolist(), test.p_adjusted[listed].tolist(), test.hot[listed].tolist(),
        [None] * len(listed) if patterns is None else patterns[listed].tolist(),
    )  # fmt: skip
    return tuple(
        HotspotCell(
            id=grid.cell_id(row, column),
            lat=y,
            lon=x,
            easting=e,
            northing=n,
            district=district or None,
            count=int(count),
            score=score,
            z=z,
            p_adjusted=p,
            hot=hot,
            pattern=pattern,
            rank=k + 1,
        )
        for k, (row, column, y, x, e, n, district, count, score, z, p, hot, pattern) in enumerate(
            zip(*columns_of_values, strict=True)
        )
    )


def cell_districts(
    grid: Grid, index: NDArray[np.int64], district: NDArray[np.str_], cells: NDArray[np.int64]
) -> list[str]:
    """Each cell's district: the commonest among its rows, else the nearest cell's."""
    names, code = np.unique(district, return_inverse=True)
    keys, tally = np.unique(index * len(names) + code, return_counts=True)
    cell_of, name_of = np.divmod(keys, len(names))
    best: dict[int, tuple[int, str]] = {}
    for cell, name, n in zip(cell_of.tolist(), name_of.tolist(), tally.tolist(), strict=True):
        label = str(names[name])
        if label and (cell not in best or n > best[cell][0]):
            best[cell] = (n, label)
    if not best:
        return ["" for _ in cells]
    known = np.array(sorted(best), dtype=np.int64)
    known_e, known_n = grid.centre(known)
    result = []
    for cell in cells.tolist():
        if cell in best:
            result.append(best[cell][1])
            continue
        e, n = grid.centre(np.array([cell], dtype=np.int64))
        nearest = int(np.argmin((known_e - e[0]) ** 2 + (known_n - n[0]) ** 2))
        result.append(best[int(known[nearest])][1])
    return result
