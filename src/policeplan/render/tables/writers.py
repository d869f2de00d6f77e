"""Writing a `Table` to a CSV or Excel file the user named.

Each file is written beside its target and renamed over it, so an interrupted write never
leaves half a file; a missing folder or an unwritable path is `FileNotWritable` naming it.
CSV: UTF-8 with a byte-order mark (Excel opens it with the right characters), numbers
unformatted. Excel: one sheet named after the table, bold frozen header row, each numeric
column in its number format.

    >>> import tempfile
    >>> from policeplan.render.tables.table import table
    >>> path = Path(tempfile.mkdtemp()) / "risks.csv"
    >>> write_csv(table("Risks", ("Risk", "Rating"), [(1, "high")]), path)
    >>> path.read_text(encoding="utf-8-sig").splitlines()
    ['Risk,Rating', '1,high']
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from policeplan.render.tables.table import Table
from policeplan.user_files import writing_file

__all__ = ["sheet_name", "write_csv", "write_xlsx"]

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str) -> str:
    """An Excel-safe sheet name: no []:*?/\\, at most 31 characters.

    >>> sheet_name("Delivery: actions [2021/22 Q2]")
    'Delivery actions 2021-22 Q2'
    """
    cleaned = _SHEET_FORBIDDEN.sub(lambda m: "-" if m.group() == "/" else "", name)
    return " ".join(cleaned.split())[:31] or "Table"


def _replace_atomically(target: Path, write: Callable[[Path], None]) -> None:
    partial = target.with_name(f".{target.name}.partial")
    with writing_file(target):
        if target.is_dir():
            raise IsADirectoryError(target)
        try:
            write(partial)
            partial.replace(target)
        finally:
            with suppress(FileNotFoundError):
                partial.unlink()


def write_csv(table: Table, path: str | Path) -> None:
    """Write `table` as CSV: a header row, then one line per row."""

    def write(partial: Path) -> None:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.columns)
            writer.writerows(["" if cell is None else cell for cell in row] for row in table.rows)

    _replace_atomically(Path(path), write)


def write_xlsx(table: Table, path: str | Path) -> None:
    """Write `table` as one Excel sheet named after it, header row bold and frozen."""
    from openpyxl import Workbook  # imported when used: start-up speed
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    def write(partial: Path) -> None:
        book = Workbook()
        sheet = book.active
        sheet.title = sheet_name(table.name)
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        sheet.freeze_panes = "A2"
        for index, column in enumerate(table.columns, start=1):
            letter = get_column_letter(index)
            number_format = table.number_formats.get(column)
            if number_format is not None:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = number_format
            width = max([len(column), *(len(str(r[index - 1] or "")) for r in table.rows)])
            sheet.column_dimensions[letter].width = min(60, width + 2)
        book.save(partial)

    _replace_atomically(Path(path), write)
