"""Import police.uk street, outcomes and stop-and-search files into a workspace.

Each file is one (force, dataset, month) partition. Importing it replaces that partition in
a single transaction, so importing the same file twice changes nothing and an interrupted
import leaves the workspace as it was before that file. Rows are never deduplicated:
identical rows are separate real records and Crime ID is not a key.

    >>> summary = import_police_uk(workspace, ["~/Downloads/2025-01.zip"])  # doctest: +SKIP
    >>> summary.rows_loaded  # doctest: +SKIP
    12144
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from policeplan.errors import FileRejected, PolicePlanError
from policeplan.ingest.police_uk_formats import (
    FileName,
    PoliceUkFormat,
    parse_file_name,
    recognise_header,
)
from policeplan.ingest.police_uk_partition import (
    ParserLostLines,
    Profile,
    check_name_matches_content,
    partition_from_content,
    partition_from_name,
    profile_rows,
)
from policeplan.ingest.police_uk_rows import Check, RowSql, read_lines, sql_text
from policeplan.ingest.sources import SourceFile, expand_sources
from policeplan.reference import CRIME_TYPES, outcome_groups
from policeplan.reference.forces import force_name_lookup
from policeplan.store import DATA_TABLES, Workspace

ProgressCallback = Callable[[int, int], None]


@dataclass
class FileResult:
    """What happened to one file. `status` is loaded, replaced or rejected."""

    path: str
    dataset: str | None
    force: str | None
    month: str | None
    status: str
    rows_loaded: int = 0
    rows_rejected: int = 0
    error: str | None = None


@dataclass
class ImportSummary:
    files: list[FileResult] = field(default_factory=list)
    unmapped_outcomes: Counter[str] = field(default_factory=Counter)

    @property
    def rows_loaded(self) -> int:
        return sum(f.rows_loaded for f in self.files)

    @property
    def rows_rejected(self) -> int:
        return sum(f.rows_rejected for f in self.files)

    def to_json(self) -> dict[str, Any]:
        return {
            "files": [asdict(f) for f in self.files],
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "files_rejected": sum(f.status == "rejected" for f in self.files),
            "unmapped_outcomes": dict(sorted(self.unmapped_outcomes.items())),
        }


# Files are imported this many at a time, each by its own connection and transaction:
# one file's statements run mostly on one core (line numbering is sequential).
IMPORT_THREADS = max(1, min(4, os.cpu_count() or 1))

PartitionKey = tuple[str, str, str]  # force, dataset, month


class _PartitionLocks:
    """One lock per partition, so two files of the same partition (the same month named
    twice, or a renamed copy) never replace it at the same time."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[PartitionKey, threading.Lock] = {}

    def __call__(self, key: PartitionKey) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())


T = TypeVar("T")


class _OwnTransaction:
    """The careful path: each file in its own transaction, its partition locked meanwhile."""

    careful = True

    def run(self, con: duckdb.DuckDBPyConnection, lock: threading.Lock, work: Callable[[], T]) -> T:
        with lock:
            con.execute("BEGIN TRANSACTION")
            try:
                result = work()
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            return result


class _SharedTransaction:
    """The fast path: a chunk of files in the caller's one transaction (one commit, not one
    per file); each file's partition stays locked until the chunk ends."""

    careful = False

    def __init__(self, held: ExitStack) -> None:
        self.held = held

    def run(self, con: duckdb.DuckDBPyConnection, lock: threading.Lock, work: Callable[[], T]) -> T:
        self.held.enter_context(lock)
        return work()


_Transaction = _OwnTransaction | _SharedTransaction

# Files of different partitions imported in one transaction. Any problem in a chunk (a
# rejected file, a row the parser cannot read…) rolls it back and its files are imported
# again one by one, so the outcome of every file is the same as on the careful path.
CHUNK_FILES = 16


def _same_partition_groups(
    sources: Sequence[SourceFile | FileRejected],
) -> list[tuple[bool, list[tuple[int, SourceFile | FileRejected]]]]:
    """Sources grouped by the partition their police.uk name says, in argument order, so
    that a partition named twice is imported in that order (the later file wins). Each
    group says whether its files are named the police.uk way."""
    groups: dict[object, list[tuple[int, SourceFile | FileRejected]]] = {}
    named: dict[object, bool] = {}
    for index, source in enumerate(sources):
        name = None if isinstance(source, FileRejected) else parse_file_name(source.name)
        key: object = index if name is None else (name.force, name.dataset, name.month)
        groups.setdefault(key, []).append((index, source))
        named[key] = name is not None
    return [(named[key], group) for key, group in groups.items()]


def import_police_uk(
    workspace: Workspace,
    paths: Sequence[str | Path],
    on_progress: ProgressCallback | None = None,
    threads: int = IMPORT_THREADS,
) -> ImportSummary:
    """Import every police.uk CSV named by `paths` (files, folders, `.zip` archives)."""
    summary = ImportSummary()
    with expand_sources(paths) as sources, workspace.connect() as con:
        # Checkpoint once at the end, not after each file's commit.
        con.execute("SET checkpoint_threshold = '1GB'")
        con.execute("SET auto_checkpoint_skip_wal_threshold = 1000000000")
        local = threading.local()
        locks = _PartitionLocks()

        def cursor() -> duckdb.DuckDBPyConnection:
            if not hasattr(local, "cursor"):
                local.cursor = con.cursor()
                _create_lookups(local.cursor)
            found: duckdb.DuckDBPyConnection = local.cursor
            return found

        def import_one(source: SourceFile | FileRejected) -> tuple[FileResult, Counter[str]]:
            if isinstance(source, FileRejected):
                return _rejected(source.file or "?", source), Counter()
            try:
                return _import_file(cursor(), source, locks, _OwnTransaction())
            except FileRejected as exc:
                return _rejected(source.display, exc), Counter()

        def import_task(task: _Task) -> list[tuple[int, tuple[FileResult, Counter[str]]]]:
            chunked, members = task
            if chunked:
                done = _import_chunk(cursor(), members, locks)
                if done is not None:
                    return done
            return [(index, import_one(source)) for index, source in members]

        results: dict[int, tuple[FileResult, Counter[str]]] = {}
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for finished in pool.map(import_task, _tasks(sources)):
                results.update(finished)
                if on_progress is not None:
                    on_progress(len(results), len(sources))
        for index in range(len(sources)):
            result, unmapped = results[index]
            summary.files.append(result)
            summary.unmapped_outcomes.update(unmapped)
    return summary


_Member = tuple[int, SourceFile | FileRejected]
_Task = tuple[bool, list[_Member]]  # (import as one chunk?, files in argument order)


def _tasks(sources: Sequence[SourceFile | FileRejected]) -> list[_Task]:
    """Work for the threads: files alone in their partition, named the police.uk way, go in
    chunks; files sharing a partition go one by one in argument order; the rest alone."""
    tasks: list[_Task] = []
    chunk: list[_Member] = []
    for named, group in _same_partition_groups(sources):
        if named and len(group) == 1:
            chunk.append(group[0])
            if len(chunk) == CHUNK_FILES:
                tasks.append((True, chunk))
                chunk = []
        else:
            tasks.append((False, group))
    if chunk:
        tasks.append((True, chunk))
    return tasks


def _import_chunk(
    con: duckdb.DuckDBPyConnection, members: list[_Member], locks: _PartitionLocks
) -> list[tuple[int, tuple[FileResult, Counter[str]]]] | None:
    """Import the chunk's files in one transaction, or return None (nothing changed) when
    any of them needs the careful path."""
    try:
        with ExitStack() as held:
            shared = _SharedTransaction(held)
            con.execute("BEGIN TRANSACTION")
            try:
                done = [
                    (index, _import_file(con, source, locks, shared))
                    for index, source in members
                    if isinstance(source, SourceFile)
                ]
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return done
    except (PolicePlanError, duckdb.Error, ParserLostLines):
        return None


def _rejected(path: str, exc: FileRejected, dataset: str | None = None) -> FileResult:
    return FileResult(path, dataset, None, None, "rejected", error=str(exc))


def _spellings(text: str) -> set[str]:
    """The forms a label is matched in: as written, lower case and upper case. Matching is
    exact on these (joining on computed keys would cost a string operation per row)."""
    return {text, text.lower(), text.upper()}


def _create_lookups(con: duckdb.DuckDBPyConnection) -> None:
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


def _read_header(source: SourceFile) -> list[str]:
    opener = gzip.open if source.path.name.lower().endswith(".gz") else open
    try:
        with opener(source.path, "rt", encoding="utf-8-sig", newline="") as text:
            first = text.readline()
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise FileRejected(f"cannot be read ({exc})", file=source.display) from exc
    if not first.strip():
        raise FileRejected("is empty: no header line", file=source.display)
    return next(csv.reader([first]))


def _fingerprint(path: Path) -> tuple[str, int | None]:
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


def _import_file(
    con: duckdb.DuckDBPyConnection,
    source: SourceFile,
    locks: _PartitionLocks,
    txn: _Transaction,
) -> tuple[FileResult, Counter[str]]:
    header = _read_header(source)
    fmt, positions = recognise_header(header, source.display)
    name = parse_file_name(source.name)
    rows = RowSql(fmt, header, positions)
    sha, counted = _fingerprint(source.path)
    with _reading(source):
        lines = _stage_lines(con, source, counted)
        try:
            return _load(con, source, rows, name, lines, sha, locks, txn, use_parser=True)
        except (duckdb.InvalidInputException, duckdb.ConversionException, ParserLostLines):
            # DuckDB's parser refused the file or lost lines (blank lines, a quoted line
            # break), so its rows cannot be numbered: split the raw lines instead (in a
            # chunk, the whole chunk goes back to the careful path first).
            if not txn.careful:
                raise
            return _load(con, source, rows, name, lines, sha, locks, txn, use_parser=False)


def _load(
    con: duckdb.DuckDBPyConnection,
    source: SourceFile,
    rows: RowSql,
    name: FileName | None,
    lines: int,
    sha: str,
    locks: _PartitionLocks,
    txn: _Transaction,
    use_parser: bool,
) -> tuple[FileResult, Counter[str]]:
    """Replace the file's partition with its good rows, in one transaction.

    A clean file (every line after the header a good row) takes two passes: counting its
    lines, and the insert. Only a file with bad rows is profiled and its rejects stored."""
    fmt = rows.fmt
    source_sql = rows.parsed_source(str(source.path)) if use_parser else rows.split_source()
    con.execute(f"CREATE OR REPLACE TEMP VIEW pp_rows AS {rows.derived(source_sql)}")
    profile = None
    if name is None:
        profile = profile_rows(con, lines, use_parser)
        force, month = partition_from_content(source, fmt, profile)
    else:
        force, month = partition_from_name(source, fmt, name)
    checks = rows.checks(month, force)
    first_failed = " ".join(f"WHEN {c.condition} THEN {i}" for i, c in enumerate(checks))
    # A view, not a table: a pass over the file costs less than materialising its rows.
    con.execute(
        "CREATE OR REPLACE TEMP VIEW pp_checked AS "
        f"SELECT *, CASE {first_failed} END AS reject_code FROM pp_rows"
    )
    params = {"force": force, "month": f"{month}-01", "dataset": fmt.dataset}
    return txn.run(
        con,
        locks((force, fmt.dataset, month)),
        lambda: _replace_partition(
            con, source, rows, checks, name, lines, sha, use_parser, profile, params
        ),
    )


def _replace_partition(
    con: duckdb.DuckDBPyConnection,
    source: SourceFile,
    rows: RowSql,
    checks: list[Check],
    name: FileName | None,
    lines: int,
    sha: str,
    use_parser: bool,
    profile: Profile | None,
    params: dict[str, str],
) -> tuple[FileResult, Counter[str]]:
    """Delete the partition and insert the file's rows (from `pp_checked`); the caller
    holds the transaction."""
    fmt, force, month = rows.fmt, params["force"], params["month"][:7]
    table = DATA_TABLES[fmt.dataset]
    existed = con.execute(
        "SELECT count(*) FROM partitions WHERE force = $force AND dataset = $dataset "
        "AND month = CAST($month AS DATE)",
        params,
    ).fetchone()
    con.execute(
        f"DELETE FROM {table} WHERE force = $force AND month = CAST($month AS DATE)",
        {"force": force, "month": params["month"]},
    )
    con.execute(
        "DELETE FROM rejects WHERE dataset = $dataset AND force = $force "
        "AND month = CAST($month AS DATE)",
        params,
    )
    loaded = _inserted(
        con,
        f"INSERT INTO {table} SELECT {rows.projection()} FROM pp_checked WHERE reject_code IS NULL",
        {"force": force},
    )
    rejected = 0
    if loaded != lines:
        profile = profile or profile_rows(con, lines, use_parser)
        if name is not None:
            check_name_matches_content(source, fmt, name, profile)
        rejected = profile.rows - loaded
        if rejected:
            _insert_rejects(con, checks, {**params, "file": source.display}, rejected)
    con.execute(
        "INSERT OR REPLACE INTO partitions VALUES "
        "($force, $dataset, CAST($month AS DATE), $file, $sha, $loaded, $rejected)",
        {
            **params,
            "file": source.display,
            "sha": sha,
            "loaded": loaded,
            "rejected": rejected,
        },
    )
    unmapped = _unmapped_outcomes(con, fmt, params)
    status = "replaced" if existed and existed[0] else "loaded"
    result = FileResult(source.display, fmt.dataset, force, month, status, loaded, rejected)
    return result, unmapped


def _insert_rejects(
    con: duckdb.DuckDBPyConnection, checks: list[Check], params: dict[str, str], expected: int
) -> None:
    """Store the rejected rows with the field and reason of the first check each fails."""
    field = " ".join(f"WHEN {i} THEN {sql_text(c.field)}" for i, c in enumerate(checks))
    reason = " ".join(f"WHEN {i} THEN {c.reason}" for i, c in enumerate(checks))
    stored = _inserted(
        con,
        "INSERT INTO rejects SELECT $dataset, $force, CAST($month AS DATE), $file, c.line, "
        f"CASE reject_code {field} END, CASE reject_code {reason} END, l.raw "
        "FROM pp_checked c JOIN pp_lines l ON l.line = c.line WHERE reject_code IS NOT NULL",
        params,
    )
    if stored != expected:
        raise RuntimeError(f"{params['file']}: {expected} rows rejected but {stored} stored")


def _inserted(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, str]) -> int:
    """Run an INSERT and return how many rows it inserted."""
    row = con.execute(sql, params).fetchone()
    return 0 if row is None else int(row[0])


def _stage_lines(con: duckdb.DuckDBPyConnection, source: SourceFile, counted: int | None) -> int:
    """Define the `pp_lines` view of the file's physical lines (read only when used) and
    return how many follow the header (counting them with DuckDB when not yet known)."""
    con.execute(f"CREATE OR REPLACE TEMP VIEW pp_lines AS {read_lines(str(source.path))}")
    if counted is not None:
        return counted
    found = con.execute("SELECT count(*) FROM pp_lines WHERE line > 1").fetchone()
    return 0 if found is None else int(found[0])


@contextmanager
def _reading(source: SourceFile) -> Iterator[None]:
    """Turn DuckDB's complaints about an unreadable file into a FileRejected."""
    try:
        yield
    except (duckdb.IOException, duckdb.InvalidInputException, duckdb.ConversionException) as exc:
        message = str(exc).splitlines()[0]
        raise FileRejected(f"cannot be read ({message})", file=source.display) from exc


def _unmapped_outcomes(
    con: duckdb.DuckDBPyConnection, fmt: PoliceUkFormat, params: dict[str, str]
) -> Counter[str]:
    """Outcome labels just loaded that the outcome-group table does not know."""
    label = {"street": "last_outcome", "outcomes": "outcome_type"}.get(fmt.dataset)
    if label is None:
        return Counter()
    rows = con.execute(
        f"SELECT {label}, count(*) FROM {DATA_TABLES[fmt.dataset]} WHERE force = $force "
        "AND month = CAST($month AS DATE) AND outcome_group = 'unmapped' GROUP BY 1",
        {"force": params["force"], "month": params["month"]},
    ).fetchall()
    return Counter({str(k): int(v) for k, v in rows})
