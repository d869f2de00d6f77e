"""`policeplan indicator` and `policeplan spc`."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import (
    STATISTICS_HELP,
    accept_suspect_option,
    area_option,
    compare_option,
    force_option,
    months_option,
    source_option,
    to_option,
    year_to_date_option,
)
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.indicators import (
    IndicatorQuery,
    SpcQuery,
    compute_indicator,
    spc_chart,
)
from policeplan.indicators.spc_series import (
    SpcOptions,
    parse_improvement_direction,
    parse_rebase,
)
from policeplan.render import indicator_text, spc_text
from policeplan.render.tables import indicator_table, spc_table
from policeplan.stats.mdc_rules import RuleSet


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
@table_file_options
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
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """Count MEASURE over a window and test its change against another window.

    MEASURE is a crime measure such as all-crime, burglary or violent-crime, a composite
    measure of the plan, or a measure loaded with `import measures`. Windows with missing
    months, or months that look incomplete, are reported incomplete, never compared.
    """
    query = IndicatorQuery(measure, force, to, months, compare, area, source, year_to_date,
                           accept_suspect_months)  # fmt: skip
    result = compute_indicator(open_workspace(ctx), query)
    write_table_files(indicator_table(result), csv_path=csv_path, xlsx_path=xlsx_path)
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
@click.option(
    "--direction",
    type=click.Choice(["up", "down", "neutral"]),
    default=None,
    help="Improvement direction (default: the plan's, else the measure's); neutral: no "
    "good or bad direction (neutral icons, no assurance).",
)
@click.option(
    "--target",
    type=float,
    default=None,
    help="Numeric target of one month's value, for the assurance icon (default: the plan's).",
)
@click.option(
    "--rebase",
    multiple=True,
    metavar="MONTH[:REASON]",
    help="Month where the process changed, with an optional reason: new limits from there "
    "(repeatable; added to the plan's change points).",
)
@click.option(
    "--baseline-months",
    type=int,
    default=None,
    help="Compute each group's limits from its first N months only, then apply them onward.",
)
@click.option(
    "--recalculate-from",
    multiple=True,
    help="Month where the process changed: new limits from there (repeatable; as --rebase).",
)
@click.option(
    "--trend-points",
    type=int,
    default=7,
    show_default=True,
    help="Rising or falling points that make a trend (Making Data Count: 7; 6 selectable).",
)
@click.option(
    "--shift-points",
    type=int,
    default=7,
    show_default=True,
    help="Points on one side of the mean that make a shift (Making Data Count: 7).",
)
@click.option(
    "--screen-moving-ranges",
    is_flag=True,
    help="Leave out moving ranges above 3.267 times their mean before computing limits.",
)
@json_option
@table_file_options
@click.pass_context
def spc_command(
    ctx: click.Context,
    measure: str,
    force: str,
    first: str,
    last: str,
    area: str | None,
    direction: str | None,
    target: float | None,
    rebase: tuple[str, ...],
    baseline_months: int | None,
    recalculate_from: tuple[str, ...],
    trend_points: int,
    shift_points: int,
    screen_moving_ranges: bool,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """Statistical process control chart of monthly values, the Making Data Count way:
    icons of the latest month, rules that fired, rebased limits and target assurance.

    MEASURE is a crime measure, a composite measure of the plan, or a measure loaded with
    `import measures` (its single-month values). A missing month breaks the line.
    """
    query = SpcQuery(measure, force, first, last, area, None, baseline_months, recalculate_from)
    options = SpcOptions(
        direction=parse_improvement_direction(direction),
        target=target,
        rebase=tuple(parse_rebase(text) for text in rebase),
        rules=RuleSet(trend_points=trend_points, shift_points=shift_points,
                      screen_moving_ranges=screen_moving_ranges),
    )  # fmt: skip
    result = spc_chart(open_workspace(ctx), query, options=options)
    write_table_files(spc_table(result), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json(result.to_dict())
    else:
        click.echo(spc_text(result))
