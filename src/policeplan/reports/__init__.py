"""Panel reports built from the workspace: typed documents rendered as HTML, PDF and xlsx.

    >>> from policeplan.reports import ReportQuery, build_report, write_report
    >>> report = build_report(workspace, ReportQuery("plan-quarterly", "2025/26 Q3"))
    ... # doctest: +SKIP
    >>> write_report(report, "html", Path("update.html"))  # doctest: +SKIP

Kinds: `strategy-quarterly`, `plan-quarterly` (docs/reports.md). Figures come through the
protocols of `figures.py` (the indicator card and summary table plug in there).
"""

from policeplan.render.document import Report
from policeplan.reports.build import (
    FORMATS,
    REPORT_KINDS,
    ReportQuery,
    build_report,
    render_report,
    write_report,
)
from policeplan.reports.figures import (
    AreaFigures,
    IndicatorFigures,
    LibraryFigures,
    TwelveMonths,
)

__all__ = [
    "FORMATS",
    "REPORT_KINDS",
    "AreaFigures",
    "IndicatorFigures",
    "LibraryFigures",
    "Report",
    "ReportQuery",
    "TwelveMonths",
    "build_report",
    "render_report",
    "write_report",
]
