"""Every stored record keeps the line it came from, also in an export large enough for
DuckDB to read in several parallel chunks."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.ingest.crime_records import import_crime_records, mapping_from_dict
from policeplan.store import Workspace

pytestmark = [pytest.mark.slow]

ROWS = 300_000
CATEGORIES = ("Burglary", "Robbery", "Shoplifting", "Drugs", "Vehicle crime")


def test_each_record_keeps_its_line_in_a_large_export(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "large.csv"
    lines = ["Ref,Recorded,Category,Notes"]
    for line in range(2, ROWS + 2):
        month = 1 + line % 12
        notes = "x" * (line % 50)
        lines.append(f"R{line},2024-{month:02d}-15,{CATEGORIES[line % 5]},{notes}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mapping = mapping_from_dict(
        {
            "force": "essex",
            "columns": {"reference": "Ref", "recorded": "Recorded", "crime_type": "Category"},
        },
        "large.yaml",
    )
    summary = import_crime_records(workspace, path, mapping)
    assert summary.rows_loaded == ROWS
    with workspace.connect(read_only=True) as con:
        wrong = con.execute(
            "SELECT count(*) FROM crime_records WHERE reference <> 'R' || source_line "
            "OR month(month) <> 1 + source_line % 12"
        ).fetchone()
    assert wrong == (0,)
