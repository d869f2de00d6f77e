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
    to_option,
)
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.indicators import MsgComparison, MsgQuery, parse_direction, parse_group
from policeplan.indicators.counts import SOURCES
from policeplan.indicators.harm_measure import is_harm_measure
from policeplan.indicators.harm_msg import harm_msg_comparison
from policeplan.indicators.msg_compare import RATE, STATISTICS, compare_with_group
from policeplan.indicators.msg_history import MAX_HISTORY
from policeplan.indicators.msg_loaded import MEASURES
from policeplan.render import msg_text, msg_values_text
from policeplan.render.tables import harm_msg_table, msg_table, msg_values_table
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
@click.option(
    "--source",
    type=click.Choice([*SOURCES, MEASURES]),
    default=SOURCES[0],
    show_default=True,
    help="police-uk (monthly street records), home-office (financial quarters) or measures "
    "(per-force figures loaded with import measures).",
)
@click.option(
    "--statistic",
    type=click.Choice(STATISTICS),
    default=RATE,
    show_default=True,
    help="rate: crimes per 1,000 people; solved-rate: solved / crimes (police.uk).",
)
@click.option(
    "--history",
    type=click.IntRange(0, MAX_HISTORY),
    default=0,
    help="Also show the MSG position at each of the last N quarter ends, gaps included.",
)
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
    statistic: str,
    history: int,
    direction: str | None,
    accept_suspect_months: bool,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """Compare a force with its Most Similar Group on MEASURE: rates per 1,000 people
    (or solved rates, or a loaded per-force measure), ranks, the MSG average, the top
    quartile, the change needed to reach each, and a funnel plot showing which differences
    are more than chance.

    With --source home-office, MEASURE may also be a Home Office offence group or subgroup
    (violence-with-injury, trafficking-of-drugs, homicide) or a set of offence codes,
    groups and subgroups the plan's measures: section defines.
    """
    query = MsgQuery(measure, force, to, months, parse_group(group), source,
                     parse_direction(direction), accept_suspect_months, statistic,
                     history)  # fmt: skip
    if is_harm_measure(measure):  # a harm score, each member with its own weights
        harm = harm_msg_comparison(open_workspace(ctx), query)
        write_table_files(harm_msg_table(harm), csv_path=csv_path, xlsx_path=xlsx_path)
        if as_json:
            echo_json(harm.to_dict())
        else:
            click.echo(harm_msg_text(harm))
        return
    # Without a plan --group is required; the comparison says so when it is missing.
    result = compare_with_group(open_workspace(ctx), query)
    table = msg_table(result) if isinstance(result, MsgComparison) else msg_values_table(result)
    write_table_files(table, csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json(result.to_dict())
    elif isinstance(result, MsgComparison):
        click.echo(msg_text(result))
    else:
        click.echo(msg_values_text(result))
