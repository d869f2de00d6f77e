"""A force's invented map: LSOAs in each district, a few anonymised street points in each.

police.uk snaps every crime to a map point ("On or near <street>") inside an LSOA; this
builds such points once per force. The layout depends only on the force (never on the seed),
so the same street sits at the same coordinates in every generated month and every run.
LSOA names follow ONS's pattern (`Basildon 001B`: district, 3-digit MSOA number, letter) and
codes count up from the lowest real code seen for the district, so they look right but are
not guaranteed to be the real LSOA of that name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from policeplan.synthetic._calibration import FloatArray, force_profile
from policeplan.synthetic._csv import csv_field
from policeplan.synthetic._seeds import geography_rng

NO_LOCATION = ",,No Location,,"  # Longitude, Latitude, Location, LSOA code, LSOA name
STREETS_PER_LSOA = 5
# Districts beyond this many LSOAs reuse their points: keeps the Met's map small.
MAX_LSOAS_PER_DISTRICT = 400
LSOAS_PER_MSOA = 4

_STREET_WORDS = (
    "Abbey", "Acacia", "Albert", "Alexandra", "Ash", "Beech", "Birch", "Bridge", "Brook",
    "Castle", "Cedar", "Chapel", "Cherry", "Church", "Clarence", "Coronation", "Elm",
    "Fairfield", "Ferry", "George", "Glebe", "Grange", "Green", "Grove", "Hawthorn", "High",
    "Highfield", "Hill", "Holly", "Kings", "Kingsway", "Lime", "London", "Manor", "Maple",
    "Meadow", "Mill", "Moor", "New", "North", "Oak", "Orchard", "Park", "Priory", "Queens",
    "Rectory", "Richmond", "Riverside", "Rose", "School", "Springfield", "St John's",
    "St Mary's", "Station", "Victoria", "West", "Willow", "Windsor", "Woodland", "York",
)  # fmt: skip
_STREET_KINDS = (
    "Road", "Street", "Lane", "Close", "Avenue", "Drive", "Way", "Crescent", "Gardens",
    "Place", "Court", "Walk", "Grove", "Rise",
)  # fmt: skip
# Points police.uk names by what is there rather than by a street.
_LANDMARKS = (
    "Parking Area", "Supermarket", "Petrol Station", "Shopping Area",
    "Sports/Recreation Area", "Nightclub", "Hospital", "Police Station",
    "Further/Higher Educational Building", "Theatre/Concert Hall", "Pedestrian Subway",
)  # fmt: skip
_LANDMARK_SHARE = 0.12


@dataclass(frozen=True)
class ForceMap:
    """Every map point of a force, in LSOA-name order, plus the No Location point last."""

    # "lon,lat,On or near X,LSOA code,LSOA name" per point; the last one is NO_LOCATION.
    points: tuple[str, ...]
    cdf: FloatArray  # cumulative probability of a located crime falling at each point

    @property
    def no_location_index(self) -> int:
        return len(self.points) - 1


@cache
def force_map(slug: str) -> ForceMap:
    profile = force_profile(slug)
    rng = geography_rng(profile.force.slug, 1)
    points: list[str] = []
    weights: list[FloatArray] = []
    for district in sorted(profile.districts, key=lambda d: d.name):
        lsoas = min(district.lsoas, MAX_LSOAS_PER_DISTRICT)
        lsoa_lat = district.latitude + rng.normal(0.0, district.latitude_sd * 0.8, lsoas)
        lsoa_lon = district.longitude + rng.normal(0.0, district.longitude_sd * 0.8, lsoas)
        lsoa_weight = rng.lognormal(0.0, 0.7, lsoas)
        street_weight = rng.lognormal(0.0, 0.5, (lsoas, STREETS_PER_LSOA))
        point_weight = lsoa_weight[:, None] * street_weight
        weights.append((point_weight / point_weight.sum() * district.share).ravel())
        latitudes = lsoa_lat[:, None] + rng.normal(0.0, 0.003, (lsoas, STREETS_PER_LSOA))
        longitudes = lsoa_lon[:, None] + rng.normal(0.0, 0.004, (lsoas, STREETS_PER_LSOA))
        words = rng.integers(0, len(_STREET_WORDS), (lsoas, STREETS_PER_LSOA))
        kinds = rng.integers(0, len(_STREET_KINDS), (lsoas, STREETS_PER_LSOA))
        landmark = rng.random((lsoas, STREETS_PER_LSOA)) < _LANDMARK_SHARE
        landmarks = rng.integers(0, len(_LANDMARKS), (lsoas, STREETS_PER_LSOA))
        for i in range(lsoas):
            code = f"{district.lsoa_prefix}{district.lowest_lsoa_number + i:06d}"
            msoa, letter = divmod(i, LSOAS_PER_MSOA)
            name = f"{district.name} {msoa + 1:03d}{'ABCD'[letter]}"
            lsoa = f"{code},{csv_field(name)}"
            for j in range(STREETS_PER_LSOA):
                if landmark[i, j]:
                    place = _LANDMARKS[landmarks[i, j]]
                else:
                    place = f"{_STREET_WORDS[words[i, j]]} {_STREET_KINDS[kinds[i, j]]}"
                points.append(
                    f"{longitudes[i, j]:.6f},{latitudes[i, j]:.6f},On or near {place},{lsoa}"
                )
    points.append(NO_LOCATION)
    cdf = np.cumsum(np.concatenate(weights))
    cdf /= cdf[-1]
    return ForceMap(tuple(points), cdf)
