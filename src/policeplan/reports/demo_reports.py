"""Every report kind, as HTML and PDF, for the latest quarter a demo workspace covers.

`policeplan demo` calls `write_demo_reports` after building the workspace, so a new user
finds all five panel reports in `DEMO/reports/` without typing a report command.

    >>> written = write_demo_reports(workspace, "2025-12")  # doctest: +SKIP
    >>> written.folder, written.quarter.label  # doctest: +SKIP
    (PosixPath('policeplan-demo/reports'), '2025/26 Q3')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from policeplan.periods import FinancialQuarter
from policeplan.reports.build import REPORT_KINDS, ReportQuery, build_report, write_report
from policeplan.store import Workspace

__all__ = ["DEMO_FORMATS", "DEMO_REPORTS_FOLDER", "DemoReports", "latest_full_quarter",
           "write_demo_reports"]  # fmt: skip

DEMO_REPORTS_FOLDER = "reports"
DEMO_FORMATS = ("html", "pdf")


@dataclass(frozen=True)
class DemoReports:
    """Where the reports went, for which quarter (None: the data cover no whole quarter)."""

    folder: Path
    quarter: FinancialQuarter | None
    paths: tuple[Path, ...]


def latest_full_quarter(first_month: str, last_month: str) -> FinancialQuarter | None:
    """The latest financial quarter whose three months lie in `first_month`..`last_month`.

    >>> latest_full_quarter("2018-01", "2025-12").label
    '2025/26 Q3'
    >>> latest_full_quarter("2018-01", "2025-11").label
    '2025/26 Q2'
    >>> latest_full_quarter("2025-01", "2025-01") is None
    True
    """
    year, month = int(last_month[:4]), int(last_month[5:7])
    quarter = FinancialQuarter.containing(date(year, month, 1))
    if quarter.last_month != last_month:
        first_day = quarter.first_day
        previous = date(first_day.year - (first_day.month == 1), (first_day.month - 2) % 12 + 1, 1)
        quarter = FinancialQuarter.containing(previous)
    return quarter if quarter.first_month >= first_month else None


def write_demo_reports(
    workspace: Workspace,
    first_month: str,
    last_month: str,
    on_written: Callable[[Path], None] | None = None,
    formats: tuple[str, ...] = DEMO_FORMATS,
) -> DemoReports:
    """Write every report kind in each of `formats` into the workspace's `reports/` folder."""
    folder = workspace.path / DEMO_REPORTS_FOLDER
    quarter = latest_full_quarter(first_month, last_month)
    if quarter is None:
        return DemoReports(folder, None, ())
    folder.mkdir(exist_ok=True)
    paths = []
    for kind in REPORT_KINDS:
        report = build_report(workspace, ReportQuery(kind, quarter.label))
        for format in formats:
            path = write_report(report, format, folder / f"{kind}.{format}")
            paths.append(path)
            if on_written is not None:
                on_written(path)
    return DemoReports(folder, quarter, tuple(paths))
