"""`policeplan.render.tables`: Table objects and their CSV and Excel writers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from policeplan.errors import FileNotWritable
from policeplan.render.tables import COUNT, PERCENT, sheet_name, table, write_csv, write_xlsx

SAMPLE = table(
    "Crimes: Essex [2025/26]",
    ("Month", "Crimes", "Solved rate"),
    [("2025-04", 12144, 0.125), ("2025-05", 11890, None)],
    {"Crimes": COUNT, "Solved rate": PERCENT},
)


def test_csv_has_the_header_and_unformatted_numbers(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    write_csv(SAMPLE, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [
            ["Month", "Crimes", "Solved rate"],
            ["2025-04", "12144", "0.125"],
            ["2025-05", "11890", ""],
        ]


def test_xlsx_keeps_numbers_freezes_the_header_and_names_the_sheet(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_xlsx(SAMPLE, path)
    sheet = load_workbook(path).active
    assert sheet.title == "Crimes Essex 2025-26"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert [c.value for c in sheet[2]] == ["2025-04", 12144, 0.125]
    assert (sheet["B2"].number_format, sheet["C2"].number_format) == ("#,##0", "0.0%")
    assert sheet["C3"].value is None


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_text("old\n")
    with pytest.raises(ValueError):  # openpyxl cannot store an arbitrary object
        write_xlsx(table("x", ("a",), [(object(),)]), path)  # type: ignore[list-item]
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_a_missing_folder_or_a_folder_is_file_not_writable(writer: object, tmp_path: Path) -> None:
    with pytest.raises(FileNotWritable) as caught:
        writer(SAMPLE, tmp_path / "missing" / "t.out")  # type: ignore[operator]
    assert f"the folder {tmp_path / 'missing'} does not exist" in str(caught.value)
    with pytest.raises(FileNotWritable, match="it is a folder"):
        writer(SAMPLE, tmp_path)  # type: ignore[operator]


def test_rows_must_match_the_columns() -> None:
    with pytest.raises(ValueError, match="has 1 cells, not 2"):
        table("x", ("a", "b"), [(1,)])


def test_sheet_names_are_cut_to_excel_s_limit() -> None:
    assert len(sheet_name("x" * 40)) == 31
