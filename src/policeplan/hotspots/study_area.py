"""The study area: which cells of the grid are tested.

- `force` (the default where an outline is bundled): cells whose centre lies inside the
  force's outline (Essex: its 14 districts; other forces: their Police Force Area), plus
  every cell holding a row (so no located row is ever dropped, even where the generalised
  outline cuts a coast or a border). Sea and neighbouring counties are not study area.
- `box`: every cell of the rectangle spanning the located rows.

Either way, an empty cell inside the study area counts, as 0.

>>> grid = Grid(100, 0, 0, 4, 3)
>>> square = ((50.0, 50.0), (250.0, 50.0), (250.0, 250.0), (50.0, 250.0))
>>> cells_inside_rings(grid, [square]).astype(int).tolist()
[[0, 1, 1, 0], [0, 1, 1, 0], [0, 0, 0, 0]]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from policeplan.hotspots.grid import Grid
from policeplan.hotspots.projection import to_british_national_grid
from policeplan.reference.boundaries import Outlines

STUDY_AREAS = ("force", "box")

BngRing = Sequence[tuple[float, float]]  # (easting, northing) points


@dataclass(frozen=True)
class StudyArea:
    """`mask` (grid shape) marks the tested cells; `rule` says how they were chosen."""

    kind: str
    mask: NDArray[np.bool_]
    rule: str

    @property
    def cells(self) -> int:
        return int(self.mask.sum())


def cells_inside_rings(grid: Grid, rings: Sequence[BngRing]) -> NDArray[np.bool_]:
    """Cells whose centre is inside the rings (even-odd rule: holes are holes), by scanning
    each row of cell centres across the ring edges."""
    inside = np.zeros(grid.shape, dtype=bool)
    edges = [
        np.column_stack([np.asarray(ring), np.roll(np.asarray(ring), -1, axis=0)])
        for ring in rings
        if len(ring) >= 3
    ]
    if not edges:
        return inside
    x1, y1, x2, y2 = np.concatenate(edges).T
    centres_x = (np.arange(grid.columns) + grid.first_column + 0.5) * grid.cell_m
    for row in range(grid.rows):
        y = (row + grid.first_row + 0.5) * grid.cell_m
        crossing = (y1 <= y) != (y2 <= y)
        if not crossing.any():
            continue
        xs = x1[crossing] + (y - y1[crossing]) * (x2[crossing] - x1[crossing]) / (
            y2[crossing] - y1[crossing]
        )
        left_of = np.searchsorted(np.sort(xs), centres_x)
        inside[row] = left_of % 2 == 1
    return inside


def study_area(grid: Grid, kind: str, outlines: Outlines, occupied: NDArray[np.bool_]) -> StudyArea:
    """The study area of `kind` (`force` falls back to `box` when no outline is bundled);
    `occupied` (grid shape) marks cells holding rows in any window analysed."""
    if kind == "force" and outlines.shapes:
        mask = occupied.copy()
        for shape in outlines.shapes:
            rings = []
            for ring in shape.rings:
                east, north = to_british_national_grid([p[0] for p in ring], [p[1] for p in ring])
                rings.append(list(zip(east.tolist(), north.tolist(), strict=True)))
            mask |= cells_inside_rings(grid, rings)
        outline = (
            "the force's district outlines"
            if outlines.kind == "districts"
            else "the force's Police Force Area outline"
        )
        rule = (
            f"cells whose centre lies inside {outline}, plus every cell holding a row; "
            "empty cells count as 0"
        )
        return StudyArea("force", mask, rule)
    rule = "every cell of the rectangle spanning the located rows; empty cells count as 0"
    if kind == "force":
        rule += " (no outline is bundled for this force)"
    return StudyArea("box", np.ones(grid.shape, dtype=bool), rule)
