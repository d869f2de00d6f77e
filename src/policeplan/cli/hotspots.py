"""`policeplan hotspots MEASURE --force F --to YYYY-MM`: statistically tested hotspots."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli._options import force_option, months_option, to_option
from policeplan.hotspots import MAX_CELL_M, MIN_CELL_M, HotspotQuery, hotspot_analysis
from policeplan.indicators.plan_context import loaded_plan
from policeplan.reference import get_force
from policeplan.render.hotspot_map import hotspot_html
from policeplan.render.hotspot_text import hotspot_lines, write_cells_csv


@click.command("hotspots")
@click.argument("measure")
@force_option
@to_option
@months_option
@click.option(
    "--cell",
    "cell_m",
    type=int,
    default=250,
    show_default=True,
    help=f"Cell size in metres ({MIN_CELL_M} to {MAX_CELL_M:,}).",
)
@click.option(
    "--weights",
    type=click.Choice(["harm", "count"]),
    default="harm",
    show_default=True,
    help="harm: each row weighted by its category's ONS Crime Severity Score weight; "
    "count: every row counts 1.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="How many ranked cells to show (0: all cells with rows or hot).",
)
@click.option(
    "--quarters",
    type=click.IntRange(min=2),
    default=4,
    show_default=True,
    help="Quarters (ending at --to) across which cells are classed persistent, emerging…",
)
@click.option(
    "--study-area",
    type=click.Choice(["force", "box"]),
    default="force",
    show_default=True,
    help="force: cells inside the force's bundled outline plus every cell with rows "
    "(the rectangle when no outline is bundled); box: every cell of the rectangle spanning "
    "the located rows. Empty cells in the study area count as 0.",
)
@json_option
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write every ranked cell to this CSV file.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write an offline HTML map with the ranked table to this file.",
)
@click.pass_context
def hotspots_command(
    ctx: click.Context,
    measure: str,
    force: str,
    to: str,
    months: int,
    cell_m: int,
    weights: str,
    top: int,
    quarters: int,
    study_area: str,
    as_json: bool,
    csv_path: Path | None,
    html_path: Path | None,
) -> None:
    """Where MEASURE (a crime measure, counted or harm-weighted) clusters: grid cells tested
    with Getis-Ord Gi* and a Benjamini-Hochberg false-discovery-rate correction, with
    concentration and stability. Results are at the scale of police.uk snap points and cells,
    never addresses."""
    workspace = open_workspace(ctx)
    query = HotspotQuery(
        measure=measure,
        force=get_force(force).slug,
        to=to,
        months=months,
        cell_m=cell_m,
        weights=weights,
        top=top,
        quarters=quarters,
        study_area=study_area,
    )
    result = hotspot_analysis(workspace, query, loaded_plan(workspace))
    if csv_path is not None:
        written = write_cells_csv(result, csv_path)
        click.echo(f"Wrote {written:,} cells to {csv_path}", err=True)
    if html_path is not None:
        html_path.write_text(hotspot_html(result), encoding="utf-8")
        click.echo(f"Wrote the map to {html_path}", err=True)
    if as_json:
        echo_json(result.to_dict())
    else:
        for line in hotspot_lines(result):
            click.echo(line)
