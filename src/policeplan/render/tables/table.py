"""A table as a file reader sees it: a name, column headings, rows of real values, and the
Excel number format of each numeric column.

Builders turn one typed result into a `Table` (see `policeplan.render.tables.delivery`);
`write_csv` and `write_xlsx` write any `Table`. Cells are kept as numbers, never formatted
strings, so a spreadsheet can sum and chart them.

    >>> table = Table("Risks", ("Risk", "Rating"), ((1, "high"),))
    >>> table.column("Rating")
    ['high']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

Cell = str | int | float | bool | date | datetime | None

# Excel formats for the usual kinds of number.
COUNT = "#,##0"
RATE = "#,##0.00"
PERCENT = "0.0%"
RATIO = "0.000"


@dataclass(frozen=True)
class Table:
    """`name` becomes the sheet name; `number_formats` maps a column to its Excel format."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    number_formats: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(
                    f"a row of {self.name!r} has {len(row)} cells, not {len(self.columns)}"
                )
        unknown = set(self.number_formats) - set(self.columns)
        if unknown:
            raise ValueError(f"number formats for unknown columns: {sorted(unknown)}")

    def column(self, name: str) -> list[Cell]:
        """Every value of one column, in row order."""
        index = self.columns.index(name)
        return [row[index] for row in self.rows]


def table(
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    number_formats: Mapping[str, str] | None = None,
) -> Table:
    """A `Table` from any sequences (the builders' shorthand)."""
    return Table(
        name,
        tuple(columns),
        tuple(tuple(row) for row in rows),
        MappingProxyType(dict(number_formats or {})),
    )
