"""A report as a typed document: sections of paragraphs, lists, tables and charts.

`reports/<kind>.py` builds one from library results; `render/html` and `render/xlsx` turn
it into a file. Tables hold typed cells (a value and a number format), never formatted
text, so the spreadsheet gets real numbers and the HTML the same numbers formatted once
(`render.html.numbers`). Nothing here computes a figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

__all__ = [
    "Block",
    "BulletList",
    "Cell",
    "CellFormat",
    "Chart",
    "Icon",
    "Icons",
    "Paragraph",
    "Report",
    "Section",
    "Table",
]

# How a cell's value is shown: `signed_*` put a + on increases; `percent1` values are
# percentages already (-5.7 means -5.7%).
CellFormat = Literal[
    "text",
    "integer",
    "signed_integer",
    "decimal1",
    "signed_decimal1",
    "decimal3",
    "percent1",
    "signed_percent1",
]
CellValue = str | int | float | None
ParagraphStyle = Literal["text", "narrative", "note", "missing", "commitment", "lead-in"]


@dataclass(frozen=True)
class Cell:
    """One table cell: a value (None = no figure) and how it is shown."""

    value: CellValue
    format: CellFormat = "text"

    @classmethod
    def text(cls, value: str | None) -> Cell:
        return cls(value, "text")

    @classmethod
    def number(cls, value: int | float | None, format: CellFormat = "integer") -> Cell:
        return cls(value, format)


@dataclass(frozen=True)
class Table:
    """A table with one header row; the first column names the row. `key` names its
    spreadsheet sheet; `wide` asks for small type (many columns)."""

    key: str
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str | None = None
    wide: bool = False

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(
                    f"table {self.key}: a row has {len(row)} cells, not {len(self.header)}"
                )


@dataclass(frozen=True)
class Paragraph:
    """Text: the report's own words, `narrative` a person wrote (shown as written),
    a `note`, or a `missing` notice."""

    text: str
    style: ParagraphStyle = "text"
    label: str | None = None  # e.g. "North LPA", shown before narrative


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    style: ParagraphStyle = "text"


@dataclass(frozen=True)
class Chart:
    """A chart: its Vega-Lite definition ({} for a map drawn directly), the SVG drawn from
    it and its text alternative."""

    key: str
    title: str
    spec: dict[str, Any]
    svg: str
    alt: str


@dataclass(frozen=True)
class Icon:
    """A small picture with its text alternative (a Making Data Count icon), and the
    words shown beside it."""

    name: str
    svg: str
    alt: str
    caption: str


@dataclass(frozen=True)
class Icons:
    """A row of icons."""

    icons: tuple[Icon, ...]


Block = Paragraph | BulletList | Table | Chart | Icons


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dataclass(frozen=True)
class Report:
    """A whole report. `data_label` is "synthetic demo data" for a demo workspace."""

    kind: str
    title: str
    subtitle: str
    quarter_label: str
    generated_at: datetime
    data_label: str | None
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def tables(self) -> list[Table]:
        """Every table, in reading order."""
        return [
            block
            for top in self.sections
            for section in top.walk()
            for block in section.blocks
            if isinstance(block, Table)
        ]

    def charts(self) -> list[Chart]:
        return [
            block
            for top in self.sections
            for section in top.walk()
            for block in section.blocks
            if isinstance(block, Chart)
        ]
