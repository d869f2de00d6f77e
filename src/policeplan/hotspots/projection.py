"""WGS84 latitude/longitude <-> British National Grid (EPSG:27700) metres, with pyproj.

A proper datum transformation (OSGB36, Transverse Mercator), not a flat-earth scaling, so
that a 250 m cell is 250 m on the ground everywhere in Great Britain.

>>> easting, northing = to_british_national_grid([0.4685], [51.7356])  # Chelmsford
>>> round(float(easting[0]) / 1000), round(float(northing[0]) / 1000)
(571, 207)
"""

from __future__ import annotations

from functools import cache

import numpy as np
from numpy.typing import ArrayLike, NDArray
from pyproj import Transformer

WGS84 = "EPSG:4326"
BRITISH_NATIONAL_GRID = "EPSG:27700"


@cache
def _to_bng() -> Transformer:
    return Transformer.from_crs(WGS84, BRITISH_NATIONAL_GRID, always_xy=True)


@cache
def _to_wgs84() -> Transformer:
    return Transformer.from_crs(BRITISH_NATIONAL_GRID, WGS84, always_xy=True)


def to_british_national_grid(
    longitude: ArrayLike, latitude: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Eastings and northings (metres) of WGS84 longitudes and latitudes."""
    easting, northing = _to_bng().transform(
        np.asarray(longitude, dtype=np.float64), np.asarray(latitude, dtype=np.float64)
    )
    return np.asarray(easting, dtype=np.float64), np.asarray(northing, dtype=np.float64)


def to_wgs84(
    easting: ArrayLike, northing: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Longitudes and latitudes of British National Grid eastings and northings."""
    longitude, latitude = _to_wgs84().transform(
        np.asarray(easting, dtype=np.float64), np.asarray(northing, dtype=np.float64)
    )
    return np.asarray(longitude, dtype=np.float64), np.asarray(latitude, dtype=np.float64)
