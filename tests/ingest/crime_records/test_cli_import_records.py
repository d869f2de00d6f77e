"""`policeplan import records`: text and JSON summaries, dry run, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.synthetic.crime_records import CrimeRecordsExtract


def _run(workspace: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--workspace", str(workspace), "import", "records", *args])
    return result.exit_code, result.stdout, result.stderr


def test_import_records_prints_a_json_summary(tmp_path: Path, extract: CrimeRecordsExtract) -> None:
    code, out, _ = _run(
        tmp_path / "w", str(extract.path), "--mapping", str(extract.mapping_path), "--json"
    )
    assert code == 0
    summary = json.loads(out)
    assert summary["rows_loaded"] == extract.rows
    assert [m["month"] for m in summary["months"]] == ["2025-01", "2025-02"]
    assert summary["flags"]["knife"] > 0
    assert summary["dry_run"] is False


def test_import_records_dry_run_says_so_and_loads_nothing(
    tmp_path: Path, extract: CrimeRecordsExtract
) -> None:
    args = (str(extract.path), "--mapping", str(extract.mapping_path))
    code, out, _ = _run(tmp_path / "w", *args, "--dry-run")
    assert code == 0
    assert out.startswith("Dry run: nothing was written.")
    assert "would be loaded" in out
    code, out, _ = _run(tmp_path / "w", *args)
    assert "loaded    essex records 2025-01" in out


def test_import_records_with_a_typo_in_the_mapping_fails_in_one_line(
    tmp_path: Path, extract: CrimeRecordsExtract
) -> None:
    typo = tmp_path / "mapping.yaml"
    typo.write_text(extract.mapping_path.read_text().replace("columns:", "colums:"))
    code, _, err = _run(tmp_path / "w", str(extract.path), "--mapping", str(typo))
    assert code == 1
    assert err.strip().splitlines()[-1] == (
        f"Error: {typo}, field 'colums': unknown key 'colums'; did you mean 'columns'?"
    )


def test_coverage_lists_records_apart_from_police_uk_data(
    tmp_path: Path, extract: CrimeRecordsExtract
) -> None:
    workspace = tmp_path / "w"
    assert _run(workspace, str(extract.path), "--mapping", str(extract.mapping_path))[0] == 0
    result = CliRunner().invoke(cli, ["--workspace", str(workspace), "coverage"])
    police_uk, records = result.stdout.split("\nForce crime records\n")
    assert "none: run `policeplan import police-uk" in police_uk
    assert "records" not in police_uk
    line = next(row for row in records.splitlines() if row.strip().startswith("essex"))
    assert line.split()[:4] == ["essex", "records", "2", f"{extract.rows:,}"]
