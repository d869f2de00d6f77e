"""Generating a report in the job worker: the same `build_report` and `write_report` as
`policeplan report`, with the steps reported as progress.

The worker reads the server's data copy (`SnapshotState.workspace.settings`), so a report
never waits for an import and sees the same figures as the pages.
"""

from __future__ import annotations

from policeplan.config import Settings
from policeplan.reports import ReportQuery, build_report, write_report
from policeplan.store import Workspace
from policeplan.web.jobs import Progress

__all__ = ["STEPS", "generate_report", "report_file_name"]

STEPS = 2


def report_file_name(kind: str, quarter_key: str, format: str) -> str:
    """e.g. `plan-quarterly-2025-26q3.pdf`."""
    return f"{kind}-{quarter_key.lower()}.{format}"


def generate_report(
    progress: Progress, settings: Settings, kind: str, quarter: str, format: str, name: str
) -> tuple[str, ...]:
    """Build the report, then render and write it beside the progress file."""
    progress.step(1, STEPS, "gathering the figures and narrative")
    report = build_report(Workspace(settings), ReportQuery(kind, quarter))
    progress.step(2, STEPS, f"writing the {format.upper()} file")
    write_report(report, format, progress.path.parent / name)
    return (f"{report.title}, {report.subtitle}",)
