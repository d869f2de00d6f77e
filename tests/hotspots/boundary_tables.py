"""How the bundled outlines are made from ../shared/data/reference/boundaries (run as a script
to rebuild them; needs shapely, a dev dependency of esda).

    .venv/bin/python -m tests.hotspots.boundary_tables

- `essex_districts.geojson`: the 1,111 Essex LSOA (December 2021) polygons dissolved by
  district (`LADCD_ACTIVE`), simplified to 75 m in British National Grid metres.
- `pfa_outlines.geojson`: the 43 Police Force Areas (December 2016, ultra generalised,
  clipped), simplified to 250 m. Coordinates WGS84, 5 decimals (about 1 m).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import shapely
from pyproj import Transformer
from shapely import ops
from shapely.geometry import mapping, shape

from policeplan.reference.districts import all_districts
from policeplan.reference.forces import all_forces
from tests.conftest import REPO, SHARED_DATA

BUNDLED = REPO / "src/policeplan/reference/data"
TO_BNG = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
TO_WGS84 = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)


def _rounded(geometry: Any) -> Any:
    wgs = shapely.transform(geometry, TO_WGS84.transform, interleaved=False)
    return json.loads(json.dumps(mapping(wgs)), parse_float=lambda v: round(float(v), 5))


def _collection(features: list[dict[str, Any]]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def essex_districts(boundaries: Path, tolerance_m: float = 75) -> str:
    names = {d.lad_code: d.name for d in all_districts()}
    features = []
    for path in sorted((boundaries / "essex_lsoa21").glob("*.geojson")):
        lsoas = json.loads(path.read_text(encoding="utf-8"))["features"]
        polygons = [
            shapely.transform(shape(f["geometry"]), TO_BNG.transform, interleaved=False)
            for f in lsoas
        ]
        district = ops.unary_union(polygons).buffer(0).simplify(tolerance_m)
        code = path.stem
        properties = {"code": code, "name": names.get(code, code), "force": "essex"}
        features.append({"type": "Feature", "properties": properties,
                         "geometry": _rounded(district)})  # fmt: skip
    return _collection(features)


def pfa_outlines(boundaries: Path, tolerance_m: float = 250) -> str:
    slugs = {f.pfa_code: f.slug for f in all_forces()}
    data = json.loads((boundaries / "pfa_dec2016_ugc_ew.geojson").read_text(encoding="utf-8"))
    features = []
    for feature in data["features"]:
        code = feature["properties"]["PFA16CD"]
        outline = shapely.transform(
            shape(feature["geometry"]), TO_BNG.transform, interleaved=False
        ).simplify(tolerance_m)
        properties = {"code": code, "name": feature["properties"]["PFA16NM"],
                      "force": slugs.get(code, "")}  # fmt: skip
        features.append({"type": "Feature", "properties": properties,
                         "geometry": _rounded(outline)})  # fmt: skip
    return _collection(features)


if __name__ == "__main__":
    folder = SHARED_DATA / "reference/boundaries"
    (BUNDLED / "essex_districts.geojson").write_text(essex_districts(folder), encoding="utf-8")
    (BUNDLED / "pfa_outlines.geojson").write_text(pfa_outlines(folder), encoding="utf-8")
