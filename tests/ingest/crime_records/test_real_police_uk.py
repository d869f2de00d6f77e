"""Real police.uk street files (Essex, January to March 2025) imported as crime records
through a mapping give the same counts per month and crime type, and the same solved
counts, as `import police-uk`: the mapping works on real data nobody here wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.ingest.crime_records import import_crime_records
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace
from tests.conftest import REPO

pytestmark = [pytest.mark.realdata]

MAPPING = REPO / "examples" / "police-uk-street-as-records.yaml"
MONTHS = ("2025-01", "2025-02", "2025-03")


def test_police_uk_street_files_through_a_mapping_count_as_import_police_uk(
    workspace: Workspace, shared_data: Path
) -> None:
    files = [shared_data / "police_uk" / "essex" / f"{m}-essex-street.csv.gz" for m in MONTHS]
    police_uk = import_police_uk(workspace, files)
    assert police_uk.rows_rejected == 0
    for path in files:
        summary = import_crime_records(workspace, path, MAPPING)
        assert summary.rows_rejected == 0, summary.rejects[:3]
    query = (
        "SELECT strftime(month, '%Y-%m'), crime_type, count(*), count(*) FILTER (solved), "
        "count(*) FILTER (outcome_group = 'unmapped') FROM {} GROUP BY ALL ORDER BY ALL"
    )
    with workspace.connect(read_only=True) as con:
        street = con.execute(query.format("street_crimes")).fetchall()
        records = con.execute(query.format("crime_records")).fetchall()
    assert records == street
    assert {row[0] for row in records} == set(MONTHS)
    assert sum(row[2] for row in records) == police_uk.rows_loaded > 30_000
