"""`policeplan stop-search`"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.reference import get_force
from policeplan.render.tables.stop_search import stop_search_table
from policeplan.render.text.stop_search import stop_search_text
from policeplan.stop_search import stop_search_summary


@click.command("stop-search")
@click.option("--force", required=True, help="Force slug or name, e.g. essex.")
@click.option("--to", "to", required=True, metavar="YYYY-MM", help="Last month of the window.")
@click.option(
    "--months",
    type=click.IntRange(min=1),
    default=12,
    show_default=True,
    help="Months in the window (compared with the same months a year earlier).",
)
@click.option(
    "--ethnicity",
    type=click.Choice(("self-defined", "officer-defined")),
    default="self-defined",
    show_default=True,
    help="Which recorded ethnicity to group searches by.",
)
@click.option("--compare", type=click.Choice(("last-year", "previous")), default="last-year",
              show_default=True,
              help="last-year (the same months a year earlier) or previous (the window "
              "before).")  # fmt: skip
@json_option
@table_file_options
@click.pass_context
def stop_search_command(
    ctx: click.Context,
    force: str,
    to: str,
    months: int,
    ethnicity: Literal["self-defined", "officer-defined"],
    compare: Literal["last-year", "previous"],
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """Stop and search for a force: searches per 1,000 people, find and arrest rates, and
    rates by ethnic group against Census 2011 populations, with ratios to the white group.
    """
    result = stop_search_summary(
        open_workspace(ctx),
        get_force(force).slug,
        to,
        months=months,
        basis=ethnicity,
        compare=compare,
    )
    write_table_files(stop_search_table(result), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json(result.to_dict())
    else:
        click.echo(stop_search_text(result))
