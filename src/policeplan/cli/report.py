"""`policeplan report KIND --quarter Q --format html|pdf|xlsx --out PATH`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from policeplan.cli._common import open_workspace
from policeplan.reports import FORMATS, REPORT_KINDS, ReportQuery, build_report, write_report
from policeplan.reports.build import check_output


def _generated_at(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(
            f"{value!r} is not a date and time: write it like 2026-01-15T09:00:00+00:00"
        ) from exc
    if moment.tzinfo is None:
        raise click.BadParameter("give a time zone, e.g. 2026-01-15T09:00:00+00:00")
    return moment


@click.command("report")
@click.argument("kind", type=click.Choice(REPORT_KINDS), metavar="KIND")
@click.option(
    "--quarter", required=True, help="Financial-year quarter, e.g. '2025/26 Q3' (2025-26Q3 also)."
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    default="html",
    show_default=True,
    help="html (one self-contained file), pdf (accessible, PDF/UA) or xlsx (every table).",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (replaced whole, never half-written).",
)
@click.option("--force", default=None, help="Force slug or name (default: the plan's force).")
@click.option(
    "--priority",
    "priorities",
    multiple=True,
    metavar="ID",
    help="A plan priority id (repeatable): progress covers those named (default: all); "
    "deep-dive the first (default: the plan's first).",
)
@click.option(
    "--generated-at",
    default=None,
    callback=_generated_at,
    metavar="DATETIME",
    help="Fixed generation time (ISO 8601 with zone), for reproducible files.",
)
@click.pass_context
def report_command(
    ctx: click.Context,
    kind: str,
    quarter: str,
    format_: str,
    out: Path,
    force: str | None,
    priorities: tuple[str, ...],
    generated_at: datetime | None,
) -> None:
    """Write a panel report for a quarter as HTML, PDF or xlsx (KIND: see docs/reports.md).

    KIND is strategy-quarterly, plan-quarterly, progress, deep-dive or national-measures.
    """
    check_output(out, format_)
    workspace = open_workspace(ctx)
    query = ReportQuery(kind, quarter, force, generated_at, priorities)
    report = build_report(workspace, query)
    path = write_report(report, format_, out)
    click.echo(f"wrote {report.title}, {report.quarter_label} ({format_}) to {path}")
