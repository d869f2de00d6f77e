"""`policeplan demo`"""

from __future__ import annotations

from dataclasses import replace

import click

from policeplan.cli._common import ProgressBar
from policeplan.config import DEFAULT_WORKSPACE, Settings
from policeplan.demo import (
    DEMO_FIRST_MONTH,
    DEMO_FORCE,
    DEMO_LAST_MONTH,
    DEMO_WORKSPACE,
    build_demo,
)
from policeplan.errors import InputError
from policeplan.periods import parse_month


@click.command("demo")
@click.option("--from", "first_month", default=DEMO_FIRST_MONTH, show_default=True,
              help="First month of generated data (YYYY-MM).")  # fmt: skip
@click.option("--to", "last_month", default=DEMO_LAST_MONTH, show_default=True,
              help="Last month of generated data (YYYY-MM).")  # fmt: skip
@click.option("--seed", default=0, show_default=True, help="Random seed of the generator.")
@click.option("--reports/--no-reports", default=True, show_default=True,
              help="Also write every panel report (HTML, PDF) for the latest quarter.")  # fmt: skip
@click.pass_context
def demo_command(
    ctx: click.Context, first_month: str, last_month: str, seed: int, reports: bool
) -> None:
    """Build a demo workspace from synthetic data, offline, in its own folder.

    Generates police.uk-format files for Essex and its example peer forces, imports them,
    and loads the example Essex plan and delivery plan. Everything derived from it is
    labelled "synthetic demo data".

    The demo goes to ./policeplan-demo unless --workspace names another folder, and only
    into a new folder or an earlier demo: it refuses a workspace holding real work, and
    real data is never imported into a demo workspace.
    """
    settings = ctx.find_object(Settings)
    assert settings is not None
    parse_month(first_month, "from")
    parse_month(last_month, "to")
    if last_month < first_month:
        raise InputError(
            f"the last month {last_month} is before the first {first_month}", field="to"
        )
    chosen = ctx.find_root().params.get("workspace") is not None
    if not chosen and settings.workspace == DEFAULT_WORKSPACE:
        # Its own records too: synthetic delivery actions never go to a configured database.
        settings = replace(settings, workspace=DEMO_WORKSPACE, database_url=None)
    with ProgressBar("Generating and importing, year by year") as progress:
        summary = build_demo(settings, first_month, last_month, seed=seed, on_progress=progress)
    records = ""
    if summary.records_loaded:
        records = f", {summary.records_loaded:,} crime records of {DEMO_FORCE.title()}"
    if summary.measures_loaded:
        records += f", {summary.measures_loaded:,} per-force measures"
    click.echo(
        f"Demo workspace ready at {summary.workspace} [{summary.label}]: "
        f"{summary.rows_loaded:,} street and outcome rows for {len(summary.forces)} forces"
        f"{records}, {summary.first_month} to {summary.last_month}; example plan and "
        f"{summary.actions_seeded} delivery-plan actions loaded."
    )
    if reports:
        _write_reports(settings, first_month, last_month)
    ws = f"--workspace {summary.workspace}"
    click.echo("Look at it with:")
    click.echo(f"  policeplan {ws} coverage")
    click.echo(f"  policeplan {ws} plan show")
    click.echo(f"  policeplan {ws} scorecard --force essex --to {summary.last_month}")
    click.echo(f"  policeplan {ws} msg all-crime --force essex --to {summary.last_month}")
    click.echo(f"  policeplan {ws} delivery summary --quarter '2021/22 Q2'")


def _write_reports(settings: Settings, first_month: str, last_month: str) -> None:
    from policeplan.reports.demo_reports import write_demo_reports
    from policeplan.store import Workspace

    workspace = Workspace(settings)
    click.echo("Writing the panel reports (HTML and PDF) ...")
    written = write_demo_reports(workspace, first_month, last_month)
    if written.quarter is None:
        click.echo("No report written: the demo covers no whole financial quarter.")
        return
    click.echo(f"Panel reports for {written.quarter.label} are in {written.folder}:")
    for path in written.paths:
        click.echo(f"  {path.name}")
