"""Commands loaded when used, so `policeplan --help` and `--version` start fast.

Importing every command module at start-up pulls in scipy, SQLAlchemy, Alembic and
openpyxl (about a second) before anything is done. The root group instead maps each
command name to `module:attribute` and the one-line help shown by `policeplan --help`;
a command's module is imported only when that command runs (or its own --help is asked).
`tests/test_cli.py` checks that every listed help line matches the command's docstring.

    >>> spec = LazyCommand("policeplan.cli.demo:demo_command", "Build a demo workspace.")
    >>> spec.load().name
    'demo'
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import click

__all__ = ["LazyCommand", "LazyCommands"]


@dataclass(frozen=True)
class LazyCommand:
    target: str  # "package.module:attribute"
    short_help: str  # the start of the command's docstring (may end in "…")

    def load(self) -> click.Command:
        module_name, attribute = self.target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.target} is not a click command")
        return command


class LazyCommands(click.Group):
    """A click group whose `lazy_commands` are imported on first use. Mix it in before
    another group class: `class Root(LazyCommands, PolicePlanGroup)`."""

    def __init__(self, *args: Any, lazy_commands: Mapping[str, LazyCommand] | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            self.add_command(self.lazy_commands[cmd_name].load(), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of --help, from the stored help lines (nothing imported)."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            loaded = self.commands.get(name)
            if loaded is not None:
                if loaded.hidden:
                    continue
                rows.append((name, loaded.get_short_help_str(limit)))
            else:
                stored = self.lazy_commands[name].short_help
                rows.append((name, _shortened(stored, limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _shortened(text: str, limit: int) -> str:
    """`text` cut at a word to fit `limit` characters, ending in "..." as click does.

    >>> _shortened("Show which data the workspace holds", 20)
    'Show which data...'
    """
    cut_short = text.endswith("…")
    text = text.rstrip("…")
    if len(text) <= limit:
        return f"{text}..." if cut_short else text
    cut = text[: max(0, limit - 3)].rsplit(" ", 1)[0]
    return f"{cut.rstrip(',:;')}..."
