"""`policeplan breakdown` and `policeplan scorecard`: the tables of the quarterly reports."""

from __future__ import annotations

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import (
    compare_option,
    force_option,
    months_option,
    to_option,
    window_months,
    year_to_date_option,
)
from policeplan.cli._plan import plan_if_loaded
from policeplan.indicators.breakdown import BREAKDOWNS, breakdown
from policeplan.indicators.scorecard import scorecard


def _significance(significant: bool | None) -> str:
    return {True: "significant", False: "not significant", None: "not compared"}[significant]


@click.command("breakdown")
@click.argument("measure")
@force_option
@to_option
@months_option
@year_to_date_option
@compare_option
@click.option("--by", type=click.Choice(BREAKDOWNS), default="lpa", show_default=True,
              help="Break down by local policing area, district or crime type.")  # fmt: skip
@json_option
@click.pass_context
def breakdown_command(
    ctx: click.Context,
    measure: str,
    force: str,
    to: str,
    months: int,
    year_to_date: bool,
    compare: str,
    by: str,
    as_json: bool,
) -> None:
    """MEASURE for each LPA, district or crime type, each with its change and exact test."""
    workspace = open_workspace(ctx)
    months = window_months(to, months, year_to_date)
    result = breakdown(workspace, measure, force, to, months, compare, by,
                       plan_if_loaded(workspace)).to_json()  # fmt: skip
    if as_json:
        echo_json(result)
        return
    if result["data_label"]:
        click.echo(f"[{result['data_label']}]")
    click.echo(
        f"{result['measure']} — {result['force']} by {by}: {result['current']['from']} to "
        f"{result['current']['to']} against {result['comparison']['from']} to "
        f"{result['comparison']['to']}"
    )
    for row in result["rows"]:
        change = "" if row["diff"] is None else f"{row['diff']:+,.0f} ({row['pct_diff']:+.1f}%)"
        current = "incomplete" if row["current"] is None else f"{row['current']:,}"
        click.echo(f"  {row['part']:<28} {current:>10} {change:>18}  "
                   f"{_significance(row['significant'])}")  # fmt: skip


@click.command("scorecard")
@force_option
@to_option
@months_option
@year_to_date_option
@compare_option
@json_option
@click.pass_context
def scorecard_command(
    ctx: click.Context,
    force: str,
    to: str,
    months: int,
    year_to_date: bool,
    compare: str,
    as_json: bool,
) -> None:
    """Every crime measure for the force: count, change, exact test, rate, solved rate."""
    workspace = open_workspace(ctx)
    months = window_months(to, months, year_to_date)
    results = [r.to_json() for r in scorecard(workspace, force, to, months, compare,
                                              plan=plan_if_loaded(workspace))]  # fmt: skip
    if as_json:
        echo_json({"force": force, "indicators": results})
        return
    if results and results[0]["data_label"]:
        click.echo(f"[{results[0]['data_label']}]")
    for r in results:
        current = r["current"]["count"]
        shown = "incomplete" if current is None else f"{current:,}"
        change = "" if r["pct_diff"] is None else f"{r['pct_diff']:+.1f}%"
        click.echo(f"  {r['measure']:<24} {shown:>10} {change:>8}  "
                   f"{_significance(r['significant'])}")  # fmt: skip
