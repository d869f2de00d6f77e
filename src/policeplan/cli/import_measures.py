"""`policeplan import measures FILE`: load other plan indicators from a long-format CSV."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, echo_rejects, json_option
from policeplan.cli._import_outcome import exit_for, open_real_workspace, run_import
from policeplan.ingest.measures import import_measures


@click.command("measures")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@json_option
@click.pass_context
def import_measures_command(ctx: click.Context, file: Path, as_json: bool) -> None:
    """Import plan measures (999/101 answer times, confidence, KSI…) from a CSV.

    \b
    Columns: measure,period,area,value and optionally numerator,denominator,unit.
    measure  a slug: lowercase letters, digits, hyphens (answer-999-within-10s)
    period   2021-07      month
             2021-Q3      CALENDAR quarter (Q1 = January–March)
             2021/22      financial year (April 2021 – March 2022)
             2021/22-Q2   FINANCIAL quarter (Q1 = April–June); "Q2 2021/22" also accepted
    area     a force slug, district name, lpa:North, or any text (kept as given)

    Rows are upserted by (measure, period, area), so re-importing a file changes nothing
    (the same file again is reported unchanged). Every replaced value is kept in
    `policeplan history`. Bad rows are listed and kept in the workspace's rejects table;
    the good rows load.

    \b
    Exit codes: 0 everything loaded, 3 finished with rejected rows
    (see `policeplan rejects`), 1 error (nothing loaded), 130 interrupted.
    """
    workspace = open_real_workspace(ctx)
    summary = run_import(ctx, lambda: import_measures(workspace, file))
    if as_json:
        echo_json(summary.to_dict())
        exit_for(ctx, nothing_loaded=False, rejects=bool(summary.rows_rejected))
        return
    unchanged = (
        " (unchanged: this file was already imported)" if summary.status == "unchanged" else ""
    )
    click.echo(
        f"Loaded {summary.rows_loaded:,} rows from {summary.file} "
        f"({summary.rows_replaced:,} replaced stored rows with the same measure, period and "
        f"area); measures: {', '.join(summary.measures) or 'none'}.{unchanged}"
    )
    echo_rejects(summary.rows_rejected, summary.rejects)
    exit_for(ctx, nothing_loaded=False, rejects=bool(summary.rows_rejected))
