"""`policeplan import population FILE`: newer ONS population estimates for rates."""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option
from policeplan.cli._import_outcome import open_real_workspace, run_import
from policeplan.ingest.population import import_population


@click.command("population")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--source", default=None, help="Where the figures come from (default: the file name)."
)
@click.option("--year", type=click.IntRange(1990, 2100), default=None,
              help="The mid-year of an ONS table that has no year column (e.g. 2024).")  # fmt: skip
@json_option
@click.pass_context
def import_population_command(
    ctx: click.Context, file: Path, source: str | None, year: int | None, as_json: bool
) -> None:
    """Import population estimates, used before the bundled ONS tables for their year.

    \b
    Columns: area,year,population — area a force (slug or name), a district (LAD code or
    name) or an Essex LPA; or an ONS mid-year estimates table as published
    (Code,Name,Geography,All ages,…) with --year. All rows or none; earlier figures are
    kept, the newest import of an area and year is used.
    """
    workspace = open_real_workspace(ctx)
    done = run_import(ctx, lambda: import_population(workspace, file, source=source, year=year))
    if as_json:
        echo_json(done.to_dict())
        return
    kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(done.by_kind.items()))
    years = ", ".join(str(y) for y in done.years)
    skipped = (
        f"; {done.rows_skipped:,} rows of other geographies skipped" if done.rows_skipped else ""
    )
    click.echo(
        f"Loaded {done.rows_loaded:,} population figures ({kinds}) for {years} "
        f"from {done.file}, source {done.source!r}{skipped}."
    )
