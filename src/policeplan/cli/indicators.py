"""`policeplan indicator` and `policeplan spc`."""

from __future__ import annotations

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import (
    STATISTICS_HELP,
    accept_suspect_option,
    area_option,
    compare_option,
    direction_option,
    force_option,
    months_option,
    source_option,
    to_option,
    year_to_date_option,
)
from policeplan.indicators import (
    IndicatorQuery,
    SpcQuery,
    compute_indicator,
    parse_direction,
    spc_chart,
)
from policeplan.render import indicator_text, spc_text


@click.command("indicator", epilog=STATISTICS_HELP)
@click.argument("measure")
@force_option
@to_option
@months_option
@year_to_date_option
@compare_option
@area_option
@source_option
@accept_suspect_option
@json_option
@click.pass_context
def indicator_command(
    ctx: click.Context,
    measure: str,
    force: str,
    to: str,
    months: int,
    year_to_date: bool,
    compare: str | None,
    area: str | None,
    source: str,
    accept_suspect_months: bool,
    as_json: bool,
) -> None:
    """Count MEASURE over a window and test its change against another window.

    MEASURE is a crime measure such as all-crime, burglary or violent-crime, a composite
    measure of the plan, or a measure loaded with `import measures`. Windows with missing
    months, or months that look incomplete, are reported incomplete, never compared.
    """
    query = IndicatorQuery(measure, force, to, months, compare, area, source, year_to_date,
                           accept_suspect_months)  # fmt: skip
    result = compute_indicator(open_workspace(ctx), query)
    if as_json:
        echo_json(result.to_dict())
    else:
        click.echo(indicator_text(result))


@click.command("spc", epilog=STATISTICS_HELP)
@click.argument("measure")
@force_option
@click.option("--from", "first", required=True, help="First month (YYYY-MM).")
@click.option("--to", "last", required=True, help="Last month (YYYY-MM).")
@area_option
@direction_option
@click.option(
    "--baseline-months",
    type=int,
    default=None,
    help="Compute the limits from the first N months only, then apply them onward.",
)
@click.option(
    "--recalculate-from",
    multiple=True,
    help="Month where the process changed: new limits from there (repeatable).",
)
@json_option
@click.pass_context
def spc_command(
    ctx: click.Context,
    measure: str,
    force: str,
    first: str,
    last: str,
    area: str | None,
    direction: str | None,
    baseline_months: int | None,
    recalculate_from: tuple[str, ...],
    as_json: bool,
) -> None:
    """Statistical process control chart (XmR, Making Data Count rules) of monthly counts."""
    query = SpcQuery(measure, force, first, last, area, parse_direction(direction),
                     baseline_months, recalculate_from)  # fmt: skip
    result = spc_chart(open_workspace(ctx), query)
    if as_json:
        echo_json(result.to_dict())
    else:
        click.echo(spc_text(result))
