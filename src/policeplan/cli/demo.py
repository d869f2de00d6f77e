"""`policeplan demo`"""

from __future__ import annotations

import click

from policeplan.cli._common import ProgressBar
from policeplan.config import Settings
from policeplan.demo import DEMO_FIRST_MONTH, DEMO_LAST_MONTH, build_demo
from policeplan.errors import InputError
from policeplan.periods import parse_month


@click.command("demo")
@click.option("--from", "first_month", default=DEMO_FIRST_MONTH, show_default=True,
              help="First month of generated data (YYYY-MM).")  # fmt: skip
@click.option("--to", "last_month", default=DEMO_LAST_MONTH, show_default=True,
              help="Last month of generated data (YYYY-MM).")  # fmt: skip
@click.option("--seed", default=0, show_default=True, help="Random seed of the generator.")
@click.pass_context
def demo_command(ctx: click.Context, first_month: str, last_month: str, seed: int) -> None:
    """Build a demo workspace from synthetic data, offline.

    Generates police.uk-format files for Essex and its example peer forces, imports them,
    and loads the example Essex plan and delivery plan. Everything derived from it is
    labelled "synthetic demo data".
    """
    settings = ctx.find_object(Settings)
    assert settings is not None
    parse_month(first_month, "from")
    parse_month(last_month, "to")
    if last_month < first_month:
        raise InputError(
            f"the last month {last_month} is before the first {first_month}", field="to"
        )
    with ProgressBar("Generating and importing, year by year") as progress:
        summary = build_demo(settings, first_month, last_month, seed=seed, on_progress=progress)
    click.echo(
        f"Demo workspace ready at {summary.workspace} [{summary.label}]: "
        f"{summary.rows_loaded:,} street and outcome rows for {len(summary.forces)} forces, "
        f"{summary.first_month} to {summary.last_month}; example plan and "
        f"{summary.actions_seeded} delivery-plan actions loaded."
    )
    ws = f"--workspace {summary.workspace}"
    click.echo("Look at it with:")
    click.echo(f"  policeplan {ws} coverage")
    click.echo(f"  policeplan {ws} plan show")
    click.echo(f"  policeplan {ws} scorecard --force essex --to {summary.last_month}")
    click.echo(f"  policeplan {ws} msg all-crime --force essex --to {summary.last_month}")
    click.echo(f"  policeplan {ws} delivery summary --quarter '2021/22 Q2'")
