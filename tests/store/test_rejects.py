"""Listing rejected rows, from the library and the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace
from policeplan.store.rejects import list_rejects

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
    "Crime type,Last outcome category,Context"
)
GOOD = "a1,2025-05,Essex Police,Essex Police,0.47,51.73,On or near X,E01,Maldon 001A,Drugs,,"


def bad_file(folder: Path) -> Path:
    lines = [
        HEADER,
        GOOD,
        GOOD.replace("Drugs", "Burglery"),
        GOOD.replace("2025-05", "2025-5x"),
        GOOD.replace("Drugs", "Dragons"),
    ]
    path = folder / "2025-05-essex-street.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_rejects_are_counted_by_field_and_listed_by_line(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_police_uk(workspace, [bad_file(tmp_path)])

    found = list_rejects(workspace, dataset="street", limit=2)

    assert found.total == 3
    assert found.by_field == {"Crime type": 2, "Month": 1}
    assert [(r.line, r.field) for r in found.rows] == [(3, "Crime type"), (4, "Month")]
    assert found.rows[0].raw == GOOD.replace("Drugs", "Burglery")
    assert list_rejects(workspace, force="kent").total == 0


def test_rejects_command_prints_json(workspace: Workspace, tmp_path: Path) -> None:
    import_police_uk(workspace, [bad_file(tmp_path)])

    result = CliRunner().invoke(
        cli, ["--workspace", str(workspace.path), "rejects", "--file", "2025-05", "--json"]
    )

    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 3
    assert [r["line"] for r in data["rejects"]] == [3, 4, 5]
    assert data["rejects"][2]["reason"] == "unknown crime type 'Dragons'"
