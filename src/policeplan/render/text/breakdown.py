"""The text view of a breakdown (`policeplan breakdown`): a measure by LPA, district or
crime type, each part with its change and test.

    >>> print(breakdown_text(table))  # doctest: +SKIP
    Burglary by LPA — essex: 2025-01 to 2025-12 against 2024-01 to 2024-12
    ...
"""

from __future__ import annotations

from policeplan.indicators import Breakdown, BreakdownRow
from policeplan.render.text._common import guide_lines, label_lines, missing_reason
from policeplan.render.wording import (
    SIGNIFICANCE_GUIDE,
    count_or_incomplete,
    not_compared,
    percent_change,
    significance,
)

__all__ = ["breakdown_text"]

_BY = {"lpa": "local policing area", "district": "district", "crime-type": "crime type"}


def breakdown_text(table: Breakdown) -> str:
    """The breakdown as a titled table with headers; the reason when parts are not compared."""
    title = table.title or table.measure
    lines = [
        *label_lines(table.data_label),
        f"{title} by {_BY.get(table.by, table.by)} — {table.force}: "
        f"{table.current.label()} against {table.comparison.label()}",
        "",
        _row(_BY.get(table.by, table.by).capitalize(), "Count", "Before", "Change", "%", "Test"),
    ]
    lines += [_row(*_cells(row)) for row in table.rows]
    not_compared_rows = [row for row in table.rows if row.change is None]
    if not_compared_rows:
        first = not_compared_rows[0]
        reason = missing_reason(
            first.current.window,
            first.current.missing_months,
            first.comparison.window,
            first.comparison.missing_months,
        )
        lines += ["", not_compared(reason)]
    return "\n".join(lines + guide_lines(SIGNIFICANCE_GUIDE))


def _row(part: str, count: str, before: str, change: str, percent: str, test: str) -> str:
    return f"  {part:<28} {count:>9} {before:>9} {change:>8} {percent:>8}  {test}".rstrip()


def _cells(row: BreakdownRow) -> tuple[str, str, str, str, str, str]:
    change = row.change
    difference = "" if change is None else f"{change.difference:+,.0f}"
    percent = None
    if change is not None and change.percent_difference is not None:
        percent = float(change.percent_difference)
    return (
        row.part,
        count_or_incomplete(row.current.count),
        count_or_incomplete(row.comparison.count),
        difference,
        percent_change(percent),
        significance(None if change is None else change.significant),
    )
