"""`policeplan msg MEASURE --force F --to YYYY-MM`: the Most Similar Group table."""

from __future__ import annotations

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import (
    direction_option,
    force_option,
    months_option,
    source_option,
    to_option,
)
from policeplan.cli._plan import plan_if_loaded
from policeplan.indicators.counts import HOME_OFFICE, POLICE_UK
from policeplan.indicators.msg import MsgComparison, msg_comparison

_SOURCES = {POLICE_UK: "police.uk street records", HOME_OFFICE: "Home Office recorded crime"}
_OUTSIDE = {
    "above 99.8": "above its 99.8% limit",
    "above 95": "above its 95% limit",
    "below 95": "below its 95% limit",
    "below 99.8": "below its 99.8% limit",
}


@click.command("msg")
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
@json_option
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
    as_json: bool,
) -> None:
    """Compare a force with its Most Similar Group on MEASURE: rates per 1,000 people,
    ranks, the MSG average, the top quartile, the change needed to reach each, and a
    funnel plot showing which differences are more than chance.
    """
    workspace = open_workspace(ctx)
    # Without a plan --group is required; msg_comparison says so when it is missing.
    plan = plan_if_loaded(workspace)
    result = msg_comparison(
        workspace,
        measure,
        force,
        to,
        months=months,
        group=group.split(",") if group is not None else None,
        source=source,
        plan=plan,
        direction=direction,
    )
    if as_json:
        echo_json(result.to_json())
        return
    for line in msg_lines(result):
        click.echo(line)


def msg_lines(result: MsgComparison) -> list[str]:
    """The comparison as a readable table and summary lines."""
    data = result.to_json()
    name = result.force.short_name
    lines = [f"[{result.data_label}]"] if result.data_label else []
    better = "lower" if result.direction == "down" else "higher"
    lines += [
        f"{result.measure.title}: {name} and its Most Similar Group",
        f"{result.window.label()} ({_SOURCES[result.source]}); population: ONS mid-"
        f"{data['population_year']} estimate; {better} is better",
        "",
        f"{'Rank':>4}  {'Force':<20} {'Count':>9} {'Population':>11} {'Per 1,000':>10}  Funnel",
    ]
    funnel = {f["force"]: f["outside"] for f in data["funnel"]}
    for row in data["rows"]:
        marker = "*" if row["force"] == result.force.slug else " "
        outside = _OUTSIDE.get(funnel[row["force"]], "within its 95% limits")
        lines.append(
            f"{row['rank']:>4}{marker} {row['name']:<20} {row['count']:>9,} "
            f"{row['population']:>11,} {row['rate_per_1000']:>10.1f}  {outside}"
        )
    lines += [
        "",
        f"MSG average: {data['msg_average_rate']:.1f} per 1,000 ({data['msg_average_note']})",
        f"Top quartile: rank {data['top_quartile_rank']} or better, "
        f"{data['top_quartile_rate']:.1f} per 1,000 or {better}",
        f"{name}: rank {data['force_rank']} of {data['group_size']}, "
        f"{data['force_rate_per_1000']:.1f} per 1,000",
        f"Change to reach the MSG average: {_offences(data['change_to_average'])}",
        f"Change to reach the top quartile: {_offences(data['change_to_top_quartile'])}",
    ]
    if result.aspiration is not None:
        met = "met" if result.aspiration_met else "not met"
        lines.append(f"Aspiration ({result.aspiration}): {met}")
    else:
        lines.append("Aspiration: none set")
    lines += [
        f"Funnel: group rate {data['funnel_group_rate']:.1f} per 1,000; {name} is "
        + _OUTSIDE.get(data["force_outside_funnel"], "within its 95% limits"),
        data["significance_note"],
        f"Allowing for the usual spread between forces (random-effects funnel, tau "
        f"{data['funnel_random_effects']['tau_per_1000']:.1f} per 1,000): {name} is "
        + _OUTSIDE.get(data["force_outside_random_effects"], "within its 95% limits"),
        "Positions over the last 12 windows (oldest first): "
        + " ".join("·" if rank is None else str(rank) for rank in data["positions"]),
    ]
    for excluded in data["excluded"]:
        lines.append(f"Excluded: {excluded['name']}: {excluded['reason']}")
    return lines


def _offences(change: int) -> str:
    if change == 0:
        return "0 (already there)"
    return f"{change:+,} offences"
