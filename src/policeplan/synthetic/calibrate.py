"""Derive the synthetic generator's calibration tables from the real police.uk sample.

A developer script, never run by the generator: the generator reads only the tables this
writes into `policeplan/synthetic/data/`.

    python -m policeplan.synthetic.calibrate /work/shared/data/police_uk

Inputs: the police.uk street files `<force>/<YYYY-MM>-<force>-street.csv.gz` under the folder
given, and (optionally, `--home-office`) the Home Office recorded-crime-by-force table for
2017/18, which is the only real all-forces table and sets how each force without a street
sample differs from the sampled peers. Outputs (all small CSVs):

* `calibration.csv`   force x crime type: mean monthly rate per 1,000 population (2019
                      population), 2025 and 2018-19, deseasonalised; share of "No Location"
* `crime_types.csv`   crime type: month-of-year seasonality index, annual trend
* `outcomes.csv`      crime type x "Last outcome category": share (2024-2025 vintage)
* `districts.csv`     force x district (from the LSOA name prefix): share of located rows,
                      centroid, spread, LSOA count, lowest LSOA code seen
* `forces.csv`        every territorial force: population used, crime-level index per crime
                      type relative to the sampled peers (Home Office 2017/18)
"""

from __future__ import annotations

import argparse
import csv
import gzip
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from policeplan.errors import DataError
from policeplan.reference.crime_types import (
    ANTI_SOCIAL_BEHAVIOUR,
    CRIME_TYPES,
    crime_type_for_label,
)
from policeplan.reference.districts import district_from_lsoa_name
from policeplan.reference.forces import force_by_name, territorial_forces
from policeplan.reference.population import population_for

DATA_DIR = Path(__file__).parent / "data"
FILE_NAME = re.compile(r"^(\d{4})-(\d{2})-(.+)-street\.csv(\.gz)?$")

# Welsh forces are absent from the bundled population table. ONS mid-2019 population
# estimates by unitary authority, summed by police force area (rounded to the thousand):
# Dyfed-Powys = Carmarthenshire, Ceredigion, Pembrokeshire, Powys; Gwent = Blaenau Gwent,
# Caerphilly, Monmouthshire, Newport, Torfaen; North Wales = Anglesey, Conwy, Denbighshire,
# Flintshire, Gwynedd, Wrexham; South Wales = Bridgend, Cardiff, Merthyr Tydfil, Neath Port
# Talbot, Rhondda Cynon Taf, Swansea, Vale of Glamorgan. Approximate: written by hand.
WELSH_POPULATION_2019: dict[str, int] = {
    "dyfed-powys": 520_000,
    "gwent": 595_000,
    "north-wales": 700_000,
    "south-wales": 1_342_000,
}
# Annual trends outside this band are clamped: a synthetic series should drift gently.
MAX_ANNUAL_TREND = 0.06
# A district holding less than this share of a force's located rows is dropped (mostly
# stray rows just over the border), the rest renormalised.
MIN_DISTRICT_SHARE = 0.001
HOME_OFFICE_FILE = "recorded_crime_by_force_2017-18.csv"


@dataclass
class _Tally:
    """Everything counted from the street files."""

    # (force, month) -> crime type -> rows
    counts: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    # force -> crime type -> [rows, rows with "No Location"] (2024-2025 files)
    no_location: dict[str, dict[str, list[int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(lambda: [0, 0]))
    )
    # crime type -> label -> rows (2024-2025 files)
    outcomes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    # (force, district) -> [rows, sum lat, sum lon, sum lat^2, sum lon^2] (2024-2025)
    places: dict[tuple[str, str], list[float]] = field(
        default_factory=lambda: defaultdict(lambda: [0.0, 0.0, 0.0, 0.0, 0.0])
    )
    lsoas: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    lowest_code: dict[tuple[str, str], str] = field(default_factory=dict)


def _street_files(folder: Path) -> list[tuple[str, str, Path]]:
    found = []
    for path in sorted(folder.glob("*/*-street.csv*")):
        match = FILE_NAME.match(path.name)
        if match:
            found.append((match.group(3), f"{match.group(1)}-{match.group(2)}", path))
    if not found:
        raise DataError(f"no police.uk street files under {folder}; expect <force>/*-street.csv.gz")
    return found


def _rows(path: Path) -> Iterable[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)  # two header styles exist; the column order is the same
        yield from reader


def _tally(folder: Path) -> _Tally:
    tally = _Tally()
    for force, month, path in _street_files(folder):
        recent = month >= "2024-01"
        counts: Counter[str] = Counter()
        for row in _rows(path):
            crime_type = row[9]
            counts[crime_type] += 1
            if not recent:
                continue
            no_location = tally.no_location[force][crime_type]
            no_location[0] += 1
            if row[6] == "No Location":
                no_location[1] += 1
            if crime_type != ANTI_SOCIAL_BEHAVIOUR:
                tally.outcomes[crime_type][row[10]] += 1
            district = district_from_lsoa_name(row[8])
            if district is None or not row[4] or not row[5]:
                continue
            key = (force, district)
            lat, lon = float(row[5]), float(row[4])
            place = tally.places[key]
            place[0] += 1
            place[1] += lat
            place[2] += lon
            place[3] += lat * lat
            place[4] += lon * lon
            tally.lsoas[key].add(row[8])
            code = row[7]
            if code[:3] in ("E01", "W01") and code < tally.lowest_code.get(key, "Z"):
                tally.lowest_code[key] = code
        tally.counts[(force, month)] = counts
        print(f"{force} {month}: {sum(counts.values())} rows", file=sys.stderr)
    return tally


def _seasonality(tally: _Tally) -> dict[str, list[float]]:
    """Month-of-year index per crime type (mean 1), from forces with all twelve 2025 months.

    Limits: one year only (2025), so the index mixes true seasonality with that year's
    within-year drift and noise, and includes the length of each month (February is short).
    """
    forces = {force for force, _ in tally.counts}
    complete = [
        f for f in sorted(forces) if all((f, f"2025-{m:02d}") in tally.counts for m in range(1, 13))
    ]
    index: dict[str, list[float]] = {}
    for crime_type in CRIME_TYPES:
        totals = [
            sum(tally.counts[(f, f"2025-{m:02d}")][crime_type] for f in complete)
            for m in range(1, 13)
        ]
        mean = sum(totals) / 12
        index[crime_type] = [t / mean if mean else 1.0 for t in totals]
    return index


def _month_number(month: str) -> float:
    year, number = month.split("-")
    return int(year) + (int(number) - 0.5) / 12


def _deseasonalised(
    tally: _Tally, force: str, crime_type: str, months: Sequence[str], season: list[float]
) -> list[float]:
    return [
        tally.counts[(force, m)][crime_type] / (season[int(m[5:]) - 1] or 1.0)
        for m in months
        if (force, m) in tally.counts
    ]


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _population(force: str) -> tuple[int, str]:
    if force in WELSH_POPULATION_2019:
        return WELSH_POPULATION_2019[force], "ONS mid-2019, Welsh unitary authorities summed"
    return population_for(force, 2019).population, "ONS mid-2019 (reference/population_pfa)"


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([f"{v:.6g}" if isinstance(v, float) else v for v in row])
    print(f"wrote {path} ({path.stat().st_size:,} bytes)", file=sys.stderr)


def _home_office_rates(path: Path) -> dict[str, Counter[str]]:
    """Recorded crimes 2017/18 per force slug and police.uk category."""
    rates: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            force = force_by_name(row["Force_Name"])
            if force is None or force.kind != "territorial":
                continue  # Action Fraud, CIFAS, UK Finance, British Transport Police
            # The table capitalises categories its own way ("Vehicle Crime").
            crime_type = crime_type_for_label(row["Policeuk_Cat"]) or row["Policeuk_Cat"]
            rates[force.slug][crime_type] += int(row["Number_of_Offences"])
    return rates


def calibrate(police_uk: Path, home_office: Path | None, out_dir: Path) -> None:
    """Count the street files under `police_uk` and write every table into `out_dir`."""
    tally = _tally(police_uk)
    season = _seasonality(tally)
    sampled = sorted({force for force, _ in tally.counts})
    _write_rates(tally, season, sampled, out_dir)
    _write_outcomes(tally, out_dir)
    _write_districts(tally, sampled, out_dir)
    rates = _home_office_rates(home_office) if home_office else {}
    _write_forces(rates, sampled, out_dir)


def _write_rates(
    tally: _Tally, season: dict[str, list[float]], sampled: list[str], out_dir: Path
) -> None:
    """calibration.csv (force x crime type) and crime_types.csv (seasonality, trend)."""
    months = sorted({month for _, month in tally.counts})
    recent = [m for m in months if m.startswith("2025")]
    early = [m for m in months if m < "2020"]
    rows: list[tuple[object, ...]] = []
    # crime type -> [2025 monthly count, 2018-19 monthly count, count-weighted mid-date]
    trend_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for force in sampled:
        population, _ = _population(force)
        per_thousand = population / 1000
        used = [m for m in early if (force, m) in tally.counts]
        mid = sum(_month_number(m) for m in used) / len(used)
        for crime_type in CRIME_TYPES:
            now = _deseasonalised(tally, force, crime_type, recent, season[crime_type])
            then = _deseasonalised(tally, force, crime_type, early, season[crime_type])
            monthly_now = sum(now) / len(now)
            monthly_then = _median(then)  # the median: Kent 2018-12 is an incomplete month
            sums = trend_sums[crime_type]
            sums[0] += monthly_now
            sums[1] += monthly_then
            sums[2] += mid * monthly_then
            located_rows, no_location = tally.no_location[force][crime_type]
            rows.append(
                (
                    force,
                    crime_type,
                    population,
                    monthly_now / per_thousand,
                    monthly_then / per_thousand,
                    no_location / located_rows if located_rows else 0.0,
                    len(now),
                    len(then),
                )
            )
    _write(
        out_dir / "calibration.csv",
        (
            "force",
            "crime_type",
            "population_2019",
            "monthly_per_1000_2025",
            "monthly_per_1000_2018_19",
            "no_location_share",
            "months_2025",
            "months_2018_19",
        ),
        rows,
    )
    type_rows: list[tuple[object, ...]] = []
    for crime_type in CRIME_TYPES:
        total_now, total_then, weighted_mid = trend_sums[crime_type]
        years = 2025.5 - weighted_mid / total_then
        raw = (total_now / total_then) ** (1 / years) - 1
        trend = max(-MAX_ANNUAL_TREND, min(MAX_ANNUAL_TREND, raw))
        type_rows.append((crime_type, trend, raw, *season[crime_type]))
    _write(
        out_dir / "crime_types.csv",
        (
            "crime_type",
            "annual_trend",
            "annual_trend_unclamped",
            *(f"season_{m:02d}" for m in range(1, 13)),
        ),
        type_rows,
    )


def _write_outcomes(tally: _Tally, out_dir: Path) -> None:
    rows: list[tuple[object, ...]] = []
    for crime_type in CRIME_TYPES:
        if crime_type == ANTI_SOCIAL_BEHAVIOUR:
            continue
        labels = tally.outcomes[crime_type]
        total = sum(labels.values())
        rows.extend((crime_type, label, n / total) for label, n in sorted(labels.items()) if label)
    _write(out_dir / "outcomes.csv", ("crime_type", "outcome_label", "share"), rows)


def _write_districts(tally: _Tally, sampled: list[str], out_dir: Path) -> None:
    rows: list[tuple[object, ...]] = []
    for force in sampled:
        keys = [key for key in tally.places if key[0] == force]
        located = sum(tally.places[key][0] for key in keys)
        kept = [k for k in keys if tally.places[k][0] / located >= MIN_DISTRICT_SHARE]
        kept_total = sum(tally.places[k][0] for k in kept)
        for key in sorted(kept, key=lambda k: -tally.places[k][0]):
            n, lat, lon, lat2, lon2 = tally.places[key]
            mean_lat, mean_lon = lat / n, lon / n
            rows.append(
                (
                    force,
                    key[1],
                    n / kept_total,
                    round(mean_lat, 5),
                    round(mean_lon, 5),
                    round(math.sqrt(max(lat2 / n - mean_lat**2, 0.0)), 4),
                    round(math.sqrt(max(lon2 / n - mean_lon**2, 0.0)), 4),
                    len(tally.lsoas[key]),
                    tally.lowest_code.get(key, ""),
                )
            )
    _write(
        out_dir / "districts.csv",
        (
            "force",
            "district",
            "share",
            "latitude",
            "longitude",
            "latitude_sd",
            "longitude_sd",
            "lsoas",
            "lowest_lsoa_code",
        ),
        rows,
    )


def _write_forces(rates: dict[str, Counter[str]], sampled: list[str], out_dir: Path) -> None:
    rows: list[tuple[object, ...]] = []
    for force in territorial_forces():
        population, source = _population(force.slug)
        indices = _crime_level_indices(force.slug, sampled, rates)
        rows.append((force.slug, population, source, *indices))
    _write(
        out_dir / "forces.csv",
        ("force", "population_2019", "population_source", *(f"index:{c}" for c in CRIME_TYPES)),
        rows,
    )


def _crime_level_indices(
    force: str, peers: Sequence[str], home_office: dict[str, Counter[str]]
) -> list[float]:
    """Recorded crime per head of `force` over the peers' average, per crime type.

    Anti-social behaviour is not a recorded crime; it takes the index of all crime.
    Without the Home Office table every index is 1 (pure population scaling).
    """
    if force not in home_office:
        return [1.0] * len(CRIME_TYPES)

    def per_head(slug: str, crime_type: str | None) -> float:
        counts = home_office[slug]
        n = sum(counts.values()) if crime_type is None else counts[crime_type]
        return n / _population(slug)[0]

    indices = []
    for crime_type in CRIME_TYPES:
        wanted = None if crime_type == ANTI_SOCIAL_BEHAVIOUR else crime_type
        peer_mean = sum(per_head(p, wanted) for p in peers) / len(peers)
        indices.append(per_head(force, wanted) / peer_mean if peer_mean else 1.0)
    return indices


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("police_uk", type=Path, help="folder of <force>/*-street.csv.gz files")
    parser.add_argument(
        "--home-office",
        type=Path,
        help="Home Office recorded crime by force 2017/18 CSV "
        "(default: ../reference/home-office/recorded_crime_by_force_2017-18.csv)",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="where to write the tables")
    args = parser.parse_args(argv)
    home_office: Path | None = args.home_office
    if home_office is None:
        default = args.police_uk.parent / "reference" / "home-office" / HOME_OFFICE_FILE
        home_office = default if default.exists() else None
    args.out.mkdir(parents=True, exist_ok=True)
    calibrate(args.police_uk, home_office, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
