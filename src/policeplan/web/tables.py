"""A table as pages show and download it: a caption, column headings and rows of text.

Built by views from typed results (the words from `policeplan.render.wording`); the same
table is printed in the page (with `<th scope>` headings), as CSV and as xlsx.

>>> table = Table("Counts", ("Area", "Count"), (("North", "1,234"),))
>>> print(table.to_csv().decode("utf-8-sig").strip())
Area,Count
North,"1,234"
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from openpyxl import Workbook

__all__ = ["Table"]


@dataclass(frozen=True)
class Table:
    caption: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str | None = None

    def to_csv(self) -> bytes:
        """UTF-8 with a BOM, so Excel opens it with the right characters."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.headings)
        writer.writerows([_safe_cell(cell) for cell in row] for row in self.rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")

    def to_xlsx(self) -> bytes:
        book = Workbook()
        sheet = book.active
        sheet.title = self.caption[:31] or "table"
        sheet.append(list(self.headings))
        for row in self.rows:
            sheet.append([_safe_cell(cell) for cell in row])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()


def _safe_cell(cell: str) -> str:
    """Spreadsheet formula injection: a cell starting with = + - @ is kept as text by a
    leading apostrophe, unless it is a number such as -4.3%."""
    if cell[:1] in ("=", "+", "-", "@") and not _numeric(cell):
        return "'" + cell
    return cell


def _numeric(cell: str) -> bool:
    try:
        float(cell.replace(",", "").rstrip("%"))
    except ValueError:
        return False
    return True
