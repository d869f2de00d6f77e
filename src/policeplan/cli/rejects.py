"""`policeplan rejects`"""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.cli.table_options import table_file_options, write_table_files
from policeplan.render import rejects_text
from policeplan.render.tables import rejects_table
from policeplan.store.rejects import list_rejects


@click.command("rejects")
@click.option(
    "--dataset",
    default=None,
    help="street, outcomes, stop-and-search, records, home-office or measures.",
)
@click.option("--force", default=None, help="Only this force's rejects (slug).")
@click.option("--file", "file_contains", default=None, help="Only files whose path contains this.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="How many rejected rows to list.")  # fmt: skip
@json_option
@table_file_options
@click.pass_context
def rejects_command(
    ctx: click.Context,
    dataset: str | None,
    force: str | None,
    file_contains: str | None,
    limit: int,
    as_json: bool,
    csv_path: Path | None,
    xlsx_path: Path | None,
) -> None:
    """List the rows imports kept aside: file, line, field, reason and the raw line."""
    found = list_rejects(open_workspace(ctx), dataset, force, file_contains, limit)
    write_table_files(rejects_table(found), csv_path=csv_path, xlsx_path=xlsx_path)
    if as_json:
        echo_json(found.to_dict())
    else:
        click.echo(rejects_text(found))
