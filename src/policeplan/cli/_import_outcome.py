"""What the import commands share: refusing a demo workspace, Ctrl-C, and exit codes.

Exit codes of `policeplan import …` (documented in README and docs/data-safety.md):
0 everything loaded (or was already held), 3 finished but rows or files were rejected
(as rsync's 23 says "partial transfer"), 1 an error (nothing of a failing file loaded,
or every file rejected), 2 a usage error, 130 interrupted by Ctrl-C.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from policeplan.cli._common import EXIT_ERROR, EXIT_INTERRUPTED, open_workspace
from policeplan.errors import ConfigurationError, FileRejected
from policeplan.ingest.interrupted import ImportInterrupted
from policeplan.ingest.shrink import ALLOW_SHRINK_HINT
from policeplan.store import Workspace

EXIT_REJECTS = 3  # beside _common's EXIT_ERROR (1) and EXIT_INTERRUPTED (130)

T = TypeVar("T")

allow_shrink_option = click.option(
    "--allow-shrink",
    is_flag=True,
    help="Replace held data even when the new file has far fewer rows (under half) or "
    "lacks offences held; refused without it.",
)


def open_real_workspace(ctx: click.Context) -> Workspace:
    """The workspace, refusing a demo one: real data is never mixed with synthetic data."""
    workspace = open_workspace(ctx)
    if workspace.is_demo():
        raise ConfigurationError(
            f"{workspace.path} is a demo workspace (synthetic data); real data is never "
            "imported into it. Start a real workspace with --workspace DIR, e.g. "
            "`policeplan --workspace policeplan-workspace import …`"
        )
    return workspace


def with_flag(message: str) -> str:
    """A library refusal that can be allowed, with the flag that allows it."""
    return message.replace(ALLOW_SHRINK_HINT, f"{ALLOW_SHRINK_HINT} (--allow-shrink)")


def run_import(ctx: click.Context, work: Callable[[], T]) -> T:
    """Run an import; on Ctrl-C print one line saying what was committed and exit 130; a
    refused shrink names the flag that allows it."""
    try:
        return work()
    except FileRejected as exc:
        if ALLOW_SHRINK_HINT not in exc.message:
            raise
        raise FileRejected(with_flag(exc.message), file=exc.file, line=exc.line) from exc
    except KeyboardInterrupt as exc:
        message = (
            exc.message()
            if isinstance(exc, ImportInterrupted)
            else ImportInterrupted(0, 0).message()
        )
        click.echo(message, err=True)
        ctx.exit(EXIT_INTERRUPTED)
        raise  # unreachable: ctx.exit raises


def exit_for(ctx: click.Context, *, nothing_loaded: bool, rejects: bool) -> None:
    """Exit 1 when nothing loaded, 3 when something was rejected, else return (exit 0)."""
    if nothing_loaded:
        ctx.exit(EXIT_ERROR)
    if rejects:
        ctx.exit(EXIT_REJECTS)
