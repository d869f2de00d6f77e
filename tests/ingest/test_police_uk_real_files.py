"""Import the whole real police.uk sample and check every file against an independent count."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from policeplan.ingest.police_uk import ImportSummary, import_police_uk
from policeplan.store import Workspace
from policeplan.store.coverage import coverage
from tests.ingest.police_uk_helpers import data_lines, fingerprint

pytestmark = [pytest.mark.realdata, pytest.mark.slow]


@pytest.fixture(scope="module")
def imported(real_sample: tuple[Workspace, ImportSummary]) -> tuple[Workspace, ImportSummary]:
    """The session's one import of the real sample (tests/conftest.py)."""
    return real_sample


def test_every_real_file_loads_every_data_row(
    imported: tuple[Workspace, ImportSummary], shared_data: Path
) -> None:
    _, summary = imported
    manifest = {
        row["file"]: int(row["rows"])
        for row in csv.DictReader(
            (shared_data / "police_uk" / "MANIFEST.csv").read_text().splitlines()
        )
    }
    assert len(summary.files) == len(manifest) == 209
    for result in summary.files:
        path = Path(result.path)
        expected = len(data_lines(path))
        assert (result.status, result.rows_loaded, result.rows_rejected) == (
            "loaded",
            expected,
            0,
        ), result.path
        assert expected == manifest[f"{path.parent.name}/{path.name}"]
    assert summary.rows_loaded == 2_577_897
    assert summary.unmapped_outcomes == {}


def test_reimporting_the_real_sample_changes_nothing(
    imported: tuple[Workspace, ImportSummary], shared_data: Path
) -> None:
    workspace, _ = imported
    before = fingerprint(workspace)
    again = import_police_uk(workspace, [shared_data / "police_uk" / "essex"])
    assert {f.status for f in again.files if f.path.endswith(".gz")} == {"replaced"}
    assert fingerprint(workspace) == before


def test_rows_keep_duplicates_and_no_location_records(
    imported: tuple[Workspace, ImportSummary], shared_data: Path
) -> None:
    workspace, _ = imported
    lines = data_lines(shared_data / "police_uk/essex/2025-01-essex-street.csv.gz")
    exact_duplicates = len(lines) - len(set(lines))
    no_location = sum(",No Location," in line for line in lines)
    with workspace.connect(read_only=True) as con:
        distinct, total, located_nowhere, blank_ids = con.execute(
            "SELECT count(DISTINCT (crime_id, longitude, latitude, location, lsoa_code, "
            "crime_type, last_outcome)), count(*), count(*) FILTER (location = 'No Location'), "
            "count(*) FILTER (crime_id IS NULL) FROM street_crimes "
            "WHERE force = 'essex' AND month = DATE '2025-01-01'"
        ).fetchone()  # type: ignore[misc]
    assert total - distinct == exact_duplicates == 199
    assert located_nowhere == no_location == 176
    assert blank_ids == 948  # anti-social behaviour rows (SOURCES.md)


def test_quoted_lsoa_names_keep_their_comma_in_the_district(
    imported: tuple[Workspace, ImportSummary],
) -> None:
    workspace, _ = imported
    with workspace.connect(read_only=True) as con:
        districts = con.execute(
            "SELECT DISTINCT district FROM street_crimes WHERE lsoa_name LIKE 'Bournemouth,%'"
        ).fetchall()
    assert districts == [("Bournemouth, Christchurch and Poole",)]


def test_essex_districts_come_from_both_lsoa_vintages(
    imported: tuple[Workspace, ImportSummary], shared_data: Path
) -> None:
    workspace, _ = imported
    for month in ("2018-10", "2025-01"):
        lines = data_lines(shared_data / f"police_uk/essex/{month}-essex-street.csv.gz")
        basildon = sum(1 for line in lines if ",Basildon 0" in line)
        with workspace.connect(read_only=True) as con:
            loaded = con.execute(
                "SELECT count(*) FROM street_crimes WHERE force = 'essex' "
                "AND month = CAST(? AS DATE) AND district = 'Basildon'",
                [f"{month}-01"],
            ).fetchone()
        assert loaded == (basildon,)


def test_coverage_flags_kent_december_2018_and_nothing_else(
    imported: tuple[Workspace, ImportSummary],
) -> None:
    workspace, _ = imported
    report = coverage(workspace)
    suspects = [(p.force, p.month, p.rows) for p in report.partitions if p.suspect_incomplete]
    assert suspects == [("kent", "2018-12", 8438)]
    gaps = {(g.force, g.dataset): g.missing_months for g in report.gaps}
    assert gaps[("nottinghamshire", "street")][:1] == ["2019-03"]
    assert "2024-04" in gaps[("nottinghamshire", "street")]
