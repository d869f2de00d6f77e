"""`import population FILE`: newer estimates stored with source and year, used before the
bundled ONS tables by `workspace_population_for`; all rows or none."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from policeplan.errors import FileRejected
from policeplan.ingest.population import import_population
from policeplan.reference.population import population_for
from policeplan.store import Workspace
from policeplan.store.populations import imported_populations, workspace_population_for


def _write(folder: Path, text: str, name: str = "pop.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_imported_figures_are_used_for_their_year_with_their_source(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = _write(tmp_path, "area,year,population\nEssex Police,2026,2000000\n"
                            "E07000066,2026,200000\nSouth,2026,600000\n")  # fmt: skip

    done = import_population(workspace, path, source="ONS mid-2026 (test)")

    assert (done.rows_loaded, done.by_kind) == (3, {"district": 1, "force": 1, "lpa": 1})
    essex = workspace_population_for(workspace, "essex", 2026)
    assert (essex.year, essex.population, essex.source) == (2026, 2_000_000, "ONS mid-2026 (test)")
    basildon = workspace_population_for(workspace, "Basildon", 2026, "district")
    assert (basildon.population, basildon.area) == (200_000, "Basildon")
    assert workspace_population_for(workspace, "south", 2026, "lpa").population == 600_000
    # Other years still come from the bundled tables, unchanged.
    bundled = population_for("essex", 2024)
    used = workspace_population_for(workspace, "essex", 2024)
    assert (used.population, used.source) == (bundled.population, None)


def test_a_later_import_wins_and_the_earlier_figure_is_kept(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_population(workspace, _write(tmp_path, "area,year,population\nessex,2026,2000000\n"))
    import_population(
        workspace, _write(tmp_path, "area,year,population\nessex,2026,2100000\n", "v2.csv")
    )

    assert workspace_population_for(workspace, "essex", 2026).population == 2_100_000
    assert [p.population for p in imported_populations(workspace)] == [2_100_000]
    with workspace.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM populations").fetchone() == (2,)


def test_a_bad_row_refuses_the_whole_file_naming_lines_and_fields(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = _write(tmp_path, "area,year,population\nessex,2026,2000000\nAtlantis,2026,5\n"
                            "kent,20x6,1900000\n")  # fmt: skip

    with pytest.raises(FileRejected) as caught:
        import_population(workspace, path)

    message = str(caught.value)
    assert "2 bad row(s)" in message and "line 3, area: 'Atlantis'" in message
    assert "line 4, year: '20x6'" in message
    assert imported_populations(workspace) == []


def test_a_row_of_the_real_ons_mid_2024_table_is_read_by_code(
    shared_data: Path, workspace: Workspace, tmp_path: Path
) -> None:
    ons = shared_data / "reference" / "population" / "ons_mye_mid2024_mye2_persons_ew.csv"
    lines = ons.read_text(encoding="utf-8-sig").splitlines()
    basildon = next(line for line in lines if line.startswith("E07000066,"))
    england = next(line for line in lines if line.startswith("E92000001,"))
    path = _write(tmp_path, "\n".join([lines[0], england, basildon]) + "\n", "mye.csv")
    all_ages = int(basildon.split(",")[3])

    done = import_population(workspace, path, source="ONS mid-2024", year=2024)

    assert (done.rows_loaded, done.rows_skipped) == (1, 1)  # England is not an area we use
    used = workspace_population_for(workspace, "E07000066", 2024, "district")
    assert (used.population, used.source) == (all_ages, "ONS mid-2024")
    assert population_for("Basildon", 2024, kind="district").population == all_ages


def test_the_command_says_what_it_loaded(settings: Settings, tmp_path: Path) -> None:
    path = _write(tmp_path, "area,year,population\nessex,2026,2000000\n")
    result = CliRunner().invoke(
        cli, ["--workspace", str(settings.workspace), "import", "population", str(path),
              "--source", "test"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Loaded 1 population figures (1 force) for 2026" in result.output
