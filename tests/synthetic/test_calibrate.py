"""The calibration script, run on a slice of the real sample."""

from __future__ import annotations

import csv
import gzip
import shutil
from pathlib import Path

import pytest

from policeplan.synthetic.calibrate import main


@pytest.mark.realdata
def test_calibrate_writes_tables_whose_essex_rates_reproduce_the_real_2025_volume(
    tmp_path: Path, shared_data: Path
) -> None:
    source = shared_data / "police_uk" / "essex"
    real_files = sorted(source.glob("2025-*-essex-street.csv.gz"))
    sample = tmp_path / "police_uk" / "essex"
    sample.mkdir(parents=True)
    for path in [*real_files, source / "2018-10-essex-street.csv.gz"]:
        shutil.copy(path, sample)
    real_rows = 0
    for path in real_files:
        with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as handle:
            real_rows += sum(1 for _ in handle) - 1

    assert main([str(tmp_path / "police_uk"), "--out", str(tmp_path / "out")]) == 0

    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        "calibration.csv", "crime_types.csv", "districts.csv", "forces.csv", "outcomes.csv",
    ]  # fmt: skip
    with (tmp_path / "out" / "calibration.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 14
    # With one force, the seasonality index is Essex's own, so deseasonalising and
    # averaging gives back the real mean month exactly (up to 6 significant figures).
    monthly = sum(float(r["monthly_per_1000_2025"]) for r in rows) * 1_846_655 / 1000
    assert monthly == pytest.approx(real_rows / 12, rel=0.01)
    with (tmp_path / "out" / "districts.csv").open(encoding="utf-8") as handle:
        districts = {r["district"] for r in csv.DictReader(handle)}
    assert {"Basildon", "Southend-on-Sea", "Thurrock", "Colchester"} <= districts
