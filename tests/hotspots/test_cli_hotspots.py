"""`policeplan hotspots`: JSON, CSV and HTML outputs, and one-line errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.store import Workspace


def run(workspace: Workspace, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--workspace", str(workspace.path), "hotspots", *args])
    return result.exit_code, result.output


@pytest.mark.realdata
def test_json_csv_and_html_outputs(essex_2025: Workspace, tmp_path: Path) -> None:
    csv_path, html_path = tmp_path / "cells.csv", tmp_path / "map.html"
    code, output = run(
        essex_2025, "burglary", "--force", "Essex Police", "--to", "2025-12", "--cell", "500",
        "--top", "5", "--json", "--csv", str(csv_path), "--html", str(html_path),
    )  # fmt: skip
    assert code == 0, output
    data = json.loads(output[output.index("{") :])
    assert (data["measure"], data["force"], data["cell_m"]) == ("burglary", "essex", 500)
    assert data["window"] == {"from": "2025-01", "to": "2025-12"}
    assert len(data["cells"]) == 5
    with csv_path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sum(int(r["count"]) for r in rows) == data["located_rows"]
    page = html_path.read_text(encoding="utf-8")
    assert "<script" not in page
    assert "tile.openstreetmap.org" in page  # the optional basemap (off by default)
    assert "Southend-on-Sea" in page and "never addresses" in page


@pytest.mark.realdata
def test_text_output_states_the_fdr_and_the_caveats(essex_2025: Workspace) -> None:
    code, output = run(essex_2025, "robbery", "--force", "essex", "--to", "2025-12",
                       "--weights", "count", "--top", "3")  # fmt: skip
    assert code == 0, output
    assert "Benjamini-Hochberg false discovery rate 5%" in output
    assert "snap points" in output and "never addresses" in output
    assert "counts of rows (unweighted)" in output


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cell", "20"], "Error: --cell: cell size 20 m is outside 50 m to 5,000 m"),
        (["--months", "24"], "Error: essex has no police.uk street file for 2024-01"),
    ],
)
def test_bad_input_is_a_one_line_error(
    essex_2025: Workspace, args: list[str], message: str
) -> None:
    code, output = run(essex_2025, "burglary", "--force", "essex", "--to", "2025-12", *args)
    assert code == 1
    assert output.startswith(message)
    assert len(output.strip().splitlines()) == 1
