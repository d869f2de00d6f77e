"""The spreadsheet: one sheet per table, real numbers with formats, frozen headers, and the
same figures as the HTML, cell for cell."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from policeplan.render.document import Cell
from policeplan.render.html import cell_text, report_html
from policeplan.render.xlsx import report_xlsx, sheet_names
from policeplan.reports import REPORT_KINDS, ReportQuery, build_report
from policeplan.store import Workspace
from tests.reports.conftest import GENERATED_AT, QUARTER
from tests.reports.html_tables import html_tables


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_every_html_table_is_a_sheet_with_the_same_cells(
    report_workspace: Workspace, kind: str
) -> None:
    report = build_report(report_workspace, ReportQuery(kind, QUARTER, generated_at=GENERATED_AT))
    html = html_tables(report_html(report))
    book = load_workbook(io.BytesIO(report_xlsx(report)))

    assert book.sheetnames == ["report", *sheet_names(report)]
    assert list(html) == [t.key for t in report.tables()]
    for name, table in zip(sheet_names(report), report.tables(), strict=True):
        sheet = book[name]
        assert sheet.freeze_panes == "B2"
        rows = list(sheet.iter_rows(min_row=1, max_row=len(table.rows) + 1))
        assert [c.value for c in rows[0]] == html[table.key][0]
        for cells, source, shown in zip(rows[1:], table.rows, html[table.key][1:], strict=True):
            for cell, typed, text in zip(cells, source, shown, strict=True):
                assert cell_text(Cell(cell.value, typed.format)) == text
                if typed.format != "text" and typed.value is not None:
                    assert isinstance(cell.value, int | float)
                    assert cell.number_format != "General"
    assert book.properties.created == GENERATED_AT.replace(tzinfo=None)
    assert book.properties.modified == GENERATED_AT.replace(tzinfo=None)
