"""What every command shares: error handling, JSON output, the workspace from the context."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from policeplan.cli._errors import command_line_args, error_line
from policeplan.config import Settings
from policeplan.jsonsafe import dumps
from policeplan.store import Workspace

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class PolicePlanGroup(click.Group):
    """A click group whose errors reach the user as one line: a PolicePlanError or any
    unexpected exception gives `Error: …` and exit code 1 (the traceback only with
    `--traceback` or POLICEPLAN_TRACEBACK=1), Ctrl-C one line and exit code 130. Usage
    errors stay click's (exit code 2)."""

    def invoke(self, ctx: click.Context) -> Any:
        args = command_line_args(ctx)
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if "Query interrupted" in str(exc):  # Ctrl-C stopping a DuckDB query
                click.echo("Interrupted.", err=True)
                sys.exit(EXIT_INTERRUPTED)
            settings = ctx.find_object(Settings)
            if settings is not None and settings.show_traceback:
                raise
            click.echo(f"Error: {error_line(ctx, args, exc)}", err=True)
            sys.exit(EXIT_ERROR)


def open_workspace(ctx: click.Context) -> Workspace:
    settings = ctx.find_object(Settings)
    assert settings is not None, "the root command always sets Settings"
    return Workspace.open(settings)


def echo_json(data: Any) -> None:
    """Strict JSON: no NaN or infinity ever reaches the output (they become null)."""
    click.echo(dumps(data, indent=2))


SHOWN_REJECTS = 20


def echo_rejects(rows_rejected: int, rejects: Sequence[Any]) -> None:
    """The first rejected rows (each with `describe()`), and how many more there are."""
    if not rows_rejected:
        click.echo("No rows rejected.")
        return
    click.echo(f"{rows_rejected:,} rows rejected (kept in the rejects table):")
    for reject in rejects[:SHOWN_REJECTS]:
        click.echo(f"  {reject.describe()}")
    if rows_rejected > SHOWN_REJECTS:
        click.echo(f"  … and {rows_rejected - SHOWN_REJECTS:,} more (use --json for all)")


json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print machine-readable JSON instead of text."
)


class ProgressBar:
    """Adapts the library's `on_progress(done, total)` callbacks to a click progress bar on
    standard error, created once the total is known.

        with ProgressBar("Importing") as progress:
            import_police_uk(workspace, paths, on_progress=progress)
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self._bar: Any = None
        self._shown = 0

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return  # a log or a pipe gets the result, not a bar drawn line by line
        if self._bar is None:
            self._bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._shown)
        self._shown = done

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
