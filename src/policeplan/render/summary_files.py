"""The plan summary as files: CSV with a header row, and xlsx with real numbers, a bold
frozen header and the executive summary on a second sheet.

    >>> write_summary_xlsx(summary, Path("summary.xlsx"))  # doctest: +SKIP
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from policeplan.indicators import PlanSummary
from policeplan.render.text.summary import SUMMARY_COLUMNS, summary_records
from policeplan.user_files import writing_file

__all__ = ["write_summary_csv", "write_summary_xlsx"]

SHEET = "Summary"
EXECUTIVE_SHEET = "Executive summary"


def write_summary_csv(summary: PlanSummary, path: Path) -> int:
    """Write the summary table as CSV (UTF-8 with a byte-order mark, for Excel); returns the
    number of rows. Empty cells for missing values; True/False for aspiration met."""
    records = summary_records(summary)
    with writing_file(path), path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(SUMMARY_COLUMNS))
        writer.writeheader()
        writer.writerows(records)
    return len(records)


def write_summary_xlsx(summary: PlanSummary, path: Path) -> int:
    """Write the summary table as an xlsx workbook; returns the number of rows."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = SHEET
    sheet.append(list(SUMMARY_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    records = summary_records(summary)
    for record in records:
        sheet.append([record[column] for column in SUMMARY_COLUMNS])
    sheet.freeze_panes = "A2"
    executive = workbook.create_sheet(EXECUTIVE_SHEET)
    executive.append([f"{summary.plan_name}: {summary.force}, {summary.months} months to "
                      f"{summary.to}"])  # fmt: skip
    executive["A1"].font = Font(bold=True)
    if summary.data_label:
        executive.append([f"[{summary.data_label}]"])
    for sentence in summary.executive_summary:
        executive.append([sentence])
    with writing_file(path):
        workbook.save(path)
    return len(records)
