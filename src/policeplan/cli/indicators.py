"""`policeplan indicator` and `policeplan spc`."""

from __future__ import annotations

from typing import Any

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import (
    area_option,
    compare_option,
    direction_option,
    force_option,
    months_option,
    source_option,
    to_option,
    window_months,
    year_to_date_option,
)
from policeplan.cli._plan import plan_if_loaded
from policeplan.indicators.indicator import compute_indicator
from policeplan.indicators.spc_series import spc_chart


@click.command("indicator")
@click.argument("measure")
@force_option
@to_option
@months_option
@year_to_date_option
@compare_option
@area_option
@source_option
@json_option
@click.pass_context
def indicator_command(
    ctx: click.Context,
    measure: str,
    force: str,
    to: str,
    months: int,
    year_to_date: bool,
    compare: str,
    area: str | None,
    source: str,
    as_json: bool,
) -> None:
    """Count MEASURE over a window and test its change against another window.

    MEASURE is a crime measure such as all-crime, burglary or violent-crime, or a composite
    measure of the plan. Windows with missing months are reported incomplete, never compared.
    """
    workspace = open_workspace(ctx)
    result = compute_indicator(
        workspace,
        measure,
        force,
        to,
        window_months(to, months, year_to_date),
        compare,
        area,
        source,
        plan_if_loaded(workspace),
    )
    data = result.to_json()
    if as_json:
        echo_json(data)
    else:
        _print_indicator(data)


def _print_indicator(data: dict[str, Any]) -> None:
    if data["data_label"]:
        click.echo(f"[{data['data_label']}]")
    click.echo(f"{data['measure']} — {data['force']} ({data['area']}, {data['source']})")
    for name in ("current", "comparison"):
        window = data[name]
        count = f"{window['count']:,}" if window["complete"] else "incomplete"
        missing = (
            f" (missing {', '.join(window['missing_months'])})" if window["missing_months"] else ""
        )
        click.echo(f"  {name:<10} {window['from']} to {window['to']}: {count}{missing}")
    if data["diff"] is None:
        click.echo("  change: not compared (a window is incomplete)")
    else:
        verdict = "significant" if data["significant"] else "not significant"
        click.echo(
            f"  change: {data['diff']:+,.0f} ({data['pct_diff']:+.1f}%), "
            f"p = {data['p_value']:.3g} ({verdict} at 5%)"
        )
    if data["rate_per_1000"] is not None:
        click.echo(
            f"  rate: {data['rate_per_1000']:.2f} per 1,000 people "
            f"(population {data['population']:,}, {data['population_year']} estimate)"
        )
    solved = data["solved"]
    if solved is not None:
        click.echo(
            f"  solved: {solved['count']:,} = {solved['rate']:.1%} "
            f"(95% CI {solved['rate_low']:.1%} to {solved['rate_high']:.1%})"
        )
    harm = data["harm"]
    if harm["score"] is not None:
        click.echo(f"  harm score: {harm['score']:,.0f} (weights {harm['weights_version']})")
    else:
        click.echo(f"  harm score: {harm.get('note', 'window incomplete')}")


@click.command("spc")
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
    workspace = open_workspace(ctx)
    result = spc_chart(
        workspace,
        measure,
        force,
        first,
        last,
        area,
        plan_if_loaded(workspace),
        direction,  # type: ignore[arg-type]  # click.Choice guarantees up/down
        baseline_months,
        recalculate_from,
    )
    data = result.to_json()
    if as_json:
        echo_json(data)
        return
    if data["data_label"]:
        click.echo(f"[{data['data_label']}]")
    click.echo(f"{data['measure']} — {data['force']} ({data['area']}), good direction "
               f"{data['direction']}: latest point is {data['verdict']}")  # fmt: skip
    for point in data["points"]:
        flags = f"  ← {', '.join(point['flags'])}" if point["flags"] else ""
        click.echo(
            f"  {point['month']}  {point['value']:>8,.0f}   mean {point['mean']:,.1f}  "
            f"limits {point['lower']:,.1f}–{point['upper']:,.1f}{flags}"
        )
