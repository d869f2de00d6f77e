"""`policeplan publish`: the approved, read-only snapshot of the plan as static files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from policeplan.cli._common import open_workspace
from policeplan.cli._delivery_options import actor_option


@click.command("publish")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write the static files into this folder (any web server can serve it). "
    "Without it, publish to the workspace's public site (/public/ of serve).",
)
@actor_option
@click.pass_context
def publish_command(ctx: click.Context, out: Path | None, actor: str) -> None:  # fmt: skip
    """Publish the plan page and the approved strand updates, nothing else."""
    from policeplan.web.publish import publish, publish_to_site

    workspace = open_workspace(ctx)
    now = datetime.now(UTC)
    if out is None:
        result = publish_to_site(workspace, workspace, by=actor, now=now)
    else:
        result = publish(workspace, workspace, out, by=actor, now=now)
    click.echo(f"Published {len(result.files)} files to {result.folder}")
