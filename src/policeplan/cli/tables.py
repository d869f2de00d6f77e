"""`policeplan breakdown` and `policeplan scorecard`: the tables of the quarterly reports."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import (
    STATISTICS_HELP,
    accept_suspect_option,
    compare_option,
    force_option,
    months_option,
    to_option,
    year_to_date_option,
)
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.indicators import (
    BREAKDOWNS,
    BreakdownQuery,
    ScorecardQuery,
    breakdown,
    scorecard,
)
from policeplan.render import breakdown_text, scorecard_text
from policeplan.render.tables import breakdown_table, scorecard_table


@click.command("breakdown", epilog=STATISTICS_HELP)
@click.argument("measure")
@force_option
@to_option
@months_option
@year_to_date_option
@compare_option
@click.option("--by", type=click.Choice(BREAKDOWNS), default="lpa", show_default=True,
              help="Break down by local policing area, district, crime type or offence "
                   "group (a measure from crime records).")  # fmt: skip
@accept_suspect_option
@json_option
@table_file_options
@click.pass_context
def breakdown_command(
    ctx: click.Context,
    measure: str,
    force: str,
    to: str,
    months: int,
    year_to_date: bool,
    compare: str | None,
    by: str,
    accept_suspect_months: bool,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """MEASURE for each LPA, district or crime type, each with its change and its test
    (q-values across the parts)."""
    query = BreakdownQuery(measure, force, to, months, compare, by, year_to_date,
                           accept_suspect_months)  # fmt: skip
    result = breakdown(open_workspace(ctx), query)
    write_table_files(breakdown_table(result), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json(result.to_dict())
    else:
        click.echo(breakdown_text(result))


@click.command("scorecard", epilog=STATISTICS_HELP)
@force_option
@to_option
@months_option
@year_to_date_option
@compare_option
@accept_suspect_option
@json_option
@table_file_options
@click.pass_context
def scorecard_command(
    ctx: click.Context,
    force: str,
    to: str,
    months: int,
    year_to_date: bool,
    compare: str | None,
    accept_suspect_months: bool,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """Every crime measure for the force: count, change and its test (q-values across the
    measures), rate, solved rate."""
    query = ScorecardQuery(force, to, months, compare, year_to_date=year_to_date,
                           accept_suspect_months=accept_suspect_months)  # fmt: skip
    card = scorecard(open_workspace(ctx), query)
    write_table_files(scorecard_table(card), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json(card.to_dict())
    else:
        click.echo(scorecard_text(card))
