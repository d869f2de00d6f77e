"""Outlines to draw maps over: Essex districts, else the force's Police Force Area.

Bundled, simplified copies (see data/SOURCES.md): Essex districts dissolved from the ONS
LSOA (December 2021) boundaries; the 43 PFAs from ONS "Police Force Areas (December 2016)
Ultra Generalised Clipped". OGL v3.0; contains OS data © Crown copyright and database right.

>>> outlines = outlines_for("essex")
>>> outlines.kind, len(outlines.shapes), outlines.shapes[0].name
('districts', 14, 'Southend-on-Sea')
>>> outlines_for("kent").kind, outlines_for("btp").kind
('force area', 'none')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) points

DISTRICTS_SOURCE = (
    "ONS LSOA (December 2021) boundaries for Essex, dissolved to districts and simplified "
    "to 75 m (OGL v3.0; contains OS data © Crown copyright and database right)"
)
PFA_SOURCE = (
    "ONS Police Force Areas (December 2016) Ultra Generalised Clipped, simplified to 250 m "
    "(OGL v3.0; contains OS data © Crown copyright and database right)"
)


@dataclass(frozen=True)
class Shape:
    """One named outline: its polygons' rings (exterior and holes alike)."""

    name: str
    rings: tuple[Ring, ...]


@dataclass(frozen=True)
class Outlines:
    """What a force's map is drawn over: `districts`, `force area` or `none`."""

    kind: str
    shapes: tuple[Shape, ...]
    source: str | None


@cache
def _features(name: str) -> tuple[dict[str, Any], ...]:
    text = files("policeplan.reference").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(json.loads(text)["features"])


def _shape(feature: dict[str, Any]) -> Shape:
    geometry = feature["geometry"]
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    rings = tuple(
        tuple((float(x), float(y)) for x, y in ring) for polygon in polygons for ring in polygon
    )
    return Shape(str(feature["properties"]["name"]), rings)


def outlines_for(force: str) -> Outlines:
    """District outlines for Essex; the PFA outline for other territorial forces; else none."""
    districts = [
        f for f in _features("essex_districts.geojson") if f["properties"]["force"] == force
    ]
    if districts:
        return Outlines("districts", tuple(_shape(f) for f in districts), DISTRICTS_SOURCE)
    area = [f for f in _features("pfa_outlines.geojson") if f["properties"]["force"] == force]
    if area:
        return Outlines("force area", tuple(_shape(f) for f in area), PFA_SOURCE)
    return Outlines("none", (), None)
