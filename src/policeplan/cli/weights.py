"""`policeplan weights …`: the harm weights (bundled ONS CSS, and tables the user loads)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.indicators.harm import loaded_tables
from policeplan.indicators.harm_css import css_category_weights
from policeplan.ingest.harm_weights import load_harm_weights
from policeplan.reference import get_force
from policeplan.reference.css_weights import CSS_TABLE
from policeplan.render import weights_text
from policeplan.render.text.weights import weights_list_text


@click.group("weights")
def weights_group() -> None:
    """Harm weights by crime type: the bundled ONS Crime Severity Score weights, and tables
    you load (e.g. a Cambridge Crime Harm Index)."""


@click.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--version", "version", required=True, help="Name of this weights table.")
@click.option("--source", default=None, help="Where the weights come from (citation).")
@click.option("--vintage", default=None, help="Edition or year of the weights, e.g. 2023.")
@click.pass_context
def load_weights_command(
    ctx: click.Context, path: Path, version: str, source: str | None, vintage: str | None
) -> None:
    """Load a CSV of `crime_type,weight[,source]` as weights table VERSION."""
    loaded = load_harm_weights(open_workspace(ctx), path, version, source, vintage)
    click.echo(weights_text(loaded))


@click.command("show")
@click.option("--force", required=True, help="Force slug or name, e.g. essex.")
@json_option
@click.pass_context
def show_weights_command(ctx: click.Context, force: str, as_json: bool) -> None:
    """The ONS CSS weight of each police.uk category for FORCE, averaged over the force's
    offence mix (Home Office table, when imported) or the national mix, and which was used."""
    with open_workspace(ctx).connect(read_only=True) as con:
        weights = css_category_weights(con, get_force(force).slug)
        tables = loaded_tables(con)
    if as_json:
        echo_json({**weights.to_dict(), "loaded_tables": [t.__dict__ for t in tables]})
        return
    click.echo(f"{weights.table.name}: {weights.table.vintage}")
    click.echo(f"  source: {weights.table.source} ({weights.table.licence})")
    click.echo(f"  {weights.mix}")
    for crime_type, weight in weights.weights.items():
        click.echo(f"  {crime_type:<30} {weight:>10,.2f}")
    click.echo(f"  {'Anti-social behaviour':<30} {'no weight':>10}")
    for note in weights.notes:
        click.echo(f"  note: {note}")
    for table in tables:
        click.echo(
            f"loaded table {table.version!r}: {table.crime_types} crime types; source "
            f"{table.source or 'not recorded'}; vintage {table.vintage or 'not recorded'}"
        )


@click.command("list")
@json_option
@click.pass_context
def list_weights_command(ctx: click.Context, as_json: bool) -> None:
    """List the weights tables held: the bundled ONS CSS table and each loaded table, with
    source and vintage."""
    with open_workspace(ctx).connect(read_only=True) as con:
        tables = loaded_tables(con)
    if as_json:
        echo_json({"bundled": asdict(CSS_TABLE), "loaded": [asdict(t) for t in tables]})
    else:
        click.echo(weights_list_text(CSS_TABLE, tables))


weights_group.add_command(load_weights_command)
weights_group.add_command(list_weights_command)
weights_group.add_command(show_weights_command)
