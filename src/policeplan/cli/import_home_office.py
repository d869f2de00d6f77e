"""`policeplan import home-office FILE`: load the Home Office recorded-crime-by-force table."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, echo_rejects, json_option
from policeplan.cli._import_outcome import (
    allow_shrink_option,
    exit_for,
    open_real_workspace,
    run_import,
)
from policeplan.ingest.home_office import import_home_office


@click.command("home-office")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@allow_shrink_option
@json_option
@click.pass_context
def import_home_office_command(
    ctx: click.Context, file: Path, allow_shrink: bool, as_json: bool
) -> None:
    """Import the Home Office "police recorded crime by police force area" CSV.

    FILE has one row per financial year, quarter, force and offence code (columns
    Financial Year, Financial Quarter, Force Name, Offence Code, Number of Offences, and
    optionally Offence Description/Group/Subgroup and a police.uk category; spaces or
    underscores in the names). Quarters are financial: Q1 = April–June.

    Importing replaces the (quarter, force) pairs the file holds; other forces' figures
    stay. A pair that would drop to under half its rows, or lose offence codes it held,
    is refused unless --allow-shrink; the same file again is reported unchanged. Rows from
    national fraud reporters (Action Fraud, CIFAS, UK Finance) are counted in the summary
    but not stored, so they never appear as a force. Bad rows are listed and kept in the
    workspace's rejects table.

    \b
    Exit codes: 0 everything loaded, 3 finished with rejected rows
    (see `policeplan rejects`), 1 error (nothing loaded), 130 interrupted.
    """
    workspace = open_real_workspace(ctx)
    summary = run_import(ctx, lambda: import_home_office(workspace, file, allow_shrink))
    if as_json:
        echo_json(summary.to_dict())
        exit_for(ctx, nothing_loaded=False, rejects=bool(summary.rows_rejected))
        return
    periods = ", ".join(summary.periods_replaced) or "none"
    unchanged = (
        " (unchanged: this file was already imported)" if summary.status == "unchanged" else ""
    )
    click.echo(
        f"Loaded {summary.rows_loaded:,} rows ({summary.offences_loaded:,} offences) "
        f"from {summary.file}; quarters replaced: {periods}.{unchanged}"
    )
    if summary.non_force_rows:
        reporters = ", ".join(f"{k} {v:,}" for k, v in summary.non_force_offences.items())
        click.echo(
            f"{summary.non_force_rows:,} rows from national fraud reporters counted, "
            f"not stored as a force: {reporters} offences."
        )
    echo_rejects(summary.rows_rejected, summary.rejects)
    exit_for(ctx, nothing_loaded=False, rejects=bool(summary.rows_rejected))
