from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli.import_measures import import_measures_command
from policeplan.config import load_settings
from policeplan.errors import FileRejected
from policeplan.ingest import measures
from policeplan.ingest.measures import import_measures
from policeplan.store import Workspace

TEST_DATA = Path(__file__).resolve().parents[1] / "data" / "measures"


def _workspace(path: Path) -> Workspace:
    return Workspace.open(load_settings(path, {}))


def _table(workspace: Workspace, table: str) -> list[tuple[object, ...]]:
    with workspace.connect(read_only=True) as con:
        return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def _values(workspace: Workspace) -> dict[tuple[str, str, str], float]:
    with workspace.connect(read_only=True) as con:
        rows = con.execute("SELECT measure, period, area, value FROM measures").fetchall()
    return {(m, p, a): v for m, p, a, v in rows}


def test_good_file_loads_every_row_with_period_bounds(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")

    summary = import_measures(workspace, TEST_DATA / "good.csv")

    assert (summary.rows_read, summary.rows_loaded, summary.rows_rejected) == (7, 7, 0)
    # In order of first day; a financial year starts before the months it contains.
    assert summary.periods == ("2021/22", "2021-07", "2021-Q3", "2021/22-Q2", "2021-08")
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT measure, period, period_kind, period_start, period_end, area, value, "
            "numerator, denominator, unit, source_line FROM measures ORDER BY source_line"
        ).fetchall()
    assert rows[0] == (
        "answer-999-within-10s", "2021-07", "month", date(2021, 7, 1), date(2021, 7, 31),
        "essex", 91.5, 45750.0, 50000.0, "%", 2,
    )  # fmt: skip
    assert rows[1][7:10] == (None, None, "%")
    assert rows[2][1:5] == ("2021-Q3", "quarter", date(2021, 7, 1), date(2021, 9, 30))
    assert rows[3][1:5] == ("2021/22", "financial-year", date(2021, 4, 1), date(2022, 3, 31))
    # "Q2 2021/22" and "2021/22-Q2" are one financial quarter, stored under one label.
    assert {r[1:5] for r in rows[4:]} == {
        ("2021/22-Q2", "financial-quarter", date(2021, 7, 1), date(2021, 9, 30))
    }
    assert [r[5] for r in rows[4:]] == ["Chelmsford", "lpa:North", "lpa:South"]


def test_bad_rows_are_rejected_with_line_numbers_and_good_rows_load(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")
    source = TEST_DATA / "bad_rows.csv"

    summary = import_measures(workspace, source)

    assert [(r.line, r.field) for r in summary.rejects] == [
        (3, "period"),
        (4, "value"),
        (5, "measure"),
        (6, "area"),
        (7, "period"),
        (8, "period"),
        (9, "value"),
    ]
    reasons = [r.reason for r in summary.rejects]
    assert "month 13 is not between 1 and 12" in reasons[0]
    assert "'n/a' is not a number" in reasons[1]
    assert "did you mean 'public-confidence'?" in reasons[2]
    assert "already given on line 2" in reasons[4]
    assert "write it without commas" in reasons[6]
    assert summary.rows_loaded == 2
    assert set(_values(workspace)) == {
        ("answer-999-within-10s", "2021-07", "essex"),
        ("answer-999-within-10s", "2021-11", "essex"),
    }
    stored = _table(workspace, "rejects")
    assert [(r[0], r[3], r[4], r[5]) for r in stored] == [
        ("measures", str(source.resolve()), r.line, r.field) for r in summary.rejects
    ]
    assert stored[1][7] == "answer-999-within-10s,2021-09,essex,n/a,%"


def test_reimporting_a_file_leaves_tables_identical(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")
    import_measures(workspace, TEST_DATA / "good.csv")
    import_measures(workspace, TEST_DATA / "bad_rows.csv")
    before = _table(workspace, "measures"), _table(workspace, "rejects")

    again = import_measures(workspace, TEST_DATA / "bad_rows.csv")

    assert again.rows_replaced == again.rows_loaded == 2
    assert (_table(workspace, "measures"), _table(workspace, "rejects")) == before


def test_later_file_wins_for_a_key_both_files_give(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")
    import_measures(workspace, TEST_DATA / "good.csv")
    import_measures(workspace, TEST_DATA / "bad_rows.csv")  # also gives 2021-07 for essex
    import_measures(workspace, TEST_DATA / "good.csv")

    with workspace.connect(read_only=True) as con:
        sources = con.execute(
            "SELECT source_file, source_line FROM measures "
            "WHERE measure = 'answer-999-within-10s' AND period = '2021-07'"
        ).fetchall()
    assert sources == [(str((TEST_DATA / "good.csv").resolve()), 2)]
    # bad_rows.csv's other row and its rejects stay until that file is imported again.
    assert ("answer-999-within-10s", "2021-11", "essex") in _values(workspace)
    assert len(_table(workspace, "rejects")) == 7


def test_import_upserts_by_measure_period_and_area(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")
    import_measures(workspace, TEST_DATA / "good.csv")

    summary = import_measures(workspace, TEST_DATA / "updated_value.csv")

    assert (summary.rows_loaded, summary.rows_replaced) == (2, 1)
    values = _values(workspace)
    assert len(values) == 8
    assert values[("answer-999-within-10s", "2021-08", "essex")] == 90.75
    assert values[("answer-999-within-10s", "2021-09", "essex")] == 89.0
    assert values[("answer-999-within-10s", "2021-07", "essex")] == 91.5


def test_missing_column_rejects_whole_file_naming_it(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")

    with pytest.raises(FileRejected) as caught:
        import_measures(workspace, TEST_DATA / "missing_column.csv")

    assert "missing column(s) 'value' (did you mean 'vaule'?)" in caught.value.message
    assert caught.value.file == str((TEST_DATA / "missing_column.csv").resolve())
    assert _table(workspace, "measures") == []


def test_missing_or_empty_file_is_rejected(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")

    with pytest.raises(FileRejected, match="no such file"):
        import_measures(workspace, tmp_path / "absent.csv")
    with pytest.raises(FileRejected, match="empty"):
        import_measures(workspace, empty)


def test_row_with_wrong_number_of_fields_is_rejected(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "workspace")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text(
        "measure,period,area,value\nksi,2021-07,essex,4\nksi,2021-08,essex\n\nksi,2021-09,essex,6\n",
        encoding="utf-8",
    )

    summary = import_measures(workspace, ragged)

    assert [(r.line, r.field, r.raw) for r in summary.rejects] == [(3, "row", "ksi,2021-08,essex")]
    # The blank line 4 is not a row; line numbers after it still match the file.
    with workspace.connect(read_only=True) as con:
        lines = con.execute("SELECT source_line FROM measures ORDER BY 1").fetchall()
    assert lines == [(2,), (5,)]


def test_interrupted_import_leaves_workspace_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = _workspace(tmp_path / "workspace")
    import_measures(workspace, TEST_DATA / "good.csv")
    before = _table(workspace, "measures"), _table(workspace, "rejects")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(measures, "insert_rejects", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_measures(workspace, TEST_DATA / "updated_value.csv")

    assert (_table(workspace, "measures"), _table(workspace, "rejects")) == before


def test_command_prints_json_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        import_measures_command,
        [str(TEST_DATA / "bad_rows.csv"), "--json"],
        obj=load_settings(tmp_path / "workspace", {}),
    )

    assert result.exit_code == 3, result.output  # finished with rejects (issue #9)
    data = json.loads(result.output)
    assert (data["rows_loaded"], data["rows_rejected"]) == (2, 7)
    assert data["rejects"][0]["line"] == 3


def test_command_text_lists_rejects_and_help_explains_quarters(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        import_measures_command,
        [str(TEST_DATA / "bad_rows.csv")],
        obj=load_settings(tmp_path / "workspace", {}),
    )
    help_text = runner.invoke(import_measures_command, ["--help"]).output

    assert result.exit_code == 3, result.output  # finished with rejects (issue #9)
    assert "Loaded 2 rows" in result.output
    assert "7 rows rejected" in result.output
    assert "line 4, value: value 'n/a' is not a number" in result.output
    assert "2021-Q3      CALENDAR quarter (Q1 = January–March)" in help_text
    assert "2021/22-Q2   FINANCIAL quarter (Q1 = April–June)" in help_text


def test_command_reports_missing_column_as_file_rejected(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        import_measures_command,
        [str(TEST_DATA / "missing_column.csv")],
        obj=load_settings(tmp_path / "workspace", {}),
    )

    # Outside the root group the error is not yet turned into a message: it propagates.
    assert isinstance(result.exception, FileRejected)
