"""`--csv PATH` and `--xlsx PATH` for any table command, in two lines per command:

    @table_file_options                       # adds the options (passed as csv_path, xlsx_path)
    def some_command(..., csv_path: Path | None, xlsx_path: Path | None) -> None:
        write_table_files(some_table(result), csv_path=csv_path, xlsx_path=xlsx_path)

The printed output (text or --json) is unchanged; the files are written as well.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from policeplan.render.tables import Table, write_csv, write_xlsx

F = TypeVar("F", bound=Callable[..., Any])

_path = click.Path(dir_okay=True, path_type=Path)  # a folder given is refused by the writer


def table_file_options(command: F) -> F:
    """Add `--csv PATH` and `--xlsx PATH` (keyword arguments csv_path, xlsx_path)."""
    command = click.option(
        "--xlsx",
        "xlsx_path",
        type=_path,
        default=None,
        metavar="PATH",
        help="Also write the table to an Excel file (one sheet, header row frozen).",
    )(command)
    return click.option(
        "--csv",
        "csv_path",
        type=_path,
        default=None,
        metavar="PATH",
        help="Also write the table to a CSV file (UTF-8, real numbers, a header row).",
    )(command)


def write_table_files(
    table: Table, *, csv_path: Path | None = None, xlsx_path: Path | None = None
) -> None:
    """Write `table` to each file asked for; FileNotWritable names a path that cannot be."""
    if csv_path is not None:
        write_csv(table, csv_path)
    if xlsx_path is not None:
        write_xlsx(table, xlsx_path)
