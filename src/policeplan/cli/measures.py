"""`policeplan measures list|remove`: the measures loaded with `import measures`."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import PolicePlanGroup, echo_json, json_option, open_workspace
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.render.tables import measures_table
from policeplan.render.text.measures import measure_removal_text, measures_text
from policeplan.store.measures_held import list_measures, remove_measure


@click.group("measures", cls=PolicePlanGroup)
def measures_group() -> None:
    """The measures loaded with `import measures`: list them, or remove one (revertible)."""


@measures_group.command("list")
@json_option
@table_file_options
@click.pass_context
def list_command(
    ctx: click.Context, as_json: bool, csv_path: Path | None, xlsx_path: Path | None
) -> None:
    """List each loaded measure with its areas, periods and rows."""
    held = list_measures(open_workspace(ctx))
    write_table_files(measures_table(held), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json({"measures": [m.__dict__ for m in held]})
    else:
        click.echo(measures_text(held))


@measures_group.command("remove")
@click.argument("measure")
@click.option("--area", default=None, help="Only this area's rows.")
@click.option("--period", default=None, help="Only this period, as loaded (e.g. 2021-07).")
@json_option
@click.pass_context
def remove_command(
    ctx: click.Context, measure: str, area: str | None, period: str | None, as_json: bool
) -> None:
    """Remove MEASURE's rows (of one area or period); recorded in the history, so
    `policeplan revert ID` puts them back."""
    removal = remove_measure(open_workspace(ctx), measure, area=area, period=period)
    if as_json:
        echo_json(removal.to_dict())
    else:
        click.echo(measure_removal_text(removal))
