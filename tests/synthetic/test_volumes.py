"""Generated volumes: calibration against the real sample, lockdown, national scale."""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from policeplan.reference.forces import territorial_forces
from policeplan.synthetic import generate_police_uk


def _crime_types(paths: list[Path]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in paths:
        if path.name.endswith("-street.csv"):
            lines = path.read_text(encoding="utf-8").splitlines()[1:]
            counts.update(line.split(",")[9] for line in lines)
    return counts


@pytest.mark.realdata
def test_essex_2025_total_is_within_15_percent_of_the_real_2025_total(
    tmp_path: Path, shared_data: Path
) -> None:
    real_files = sorted((shared_data / "police_uk" / "essex").glob("2025-*-essex-street.csv.gz"))
    assert len(real_files) == 12
    real = 0
    for path in real_files:
        with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as handle:
            real += sum(1 for _ in handle) - 1  # no field spans lines (SOURCES.md, quirk 2)
    months = [f"2025-{m:02d}" for m in range(1, 13)]
    paths = generate_police_uk(tmp_path, ["essex"], months, seed=11, datasets=["street"])
    generated = sum(_crime_types(paths).values())
    assert abs(generated - real) / real < 0.15, (generated, real)


def test_shoplifting_in_april_2020_lockdown_is_below_april_2019(tmp_path: Path) -> None:
    paths = generate_police_uk(tmp_path, ["essex"], ["2019-04", "2020-04"], datasets=["street"])
    before = _crime_types([p for p in paths if p.parent.name == "2019-04"])
    during = _crime_types([p for p in paths if p.parent.name == "2020-04"])
    assert during["Shoplifting"] < 0.7 * before["Shoplifting"]
    assert during["Anti-social behaviour"] > before["Anti-social behaviour"]


def test_anti_social_behaviour_is_higher_in_2020_than_in_2019(tmp_path: Path) -> None:
    months = [f"{year}-{m:02d}" for year in (2019, 2020) for m in range(1, 13)]
    paths = generate_police_uk(tmp_path, ["kent"], months, seed=2, datasets=["street"])
    by_year = {
        year: _crime_types([p for p in paths if p.parent.name.startswith(year)])
        for year in ("2019", "2020")
    }
    asb = {year: counts["Anti-social behaviour"] for year, counts in by_year.items()}
    assert asb["2020"] > 1.15 * asb["2019"]


def test_one_national_month_has_about_half_a_million_rows(tmp_path: Path) -> None:
    forces = [force.slug for force in territorial_forces()]
    assert len(forces) == 43
    rows: list[int] = []
    paths = generate_police_uk(
        tmp_path, forces, ["2025-03"], datasets=["street"], progress=rows.append
    )
    assert len(paths) == 43
    assert 400_000 < sum(rows) < 650_000
    by_force = dict(zip(sorted(forces), rows, strict=True))
    assert by_force["metropolitan"] > by_force["essex"] > by_force["city-of-london"] > 100
