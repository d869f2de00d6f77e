"""Read a CSV file for import: columns matched by normalised name, every record with the
line it starts on and its raw text, so a rejected row can be shown exactly as written.

Column names are normalised before matching, so `Number of Offences`,
`Number_of_Offences` and `number.of.offences` are one column (`number_of_offences`).
A file that cannot be read, or lacks a required column, raises FileRejected; a record
with the wrong number of fields becomes a RowReject and the other rows still load.
"""

from __future__ import annotations

import csv
import difflib
import gzip
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from policeplan.errors import BadFieldError, FileRejected
from policeplan.user_files import reading_file

__all__ = [
    "WHOLE_ROW",
    "BadFieldError",
    "Column",
    "CsvRow",
    "RowReject",
    "normalise_column",
    "read_csv_rows",
]

# The field of a reject about the record as a whole (wrong number of fields).
WHOLE_ROW = "row"


def normalise_column(name: str) -> str:
    """`'Number of Offences'`, `'Number_of_Offences'` and `' number.of.offences '` all
    become `'number_of_offences'`."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


@dataclass(frozen=True)
class Column:
    """A column an importer reads: `name` is the key rows use; `spellings` are the headers
    accepted for it (normalised when matched; the first is shown in messages)."""

    name: str
    spellings: tuple[str, ...]
    required: bool = True

    @property
    def display(self) -> str:
        return self.spellings[0]


@dataclass(frozen=True)
class CsvRow:
    """One record: `line` is the line it starts on (the header is line 1), `values` maps
    each matched Column.name to its text with surrounding spaces removed ('' if absent)."""

    line: int
    values: Mapping[str, str]
    raw: str


@dataclass(frozen=True)
class RowReject:
    """A row that was not loaded and why. `period_start` is the first day of the period
    the row belonged to, when known (stored in the `month` column of `rejects`)."""

    file: str
    line: int
    field: str
    reason: str
    raw: str
    period_start: date | None = None

    def describe(self) -> str:
        """One line for people: `line 7, force_name: unknown force 'Esex'…`."""
        return f"line {self.line}, {self.field}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "reason": self.reason,
            "raw": self.raw,
        }


def read_csv_rows(
    path: Path, columns: Sequence[Column], *, display: str | None = None
) -> tuple[list[CsvRow], list[RowReject]]:
    """The rows of a CSV file, and the records that could not be split into the header's
    columns. `display` is how messages name the file (default: the path).

    Raises FileRejected when the file cannot be read or a required column is missing.
    """
    shown = display or str(path)
    text = _read_text(path, shown)
    lines = _RecordingLines(io.StringIO(text, newline=""))
    reader = csv.reader(lines)
    line = 1
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise FileRejected("the file is empty: expected a header row", file=shown, line=1)
        positions = _match_header(header, columns, shown)
        rows: list[CsvRow] = []
        rejects: list[RowReject] = []
        line = lines.count + 1
        lines.consumed.clear()
        for record in reader:
            raw = "".join(lines.consumed).rstrip("\r\n")
            lines.consumed.clear()
            if record and any(cell.strip() for cell in record):
                if len(record) == len(header):
                    values = {name: record[i].strip() for name, i in positions.items()}
                    values.update({c.name: "" for c in columns if c.name not in positions})
                    rows.append(CsvRow(line, values, raw))
                else:
                    reason = f"has {len(record)} fields, the header has {len(header)}"
                    rejects.append(RowReject(shown, line, WHOLE_ROW, reason, raw))
            line = lines.count + 1
    except csv.Error as exc:
        raise FileRejected(f"not a readable CSV file ({exc})", file=shown, line=line) from exc
    return rows, rejects


def _read_text(path: Path, shown: str) -> str:
    with reading_file(shown):
        data = path.read_bytes()
    try:
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise FileRejected(f"not a readable .gz file ({exc})", file=shown) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Spreadsheets saved "as CSV" on Windows write cp1252, not UTF-8.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileRejected(
            "not a text CSV file (neither UTF-8 nor Windows-1252): save it as CSV UTF-8",
            file=shown,
        ) from exc


def _match_header(header: list[str], columns: Sequence[Column], shown: str) -> dict[str, int]:
    normalised = [normalise_column(cell) for cell in header]
    positions: dict[str, int] = {}
    missing: list[str] = []
    for column in columns:
        wanted = [normalise_column(s) for s in column.spellings]
        found = next((i for i, name in enumerate(normalised) if name in wanted), None)
        if found is not None:
            positions[column.name] = found
        elif column.required:
            missing.append(_describe_missing(column, header, normalised))
    if missing:
        raise FileRejected(
            f"missing column(s) {'; '.join(missing)}; the header has "
            f"{', '.join(repr(cell) for cell in header if cell.strip())}",
            file=shown,
            line=1,
        )
    return positions


def _describe_missing(column: Column, header: list[str], normalised: list[str]) -> str:
    candidates = [n for n in normalised if n]
    for spelling in column.spellings:
        close = difflib.get_close_matches(normalise_column(spelling), candidates, n=1, cutoff=0.6)
        if close:
            original = header[normalised.index(close[0])]
            return f"{column.display!r} (did you mean {original!r}?)"
    return repr(column.display)


class _RecordingLines(Iterator[str]):
    """Lines for csv.reader that remembers the ones it handed out since the last clear,
    which after each record are exactly that record's raw text (csv.reader does not
    read ahead)."""

    def __init__(self, source: io.StringIO) -> None:
        self._source = source
        self.consumed: list[str] = []
        self.count = 0

    def __next__(self) -> str:
        line = self._source.readline()
        if not line:
            raise StopIteration
        self.consumed.append(line)
        self.count += 1
        return line
