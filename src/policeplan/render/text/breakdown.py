"""The text view of a breakdown (`policeplan breakdown`): a measure by LPA, district or
crime type, each part with its change and test.

    >>> print(breakdown_text(table))  # doctest: +SKIP
    Burglary by LPA — essex: 2025-01 to 2025-12 against 2024-01 to 2024-12
    ...
"""

from __future__ import annotations

from policeplan.indicators import Breakdown, BreakdownRow
from policeplan.render.text._common import (
    caveat_notes,
    guide_lines,
    incomplete_reason,
    label_lines,
    wrapped,
)
from policeplan.render.wording import (
    SIGNIFICANCE_GUIDE,
    count_or_incomplete,
    not_compared,
    percent_change,
    q_value_note,
    significance,
    warning_line,
)

__all__ = ["breakdown_text"]

_BY = {"lpa": "local policing area", "district": "district", "crime-type": "crime type",
       "offence-group": "offence group"}  # fmt: skip


def breakdown_text(table: Breakdown) -> str:
    """The breakdown as a titled table with headers; the reason when parts are not compared."""
    title = table.title or table.measure
    lines = [
        *label_lines(table.data_label),
        f"{title} by {_BY.get(table.by, table.by)} — {table.force}: "
        f"{table.current.label()} against {table.comparison.label()}",
        "",
        _row(_BY.get(table.by, table.by).capitalize(), "Count", "Before", "Change", "%", "q",
             "Test", "Rate" if table.rate_label else ""),
    ]  # fmt: skip
    lines += [_row(*_cells(row)) for row in table.rows]
    not_compared_rows = [row for row in table.rows if row.change is None]
    if not_compared_rows:
        first = not_compared_rows[0]
        lines += ["", not_compared(incomplete_reason(first.current, first.comparison))]
    tested = sum(row.q_value is not None for row in table.rows)
    notes = [q_value_note(tested)] if tested else []
    notes += caveat_notes([None if r.change is None else r.change.test.caveat for r in table.rows])
    if table.rate_label:
        notes.append(f"Rate: crimes {table.rate_label}, not annualised.")
    if table.unlocated is not None and table.unlocated.note:
        notes.append(f"Note: {table.unlocated.note}.")
    if notes or table.warnings:
        lines.append("")
    for note in notes:
        lines += wrapped(note)
    lines += [warning_line(warning) for warning in table.warnings]
    return "\n".join(lines + guide_lines(SIGNIFICANCE_GUIDE))


def _row(part: str, count: str, before: str, change: str, percent: str, q: str, test: str,
         rate: str) -> str:  # fmt: skip
    return (
        f"  {part:<30} {count:>9} {before:>9} {change:>8} {percent:>8} {q:>6}  {test:<15} {rate:>7}"
    ).rstrip()


def _cells(row: BreakdownRow) -> tuple[str, str, str, str, str, str, str, str]:
    change = row.change
    difference = "" if change is None else f"{change.difference:+,.0f}"
    percent = None
    if change is not None and change.percent_difference is not None:
        percent = float(change.percent_difference)
    rate = "" if row.rate_per_1000 is None else f"{row.rate_per_1000:.2f}"
    return (
        row.part,
        count_or_incomplete(row.current.count),
        count_or_incomplete(row.comparison.count),
        difference,
        percent_change(percent),
        q_text(row.q_value),
        significance(row.significant),
        rate,
    )


def q_text(q_value: float | None) -> str:
    """A q-value to 3 decimal places, '<0.001' below that, '' when not tested.

    >>> q_text(0.0312), q_text(0.00001), q_text(None)
    ('0.031', '<0.001', '')
    """
    if q_value is None:
        return ""
    return "<0.001" if q_value < 0.001 else f"{q_value:.3f}"
