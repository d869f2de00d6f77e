"""Harm scores: none without weights, count × weight once a table is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.errors import FileRejected
from policeplan.indicators import IndicatorQuery
from policeplan.indicators.indicator import compute_indicator
from policeplan.ingest.harm_weights import load_harm_weights
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace
from tests.conftest import TEST_DATA

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
    "Crime type,Last outcome category,Context"
)


def street_file(folder: Path, month: str, crime_types: list[str]) -> Path:
    rows = [
        f"id{i},{month},Essex Police,Essex Police,0.47,51.73,On or near X,E01,Maldon 001A,{t},,"
        for i, t in enumerate(crime_types)
    ]
    path = folder / f"{month}-essex-street.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    return path


def test_harm_score_weights_each_crime_type(workspace: Workspace, tmp_path: Path) -> None:
    files = [
        street_file(tmp_path, "2025-01", ["Burglary", "Burglary", "Robbery", "Drugs"]),
        street_file(tmp_path, "2025-02", ["Vehicle crime", "Burglary"]),
    ]
    import_police_uk(workspace, files)
    assert (
        compute_indicator(workspace, IndicatorQuery("all-crime", "essex", "2025-02", 2)).harm
        is None
    )

    load_harm_weights(workspace, TEST_DATA / "indicators/test-weights.csv", "test-1")
    harm = compute_indicator(
        workspace, IndicatorQuery("all-crime", "essex", "2025-02", 2)
    ).to_dict()["harm"]

    assert harm["score"] == 3 * 10 + 1 * 20 + 1 * 2.5
    assert harm["weights_version"] == "test-1"
    assert "Drugs" in harm["unweighted_crime_types"]


def test_weights_file_with_a_bad_row_loads_nothing(workspace: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "weights.csv"
    bad.write_text("crime_type,weight\nBurglary,10\nBurglery,3\n")
    with pytest.raises(FileRejected, match="line 3, field 'crime_type': unknown crime type"):
        load_harm_weights(workspace, bad, "v1")
    with workspace.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM harm_weights").fetchone() == (0,)
