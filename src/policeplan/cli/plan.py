"""`policeplan plan …`: load the Police and Crime Plan into the workspace and show it."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import PolicePlanGroup, echo_json, json_option, open_workspace
from policeplan.plan import current_plan, load_plan, plan_to_dict, save_plan
from policeplan.render import plan_loaded_text, plan_text


@click.group("plan", cls=PolicePlanGroup)
def plan_group() -> None:
    """The Police and Crime Plan the workspace runs (priorities, indicators, MSG)."""


@plan_group.command("load")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def load_command(ctx: click.Context, file: Path) -> None:
    """Validate the plan FILE (YAML) and make it the workspace's plan.

    Replaces any plan loaded before. See examples/essex-2021-24.yaml for the layout.
    """
    plan = load_plan(file)
    workspace = open_workspace(ctx)
    save_plan(workspace, plan)
    click.echo(plan_loaded_text(plan))


@plan_group.command("show")
@json_option
@click.option(
    "--commitments", is_flag=True, help='List every "We will…" commitment, not only the count.'
)
@click.pass_context
def show_command(ctx: click.Context, as_json: bool, commitments: bool) -> None:
    """Show the workspace's plan as an outline (or --json)."""
    plan = current_plan(open_workspace(ctx))
    if as_json:
        echo_json(plan_to_dict(plan))
        return
    click.echo(plan_text(plan, commitments=commitments))
