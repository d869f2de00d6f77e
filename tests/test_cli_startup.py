"""Start-up: `policeplan --help` and `--version` import no heavy library and answer fast;
the root group's stored help lines match the commands they stand for."""

from __future__ import annotations

import subprocess
import sys
import time

import click
import pytest

from policeplan.cli import LAZY_COMMANDS, cli

HEAVY = ("scipy", "sqlalchemy", "alembic", "openpyxl", "numpy", "yaml")
START_UP_GOAL_SECONDS = 0.5


def _modules_loaded_by(args: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from policeplan.cli import cli\n"
        f"try:\n    cli.main({args!r}, standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(out.splitlines()[-1].split())


@pytest.mark.parametrize("args", [["--help"], ["--version"]], ids=" ".join)
def test_help_and_version_import_no_heavy_library(args: list[str]) -> None:
    loaded = _modules_loaded_by(args)
    assert [m for m in HEAVY if m in loaded] == []


@pytest.mark.slow
def test_help_and_version_answer_within_half_a_second() -> None:
    best = min(_wall(["--version"]) for _ in range(3))
    best_help = min(_wall(["--help"]) for _ in range(3))
    # Machines shared by several test runs are slow; twice the goal still fails a regression
    # to the old ~1.2 s start-up. `make bench` reports the real figure against 0.5 s.
    assert best < 2 * START_UP_GOAL_SECONDS
    assert best_help < 2 * START_UP_GOAL_SECONDS


def _wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from policeplan.cli import main; main()", *args],
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
def test_stored_help_line_is_the_start_of_the_command_docstring(name: str) -> None:
    command = LAZY_COMMANDS[name].load()
    assert command.name == name
    help_text = " ".join((command.help or "").split())
    assert help_text.startswith(LAZY_COMMANDS[name].short_help.rstrip("…"))


def test_root_help_lists_every_command_with_its_help() -> None:
    ctx = click.Context(cli)
    listed = cli.get_help(ctx)
    for name in LAZY_COMMANDS:
        assert f"  {name} " in listed
