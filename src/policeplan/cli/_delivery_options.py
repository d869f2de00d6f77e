"""Options shared by the `delivery` commands: who acts (`--actor`), the quarter, and the
workspace handle (the records store only)."""

from __future__ import annotations

import getpass

import click

from policeplan.config import Settings
from policeplan.delivery import Quarter
from policeplan.errors import InputError
from policeplan.store import Workspace

__all__ = ["actor_option", "quarter_option", "records_workspace"]


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
