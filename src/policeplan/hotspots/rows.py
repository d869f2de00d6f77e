"""The police.uk street rows a hotspot analysis maps: projected to British National Grid.

Rows with no location ("No Location", no coordinates) are counted and reported, never
placed. Rows recorded by the force but whose LSOA lies in another force's district (police.uk
assigns rows to the force that recorded them) are counted as outside the force area and
left out, so a stray row cannot stretch the grid.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
from numpy.typing import NDArray

from policeplan.hotspots.projection import to_british_national_grid
from policeplan.indicators.measures import CrimeMeasure
from policeplan.reference import districts_of


@dataclass(frozen=True)
class LocatedRows:
    """Located rows of a measure over some months; arrays are aligned, one entry a row."""

    month: NDArray[np.int64]  # months since year 0 (policeplan.months.month_index)
    easting: NDArray[np.float64]
    northing: NDArray[np.float64]
    crime_type: NDArray[np.str_]
    district: NDArray[np.str_]  # '' when the row's LSOA names no district
    no_location: dict[int, int]  # month_index -> rows with no location
    outside_area: dict[int, int]  # month_index -> located rows outside the force's districts

    def in_months(self, first: int, last: int) -> NDArray[np.bool_]:
        """Mask of the rows in months first..last (month indexes, inclusive)."""
        return (self.month >= first) & (self.month <= last)


def read_located_rows(
    con: duckdb.DuckDBPyConnection, force: str, measure: CrimeMeasure, first: str, last: str
) -> LocatedRows:
    """The measure's rows for `force` in months `first`..`last` (YYYY-MM)."""
    data = con.execute(
        "SELECT CAST(year(month) * 12 + month(month) - 1 AS BIGINT) AS month, "
        "longitude, latitude, crime_type, "
        "coalesce(district, '') AS district FROM street_crimes WHERE force = $force "
        "AND month BETWEEN CAST($first AS DATE) AND CAST($last AS DATE) "
        "AND crime_type IN (SELECT unnest($types))",
        {
            "force": force,
            "first": f"{first}-01",
            "last": f"{last}-01",
            "types": list(measure.crime_types),
        },
    ).fetchnumpy()
    months = np.asarray(data["month"], dtype=np.int64)
    longitude = np.asarray(_numbers(data["longitude"]))
    latitude = np.asarray(_numbers(data["latitude"]))
    located = np.isfinite(longitude) & np.isfinite(latitude)
    district = np.asarray(_plain(data["district"]), dtype=str)
    force_districts = own_district_names(force)
    outside = np.zeros(located.shape, dtype=bool)
    if force_districts:
        outside = located & (district != "") & ~np.isin(district, sorted(force_districts))
    keep = located & ~outside
    easting, northing = to_british_national_grid(longitude[keep], latitude[keep])
    return LocatedRows(
        month=months[keep],
        easting=easting,
        northing=northing,
        crime_type=np.asarray(_plain(data["crime_type"]), dtype=str)[keep],
        district=district[keep],
        no_location=_by_month(months[~located]),
        outside_area=_by_month(months[outside]),
    )


def own_district_names(force: str) -> set[str]:
    """Names the force's districts go by in LSOA names: the ONS name and, for names such as
    "Bristol, City of", the part before the comma ("Bristol 001A" is an LSOA of it).

    >>> sorted(own_district_names("avon-and-somerset"))[:3]
    ['Bath and North East Somerset', 'Bristol', 'Bristol, City of']
    """
    names = {d.name for d in districts_of(force)}
    return names | {name.split(",")[0].strip() for name in names}


def _plain(column: object) -> NDArray[np.object_]:
    array = np.ma.filled(column, "") if np.ma.isMaskedArray(column) else np.asarray(column)
    return np.asarray(array, dtype=object)


def _numbers(column: object) -> NDArray[np.float64]:
    if np.ma.isMaskedArray(column):
        return np.asarray(np.ma.filled(column.astype(np.float64), np.nan), dtype=np.float64)
    return np.asarray(column, dtype=np.float64)


def _by_month(months: NDArray[np.int64]) -> dict[int, int]:
    values, counts = np.unique(months, return_counts=True)
    return {int(v): int(c) for v, c in zip(values, counts, strict=True)}
