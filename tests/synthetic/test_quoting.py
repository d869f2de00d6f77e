"""Generated files quote the LSOA names that contain a comma, as police.uk does."""

from __future__ import annotations

import csv
from pathlib import Path

from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace
from policeplan.synthetic import generate_police_uk


def test_lsoa_names_with_a_comma_are_quoted_and_import_cleanly(
    tmp_path: Path, workspace: Workspace
) -> None:
    [path] = generate_police_uk(tmp_path, ["dorset"], ["2025-01"], datasets=("street",))
    with path.open(newline="") as text:
        rows = list(csv.reader(text))
    assert {len(row) for row in rows} == {12}
    assert any(", " in row[8] for row in rows[1:])

    [result] = import_police_uk(workspace, [path]).files
    assert (result.rows_loaded, result.rows_rejected) == (len(rows) - 1, 0)
