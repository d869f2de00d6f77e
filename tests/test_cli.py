"""Every command has --help and is documented; errors are one line with the right exit code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from tests.conftest import REPO


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    # list_commands/get_command, not .commands: the root group loads its commands lazily.
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        path = (*prefix, name)
        yield path
        if isinstance(command, click.Group):
            yield from commands(command, path)


ALL_COMMANDS = sorted(commands(cli))
TOP_LEVEL = [path[0] for path in ALL_COMMANDS if len(path) == 1]


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_every_top_level_command_is_documented() -> None:
    text = (REPO / "README.md").read_text() + "".join(
        p.read_text() for p in sorted((REPO / "docs").glob("*.md"))
    )
    undocumented = [name for name in TOP_LEVEL if f"{name} " not in text]
    assert undocumented == []


def test_library_error_is_one_line_and_exit_1(settings: Settings) -> None:
    result = CliRunner().invoke(
        cli,
        ["--workspace", str(settings.workspace), "indicator", "burglry", "--force", "essex",
         "--to", "2025-01"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: field 'measure': unknown crime measure 'burglry'; did you mean 'burglary'?"
    )
    assert "Traceback" not in result.output


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "indicator"])
    assert result.exit_code == 2
