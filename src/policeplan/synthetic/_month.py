"""One force's crimes in one month, drawn as arrays and rendered as police.uk CSV lines.

Counts per crime type are Poisson(expected); each crime then gets a map point (or No
Location), a last outcome (from the 2024-2025 label mix of its crime type), a 64-hex Crime ID
and the number of months until its outcome is published (the outcomes file of that month
carries it). Lines are built by joining pre-built strings, never through the csv module; the
only values with a comma, LSOA names such as "Bournemouth, Christchurch and Poole 001A", are
quoted when the map is built, as police.uk quotes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from policeplan.reference.crime_types import ANTI_SOCIAL_BEHAVIOUR, CRIME_TYPES
from policeplan.synthetic._calibration import crime_type_profile, force_profile
from policeplan.synthetic._factors import month_factors
from policeplan.synthetic._geography import force_map
from policeplan.synthetic._seeds import force_month_rng

IntArray = npt.NDArray[np.int64]
ObjectArray = npt.NDArray[np.object_]

STREET_HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
    "LSOA code,LSOA name,Crime type,Last outcome category,Context"
)
OUTCOMES_HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
    "LSOA code,LSOA name,Outcome type"
)
# Months from a crime to the outcomes file that publishes its outcome: most within the
# month or the next, a tail up to half a year (an assumption: no outcomes file was sampled).
OUTCOME_LAG_SHARES = (0.40, 0.22, 0.14, 0.09, 0.06, 0.05, 0.04)
MAX_OUTCOME_LAG = len(OUTCOME_LAG_SHARES) - 1
_LAG_CDF = np.cumsum(OUTCOME_LAG_SHARES) / sum(OUTCOME_LAG_SHARES)
_ASB = CRIME_TYPES.index(ANTI_SOCIAL_BEHAVIOUR)


@dataclass(frozen=True)
class CrimeMonth:
    """The rows of one street file, in file order (by LSOA name, No Location last)."""

    slug: str
    year: int
    month: int
    point: IntArray  # index into ForceMap.points
    crime_type: IntArray  # index into CRIME_TYPES
    outcome: IntArray  # index into CrimeTypeProfile.outcome_labels (0 for ASB, unused)
    outcome_lag: IntArray  # months until the outcome is published
    crime_id: ObjectArray  # 64-hex strings, "" for anti-social behaviour

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __len__(self) -> int:
        return int(self.point.size)


def draw_month(seed: int, slug: str, year: int, month: int) -> CrimeMonth:
    """Draw one force-month; the same arguments always give the same crimes."""
    profile = force_profile(slug)
    places = force_map(slug)
    rng = force_month_rng(seed, slug, year, month)

    counts = rng.poisson(profile.monthly_mean * month_factors(year, month))
    crime_type = np.repeat(np.arange(len(CRIME_TYPES), dtype=np.int64), counts)
    n = crime_type.size
    point = np.searchsorted(places.cdf, rng.random(n), side="right").astype(np.int64)
    np.minimum(point, places.no_location_index - 1, out=point)
    no_location = rng.random(n) < profile.no_location_share[crime_type]
    point[no_location] = places.no_location_index
    outcome = _draw_outcomes(rng.random(n), crime_type)
    lag = np.searchsorted(_LAG_CDF, rng.random(n), side="right").astype(np.int64)
    np.minimum(lag, MAX_OUTCOME_LAG, out=lag)

    order = np.argsort(point, kind="stable")
    crime_type = crime_type[order]
    hexes = rng.bytes(32 * n).hex()
    crime_id = np.empty(n, dtype=object)
    crime_id[:] = [hexes[i : i + 64] for i in range(0, 64 * n, 64)]
    crime_id[crime_type == _ASB] = ""
    return CrimeMonth(
        slug=profile.force.slug,
        year=year,
        month=month,
        point=point[order],
        crime_type=crime_type,
        outcome=outcome[order],
        outcome_lag=lag[order],
        crime_id=crime_id,
    )


def _draw_outcomes(uniform: npt.NDArray[np.float64], crime_type: IntArray) -> IntArray:
    """One outcome label index per crime, from its crime type's label mix, in one search:
    row k of the cumulative-share matrix is shifted by k so all rows form one sorted list."""
    cdf = crime_type_profile().outcome_cdf
    labels = cdf.shape[1]
    shifted = (cdf + np.arange(cdf.shape[0])[:, None]).ravel()
    flat = np.searchsorted(shifted, uniform + crime_type, side="right")
    outcome: IntArray = np.clip(flat - crime_type * labels, 0, labels - 1).astype(np.int64)
    outcome[crime_type == _ASB] = 0
    return outcome


@cache
def _street_suffixes() -> ObjectArray:
    """ ",<crime type>,<last outcome>," for every (crime type, outcome) pair, flattened."""
    labels = crime_type_profile().outcome_labels
    suffixes = [
        f",{c},," if i == _ASB else f",{c},{label},"
        for i, c in enumerate(CRIME_TYPES)
        for label in labels
    ]
    return np.array(suffixes, dtype=object)


@cache
def _points(slug: str) -> ObjectArray:
    return np.array(force_map(slug).points, dtype=object)


def _head(slug: str, month_label: str) -> str:
    name = force_profile(slug).force.police_uk_name
    return f",{month_label},{name},{name},"


def street_csv(crimes: CrimeMonth) -> str:
    """The street file of `crimes`, header included, LF line endings."""
    labels = len(crime_type_profile().outcome_labels)
    lines = (
        crimes.crime_id
        + _head(crimes.slug, crimes.label)
        + _points(crimes.slug)[crimes.point]
        + _street_suffixes()[crimes.crime_type * labels + crimes.outcome]
    )
    return "\n".join([STREET_HEADER, *lines.tolist(), ""])


def outcomes_csv(slug: str, year: int, month: int, history: list[CrimeMonth]) -> str:
    """The outcomes file of one month: the outcomes published that month for crimes of that
    month and the MAX_OUTCOME_LAG months before (`history`, in any order)."""
    types = crime_type_profile()
    labels = np.array([f",{label}" for label in types.outcome_labels], dtype=object)
    head = _head(slug, f"{year:04d}-{month:02d}")
    points = _points(slug)
    chunks: list[str] = []
    target = year * 12 + month - 1
    for crimes in sorted(history, key=lambda c: (c.year, c.month)):
        lag = target - (crimes.year * 12 + crimes.month - 1)
        published = (
            (crimes.outcome_lag == lag)
            & (crimes.crime_type != _ASB)
            & types.outcome_is_event[crimes.outcome]
        )
        if not published.any():
            continue
        lines = (
            crimes.crime_id[published]
            + head
            + points[crimes.point[published]]
            + labels[crimes.outcome[published]]
        )
        chunks.append("\n".join(lines.tolist()))
    return "\n".join([OUTCOMES_HEADER, *chunks, ""])
