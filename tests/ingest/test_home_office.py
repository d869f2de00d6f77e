from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli.import_home_office import import_home_office_command
from policeplan.config import load_settings
from policeplan.errors import FileRejected
from policeplan.ingest import home_office
from policeplan.ingest.home_office import NON_FORCE_REPORTERS, import_home_office
from policeplan.store import Workspace

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
REAL_TABLE = SHARED_DATA / "reference" / "home-office" / "recorded_crime_by_force_2017-18.csv"
TEST_DATA = Path(__file__).resolve().parents[1] / "data" / "home_office"


def _workspace(path: Path) -> Workspace:
    return Workspace.open(load_settings(path, {}))


def _table(workspace: Workspace, table: str) -> list[tuple[object, ...]]:
    with workspace.connect(read_only=True) as con:
        return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def _real_table() -> Path:
    if not REAL_TABLE.is_file():
        pytest.skip(f"real Home Office table not found at {REAL_TABLE}")
    return REAL_TABLE


def _real_rows() -> list[dict[str, str]]:
    with _real_table().open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def real_import(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Workspace, home_office.HomeOfficeImport]:
    workspace = _workspace(tmp_path_factory.mktemp("real") / "workspace")
    return workspace, import_home_office(workspace, _real_table())


@pytest.mark.realdata
def test_real_table_loads_every_force_row_and_counts_fraud_reporters(
    real_import: tuple[Workspace, home_office.HomeOfficeImport],
) -> None:
    workspace, summary = real_import
    rows = _real_rows()
    reporter_rows = [r for r in rows if r["Force_Name"] in NON_FORCE_REPORTERS]
    force_rows = [r for r in rows if r["Force_Name"] not in NON_FORCE_REPORTERS]

    assert len(rows) == 23_068
    assert summary.rows_read == len(rows)
    assert summary.rows_loaded == len(force_rows)
    assert summary.rows_rejected == 0
    assert summary.non_force_rows == len(reporter_rows)
    assert sum(summary.non_force_offences.values()) == sum(
        int(r["Number_of_Offences"]) for r in reporter_rows
    )
    assert summary.offences_loaded == sum(int(r["Number_of_Offences"]) for r in force_rows)
    assert summary.periods_replaced == ("2017/18 Q1", "2017/18 Q2", "2017/18 Q3", "2017/18 Q4")

    with workspace.connect(read_only=True) as con:
        stored_rows, all_forces_total = con.execute(
            "SELECT count(*), sum(offences) FROM home_office_crimes"
        ).fetchall()[0]
        essex_by_quarter = dict(
            con.execute(
                "SELECT quarter, sum(offences) FROM home_office_crimes "
                "WHERE force = 'essex' GROUP BY quarter"
            ).fetchall()
        )
        forces = {
            f for (f,) in con.execute("SELECT DISTINCT force FROM home_office_crimes").fetchall()
        }
    assert stored_rows == len(force_rows)
    assert all_forces_total == sum(int(r["Number_of_Offences"]) for r in force_rows)
    assert sum(essex_by_quarter.values()) == 134_153
    expected_by_quarter: Counter[int] = Counter()
    for r in rows:
        if r["Force_Name"] == "Essex":
            expected_by_quarter[int(r["Financial_Quarter"])] += int(r["Number_of_Offences"])
    assert essex_by_quarter == dict(expected_by_quarter)
    # 43 territorial forces and British Transport Police; no fraud reporter is a force.
    assert len(forces) == 44
    assert {"btp", "city-of-london", "metropolitan"} <= forces
    assert not forces & set(NON_FORCE_REPORTERS.values())


@pytest.mark.realdata
def test_real_table_offence_codes_map_to_canonical_police_uk_categories(
    real_import: tuple[Workspace, home_office.HomeOfficeImport],
) -> None:
    workspace, _ = real_import
    with workspace.connect(read_only=True) as con:
        query = "SELECT DISTINCT crime_type FROM home_office_crimes"
        categories = {c for (c,) in con.execute(query).fetchall()}
    assert "Violence and sexual offences" in categories
    assert "Violence and Sexual Offences" not in categories
    assert None not in categories


@pytest.mark.realdata
def test_reimporting_real_table_leaves_tables_identical(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")
    import_home_office(workspace, _real_table())
    before = _table(workspace, "home_office_crimes"), _table(workspace, "rejects")

    again = import_home_office(workspace, _real_table())

    assert again.rows_replaced == again.rows_loaded
    assert (_table(workspace, "home_office_crimes"), _table(workspace, "rejects")) == before


@pytest.mark.realdata
def test_header_with_spaces_instead_of_underscores_loads_the_same(tmp_path: Path) -> None:
    underscored = _real_table()
    lines = underscored.read_text(encoding="utf-8").splitlines(keepends=True)
    spaced = tmp_path / "recorded crime with spaces.csv"
    spaced.write_text(lines[0].replace("_", " ") + "".join(lines[1:]), encoding="utf-8")
    first = _workspace(tmp_path / "underscores")
    second = _workspace(tmp_path / "spaces")

    import_home_office(first, underscored)
    summary = import_home_office(second, spaced)

    def without_source(workspace: Workspace) -> list[tuple[object, ...]]:
        return [row[:-1] for row in _table(workspace, "home_office_crimes")]

    assert summary.rows_rejected == 0
    assert without_source(second) == without_source(first)


def test_unknown_force_and_non_numeric_count_are_rejected_with_line_numbers(
    tmp_path: Path,
) -> None:
    workspace = _workspace(tmp_path / "workspace")
    source = TEST_DATA / "bad_rows.csv"

    summary = import_home_office(workspace, source)

    assert [(r.line, r.field) for r in summary.rejects] == [
        (3, "force_name"),
        (4, "number_of_offences"),
    ]
    assert "unknown force 'Gotham City'" in summary.rejects[0].reason
    assert summary.rejects[1].raw.startswith("2,2017/18,1,Essex,Robbery")
    assert summary.rows_loaded == 2
    assert summary.non_force_offences == {"action-fraud": 66_776}
    stored = _table(workspace, "rejects")
    assert [(r[0], r[4], r[5]) for r in stored] == [
        ("home-office", 3, "force_name"),
        ("home-office", 4, "number_of_offences"),
    ]
    assert all(r[3] == str(source.resolve()) for r in stored)
    forces = [(row[2], row[3], row[9]) for row in _table(workspace, "home_office_crimes")]
    assert sorted(forces) == [("city-of-london", "London, City of", 35), ("essex", "Essex", 1200)]


def test_unknown_offence_code_without_category_column_is_rejected(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")

    summary = import_home_office(workspace, TEST_DATA / "unknown_offence_code.csv")

    assert [(r.line, r.field) for r in summary.rejects] == [(2, "offence_code")]
    assert "'999Z'" in summary.rejects[0].reason
    (row,) = _table(workspace, "home_office_crimes")
    # Description, group and category come from the bundled offence code table.
    assert row[4:10] == ("46", "Shoplifting", "Theft offences", "Shoplifting", "Shoplifting", 10)


def test_hand_made_spaced_header_keeps_repeats_negatives_and_thousands(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")

    summary = import_home_office(workspace, TEST_DATA / "spaces_header.csv")

    assert summary.rows_rejected == 0
    rows = {(r[1], r[2], r[9]) for r in _table(workspace, "home_office_crimes")}
    assert rows == {
        (1, "essex", 1200),
        (1, "btp", 1035),
        (2, "metropolitan", 3),
        (2, "metropolitan", -1),
    }


def test_reimport_replaces_only_the_quarters_and_forces_the_file_contains(
    tmp_path: Path,
) -> None:
    workspace = _workspace(tmp_path / "workspace")
    import_home_office(workspace, TEST_DATA / "spaces_header.csv")  # 2017/18 Q1, Q2
    import_home_office(workspace, TEST_DATA / "unknown_offence_code.csv")  # Q3
    q1_only = tmp_path / "q1.csv"
    q1_only.write_text(
        "Financial Year,Financial Quarter,Force Name,Offence Code,Number of Offences\n"
        "2017/18,1,Kent,46,5\n",
        encoding="utf-8",
    )

    summary = import_home_office(workspace, q1_only)

    # Issue #9: a file replaces the (quarter, force) pairs it holds, not a whole quarter.
    assert summary.periods_replaced == ("2017/18 Q1",)
    assert summary.rows_replaced == 0
    kept = sorted((r[1], r[2]) for r in _table(workspace, "home_office_crimes"))
    assert kept == [
        (1, "btp"),
        (1, "essex"),
        (1, "kent"),
        (2, "metropolitan"),
        (2, "metropolitan"),
        (3, "essex"),
    ]
    # The Q3 file's reject is still recorded; nothing else was rejected.
    assert [(r[4], r[5]) for r in _table(workspace, "rejects")] == [(2, "offence_code")]


def test_missing_column_rejects_the_whole_file_and_suggests_the_nearest(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")

    with pytest.raises(FileRejected) as caught:
        import_home_office(workspace, TEST_DATA / "missing_count_column.csv")

    assert "'Number of Offences'" in caught.value.message
    assert "did you mean 'Number_Offences_Recorded'?" in caught.value.message
    assert caught.value.file is not None and caught.value.file.endswith("missing_count_column.csv")
    assert _table(workspace, "home_office_crimes") == []


def test_interrupted_import_leaves_workspace_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = _workspace(tmp_path / "workspace")
    import_home_office(workspace, TEST_DATA / "bad_rows.csv")
    before = _table(workspace, "home_office_crimes"), _table(workspace, "rejects")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    # The same rows in a file that differs (header spelling), so the import has work to do.
    changed = tmp_path / "bad_rows_with_spaces.csv"
    text = (TEST_DATA / "bad_rows.csv").read_text(encoding="utf-8")
    changed.write_text(text.replace("Financial_Year", "Financial Year", 1), encoding="utf-8")
    monkeypatch.setattr(home_office, "insert_rows", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_home_office(workspace, changed)

    assert (_table(workspace, "home_office_crimes"), _table(workspace, "rejects")) == before


def test_command_prints_json_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        import_home_office_command,
        [str(TEST_DATA / "bad_rows.csv"), "--json"],
        obj=load_settings(tmp_path / "workspace", {}),
    )

    assert result.exit_code == 3, result.output  # finished with rejects (issue #9)
    data = json.loads(result.output)
    assert data["rows_loaded"] == 2
    assert data["non_force_rows"] == 1
    assert [(r["line"], r["field"]) for r in data["rejects"]] == [
        (3, "force_name"),
        (4, "number_of_offences"),
    ]


def test_command_prints_summary_with_rejected_lines(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        import_home_office_command,
        [str(TEST_DATA / "bad_rows.csv")],
        obj=load_settings(tmp_path / "workspace", {}),
    )

    assert result.exit_code == 3, result.output  # finished with rejects (issue #9)
    assert "Loaded 2 rows (1,235 offences)" in result.output
    assert "quarters replaced: 2017/18 Q1, 2017/18 Q2" in result.output
    assert "action-fraud 66,776" in result.output
    assert "line 3, force_name: unknown force 'Gotham City'" in result.output
