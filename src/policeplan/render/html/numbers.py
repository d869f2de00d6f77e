"""How a table cell reads: the one formatting of report numbers (HTML, PDF, and the check
that the spreadsheet holds the same figures).

    >>> from policeplan.render.document import Cell
    >>> cell_text(Cell(12345, "integer")), cell_text(Cell(-5.66, "signed_percent1"))
    ('12,345', '-5.7%')
    >>> cell_text(Cell(None, "integer"))
    '–'
"""

from __future__ import annotations

from policeplan.render.document import Cell

NO_FIGURE = "–"


def cell_text(cell: Cell) -> str:
    value = cell.value
    if value is None:
        return NO_FIGURE
    if isinstance(value, str) or cell.format == "text":
        return str(value)
    if cell.format == "integer":
        return f"{value:,.0f}"
    if cell.format == "signed_integer":
        return f"{value:+,.0f}" if value else "0"
    if cell.format == "decimal1":
        return f"{value:,.1f}"
    if cell.format == "signed_decimal1":
        return f"{value:+,.1f}" if round(value, 1) else "0.0"
    if cell.format == "decimal3":
        return f"{value:,.3f}"
    if cell.format == "percent1":
        return f"{value:.1f}%"
    if cell.format == "signed_percent1":
        return f"{value:+.1f}%" if round(value, 1) else "0.0%"
    raise ValueError(f"unknown cell format {cell.format!r}")


def is_numeric(cell: Cell) -> bool:
    return cell.format != "text"
