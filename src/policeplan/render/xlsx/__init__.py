"""Reports as Excel workbooks: every table of a report on a sheet of its own, with real
numbers and number formats, the header row bold and frozen, and a first sheet naming the
report. Reproducible: the workbook's created/modified times and the zip entries' times are
the report's generation time, so the same report gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from policeplan.render.document import Cell, Report, Table

__all__ = ["EXCEL_FORMATS", "report_xlsx", "sheet_names"]

EXCEL_FORMATS = {
    "integer": "#,##0",
    "signed_integer": "+#,##0;-#,##0;0",
    "decimal1": "#,##0.0",
    "signed_decimal1": "+#,##0.0;-#,##0.0;0.0",
    "decimal3": "#,##0.000",
    "percent1": '0.0"%"',
    "signed_percent1": '+0.0"%";-0.0"%";0.0"%"',
}
_BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")


def sheet_names(report: Report) -> list[str]:
    """The sheet name of each table: its key, at most 31 characters, unique."""
    names: list[str] = []
    for table in report.tables():
        base = _BAD_SHEET_CHARACTERS.sub("-", table.key)[:31]
        name, n = base, 2
        while name.lower() in {existing.lower() for existing in names}:
            suffix = f"-{n}"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


def report_xlsx(report: Report) -> bytes:
    """The workbook's bytes."""
    workbook = Workbook()
    about = workbook.active
    about.title = "report"
    about.append(["Report", report.title])
    about.append(["", report.subtitle])
    about.append(["Quarter", report.quarter_label])
    about.append(["Generated", report.generated_at.isoformat()])
    if report.data_label:
        about.append(["Data", report.data_label.upper()])
    about.append([])
    about.append(["Sheet", "Table"])
    names = sheet_names(report)
    for name, table in zip(names, report.tables(), strict=True):
        about.append([name, table.caption])
        _table_sheet(workbook, name, table, report.data_label)
    about.column_dimensions["A"].width = 32
    about.column_dimensions["B"].width = 90
    naive = report.generated_at.replace(tzinfo=None)
    workbook.properties.creator = "policeplan"
    workbook.properties.title = report.title
    workbook.properties.created = naive
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_times(buffer.getvalue(), naive)


def _table_sheet(workbook: Workbook, name: str, table: Table, label: str | None) -> None:
    sheet = workbook.create_sheet(name)
    sheet.append(list(table.header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        sheet.append([_value(c) for c in row])
        for target, source in zip(sheet[sheet.max_row], row, strict=True):
            if source.format in EXCEL_FORMATS and source.value is not None:
                target.number_format = EXCEL_FORMATS[source.format]
    sheet.freeze_panes = "B2"
    for index, heading in enumerate(table.header, start=1):
        width = max([len(heading)] + [len(str(r[index - 1].value or "")) for r in table.rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 9), 60)
    notes = (
        [table.caption] + ([table.note] if table.note else []) + ([label.upper()] if label else [])
    )
    sheet.append([])
    for note in notes:
        sheet.append([note])


def _value(cell: Cell) -> str | int | float | None:
    return cell.value


def _fixed_times(data: bytes, when: datetime) -> bytes:
    """Rewrite the zip with every entry dated `when` and the core properties' modified
    time set to it (openpyxl stamps both with the time of saving)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    date_time = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, content)
    return out.getvalue()
