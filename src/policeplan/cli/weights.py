"""`policeplan weights …`: the harm weights tables."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import open_workspace
from policeplan.ingest.harm_weights import load_harm_weights
from policeplan.render import weights_text


@click.group("weights")
def weights_group() -> None:
    """Harm weights (crime severity by crime type). None ship with policeplan."""


@click.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--version", "version", required=True, help="Name of this weights table.")
@click.option("--source", default=None, help="Where the weights come from (citation).")
@click.pass_context
def load_weights_command(ctx: click.Context, path: Path, version: str, source: str | None) -> None:
    """Load a CSV of `crime_type,weight[,source]` as weights table VERSION."""
    loaded = load_harm_weights(open_workspace(ctx), path, version, source)
    click.echo(weights_text(loaded))


weights_group.add_command(load_weights_command)
