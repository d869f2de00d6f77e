"""`policeplan rejects`"""

from __future__ import annotations

import click

from policeplan.cli._common import echo_json, json_option, open_workspace
from policeplan.store.rejects import list_rejects


@click.command("rejects")
@click.option("--dataset", default=None, help="street, outcomes, stop-and-search, home-office "
              "or measures.")  # fmt: skip
@click.option("--force", default=None, help="Only this force's rejects (slug).")
@click.option("--file", "file_contains", default=None, help="Only files whose path contains this.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="How many rejected rows to list.")  # fmt: skip
@json_option
@click.pass_context
def rejects_command(
    ctx: click.Context,
    dataset: str | None,
    force: str | None,
    file_contains: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List the rows imports kept aside: file, line, field, reason and the raw line."""
    found = list_rejects(open_workspace(ctx), dataset, force, file_contains, limit)
    if as_json:
        echo_json(found.to_json())
        return
    if not found.total:
        click.echo("No rejected rows.")
        return
    fields = ", ".join(f"{field} {n:,}" for field, n in found.by_field.items())
    click.echo(f"{found.total:,} rejected rows (by field: {fields}); the first {len(found.rows)}:")
    for r in found.rows:
        click.echo(f"  {r.file}, line {r.line}, field {r.field!r}: {r.reason}")
        if r.raw is not None:
            click.echo(f"    {r.raw}")
