"""`policeplan summary`: the plan on a page."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import STATISTICS_HELP, force_option, to_option
from policeplan.indicators import SummaryQuery, plan_summary
from policeplan.render import plan_summary_text
from policeplan.render.summary_files import write_summary_csv, write_summary_xlsx


@click.command("summary", epilog=STATISTICS_HELP)
@force_option
@to_option
@click.option(
    "--months", type=int, default=12, show_default=True, help="Months in the latest window."
)
@json_option
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the table as CSV to this file.",
)
@click.option(
    "--xlsx",
    "xlsx_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the table as an xlsx workbook to this file.",
)
@click.pass_context
def summary_command(
    ctx: click.Context,
    force: str,
    to: str,
    months: int,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """One row per plan indicator, grouped by priority: latest value, change and verdict,
    SPC icons, MSG position and rank range, aspiration met; and the executive summary."""
    summary = plan_summary(open_workspace(ctx), SummaryQuery(force, to, months))
    if csv_path is not None:
        write_summary_csv(summary, csv_path)
    if xlsx_path is not None:
        write_summary_xlsx(summary, xlsx_path)
    if as_json:
        echo_json(summary.to_dict())
    elif csv_path is None and xlsx_path is None:
        click.echo(plan_summary_text(summary))
    else:
        written = ", ".join(str(p) for p in (csv_path, xlsx_path) if p is not None)
        click.echo(f"{len(summary.rows)} indicators written to {written}")
