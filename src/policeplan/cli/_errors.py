"""One line for any error: library errors in their own words with the field named as the
command's flag, anything unexpected with its kind and a pointer to `--traceback`."""

from __future__ import annotations

import click

from policeplan.errors import InputError, PolicePlanError


def command_line_args(ctx: click.Context) -> list[str]:
    """The arguments after the group's own options (read before the group runs them)."""
    protected = getattr(ctx, "_protected_args", None)  # click >= 8.2
    if protected is None:
        protected = ctx.protected_args
    return [*protected, *ctx.args]


def error_line(ctx: click.Context, args: list[str], exc: BaseException) -> str:
    """The message after `Error: `, on one line; `args` are the group's arguments."""
    if isinstance(exc, InputError):
        text = _input_error(ctx, args, exc)
    elif isinstance(exc, PolicePlanError):
        text = str(exc)
    else:
        detail = str(exc) or "no details"
        text = f"unexpected {type(exc).__name__}: {detail} (rerun with --traceback for details)"
    return " ".join(text.split())


def _input_error(ctx: click.Context, args: list[str], exc: InputError) -> str:
    flag = _flag_for(ctx, args, exc.field) if exc.field else None
    if flag is None:
        return str(exc)
    where = [exc.file] if exc.file else []
    if exc.line is not None:
        where.append(f"line {exc.line}")
    where.append(flag)
    return f"{', '.join(where)}: {exc.message}"


def _flag_for(ctx: click.Context, args: list[str], field: str) -> str | None:
    """The option of the command being run whose name is `field` (e.g. group -> --group)."""
    command = _invoked_command(ctx, args)
    wanted = field.replace("-", "_")
    for param in command.params if command is not None else []:
        if isinstance(param, click.Option) and (param.name == wanted or f"--{field}" in param.opts):
            return max(param.opts, key=len)
    return None


def _invoked_command(ctx: click.Context, args: list[str]) -> click.Command | None:
    """The innermost command the arguments name, walking nested groups."""
    command: click.Command = ctx.command
    while isinstance(command, click.Group):
        names = [a for a in args if a in command.commands]
        if not names:
            return None
        args = args[args.index(names[0]) + 1 :]
        command = command.commands[names[0]]
    return command
