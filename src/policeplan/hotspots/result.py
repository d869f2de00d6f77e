"""What a hotspot analysis returns: typed, frozen results and their JSON form.

The JSON field names are a contract (docs/hotspots.md): `measure, force, window, cell_m,
weights, located_rows, excluded_no_location, cells[], concentration, stability`, plus
`method`, `fdr`, `caveats` and the other fields below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policeplan.hotspots.grid import Grid
from policeplan.hotspots.study_area import StudyArea
from policeplan.indicators.harm_css import CategoryWeights
from policeplan.indicators.windows import Window


@dataclass(frozen=True)
class HotspotCell:
    """One cell: where it is, what it holds, its Gi* test and its place in the ranking."""

    id: str
    lat: float
    lon: float
    easting: float
    northing: float
    district: str | None
    count: int
    score: float
    z: float
    p_adjusted: float
    hot: bool
    pattern: str | None  # the `class` across quarters; None when not computed
    rank: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lat": round(self.lat, 6),
            "lon": round(self.lon, 6),
            "easting": round(self.easting, 1),
            "northing": round(self.northing, 1),
            "district": self.district,
            "count": self.count,
            "score": round(self.score, 4),
            "z": round(self.z, 4),
            "p_adjusted": self.p_adjusted,
            "hot": self.hot,
            "class": self.pattern,
            "rank": self.rank,
        }


@dataclass(frozen=True)
class Stability:
    """Overlap of top cells with the previous window; classes across the last quarters."""

    top_n: int
    previous_window: Window
    top_cells_in_previous: int | None  # None when the previous window is incomplete
    quarters: tuple[Window, ...]
    hot_cells_by_quarter: tuple[int, ...]  # empty when not classified
    classes: dict[str, int]  # class -> cells (every cell of the study area)
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "top_n": self.top_n,
            "previous_window": {
                "from": self.previous_window.first,
                "to": self.previous_window.last,
            },
            "top_cells_in_previous": self.top_cells_in_previous,
            "quarters": [q.label() for q in self.quarters],
            "hot_cells_by_quarter": list(self.hot_cells_by_quarter),
            "classes": dict(self.classes),
            "rules": "docs/hotspots.md#stability",
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class HotspotResult:
    """A hotspot analysis. `cells` holds every cell with rows, or hot, ranked; `top` is
    how many of them a reader is shown (and JSON lists)."""

    measure: str
    measure_title: str
    force: str
    window: Window
    cell_m: int
    weights: str  # "harm" or "count"
    weight_table: CategoryWeights | None
    located_rows: int
    excluded_no_location: int
    excluded_outside_area: int
    grid: Grid
    study_area: StudyArea
    cells: tuple[HotspotCell, ...]
    top: int
    total_score: float
    fdr_rate: float
    hot_cells: int
    concentration: dict[str, float | None]
    stability: Stability
    caveats: tuple[str, ...]
    data_label: str | None = None

    @property
    def top_cells(self) -> tuple[HotspotCell, ...]:
        return self.cells[: self.top] if self.top > 0 else self.cells

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "force": self.force,
            "window": {"from": self.window.first, "to": self.window.last},
            "cell_m": self.cell_m,
            "weights": self.weights,
            "weight_table": None if self.weight_table is None else self.weight_table.to_dict(),
            "located_rows": self.located_rows,
            "excluded_no_location": self.excluded_no_location,
            "excluded_outside_area": self.excluded_outside_area,
            "study_area": {
                "kind": self.study_area.kind,
                "cells": self.study_area.cells,
                "grid_columns": self.grid.columns,
                "grid_rows": self.grid.rows,
                "cells_with_rows": sum(1 for c in self.cells if c.count > 0),
                "rule": self.study_area.rule,
            },
            "total_score": round(self.total_score, 4),
            "method": {
                "statistic": "local Getis-Ord Gi* (z-score)",
                "neighbours": "binary queen contiguity: the 8 surrounding cells and the "
                "cell itself",
                "values": "harm-weighted score per cell"
                if self.weights == "harm"
                else "count of rows per cell",
                "p_values": "two-sided, normal approximation",
            },
            "fdr": {
                "method": "Benjamini-Hochberg",
                "rate": self.fdr_rate,
                "tests": self.study_area.cells,
                "hot_cells": self.hot_cells,
                "hot_rule": "z > 0 and adjusted p <= rate",
            },
            "cells": [cell.to_dict() for cell in self.top_cells],
            "concentration": {
                **self.concentration,
                "basis": f"cells ranked by {self.weights} value, out of all "
                f"{self.study_area.cells:,} cells of the study area",
            },
            "stability": self.stability.to_dict(),
            "caveats": list(self.caveats),
            "data_label": self.data_label,
        }
