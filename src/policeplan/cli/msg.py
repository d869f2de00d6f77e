"""`policeplan msg MEASURE --force F --to YYYY-MM`: the Most Similar Group table."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import (
    STATISTICS_HELP,
    accept_suspect_option,
    direction_option,
    force_option,
    months_option,
    source_option,
    to_option,
)
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.indicators import MsgQuery, msg_comparison, parse_direction, parse_group
from policeplan.indicators.harm_measure import is_harm_measure
from policeplan.indicators.harm_msg import harm_msg_comparison
from policeplan.render import msg_text
from policeplan.render.tables import harm_msg_table, msg_table
from policeplan.render.text.harm_msg import harm_msg_text


@click.command("msg", epilog=f"{STATISTICS_HELP}; the MSG table: policeplan docs msg")
@click.argument("measure")
@force_option
@to_option
@months_option
@click.option(
    "--group",
    default=None,
    help="Comma-separated forces to compare with (default: the plan's Most Similar Group). "
    "The force is always included.",
)
@source_option
@direction_option
@accept_suspect_option
@json_option
@table_file_options
@click.pass_context
def msg_command(
    ctx: click.Context,
    measure: str,
    force: str,
    to: str,
    months: int,
    group: str | None,
    source: str,
    direction: str | None,
    accept_suspect_months: bool,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """Compare a force with its Most Similar Group on MEASURE: rates per 1,000 people,
    ranks, the MSG average, the top quartile, the change needed to reach each, and a
    funnel plot showing which differences are more than chance.
    """
    query = MsgQuery(measure, force, to, months, parse_group(group), source,
                     parse_direction(direction), accept_suspect_months)  # fmt: skip
    if is_harm_measure(measure):  # a harm score, each member with its own weights
        harm = harm_msg_comparison(open_workspace(ctx), query)
        write_table_files(harm_msg_table(harm), csv_path=csv_path, xlsx_path=xlsx_path)
        if as_json:
            echo_json(harm.to_dict())
        else:
            click.echo(harm_msg_text(harm))
        return
    # Without a plan --group is required; msg_comparison says so when it is missing.
    result = msg_comparison(open_workspace(ctx), query)
    write_table_files(msg_table(result), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json(result.to_dict())
    else:
        click.echo(msg_text(result))
