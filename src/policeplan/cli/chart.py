"""`policeplan chart KIND MEASURE`: one chart, written to .svg, .png, .html or .vl.json."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import open_workspace
from policeplan.cli._options import area_option, force_option, to_option
from policeplan.errors import InputError
from policeplan.indicators import MsgQuery, SpcQuery, msg_comparison, spc_chart
from policeplan.indicators.area_series import area_series
from policeplan.indicators.card import msg_rank_ranges
from policeplan.indicators.spc_series import SpcOptions
from policeplan.indicators.windows import Window
from policeplan.render.charts import (
    VegaLiteSpec,
    area_months_spec,
    funnel_spec,
    monthly_comparison_spec,
    msg_positions_spec,
    msg_ranking_spec,
    save_chart,
)
from policeplan.render.charts.from_results import (
    area_months,
    funnel_input,
    monthly_series,
    msg_ranking,
    position_history,
    spc_chart_spec,
)
from policeplan.store import Workspace

KINDS = ("monthly", "spc", "funnel", "msg-bars", "msg-positions", "area-months")
# Months shown by default: monthly bars, SPC, the MSG window, small multiples.
DEFAULT_MONTHS = {"monthly": 12, "spc": 36, "funnel": 12, "msg-bars": 12,
                  "msg-positions": 12, "area-months": 24}  # fmt: skip


@click.command("chart")
@click.argument("kind", type=click.Choice(KINDS), metavar="KIND")
@click.argument("measure")
@force_option
@to_option
@click.option(
    "--months",
    type=int,
    default=None,
    help="Months shown (monthly 12, spc 36, area-months 24) or the MSG window (12).",
)
@area_option
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write: .svg, .png, .html (self-contained) or .vl.json (Vega-Lite).",
)
@click.pass_context
def chart_command(
    ctx: click.Context,
    kind: str,
    measure: str,
    force: str,
    to: str,
    months: int | None,
    area: str | None,
    out: Path,
) -> None:
    """Draw a chart of MEASURE: monthly (bars beside the same months a year earlier), spc
    (Making Data Count), funnel (the MSG funnel plot), msg-bars (MSG rates with rank
    ranges), msg-positions (sparkline of MSG positions) or area-months (local policing
    area x month small multiples)."""
    spec = chart_spec(open_workspace(ctx), kind, measure, force, to,
                      months or DEFAULT_MONTHS[kind], area)  # fmt: skip
    written = save_chart(spec, out)
    click.echo(f"{kind} chart of {measure} written to {written}")


def chart_spec(
    workspace: Workspace,
    kind: str,
    measure: str,
    force: str,
    to: str,
    months: int,
    area: str | None,
) -> VegaLiteSpec:
    """The chart's Vega-Lite definition: a library call, an adapter and a chart builder."""
    if kind == "spc" and months < 2:
        raise InputError("an SPC chart needs at least two months", field="months")
    if kind in ("monthly", "spc"):
        span = months + 12 if kind == "monthly" else months
        window = Window.ending(to, span)
        query = SpcQuery(measure, force, window.first, window.last, area)
        result = spc_chart(workspace, query, options=SpcOptions(trim_missing_start=True))
        if kind == "spc":
            return spc_chart_spec(result)
        return monthly_comparison_spec(monthly_series(result), months=months)
    if kind == "area-months":
        return area_months_spec(area_months(area_series(workspace, measure, force,
                                                        Window.ending(to, months))))  # fmt: skip
    comparison = msg_comparison(workspace, MsgQuery(measure, force, to, months))
    if kind == "funnel":
        return funnel_spec(funnel_input(comparison))
    if kind == "msg-bars":
        return msg_ranking_spec(msg_ranking(comparison, msg_rank_ranges(comparison)))
    return msg_positions_spec(position_history(comparison))
