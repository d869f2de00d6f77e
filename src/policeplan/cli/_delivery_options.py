"""Options and helpers shared by `policeplan delivery …` and `policeplan delivery commitment …`."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click

from policeplan.config import Settings
from policeplan.delivery import Quarter
from policeplan.errors import FileNotReadable, InputError
from policeplan.store import Workspace
from policeplan.user_files import os_error_reason

__all__ = ["actor_option", "quarter_option", "read_text", "records_workspace"]


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return "unknown user"


actor_option = click.option(
    "--actor",
    default=_os_user,
    show_default="your user name",
    help="Who is making the change, as written in the audit log.",
)


def records_workspace(ctx: click.Context) -> Workspace:
    settings = ctx.find_object(Settings)
    assert settings is not None, "the root command always sets Settings"
    return Workspace(settings)  # the records store only: no need to open the analytics database


def _quarter(_ctx: click.Context, _param: click.Parameter, value: str) -> Quarter:
    try:
        return Quarter.parse(value)
    except InputError as exc:
        raise click.BadParameter(exc.message) from exc


quarter_option = click.option(
    "--quarter",
    required=True,
    callback=_quarter,
    help="Financial-year quarter, e.g. 2021/22 Q2 (= July–September 2021; 2021-22Q2 also).",
)


def read_text(path: str | None) -> str | None:
    """The text of the file at `path` (`-` = standard input), or None when no path is given."""
    if path is None:
        return None
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        reason = os_error_reason(exc, Path(path))
        raise FileNotReadable(f"cannot read the text: {reason}", file=path) from exc
    except UnicodeDecodeError as exc:
        raise InputError("cannot read the text: not UTF-8 text", file=path) from exc


__all__ = ["actor_option", "quarter_option", "read_text", "records_workspace"]
