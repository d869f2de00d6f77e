"""`policeplan user add|set-role|reset-password|list`: the web app's users.

Passwords come from a prompt (typed twice, not echoed) or from the first line of
--password-file; never from a command-line argument, which other users could see.
"""

from __future__ import annotations

from pathlib import Path

import click

from policeplan.cli._common import echo_json, json_option
from policeplan.cli._delivery_options import actor_option
from policeplan.cli._delivery_options import records_workspace as _workspace
from policeplan.records import USER_ROLES
from policeplan.user_files import reading_file
from policeplan.web.accounts import add_user, list_users, reset_password, set_role

role_option = click.option(
    "--role", type=click.Choice(USER_ROLES), required=True,
    help="admin (users), analyst (data, approval, publishing), lead (own strands), panel (read).",
)  # fmt: skip
strand_option = click.option(
    "--strand", "strands", multiple=True, metavar="CODE",
    help="A strand code a lead may change (repeat for several); leads only.",
)  # fmt: skip
password_file_option = click.option(
    "--password-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Read the password from the first line of this file instead of a prompt.",
)  # fmt: skip


def _password(path: Path | None) -> str:
    if path is None:
        return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))
    with reading_file(path):
        text = path.read_text(encoding="utf-8")
    return text.splitlines()[0] if text else ""


@click.group("user")
def user_group() -> None:
    """Users of the web app (`policeplan serve`) and their roles."""


@user_group.command("add")
@click.argument("name")
@role_option
@strand_option
@password_file_option
@actor_option
@click.pass_context
def add_command(ctx: click.Context, name: str, role: str, strands: tuple[str, ...],
                password_file: Path | None, actor: str) -> None:  # fmt: skip
    """Add user NAME with a role (a lead with --strand CODE for each of their strands)."""
    account = add_user(
        _workspace(ctx).settings, name, role=role, strands=strands,
        password=_password(password_file), actor=actor,
    )  # fmt: skip
    click.echo(f"Added {account.name} ({account.role}).")


@user_group.command("set-role")
@click.argument("name")
@role_option
@strand_option
@actor_option
@click.pass_context
def set_role_command(
    ctx: click.Context, name: str, role: str, strands: tuple[str, ...], actor: str
) -> None:
    """Change NAME's role (and a lead's strands); their sessions end."""
    account = set_role(_workspace(ctx).settings, name, role=role, strands=strands, actor=actor)
    click.echo(f"{account.name} is now {account.role}.")


@user_group.command("reset-password")
@click.argument("name")
@password_file_option
@actor_option
@click.pass_context
def reset_password_command(
    ctx: click.Context, name: str, password_file: Path | None, actor: str
) -> None:
    """Give NAME a new password; their sessions end."""
    reset_password(_workspace(ctx).settings, name, password=_password(password_file), actor=actor)
    click.echo(f"New password set for {name}.")


@user_group.command("list")
@json_option
@click.pass_context
def list_command(ctx: click.Context, as_json: bool) -> None:
    """Every user with their role and strands."""
    accounts = list_users(_workspace(ctx).settings)
    if as_json:
        echo_json([account.to_dict() for account in accounts])
        return
    for account in accounts:
        strands = f"  strands: {' '.join(account.strands)}" if account.strands else ""
        state = "" if account.active else "  (disabled)"
        click.echo(f"{account.name:<24} {account.role:<8}{strands}{state}")
