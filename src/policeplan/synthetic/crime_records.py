"""A seeded, realistic record-level crime extract, as a force's performance team exports it
from its records management system each month, with the mapping file that imports it.

One row per crime: reference, recorded and committed date-times, Home Office offence code
and description, beat, easting/northing, outcome and outcome date, pseudonymous victim and
location numbers (repeats happen), a domestic-abuse flag, location type, hate-crime strands
and a free-text MO in which knives are mentioned. Each month draws from its own generator,
so a month is the same whichever other months are written with it.

    >>> extract = write_crime_records_extract(tmp, ["2025-01"], seed=1)  # doctest: +SKIP
    >>> import_crime_records(workspace, extract.path, extract.mapping_path)  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from policeplan.errors import InputError
from policeplan.ingest.crime_records.summary import CrimeRecordsSummary
from policeplan.reference.districts import districts_of
from policeplan.reference.offences import Offence, offences_by_code
from policeplan.store import Workspace
from policeplan.synthetic._calibration import force_profile
from policeplan.synthetic._seeds import force_month_rng, stable_key
from policeplan.synthetic.crime_records_mapping import (
    HEADER,
    KNIFE_PATTERN,
    NTE_LOCATIONS,
    mapping_yaml,
)

__all__ = ["CrimeRecordsExtract", "import_synthetic_crime_records", "write_crime_records_extract"]

RECORDS_PER_MONTH = 12_000  # about Essex's recorded crime a month
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

# Share of records by police.uk category (an English county force's mix).
_CATEGORY_SHARE = {
    "Violence and sexual offences": 0.44, "Public order": 0.10,
    "Criminal damage and arson": 0.09, "Other theft": 0.08, "Shoplifting": 0.07,
    "Vehicle crime": 0.06, "Burglary": 0.05, "Other crime": 0.04, "Drugs": 0.03,
    "Possession of weapons": 0.015, "Robbery": 0.01, "Theft from the person": 0.01,
    "Bicycle theft": 0.005,
}  # fmt: skip
_DOMESTIC_SHARE = {
    "violence": 0.35,
    "sexual-offences": 0.2,
    "criminal-damage-arson": 0.08,
    "public-order": 0.1,
}
_KNIFE_SHARE = {"violence": 0.05, "robbery": 0.25, "burglary": 0.02, "possession-of-weapons": 0.5}
_LOCATION_TYPES = (
    "Dwelling", "Street", "Shop", "Licensed premises", "Car park", "Nightclub",
    "Fast food outlet", "Street - town centre", "School", "Open space",
)  # fmt: skip
_LOCATION_WEIGHTS = (0.38, 0.2, 0.1, 0.06, 0.05, 0.02, 0.03, 0.08, 0.03, 0.05)
# Relative frequency of the hour of day a crime is committed (midnight first).
_HOUR_WEIGHTS = np.array([4, 3, 2.5, 1.5, 1, 1, 1.5, 2.5, 3.5, 4, 4.5, 5, 5.5, 5.5, 5.5, 6,
                          6.5, 6.5, 6.5, 6.5, 6.5, 6, 5.5, 5])  # fmt: skip
_OUTCOMES = (
    ("Outcome 1 - Charged/Summonsed", 0.07, 40),
    ("Outcome 3 - Caution", 0.01, 20),
    ("Outcome 8 - Community resolution", 0.03, 15),
    ("Outcome 14 - Evidential difficulties: victim does not support", 0.25, 30),
    ("Outcome 15 - Evidential difficulties: suspect identified, victim supports", 0.12, 60),
    ("Outcome 16 - Victim declines or withdraws support", 0.12, 35),
    ("Outcome 18 - Investigation complete, no suspect identified", 0.3, 10),
    ("", 0.10, 0),  # still under investigation
)
_MO_OPENINGS = (
    "Suspect approached the victim", "Offender entered via rear door", "Suspects were seen",
    "Victim reports that the offender", "Unknown offender", "Suspect became aggressive",
    "Offender forced the window", "Group of youths",
)  # fmt: skip
_MO_MIDDLES = (
    "and made threats", "and pushed the victim", "and took property", "and caused damage",
    "and left on foot", "and made off in a vehicle", "after an argument", "and shouted abuse",
)  # fmt: skip
_KNIFE_WORDS = (
    "brandishing a knife",
    "with a kitchen knife",
    "holding a blade",
    "with a sharp instrument",
    "armed with a knife",
)
_HATE = ("Race", "Religion", "Sexual orientation", "Disability", "Transgender")


@dataclass(frozen=True)
class CrimeRecordsExtract:
    """The files written: the export, its mapping file, and how many records."""

    path: Path
    mapping_path: Path
    force: str
    months: tuple[str, ...]
    rows: int


@dataclass(frozen=True)
class _Beat:
    code: str
    district: str
    easting: float
    northing: float
    weight: float


@cache
def _beats(force: str) -> tuple[_Beat, ...]:
    """Three to six beats per district of the force, placed near the district's centre."""
    profile = force_profile(force)
    known = {d.name: d for d in profile.districts}
    rng = np.random.default_rng(stable_key(f"beats:{force}"))
    beats: list[_Beat] = []
    for district in districts_of(force):
        place = known.get(district.name)
        lat = place.latitude if place else 52.0
        lon = place.longitude if place else -1.0
        share = place.share if place else 0.5 / max(1, len(known))
        # Easting/northing near enough for a map (an equirectangular approximation).
        east, north = 400000 + (lon + 2) * 69000, (lat - 49) * 111200 - 100000
        count = int(rng.integers(3, 7))
        prefix = re.sub(r"[^A-Z]", "", district.name.upper())[:3]
        while any(b.code.startswith(prefix) for b in beats):  # two districts alike
            prefix = prefix[:2] + chr(ord(prefix[2]) + 1) if prefix[2] != "Z" else prefix + "X"
        for number in range(1, count + 1):
            beats.append(
                _Beat(
                    f"{prefix}{number:02d}",
                    district.name,
                    east + rng.normal(0, 3000),
                    north + rng.normal(0, 3000),
                    share / count * rng.uniform(0.5, 1.5),
                )
            )
    return tuple(beats)


@cache
def _offence_table() -> tuple[tuple[Offence, ...], np.ndarray]:
    by_category: dict[str, list[Offence]] = {}
    for offence in dict.fromkeys(offences_by_code().values()):
        by_category.setdefault(offence.crime_type, []).append(offence)
    offences, weights = [], []
    for category, share in _CATEGORY_SHARE.items():
        members = by_category[category]
        for offence in members:
            offences.append(offence)
            weights.append(share / len(members))
    weight = np.array(weights)
    return tuple(offences), weight / weight.sum()


def write_crime_records_extract(
    out_dir: Path,
    months: Sequence[str],
    force: str = "essex",
    seed: int = 0,
    records_per_month: int = RECORDS_PER_MONTH,
    file_name: str = "crime-records.csv",
) -> CrimeRecordsExtract:
    """Write `out_dir/<file_name>` (every month asked for, recorded-date order) and
    `out_dir/crime-records-mapping.yaml`; the same arguments give byte-identical files."""
    wanted = sorted({_parse_month(m) for m in months})
    slug = force_profile(force).force.slug
    if not _beats(slug):
        raise InputError(f"no districts are known for {slug!r}", field="force")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / file_name
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        for year, month in wanted:
            for record in _month_rows(seed, slug, year, month, records_per_month):
                writer.writerow(record)
                rows += 1
    mapping_path = out_dir / "crime-records-mapping.yaml"
    mapping_path.write_text(mapping_yaml(slug, _beat_table(slug)), encoding="utf-8")
    return CrimeRecordsExtract(
        path, mapping_path, slug, tuple(f"{y:04d}-{m:02d}" for y, m in wanted), rows
    )


def import_synthetic_crime_records(
    workspace: Workspace,
    months: Sequence[str],
    force: str = "essex",
    seed: int = 0,
    records_per_month: int = RECORDS_PER_MONTH,
) -> tuple[CrimeRecordsSummary, ...]:
    """Write an extract to a temporary folder and import it through its mapping, a
    calendar year at a time (so the disk never holds more than a year of records): the one
    line `policeplan demo` needs. Returns each year's summary; raises RuntimeError if a
    generated row is rejected (a generator bug)."""
    from policeplan.ingest.crime_records import import_crime_records

    wanted = sorted({f"{y:04d}-{m:02d}" for y, m in (_parse_month(month) for month in months)})
    summaries = []
    for year in sorted({month[:4] for month in wanted}):
        year_months = [month for month in wanted if month.startswith(year)]
        with tempfile.TemporaryDirectory(prefix="policeplan-records-") as scratch:
            extract = write_crime_records_extract(
                Path(scratch), year_months, force, seed, records_per_month
            )
            summary = import_crime_records(workspace, extract.path, extract.mapping_path)
        if summary.rows_rejected:
            raise RuntimeError(
                f"synthetic crime records did not import cleanly: {summary.rejects[:3]}"
            )
        summaries.append(summary)
    if not summaries:
        raise InputError("no months to generate", field="months")
    return tuple(summaries)


def _beat_table(force: str) -> dict[str, str]:
    return {beat.code: beat.district for beat in _beats(force)}


def _month_rows(seed: int, force: str, year: int, month: int, volume: int) -> list[list[str]]:
    rng = force_month_rng(seed, f"records:{force}", year, month)
    n = int(rng.poisson(volume))
    offences, offence_weights = _offence_table()
    beats = _beats(force)
    beat_weights = np.array([b.weight for b in beats])
    days = _days_in_month(year, month)
    # Recorded moment: spread over the month; committed up to a few days before.
    recorded_minute = np.sort(rng.integers(0, days * 1440, n))
    lag_minutes = (rng.exponential(1.5, n) * 1440).astype(int)
    hour = rng.choice(24, n, p=_HOUR_WEIGHTS / _HOUR_WEIGHTS.sum())
    offence_index = rng.choice(len(offences), n, p=offence_weights)
    beat_index = rng.choice(len(beats), n, p=beat_weights / beat_weights.sum())
    location_index = rng.choice(len(_LOCATION_TYPES), n, p=np.array(_LOCATION_WEIGHTS) / 1.0)
    outcome_p = np.array([o[1] for o in _OUTCOMES])
    outcome_index = rng.choice(len(_OUTCOMES), n, p=outcome_p / outcome_p.sum())
    outcome_lag = rng.exponential(1.0, n)
    uniform = rng.random((n, 6))
    victim = rng.zipf(1.6, n) % 400_000
    place = rng.zipf(1.4, n) % 200_000
    mo_choice = rng.integers(0, 1 << 30, n)
    # Most victims and places appear once; a fifth of records (two fifths of places) come
    # from a pool where a few recur often (repeat victims, hotspots).
    victim = np.where(rng.random(n) < 0.2, victim, 400_000 + rng.integers(0, 9_000_000, n))
    place = np.where(rng.random(n) < 0.4, place, 200_000 + rng.integers(0, 9_000_000, n))
    start = np.datetime64(f"{year:04d}-{month:02d}-01T00:00")
    # Dates for every row at once (the same arithmetic a row at a time gave).
    recorded_at = start + recorded_minute.astype("m8[m]")
    committed_day = (recorded_at - lag_minutes.astype("m8[m]")).astype("M8[D]").astype("M8[m]")
    committed_at = np.minimum(
        committed_day + (hour * 60 + mo_choice % 60).astype("m8[m]"), recorded_at
    )
    mean_days = np.array([o[2] for o in _OUTCOMES])[outcome_index]
    done_at = recorded_at + (outcome_lag * mean_days * 1440).astype(int).astype("m8[m]")
    recorded_text = _uk_dates(recorded_at)
    committed_text = _uk_dates(committed_at)
    done_text = _uk_dates(done_at)
    rows = []
    for i in range(n):
        offence = offences[offence_index[i]]
        beat = beats[beat_index[i]]
        group = offence.offence_group
        domestic = uniform[i, 0] < _DOMESTIC_SHARE.get(group, 0.01)
        knife = uniform[i, 1] < _KNIFE_SHARE.get(group, 0.0)
        outcome = _OUTCOMES[outcome_index[i]][0]
        outcome_date = done_text[i][:10] if outcome else ""
        location_type = _LOCATION_TYPES[location_index[i]]
        if domestic:
            location_type = "Dwelling"
        hate = ""
        if uniform[i, 2] < 0.02:
            hate = _HATE[int(uniform[i, 3] * len(_HATE))]
            if uniform[i, 4] < 0.15:
                hate += "; " + _HATE[int(uniform[i, 5] * 10) % len(_HATE)]
        rows.append(
            [
                f"42/{month:02d}{i + 1:05d}/{year % 100:02d}",
                recorded_text[i],
                committed_text[i],
                offence.code,
                offence.description,
                beat.code,
                f"{beat.easting + uniform[i, 3] * 800 - 400:.0f}",
                f"{beat.northing + uniform[i, 4] * 800 - 400:.0f}",
                outcome,
                outcome_date,
                f"V{int(victim[i]):07d}",
                f"L{int(place[i]):07d}",
                "Y" if domestic else ("N" if uniform[i, 5] < 0.9 else ""),
                location_type,
                _mo(int(mo_choice[i]), knife),
                hate,
            ]
        )
    return rows


def _mo(choice: int, knife: bool) -> str:
    opening = _MO_OPENINGS[choice % len(_MO_OPENINGS)]
    middle = _MO_MIDDLES[(choice >> 4) % len(_MO_MIDDLES)]
    if knife:
        return f"{opening} {_KNIFE_WORDS[(choice >> 8) % len(_KNIFE_WORDS)]} {middle}."
    return f"{opening} {middle}."


def _uk_dates(moments: np.ndarray) -> list[str]:
    """'15/01/2025 21:30' for each numpy minute."""
    return [
        f"{t[8:10]}/{t[5:7]}/{t[0:4]} {t[11:16]}"  # from 2025-01-15T21:30
        for t in np.datetime_as_string(moments, unit="m").tolist()
    ]


def _days_in_month(year: int, month: int) -> int:
    following = np.datetime64(f"{year + month // 12:04d}-{month % 12 + 1:02d}-01")
    return int((following - np.datetime64(f"{year:04d}-{month:02d}-01")).astype(int))


def _parse_month(month: str) -> tuple[int, int]:
    match = _MONTH.match(month.strip())
    if not match:
        raise InputError(f"month {month!r} is not YYYY-MM (for example 2025-01)", field="months")
    return int(match.group(1)), int(match.group(2))


assert KNIFE_PATTERN and NTE_LOCATIONS  # the mapping's keywords match what is written above
