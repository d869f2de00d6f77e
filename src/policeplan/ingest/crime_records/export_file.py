"""The export file itself: its encoding, delimiter and header, which header column each
mapped column is, and a copy in one shape DuckDB reads line-numbered when the file cannot
be read directly (a spreadsheet, Windows-1252 text, a quoted line break, a short row).

    >>> export = inspect_export(Path("crimes.csv"), mapping)  # doctest: +SKIP
    >>> export.encoding, export.delimiter  # doctest: +SKIP
    ('utf-8-sig', ';')
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import gzip
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from policeplan.errors import FileRejected
from policeplan.ingest.crime_records._keys import did_you_mean
from policeplan.ingest.crime_records.mapping import CrimeRecordsMapping
from policeplan.ingest.csv_rows import WHOLE_ROW, RowReject, normalise_column
from policeplan.user_files import reading_file

__all__ = [
    "ExportFile",
    "Fingerprint",
    "fingerprint",
    "inspect_export",
    "resolve_columns",
    "utf8_or_cp1252",
    "write_line_numbered",
]

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")
DELIMITER_CANDIDATES = (",", ";", "\t", "|")
_BLOCK = 1 << 20


@dataclass(frozen=True)
class ExportFile:
    """What the import needs to know about an export before reading its rows."""

    path: Path
    display: str
    spreadsheet: bool
    encoding: str  # utf-8, utf-8-sig or cp1252 ("xlsx" for a spreadsheet)
    delimiter: str
    header: tuple[str, ...]
    sheet: str | None = None


@dataclass(frozen=True)
class Fingerprint:
    """The file's SHA-256 (as stored) and its number of physical lines after the header
    (decompressed; None for a spreadsheet): DuckDB's rows can be numbered by line only
    when it finds exactly that many rows."""

    sha256: str
    data_lines: int | None


def _opener(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def fingerprint(export: ExportFile) -> Fingerprint:
    """Hash the file and count its lines in one read (a compressed file is hashed as
    stored and counted decompressed; a spreadsheet's lines are not counted). Runs beside
    DuckDB in a thread: hashing and reading release the interpreter lock."""
    digest, newlines, last = hashlib.sha256(), 0, b"\n"
    count = not export.spreadsheet
    compressed = export.path.name.lower().endswith(".gz")
    try:
        with export.path.open("rb") as raw:
            for block in iter(lambda: raw.read(_BLOCK), b""):
                digest.update(block)
                if count and not compressed:
                    newlines += block.count(b"\n")
                    last = block[-1:]
        if count and compressed:
            with _opener(export.path) as data:
                for block in iter(lambda: data.read(_BLOCK), b""):
                    newlines += block.count(b"\n")
                    last = block[-1:]
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise FileRejected(f"cannot read the file ({exc})", file=export.display) from exc
    if not count:
        return Fingerprint(digest.hexdigest(), None)
    # As DuckDB counts them: a last line without a newline is a line.
    lines = newlines + (last != b"\n")
    return Fingerprint(digest.hexdigest(), max(0, lines - 1))


def inspect_export(
    path: Path, mapping: CrimeRecordsMapping, display: str | None = None
) -> ExportFile:
    """Find the file's encoding, delimiter and header (declared in the mapping's `file:`
    section, else detected from its start). Raises FileRejected when it cannot be read."""
    shown = display or str(path)
    with reading_file(shown):
        if path.is_dir():
            raise IsADirectoryError(path)
        if path.name.lower().endswith(SPREADSHEET_SUFFIXES):
            return _inspect_spreadsheet(path, shown, mapping.sheet)
        try:
            with _opener(path) as data:
                first = data.read(65536)
        except (EOFError, gzip.BadGzipFile) as exc:
            raise FileRejected(f"not a readable gzip file ({exc})", file=shown) from exc
    encoding = mapping.encoding
    if encoding == "detect":
        # UTF-8 unless the start says otherwise; DuckDB's reader checks the rest, and a
        # file it refuses is read again through `utf8_or_cp1252`.
        encoding = "utf-8-sig" if first.startswith(codecs.BOM_UTF8) else "utf-8"
        try:
            first.decode("utf-8-sig", errors="strict")
        except UnicodeDecodeError as exc:
            if exc.start < len(first) - 4:  # not just a character cut by the block's end
                encoding = "cp1252"
    head = first.decode(encoding, errors="replace").lstrip("\ufeff")
    header_line = head.splitlines()[0] if head.strip() else ""
    if not header_line.strip():
        raise FileRejected("the file is empty: expected a header row", file=shown, line=1)
    delimiter = mapping.delimiter or _detect_delimiter(header_line)
    header = tuple(next(csv.reader([header_line], delimiter=delimiter)))
    return ExportFile(path, shown, False, encoding, delimiter, header)


def _detect_delimiter(header_line: str) -> str:
    """The candidate found most often in the header outside quotes (',' when none is).

    >>> _detect_delimiter('"Crime Reference";"Recorded";"Offence, detail"')
    ';'
    """
    unquoted = "".join(part for i, part in enumerate(header_line.split('"')) if i % 2 == 0)
    counts = {d: unquoted.count(d) for d in DELIMITER_CANDIDATES}
    best = max(DELIMITER_CANDIDATES, key=lambda d: counts[d])
    return best if counts[best] else ","


def utf8_or_cp1252(export: ExportFile) -> ExportFile:
    """The export with its encoding checked over the whole file: a file assumed UTF-8
    that is not becomes Windows-1252 (what spreadsheets save "as CSV" on Windows)."""
    if export.encoding not in ("utf-8", "utf-8-sig"):
        return export
    decoder = codecs.getincrementaldecoder("utf-8")()
    with _opener(export.path) as data:
        try:
            for block in iter(lambda: data.read(_BLOCK), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return dataclasses.replace(export, encoding="cp1252")
    return export


def resolve_columns(export: ExportFile, mapping: CrimeRecordsMapping) -> dict[str, int]:
    """Header position of every column the mapping reads (exact name first, then ignoring
    case, spaces and punctuation). A column the file lacks is refused, naming the mapping
    key and suggesting the nearest header column."""
    exact = {name.strip(): i for i, name in reversed(list(enumerate(export.header)))}
    loose = {normalise_column(name): i for i, name in reversed(list(enumerate(export.header)))}
    positions: dict[str, int] = {}
    for key_path, column in mapping.columns_read():
        found = exact.get(column.strip(), loose.get(normalise_column(column)))
        if found is None:
            header = [h for h in export.header if h.strip()]
            hint = did_you_mean(column, header)
            if not hint:
                hint = f"; the header has {', '.join(repr(h) for h in header)}"
            raise FileRejected(
                f"the mapping ({mapping.source}, {key_path}) names column {column!r}, which "
                f"the file does not have{hint}",
                file=export.display,
                line=1,
                field=column,
            )
        positions[column] = found
    return positions


def write_line_numbered(
    export: ExportFile, target: Path, keep: set[int]
) -> tuple[int, list[RowReject]]:
    """Copy the export's rows into `target`: UTF-8, comma-separated, one row per line, a
    first column `line` (where the record starts in the export) and the header's columns
    after it (only those in `keep`; the others are left empty: never read, never copied).
    Returns how many rows it wrote and the records that do not have the header's number
    of fields."""
    width = len(export.header)
    rejects: list[RowReject] = []
    written = 0
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["line", *(f"c{i}" for i in range(width))])
        for line, record in _records(export):
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != width:
                reason = f"has {len(record)} fields, the header has {width}"
                raw = export.delimiter.join(
                    cell if i in keep else "" for i, cell in enumerate(record)
                )
                rejects.append(RowReject(export.display, line, WHOLE_ROW, reason, raw))
                continue
            writer.writerow([line, *(cell if i in keep else "" for i, cell in enumerate(record))])
            written += 1
    return written, rejects


def _records(export: ExportFile) -> Iterator[tuple[int, list[str]]]:
    """(line the record starts on, fields) for every record after the header."""
    if export.spreadsheet:
        yield from _sheet_records(export)
        return
    with (
        _opener(export.path) as data,
        io.TextIOWrapper(data, encoding=export.encoding, errors="replace", newline="") as text,
    ):
        counter = _LineCounter(text)
        reader = csv.reader(counter, delimiter=export.delimiter)
        next(reader, None)
        start = counter.count + 1
        for record in reader:
            yield start, record
            start = counter.count + 1


class _LineCounter(Iterator[str]):
    """Lines for csv.reader, counted (csv.reader does not read ahead)."""

    def __init__(self, source: IO[str]) -> None:
        self._source = source
        self.count = 0

    def __next__(self) -> str:
        line = self._source.readline()
        if not line:
            raise StopIteration
        self.count += 1
        return line


def _inspect_spreadsheet(path: Path, shown: str, sheet: str | None) -> ExportFile:
    rows = _sheet_rows(path, shown, sheet)
    header = next(rows, None)
    if header is None or not any(cell.strip() for cell in header):
        raise FileRejected("the sheet is empty: expected a header row", file=shown, line=1)
    return ExportFile(path, shown, True, "xlsx", ",", tuple(header), sheet)


def _sheet_rows(path: Path, shown: str, sheet: str | None) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # imported here: only spreadsheets need it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise FileRejected(f"not a readable .xlsx workbook ({exc})", file=shown) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            hint = did_you_mean(sheet, book.sheetnames) or f"; sheets: {book.sheetnames}"
            raise FileRejected(f"no sheet {sheet!r}{hint}", file=shown, field="file.sheet")
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        for values in worksheet.iter_rows(values_only=True):
            yield [_cell_text(value) for value in values]
    finally:
        book.close()


def _sheet_records(export: ExportFile) -> Iterator[tuple[int, list[str]]]:
    rows = _sheet_rows(export.path, export.display, export.sheet)
    next(rows, None)
    width = len(export.header)
    for number, row in enumerate(rows, start=2):
        # Spreadsheet rows are as wide as the widest: trailing empty cells are not fields.
        while len(row) > width and not row[-1]:
            row.pop()
        yield number, row + [""] * (width - len(row))


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text an export would hold: dates ISO, whole numbers
    without '.0', a time of day HH:MM:SS."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d" if value.time() == dt.time() else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
