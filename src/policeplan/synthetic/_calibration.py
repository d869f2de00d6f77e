"""The bundled calibration tables (`synthetic/data/`), read into per-force profiles.

Forces with a real street sample use their own calibrated rates and districts. The others get
the sampled peers' average rate per 1,000 population, times their population and their
crime-level index (Home Office recorded crime 2017/18 relative to the peers), and districts
from `reference.districts_of` laid out around a hand-written force centre
(`data/force_centres.csv`). Nothing here reads outside the package.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np
import numpy.typing as npt

from policeplan.errors import InputError
from policeplan.reference.crime_types import ANTI_SOCIAL_BEHAVIOUR, CRIME_TYPES
from policeplan.reference.districts import districts_of
from policeplan.reference.forces import Force, get_force
from policeplan.synthetic._seeds import geography_rng

FloatArray = npt.NDArray[np.float64]

# Outcomes that are a state rather than an event: they never make an outcomes-file row.
NOT_AN_OUTCOME_EVENT = frozenset({"Under investigation", "Status update unavailable"})


@dataclass(frozen=True)
class DistrictProfile:
    """Where a force's located rows fall: one local authority district."""

    name: str
    share: float
    latitude: float
    longitude: float
    latitude_sd: float
    longitude_sd: float
    lsoas: int
    lowest_lsoa_number: int  # the numeric part of the lowest LSOA code
    lsoa_prefix: str  # E01 (England) or W01 (Wales)


@dataclass(frozen=True)
class ForceProfile:
    """What the generator needs to invent one force's months."""

    force: Force
    population: int
    sampled: bool  # True when calibrated from the force's own street files
    monthly_mean: FloatArray  # per crime type, at the 2025 level, before seasonality
    no_location_share: FloatArray  # per crime type
    districts: tuple[DistrictProfile, ...]


@dataclass(frozen=True)
class CrimeTypeProfile:
    """Per crime type, shared by all forces (rows follow CRIME_TYPES)."""

    seasonality: FloatArray  # crime type x month of year, each row averaging 1
    annual_trend: FloatArray  # per crime type, e.g. -0.03 = 3 % fewer a year
    outcome_labels: tuple[str, ...]
    outcome_cdf: FloatArray  # crime type x outcome label, cumulative shares
    outcome_is_event: npt.NDArray[np.bool_]  # per label: appears in the outcomes file


def _read(name: str) -> list[dict[str, str]]:
    text = files("policeplan.synthetic").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def crime_type_profile() -> CrimeTypeProfile:
    rows = {row["crime_type"]: row for row in _read("crime_types.csv")}
    seasonality = np.array(
        [[float(rows[c][f"season_{m:02d}"]) for m in range(1, 13)] for c in CRIME_TYPES]
    )
    trend = np.array([float(rows[c]["annual_trend"]) for c in CRIME_TYPES])
    shares = _read("outcomes.csv")
    labels = tuple(sorted({row["outcome_label"] for row in shares}))
    matrix = np.zeros((len(CRIME_TYPES), len(labels)))
    for row in shares:
        matrix[CRIME_TYPES.index(row["crime_type"]), labels.index(row["outcome_label"])] = float(
            row["share"]
        )
    asb = CRIME_TYPES.index(ANTI_SOCIAL_BEHAVIOUR)
    matrix[asb, 0] = 1.0  # never drawn: anti-social behaviour has no outcome
    matrix /= matrix.sum(axis=1, keepdims=True)
    cdf = np.cumsum(matrix, axis=1)
    cdf[:, -1] = 1.0
    events = np.array([label not in NOT_AN_OUTCOME_EVENT for label in labels])
    return CrimeTypeProfile(seasonality, trend, labels, cdf, events)


@cache
def _calibrated_rates() -> dict[str, dict[str, tuple[float, float]]]:
    """force -> crime type -> (monthly rate per 1,000 in 2025, share with No Location)."""
    rates: dict[str, dict[str, tuple[float, float]]] = {}
    for row in _read("calibration.csv"):
        rates.setdefault(row["force"], {})[row["crime_type"]] = (
            float(row["monthly_per_1000_2025"]),
            float(row["no_location_share"]),
        )
    return rates


@cache
def _force_rows() -> dict[str, dict[str, str]]:
    return {row["force"]: row for row in _read("forces.csv")}


@cache
def _force_centres() -> dict[str, tuple[float, float, float]]:
    return {
        row["force"]: (
            float(row["latitude"]),
            float(row["longitude"]),
            float(row["radius_degrees"]),
        )
        for row in _read("force_centres.csv")
    }


@cache
def _sampled_districts() -> dict[str, tuple[DistrictProfile, ...]]:
    by_force: dict[str, list[DistrictProfile]] = {}
    for row in _read("districts.csv"):
        code = row["lowest_lsoa_code"] or "E01000001"
        by_force.setdefault(row["force"], []).append(
            DistrictProfile(
                name=row["district"],
                share=float(row["share"]),
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                latitude_sd=float(row["latitude_sd"]),
                longitude_sd=float(row["longitude_sd"]),
                lsoas=int(row["lsoas"]),
                lowest_lsoa_number=int(code[3:]),
                lsoa_prefix=code[:3],
            )
        )
    return {force: tuple(districts) for force, districts in by_force.items()}


def calibrated_forces() -> tuple[str, ...]:
    """Slugs of the forces calibrated from their own police.uk street files."""
    return tuple(sorted(_calibrated_rates()))


@cache
def force_profile(slug: str) -> ForceProfile:
    """The generator's profile of one territorial force (InputError for any other)."""
    force = get_force(slug)
    row = _force_rows().get(force.slug)
    if row is None:
        raise InputError(
            f"no synthetic profile for {force.slug!r}: only the 43 territorial forces of "
            "England and Wales can be generated"
        )
    population = int(row["population_2019"])
    rates = _calibrated_rates()
    if force.slug in rates:
        own = rates[force.slug]
        per_1000 = np.array([own[c][0] for c in CRIME_TYPES])
        no_location = np.array([own[c][1] for c in CRIME_TYPES])
        districts = _sampled_districts()[force.slug]
    else:
        peers = list(rates.values())
        peer_rate = np.array([np.mean([p[c][0] for p in peers]) for c in CRIME_TYPES])
        index = np.array([float(row[f"index:{c}"]) for c in CRIME_TYPES])
        per_1000 = peer_rate * index
        no_location = np.array([np.mean([p[c][1] for p in peers]) for c in CRIME_TYPES])
        districts = _generic_districts(force, population)
    return ForceProfile(
        force=force,
        population=population,
        sampled=force.slug in rates,
        monthly_mean=per_1000 * population / 1000,
        no_location_share=no_location,
        districts=districts,
    )


# LSOAs hold about 1,600 residents on average (ONS: 1,000-3,000 by design).
RESIDENTS_PER_LSOA = 1600
# Highest 2011 LSOA numbers: E01033768 (England), W01001958 (Wales).
HIGHEST_LSOA_NUMBER = {"E01": 33768, "W01": 1958}


def _generic_districts(force: Force, population: int) -> tuple[DistrictProfile, ...]:
    """Districts of a force without a street sample, spread around its centre.

    Positions, shares and LSOA numbering are invented (seeded by the slug only), so they are
    stable across runs and seeds; only the names are real.
    """
    names = list(dict.fromkeys(d.name for d in districts_of(force.slug)))
    latitude, longitude, radius = _force_centres()[force.slug]
    rng = geography_rng(force.slug, 0)
    weights = rng.lognormal(0.0, 0.4, len(names))
    shares = weights / weights.sum()
    distance = radius * np.sqrt(rng.random(len(names)))
    angle = rng.random(len(names)) * 2 * np.pi
    spread = radius / max(1.0, np.sqrt(len(names))) * 0.5
    prefix = "W01" if force.pfa_code.startswith("W") else "E01"
    districts = []
    for i, name in enumerate(names):
        lsoas = max(6, round(population / RESIDENTS_PER_LSOA * shares[i]))
        lowest = 1 + int(rng.integers(0, max(1, HIGHEST_LSOA_NUMBER[prefix] - lsoas)))
        districts.append(
            DistrictProfile(
                name=name,
                share=float(shares[i]),
                latitude=latitude + float(distance[i] * np.sin(angle[i])),
                longitude=longitude
                + float(distance[i] * np.cos(angle[i]) / np.cos(np.radians(latitude))),
                latitude_sd=spread,
                longitude_sd=spread / float(np.cos(np.radians(latitude))),
                lsoas=lsoas,
                lowest_lsoa_number=lowest,
                lsoa_prefix=prefix,
            )
        )
    return tuple(districts)
