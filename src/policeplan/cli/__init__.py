"""The `policeplan` command: `policeplan [--workspace W] <noun> <verb>`.

Commands only turn options into arguments for library functions and print the result.
Library errors become a one-line message and exit code 1; usage errors exit 2.
"""

from __future__ import annotations

import os
import sys

import click

from policeplan.cli._common import PolicePlanGroup
from policeplan.cli._lazy import LazyCommand, LazyCommands
from policeplan.config import TRACEBACK_ENV, WORKSPACE_ENV, load_settings

# Command modules are imported when their command runs (start-up speed: see cli/_lazy.py).
# The second string is the first sentence of the command's docstring, shown by --help.
LAZY_COMMANDS = {
    "import": LazyCommand("policeplan.cli.imports:import_group",
        "Load data into the workspace (police.uk files, Home Office tables, other measures)."),
    "coverage": LazyCommand("policeplan.cli.coverage:coverage_command",
        "Show which data the workspace holds: police.uk months per force, Home Office…"),
    "rejects": LazyCommand("policeplan.cli.rejects:rejects_command",
        "List the rows imports kept aside: file, line, field, reason and the raw line."),
    "plan": LazyCommand("policeplan.cli.plan:plan_group",
        "The Police and Crime Plan the workspace runs (priorities, indicators, MSG)."),
    "indicator": LazyCommand("policeplan.cli.indicators:indicator_command",
        "Count MEASURE over a window and test its change against another window."),
    "spc": LazyCommand("policeplan.cli.indicators:spc_command",
        "Statistical process control chart of monthly values, the Making Data Count way: icons…"),
    "breakdown": LazyCommand("policeplan.cli.tables:breakdown_command",
        "MEASURE for each LPA, district or crime type, each with its change and its test…"),
    "scorecard": LazyCommand("policeplan.cli.tables:scorecard_command",
        "Every crime measure for the force: count, change and its test (q-values across the…"),
    "msg": LazyCommand("policeplan.cli.msg:msg_command",
        "Compare a force with its Most Similar Group on MEASURE: rates per 1,000 people…"),
    "card": LazyCommand("policeplan.cli.card:card_command",
        "The card of INDICATOR: latest value, comparisons, SPC icons, MSG position, solved…"),
    "summary": LazyCommand("policeplan.cli.summary:summary_command",
        "One row per plan indicator, grouped by priority: latest value, change and verdict,…"),
    "chart": LazyCommand("policeplan.cli.chart:chart_command",
        "Draw a chart of MEASURE: monthly (bars beside the same months a year earlier), spc…"),
    "measures": LazyCommand("policeplan.cli.measures:measures_group",
        "The measures loaded with `import measures`: list them, or remove one (revertible)."),
    "stop-search": LazyCommand("policeplan.cli.stop_search:stop_search_command",
        "Stop and search for a force: searches per 1,000 people, find and arrest rates, and…"),
    "weights": LazyCommand("policeplan.cli.weights:weights_group",
        "Harm weights by crime type: the bundled ONS Crime Severity Score weights, and…"),
    "delivery": LazyCommand("policeplan.cli.delivery:delivery_group",
        "Track the delivery plan: strands, actions, quarterly updates, risks (all audited)."),
    "hotspots": LazyCommand("policeplan.cli.hotspots:hotspots_command",
        "Where MEASURE (a crime measure, counted or harm-weighted) clusters: grid cells…"),
    "docs": LazyCommand("policeplan.cli.docs:docs_command",
        "Print the documentation of TOPIC (statistics, indicators, msg); without TOPIC, list…"),
    "demo": LazyCommand("policeplan.cli.demo:demo_command",
        "Build a demo workspace from synthetic data, offline, in its own folder."),
    "history": LazyCommand("policeplan.cli.history:history_group",
        "Show the import history, newest first: every partition (a police.uk…"),
    "report": LazyCommand("policeplan.cli.report:report_command",
        "Write a panel report for a quarter as HTML, PDF or xlsx (KIND: see docs/reports.md)."),
    "serve": LazyCommand("policeplan.cli.serve:serve_command",
        "Serve the web app: plan, indicators, delivery workflow, data, public site."),
    "user": LazyCommand("policeplan.cli.users:user_group",
        "Users of the web app (`policeplan serve`) and their roles."),
    "publish": LazyCommand("policeplan.cli.publish:publish_command",
        "Publish the plan page and the approved strand updates, nothing else."),
    "revert": LazyCommand("policeplan.cli.history:revert_command",
        "Put back the version of a partition that history entry IMPORT-ID replaced…"),
}  # fmt: skip


class _RootGroup(LazyCommands, PolicePlanGroup):
    """The root group: commands loaded on use, errors as one-line messages."""


@click.group(cls=_RootGroup, lazy_commands=LAZY_COMMANDS)
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


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(standalone_mode=True))
