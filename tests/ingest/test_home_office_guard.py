"""Issue #9: a Home Office file replaces only the (quarter, force) pairs it holds, and a
short file never wipes what is held without the user's say."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import load_settings
from policeplan.errors import FileRejected
from policeplan.ingest.home_office import import_home_office
from policeplan.ingest.shrink import ShrinkRefused
from policeplan.store import Workspace
from policeplan.store.history import list_history, revert

pytestmark = pytest.mark.realdata

REAL_TABLE = "reference/home-office/recorded_crime_by_force_2017-18.csv"


@pytest.fixture
def real_workspace(tmp_path: Path, shared_data: Path) -> Workspace:
    workspace = Workspace.open(load_settings(tmp_path / "workspace", {}))
    import_home_office(workspace, shared_data / REAL_TABLE)
    return workspace


def _quarter_counts(workspace: Workspace) -> dict[tuple[str, int, str], int]:
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT financial_year, quarter, force, count(*) FROM home_office_crimes GROUP BY ALL"
        ).fetchall()
    return {(y, q, f): n for y, q, f, n in rows}


def _essex_q1_rows(shared_data: Path, keep: int | None) -> tuple[list[str], list[list[str]]]:
    with (shared_data / REAL_TABLE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    essex = [r for r in rows[1:] if r[1] == "2017/18" and r[2] == "1" and r[3] == "Essex"]
    return rows[0], essex[:keep]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def test_four_good_rows_do_not_wipe_a_quarter_for_every_force(
    real_workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    before = _quarter_counts(real_workspace)
    header, rows = _essex_q1_rows(shared_data, keep=4)

    with pytest.raises(ShrinkRefused) as refused:
        import_home_office(real_workspace, _write(tmp_path / "four.csv", header, rows))

    held = before[("2017/18", 1, "essex")]
    assert f"4 rows would replace the {held:,} held" in str(refused.value)
    assert "--" not in refused.value.message  # the library names no command-line flag
    assert _quarter_counts(real_workspace) == before


def test_allowed_shrink_replaces_only_the_force_the_file_holds(
    real_workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    before = _quarter_counts(real_workspace)
    header, rows = _essex_q1_rows(shared_data, keep=4)

    summary = import_home_office(
        real_workspace, _write(tmp_path / "four.csv", header, rows), allow_shrink=True
    )

    after = _quarter_counts(real_workspace)
    assert after[("2017/18", 1, "essex")] == 4
    assert {k: v for k, v in after.items() if k[2] != "essex" or k[1] != 1} == {
        k: v for k, v in before.items() if k[2] != "essex" or k[1] != 1
    }
    assert summary.rows_replaced == before[("2017/18", 1, "essex")]
    # ...and the replaced quarter can be put back.
    [entry] = [e for e in list_history(real_workspace) if e.file and e.file.endswith("four.csv")]
    revert(real_workspace, entry.id)
    assert _quarter_counts(real_workspace) == before


def test_file_dropping_offence_codes_it_held_is_refused(
    real_workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    header, rows = _essex_q1_rows(shared_data, keep=None)
    dropped = rows[-1][7]
    kept = [r for r in rows if r[7] != dropped]

    with pytest.raises(FileRejected, match=r"lacks 1 offence code\(s\) held"):
        import_home_office(real_workspace, _write(tmp_path / "fewer.csv", header, kept))


def test_same_table_again_is_unchanged(real_workspace: Workspace, shared_data: Path) -> None:
    entries = list_history(real_workspace)

    again = import_home_office(real_workspace, shared_data / REAL_TABLE)

    assert again.status == "unchanged"
    assert again.to_dict()["status"] == "unchanged"
    assert list_history(real_workspace) == entries


def test_command_line_refusal_is_one_line_naming_the_flag(
    real_workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    header, rows = _essex_q1_rows(shared_data, keep=4)
    four = _write(tmp_path / "four.csv", header, rows)

    result = CliRunner().invoke(
        cli, ["--workspace", str(real_workspace.path), "import", "home-office", str(four)]
    )

    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "allowing the shrink (--allow-shrink)" in result.output
