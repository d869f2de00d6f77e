"""The `policeplan` command: `policeplan [--workspace W] <noun> <verb>`.

Commands only turn options into arguments for library functions and print the result.
Library errors become a one-line message and exit code 1; usage errors exit 2.
"""

from __future__ import annotations

import os
import sys

import click

from policeplan.cli._common import PolicePlanGroup
from policeplan.cli.coverage import coverage_command
from policeplan.cli.delivery import delivery_group
from policeplan.cli.demo import demo_command
from policeplan.cli.docs import docs_command
from policeplan.cli.hotspots import hotspots_command
from policeplan.cli.imports import import_group
from policeplan.cli.indicators import indicator_command, spc_command
from policeplan.cli.msg import msg_command
from policeplan.cli.plan import plan_group
from policeplan.cli.publish import publish_command
from policeplan.cli.rejects import rejects_command
from policeplan.cli.serve import serve_command
from policeplan.cli.tables import breakdown_command, scorecard_command
from policeplan.cli.users import user_group
from policeplan.cli.weights import weights_group
from policeplan.config import TRACEBACK_ENV, WORKSPACE_ENV, load_settings


@click.group(cls=PolicePlanGroup)
@click.option(
    "--workspace",
    type=click.Path(file_okay=False),
    default=None,
    help=f"Workspace directory (default: ${WORKSPACE_ENV} or ./policeplan-workspace).",
)
@click.option(
    "--traceback",
    "show_traceback",
    is_flag=True,
    help=f"Show the full traceback of an unexpected error (also ${TRACEBACK_ENV}=1).",
)
@click.version_option(package_name="policeplan")
@click.pass_context
def cli(ctx: click.Context, workspace: str | None, show_traceback: bool) -> None:
    """Run a Police and Crime Plan: import data, compute indicators, track delivery."""
    ctx.obj = load_settings(workspace, os.environ, show_traceback=show_traceback)


for command in (
    import_group,
    coverage_command,
    rejects_command,
    plan_group,
    indicator_command,
    spc_command,
    breakdown_command,
    scorecard_command,
    msg_command,
    weights_group,
    hotspots_command,
    delivery_group,
    demo_command,
    docs_command,
    serve_command,
    user_group,
    publish_command,
):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(standalone_mode=True))
