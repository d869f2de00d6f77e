"""Reading and writing delivery-plan spreadsheets (.xlsx and .csv): one row per action
(`ACTIONS`) or per piece of commitment narrative (`delivery.commitment_sheet`).

Only cell text moves here; what the cells mean is checked in `importing`. Row numbers are the
ones a person sees in Excel: the header is row 1, the first action row 2.
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from policeplan.errors import FileNotReadable, FileRejected
from policeplan.user_files import os_error_reason, writing_file

COLUMNS = (
    "action_id",
    "strand_code",
    "strand",
    "strand_lead",
    "title",
    "owner",
    "due_quarter",
    "status",
    "at_risk",
    "reason",
    "indicators",
)
REQUIRED = ("action_id", "title", "status")
SHEET_NAME = "actions"
_ALIASES = {"id": "action_id", "action": "title", "lead": "strand_lead", "due": "due_quarter"}

Row = tuple[int, dict[str, str]]


@dataclass(frozen=True)
class SheetLayout:
    """The columns of one kind of spreadsheet: their order, which are required (and of
    which at least one is needed), the sheet name, accepted aliases, what the rows are."""

    columns: tuple[str, ...]
    required: tuple[str, ...]
    sheet: str
    aliases: Mapping[str, str]
    what: str
    one_of: tuple[str, ...] = ()


ACTIONS = SheetLayout(
    COLUMNS, REQUIRED, SHEET_NAME, _ALIASES, "delivery plans", ("strand_code", "strand")
)


def read_rows(path: Path, layout: SheetLayout = ACTIONS) -> list[Row]:
    """(row number, {column: text}) for every non-blank row under the header."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _read_csv(path)
    elif suffix == ".xlsx":
        table = _read_xlsx(path, layout.sheet)
    else:
        raise FileRejected(f"{layout.what} are read from .xlsx or .csv files", file=path)
    if not table:
        raise FileRejected("the file is empty; expected a header row", file=path, line=1)
    header = [_column_name(path, cell, layout) for cell in table[0]]
    missing = [c for c in layout.required if c not in header]
    if missing or (layout.one_of and not (set(layout.one_of) & set(header))):
        need = missing or [" or ".join(layout.one_of)]
        raise FileRejected(f"missing column(s): {', '.join(need)}", file=path, line=1)
    rows: list[Row] = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            name: (cells[i] if i < len(cells) else "").strip() for i, name in enumerate(header)
        }
        if any(values.values()):
            rows.append((number, values))
    return rows


def write_rows(path: Path, rows: Iterable[dict[str, str]], layout: SheetLayout = ACTIONS) -> int:
    """Write rows under the layout's header; returns how many rows were written."""
    columns = layout.columns
    table = [[row.get(c, "") for c in columns] for row in rows]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        # utf-8 with a byte-order mark so Excel shows "–" and "’" correctly.
        with writing_file(path), path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(table)
    elif suffix == ".xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = layout.sheet
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for values in table:
            sheet.append(values)
        sheet.freeze_panes = "A2"
        with writing_file(path):
            workbook.save(path)
    else:
        raise FileRejected(f"{layout.what} are written as .xlsx or .csv files", file=path)
    return len(table)


def _read_csv(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [row for row in csv.reader(handle)]
    except UnicodeDecodeError as exc:
        raise FileRejected(
            f"not UTF-8 text ({exc.reason}); save it as 'CSV UTF-8' from Excel", file=path
        ) from exc
    except OSError as exc:
        reason = os_error_reason(exc, path)
        raise FileNotReadable(f"cannot read the file: {reason}", file=path) from exc


def _read_xlsx(path: Path, sheet_name: str) -> list[list[str]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        reason = os_error_reason(exc, path)
        raise FileNotReadable(f"cannot read the file: {reason}", file=path) from exc
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise FileRejected(f"not a readable .xlsx workbook ({exc})", file=path) from exc
    try:
        sheet = (
            workbook[sheet_name] if sheet_name in workbook.sheetnames else workbook.worksheets[0]
        )
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _column_name(path: Path, cell: str, layout: SheetLayout) -> str:
    columns = layout.columns
    name = "_".join(cell.strip().lower().replace("-", " ").split())
    name = layout.aliases.get(name, name)
    if name not in columns:
        close = difflib.get_close_matches(name, columns, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; columns are: {', '.join(columns)}"
        raise FileRejected(f"unknown column {cell!r}{hint}", file=path, line=1, field=cell)
    return name


def join_list(items: Sequence[str]) -> str:
    """Indicators are written in one cell, separated by semicolons."""
    return "; ".join(items)


def split_list(text: str) -> tuple[str, ...]:
    return tuple(sorted({item.strip() for item in text.split(";") if item.strip()}))
