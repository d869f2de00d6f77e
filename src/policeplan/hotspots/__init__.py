"""Hotspots: where a crime measure (counted, or weighted by harm) clusters on a grid.

police.uk street rows are projected to British National Grid metres and binned into square
cells; each cell gets a local Getis-Ord Gi* z-score (binary queen contiguity, the cell
itself included), a two-sided p-value and a Benjamini-Hochberg adjusted p-value; cells with
z > 0 and adjusted p at or under the false-discovery rate are "hot". Concentration (share
of the measure in the top 1%, 5%, 10% of cells) and stability (overlap of top cells with
the previous window; a class per cell across the last quarters) come with it.
docs/hotspots.md states every rule.
"""

from policeplan.hotspots.analysis import HotspotQuery, hotspot_analysis
from policeplan.hotspots.grid import MAX_CELL_M, MIN_CELL_M, Grid
from policeplan.hotspots.result import HotspotCell, HotspotResult, Stability

__all__ = [
    "MAX_CELL_M",
    "MIN_CELL_M",
    "Grid",
    "HotspotCell",
    "HotspotQuery",
    "HotspotResult",
    "Stability",
    "hotspot_analysis",
]
