"""Tables of what the workspace holds: coverage of every dataset, rejected rows, the import
history.

    >>> from policeplan.store.coverage import Coverage, MeasureHeld, HomeOfficePeriod
    >>> coverage_table(Coverage(home_office=[HomeOfficePeriod("2017/18 Q1", 43, 900, 1234)])).rows
    (('home-office', 'all forces', 43, 1, '2017/18 Q1', '2017/18 Q1', 900, None, '2017/18 Q1', '', ''),)
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Sequence

from policeplan.render.tables.table import COUNT, Cell, Table, table
from policeplan.store.coverage import Coverage, MeasureHeld
from policeplan.store.history import HistoryEntry
from policeplan.store.rejects import RejectList

__all__ = ["coverage_table", "history_table", "measures_table", "rejects_table"]

COVERAGE_COLUMNS = (
    "Dataset", "Force or measure", "Areas", "Periods", "First", "Last", "Rows", "Rejected",
    "Periods held", "Suspect incomplete", "Missing",
)  # fmt: skip


def coverage_table(report: Coverage) -> Table:
    """One row per police.uk force and dataset, per Home Office quarter, per loaded measure."""
    rows: list[tuple[Cell, ...]] = []
    for f in report.police_uk:
        first = f.ranges[0].split(" to ")[0] if f.ranges else None
        last = f.ranges[-1].split(" to ")[-1] if f.ranges else None
        rows.append(
            (f"police.uk {f.dataset}", f.force, 1, f.months, first, last, f.rows, f.rows_rejected,
             ", ".join(f.ranges), ", ".join(f.suspect_months), ", ".join(f.missing_months))
        )  # fmt: skip
    for h in report.home_office:
        rows.append(
            ("home-office", "all forces", h.forces, 1, h.period, h.period, h.rows, None,
             h.period, "", "")
        )  # fmt: skip
    for m in report.measures:
        rows.append(
            ("measures", m.measure, len(m.areas), m.periods, m.first_period, m.last_period,
             m.rows, None, ", ".join(m.areas), "", "")
        )  # fmt: skip
    counts = ("Areas", "Periods", "Rows", "Rejected")
    return table("Coverage", COVERAGE_COLUMNS, rows, dict.fromkeys(counts, COUNT))


def rejects_table(found: RejectList) -> Table:
    """The rejected rows listed (the first `limit`): file, line, field, reason, raw line."""
    return table(
        "Rejects",
        ("Dataset", "Force", "Month", "File", "Line", "Field", "Reason", "Raw line"),
        [(r.dataset, r.force, r.month, r.file, r.line, r.field, r.reason, r.raw)
         for r in found.rows],
        {"Line": "0"},
    )  # fmt: skip


def history_table(entries: Sequence[HistoryEntry]) -> Table:
    """The import history, newest first, with rows before and after each change."""
    return table(
        "History",
        ("Id", "When", "Command", "Dataset", "Force", "Measure", "Period", "Rows before",
         "Rows after", "Status", "Reverts", "Version kept", "File", "SHA-256"),
        [(e.id, e.at, e.command, e.dataset, e.force, e.measure, e.period, e.rows_before,
          e.rows_after, e.status, e.reverts, e.version_kept, e.file, e.sha256)
         for e in entries],
        {"Rows before": COUNT, "Rows after": COUNT},
    )  # fmt: skip


def measures_table(held: Sequence[MeasureHeld]) -> Table:
    """One row per loaded measure: areas, periods, first and last period, rows."""
    return table(
        "Measures",
        ("Measure", "Areas", "Periods", "First period", "Last period", "Rows"),
        [(m.measure, ", ".join(m.areas), m.periods, m.first_period, m.last_period, m.rows)
         for m in held],
        {"Periods": COUNT, "Rows": COUNT},
    )  # fmt: skip
