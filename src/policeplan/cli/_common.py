"""What every command shares: error handling, JSON output, the workspace from the context."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from policeplan.config import Settings
from policeplan.errors import PolicePlanError
from policeplan.store import Workspace


class PolicePlanGroup(click.Group):
    """A click group that turns PolicePlanError into a one-line message and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PolicePlanError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


def open_workspace(ctx: click.Context) -> Workspace:
    settings = ctx.find_object(Settings)
    assert settings is not None, "the root command always sets Settings"
    return Workspace.open(settings)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, sort_keys=False, default=str))


json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print machine-readable JSON instead of text."
)
