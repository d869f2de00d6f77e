"""The synthetic crime-records extract: seeded, and imported by its own mapping (the
shipped example mapping is the generator's, so it always matches)."""

from __future__ import annotations

from pathlib import Path

from policeplan.ingest.crime_records import load_mapping
from policeplan.store import Workspace
from policeplan.synthetic.crime_records import (
    import_synthetic_crime_records,
    write_crime_records_extract,
)
from tests.conftest import REPO


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    one = write_crime_records_extract(
        tmp_path / "a", ["2024-12", "2025-01"], seed=5, records_per_month=300
    )
    two = write_crime_records_extract(
        tmp_path / "b", ["2025-01", "2024-12"], seed=5, records_per_month=300
    )
    other = write_crime_records_extract(
        tmp_path / "c", ["2024-12", "2025-01"], seed=6, records_per_month=300
    )
    assert one.path.read_bytes() == two.path.read_bytes() != other.path.read_bytes()
    assert one.rows == len(one.path.read_text().splitlines()) - 1
    assert one.months == ("2024-12", "2025-01")


def test_the_example_mapping_is_the_generators_essex_mapping(tmp_path: Path) -> None:
    extract = write_crime_records_extract(tmp_path, ["2025-01"], records_per_month=10)
    example = REPO / "examples" / "crime-records-mapping.yaml"
    assert example.read_text() == extract.mapping_path.read_text()
    mapping = load_mapping(example)
    assert {f.name for f in mapping.flags} >= {"domestic_abuse", "knife", "night_time_economy"}


def test_every_district_has_beats_of_its_own() -> None:
    mapping = load_mapping(REPO / "examples" / "crime-records-mapping.yaml")
    districts = {area.district for area in mapping.beats.values()}
    assert len(districts) == 14  # Essex's fourteen districts
    assert len(mapping.beats) >= 3 * len(districts)


def test_the_demo_imports_synthetic_records_in_one_call(workspace: Workspace) -> None:
    (summary,) = import_synthetic_crime_records(
        workspace, ["2025-01"], seed=2, records_per_month=400
    )
    assert summary.rows_rejected == 0
    assert [m.month for m in summary.months] == ["2025-01"]
    assert summary.rows_loaded > 300
