"""Building a report from a query, and writing it safely in the format asked for.

query -> build_report(workspace, query) -> Report -> write_report(report, format, path)
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from policeplan.errors import DataError, FileNotWritable, InputError
from policeplan.periods import FinancialQuarter
from policeplan.plan import current_plan
from policeplan.reference import get_force
from policeplan.render.document import Report
from policeplan.reports.about import about_section, month_words
from policeplan.reports.context import (
    Built,
    ReportContext,
    chosen_priorities,
    executive_summary_section,
)
from policeplan.reports.deep_dive import deep_dive_priority, deep_dive_sections
from policeplan.reports.figures import LibraryFigures
from policeplan.reports.narrative import NARRATIVE_NOTE, missing_section
from policeplan.reports.national_measures import national_sections
from policeplan.reports.plan_quarterly import plan_sections
from policeplan.reports.progress import progress_sections
from policeplan.reports.strategy_quarterly import strategy_sections
from policeplan.store import Workspace
from policeplan.store.coverage import Coverage, coverage
from policeplan.user_files import writing_file

__all__ = [
    "FORMATS",
    "REPORT_KINDS",
    "ReportQuery",
    "build_report",
    "check_output",
    "render_report",
    "write_report",
]

SectionBuilder = Callable[[ReportContext], Built]
# kind -> (title, builder)
_KINDS: dict[str, tuple[str, SectionBuilder]] = {
    "strategy-quarterly": (
        "Crime Prevention Strategy: quarterly progress report",
        strategy_sections,
    ),
    "plan-quarterly": ("Police and Crime Plan: quarterly update", plan_sections),
    "progress": ("Police and Crime Plan: high-level progress report", progress_sections),
    "deep-dive": ("Police and Crime Plan: deep dive", deep_dive_sections),
    "national-measures": (
        "Statement on the National Crime and Policing Measures",
        national_sections,
    ),
}
REPORT_KINDS = tuple(_KINDS)
OWN_SUMMARY = frozenset({"national-measures"})
FORMATS = ("html", "pdf", "xlsx")


@dataclass(frozen=True)
class ReportQuery:
    """A report of `kind` for `quarter` (any spelling `parse_financial_quarter` reads) for
    `force` (default: the plan's), generated at `generated_at` (default: now, UTC), over
    the plan `priorities` named (default: all; `deep-dive` takes the first named, else the
    plan's first)."""

    kind: str
    quarter: str
    force: str | None = None
    generated_at: datetime | None = None
    priorities: tuple[str, ...] = ()


def _quarter_months_held(held_data: Coverage, force: str, quarter: FinancialQuarter) -> None:
    held = {p.month for p in held_data.partitions if p.force == force and p.dataset == "street"}
    if quarter.last_month not in held:
        latest = f"; the latest month held is {month_words(max(held))}" if held else ""
        raise DataError(
            f"the workspace holds no police.uk data for {get_force(force).short_name} in "
            f"{month_words(quarter.last_month)}, the last month of {quarter.label}{latest}"
        )


def build_report(workspace: Workspace, query: ReportQuery) -> Report:
    """The report as a document, from library results."""
    if query.kind not in _KINDS:
        raise InputError(
            f"unknown report {query.kind!r}: use {', '.join(REPORT_KINDS)}", field="kind"
        )
    quarter = FinancialQuarter.parse(query.quarter)
    plan = current_plan(workspace)
    chosen_priorities(plan, query.priorities)  # an unknown priority is refused first
    force = get_force(query.force or plan.force).slug
    held = coverage(workspace)
    _quarter_months_held(held, force, quarter)
    generated_at = query.generated_at or datetime.now(UTC)
    label = workspace.label()
    context = ReportContext(workspace, quarter, force, plan, generated_at,
                            LibraryFigures(workspace, plan), label, query.priorities)  # fmt: skip

    title, builder = _KINDS[query.kind]
    body, years, missing = builder(context)
    about = about_section(
        plan=plan,
        coverage=held,
        generated_at=generated_at,
        population_years=years,
        data_label=label,
        narrative_note=NARRATIVE_NOTE,
    )
    # The plan's executive summary heads every report on the plan; the national statement
    # makes its own summary from the national measures.
    summary = () if query.kind in OWN_SUMMARY else (executive_summary_section(context),)
    sections = (*summary, *body, missing_section(quarter, missing), about)
    # A deep dive names its priority under the title, as the reference document does.
    topic = f"{deep_dive_priority(context).title}: " if query.kind == "deep-dive" else ""
    return Report(
        kind=query.kind,
        title=title,
        subtitle=f"{topic}{get_force(force).short_name}, {quarter.described()}",
        quarter_label=quarter.label,
        generated_at=generated_at,
        data_label=label,
        sections=sections,
    )


def render_report(report: Report, format: str) -> bytes:
    """The report's bytes in `format` (html, pdf or xlsx)."""
    if format == "html":
        from policeplan.render.html import report_html

        return report_html(report).encode("utf-8")
    if format == "pdf":
        from policeplan.render.html.pdf import report_pdf

        return report_pdf(report)
    if format == "xlsx":
        from policeplan.render.xlsx import report_xlsx

        return report_xlsx(report)
    raise InputError(f"unknown format {format!r}: use {', '.join(FORMATS)}", field="format")


def check_output(path: Path, format: str) -> None:
    """Refuse, before any work, a format we cannot write or a folder that is not there."""
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}: use {', '.join(FORMATS)}", field="format")
    if path.is_dir():
        raise FileNotWritable("is a folder; give a file name", file=path)
    if not path.parent.is_dir():
        raise FileNotWritable(f"the folder {path.parent} does not exist", file=path)


def write_report(report: Report, format: str, path: Path) -> Path:
    """Render and write the report; a temporary file beside `path` is renamed over it, so
    nothing half-written is ever left at `path`."""
    check_output(path, format)
    folder = path.parent
    data = render_report(report, format)
    with writing_file(path):
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            Path(temporary).chmod(0o644)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return path
