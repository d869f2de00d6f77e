"""The steps of one police.uk file's import that need no state of their own: reading its
header and fingerprint, staging its lines, the lookup tables, partition locks and the two
ways a file's replacement runs inside a transaction."""

from __future__ import annotations

import csv
import gzip
import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb

from policeplan.errors import FileRejected
from policeplan.ingest.police_uk_rows import Check, read_lines, sql_text
from policeplan.ingest.sources import SourceFile
from policeplan.reference import CRIME_TYPES, outcome_groups
from policeplan.reference.forces import force_name_lookup
from policeplan.store.transaction import transaction

PartitionKey = tuple[str, str, str]  # force, dataset, month
T = TypeVar("T")


class PartitionLocks:
    """One lock per partition, so two files of the same partition (the same month named
    twice, or a renamed copy) never replace it at the same time."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[PartitionKey, threading.Lock] = {}

    def __call__(self, key: PartitionKey) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())


class OwnTransaction:
    """The careful path: each file in its own transaction, its partition locked meanwhile."""

    careful = True

    def run(self, con: duckdb.DuckDBPyConnection, lock: threading.Lock, work: Callable[[], T]) -> T:
        with lock, transaction(con):
            return work()


class SharedTransaction:
    """The fast path: a chunk of files in the caller's one transaction (one commit, not one
    per file); each file's partition stays locked until the chunk ends."""

    careful = False

    def __init__(self, held: ExitStack) -> None:
        self.held = held

    def run(self, con: duckdb.DuckDBPyConnection, lock: threading.Lock, work: Callable[[], T]) -> T:
        self.held.enter_context(lock)
        return work()


Transaction = OwnTransaction | SharedTransaction


def _spellings(text: str) -> set[str]:
    """The forms a label is matched in: as written, lower case and upper case. Matching is
    exact on these (joining on computed keys would cost a string operation per row)."""
    return {text, text.lower(), text.upper()}


def create_lookups(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE pp_force_names (name_key VARCHAR, slug VARCHAR)")
    names = {
        spelling: slug
        for name, slug in force_name_lookup().items()
        for spelling in _spellings(name)
    }
    con.executemany("INSERT INTO pp_force_names VALUES (?, ?)", list(names.items()))
    con.execute("CREATE OR REPLACE TEMP TABLE pp_crime_types (key VARCHAR, label VARCHAR)")
    con.executemany(
        "INSERT INTO pp_crime_types VALUES (?, ?)",
        [(spelling, c) for c in CRIME_TYPES for spelling in _spellings(c)],
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pp_outcomes "
        "(label_key VARCHAR, outcome_group VARCHAR, solved BOOLEAN)"
    )
    con.executemany(
        "INSERT INTO pp_outcomes VALUES (?, ?, ?)",
        [(s, o.group, o.solved) for o in outcome_groups() for s in _spellings(o.label)],
    )


def read_header(source: SourceFile) -> list[str]:
    opener = gzip.open if source.path.name.lower().endswith(".gz") else open
    try:
        with opener(source.path, "rt", encoding="utf-8-sig", newline="") as text:
            first = text.readline()
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise FileRejected(f"cannot be read ({exc})", file=source.display) from exc
    if not first.strip():
        raise FileRejected("is empty: no header line", file=source.display)
    return next(csv.reader([first]))


def fingerprint(path: Path) -> tuple[str, int | None]:
    """The file's SHA-256 and, for an uncompressed file, its number of lines after the
    header, counted in the same read (a compressed file is counted by DuckDB instead)."""
    digest = hashlib.sha256()
    newlines, last = 0, b"\n"
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
            newlines += block.count(b"\n")
            last = block[-1:]
    if path.name.lower().endswith(".gz"):
        return digest.hexdigest(), None
    # As DuckDB counts them: a last line without a newline is a line; nothing after one isn't.
    lines = newlines + (last != b"\n")
    return digest.hexdigest(), max(0, lines - 1)


def stage_lines(con: duckdb.DuckDBPyConnection, source: SourceFile, counted: int | None) -> int:
    """Define the `pp_lines` view of the file's physical lines (read only when used) and
    return how many follow the header (counting them with DuckDB when not yet known)."""
    con.execute(f"CREATE OR REPLACE TEMP VIEW pp_lines AS {read_lines(str(source.path))}")
    if counted is not None:
        return counted
    found = con.execute("SELECT count(*) FROM pp_lines WHERE line > 1").fetchone()
    return 0 if found is None else int(found[0])


@contextmanager
def reading(source: SourceFile) -> Iterator[None]:
    """Turn DuckDB's complaints about an unreadable file into a FileRejected."""
    try:
        yield
    except (duckdb.IOException, duckdb.InvalidInputException, duckdb.ConversionException) as exc:
        message = str(exc).splitlines()[0]
        raise FileRejected(f"cannot be read ({message})", file=source.display) from exc


def inserted(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, str]) -> int:
    """Run an INSERT and return how many rows it inserted."""
    row = con.execute(sql, params).fetchone()
    return 0 if row is None else int(row[0])


def insert_rejects(
    con: duckdb.DuckDBPyConnection, checks: list[Check], params: dict[str, str], expected: int
) -> None:
    """Store the rejected rows with the field and reason of the first check each fails."""
    field = " ".join(f"WHEN {i} THEN {sql_text(c.field)}" for i, c in enumerate(checks))
    reason = " ".join(f"WHEN {i} THEN {c.reason}" for i, c in enumerate(checks))
    stored = inserted(
        con,
        "INSERT INTO rejects SELECT $dataset, $force, CAST($month AS DATE), $file, c.line, "
        f"CASE reject_code {field} END, CASE reject_code {reason} END, l.raw "
        "FROM pp_checked c JOIN pp_lines l ON l.line = c.line WHERE reject_code IS NOT NULL",
        params,
    )
    if stored != expected:
        raise RuntimeError(f"{params['file']}: {expected} rows rejected but {stored} stored")
