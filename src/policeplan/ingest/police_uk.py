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

import os
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from policeplan.errors import FileRejected, PolicePlanError
from policeplan.ingest.interrupted import ImportInterrupted
from policeplan.ingest.police_uk_file import (
    FileImport,
    FileResult,
    ImportOptions,
    ImportRun,
    Outcome,
    rejected,
)
from policeplan.ingest.police_uk_formats import parse_file_name
from policeplan.ingest.police_uk_partition import ParserLostLines
from policeplan.ingest.police_uk_steps import (
    OwnTransaction,
    PartitionLocks,
    SharedTransaction,
    create_lookups,
)
from policeplan.ingest.sources import SourceFile, expand_sources
from policeplan.store import Workspace
from policeplan.store.history import HistoryIds
from policeplan.store.transaction import transaction

__all__ = ["FileResult", "ImportOptions", "ImportSummary", "import_police_uk"]

ProgressCallback = Callable[[int, int], None]


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

    @property
    def files_rejected(self) -> int:
        return sum(f.status == "rejected" for f in self.files)

    @property
    def files_unchanged(self) -> int:
        return sum(f.status == "unchanged" for f in self.files)

    @property
    def complete(self) -> bool:
        """Every file loaded (or was already held) and no row was rejected."""
        return self.files_rejected == 0 and self.rows_rejected == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": [asdict(f) for f in self.files],
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "files_rejected": self.files_rejected,
            "unmapped_outcomes": dict(sorted(self.unmapped_outcomes.items())),
            "files_unchanged": self.files_unchanged,
            "complete": self.complete,
        }


# Files are imported this many at a time, each by its own connection and transaction:
# one file's statements run mostly on one core (line numbering is sequential).
IMPORT_THREADS = max(1, min(4, os.cpu_count() or 1))

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
    options: ImportOptions | None = None,
) -> ImportSummary:
    """Import every police.uk CSV named by `paths` (files, folders, `.zip` archives).

    Ctrl-C raises ImportInterrupted (a KeyboardInterrupt) saying how many files were
    committed: files already committed stay, the others leave their partitions unchanged."""
    summary = ImportSummary()
    results: dict[int, Outcome] = {}
    total = 0
    try:
        with expand_sources(paths) as sources, workspace.connect() as con:
            total = len(sources)
            # Checkpoint once at the end, not after each file's commit.
            con.execute("SET checkpoint_threshold = '1GB'")
            con.execute("SET auto_checkpoint_skip_wal_threshold = 1000000000")
            run = ImportRun(PartitionLocks(), HistoryIds(con), options or ImportOptions())
            _import_all(con, sources, run, results, threads, on_progress)
            for index in range(len(sources)):
                result, unmapped = results[index]
                summary.files.append(result)
                summary.unmapped_outcomes.update(unmapped)
            con.execute("CHECKPOINT")
    except (KeyboardInterrupt, duckdb.InterruptException, RuntimeError) as exc:
        # Ctrl-C reaches a worker thread's query as DuckDB's interrupt (raised as
        # InterruptException or, from some threads, RuntimeError "Query interrupted").
        if not isinstance(exc, KeyboardInterrupt) and not _is_interrupt(exc):
            raise
        committed = sum(r.status != "rejected" for r, _ in results.values())
        raise ImportInterrupted(committed, total) from exc
    return summary


def _is_interrupt(exc: BaseException) -> bool:
    """Whether `exc` is DuckDB's report of a query stopped by Ctrl-C."""
    return isinstance(exc, duckdb.InterruptException) or "Query interrupted" in str(exc)


def _import_all(
    con: duckdb.DuckDBPyConnection,
    sources: Sequence[SourceFile | FileRejected],
    run: ImportRun,
    results: dict[int, Outcome],
    threads: int,
    on_progress: ProgressCallback | None,
) -> None:
    """Import the files on `threads` threads, filling `results` as transactions commit."""
    local = threading.local()

    def cursor() -> duckdb.DuckDBPyConnection:
        if not hasattr(local, "cursor"):
            local.cursor = con.cursor()
            create_lookups(local.cursor)
        found: duckdb.DuckDBPyConnection = local.cursor
        return found

    def import_one(source: SourceFile | FileRejected) -> Outcome:
        if isinstance(source, FileRejected):
            return rejected(source.file or "?", source), Counter()
        try:
            return FileImport(cursor(), source, run, OwnTransaction()).run()
        except FileRejected as exc:
            return rejected(source.display, exc), Counter()

    def import_task(task: _Task) -> list[tuple[int, Outcome]]:
        chunked, members = task
        if chunked and not run.stop.is_set():
            done = _import_chunk(cursor(), members, run)
            if done is not None:
                return done
        finished = []
        for index, source in members:
            if run.stop.is_set():
                break
            finished.append((index, import_one(source)))
        return finished

    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures: list[Future[list[tuple[int, Outcome]]]] = [
            pool.submit(import_task, task) for task in _tasks(sources)
        ]
        try:
            for future in futures:
                results.update(future.result())
                if on_progress is not None:
                    on_progress(len(results), len(sources))
        except BaseException:
            # Ctrl-C (or a bug): start nothing new, let running transactions end, and
            # count what they committed.
            run.stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
            for future in futures:
                if future.done() and not future.cancelled() and future.exception() is None:
                    results.update(future.result())
            raise


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
    con: duckdb.DuckDBPyConnection, members: list[_Member], run: ImportRun
) -> list[tuple[int, Outcome]] | None:
    """Import the chunk's files in one transaction, or return None (nothing changed) when
    any of them needs the careful path."""
    try:
        with ExitStack() as held, transaction(con):
            shared = SharedTransaction(held)
            return [
                (index, FileImport(con, source, run, shared).run())
                for index, source in members
                if isinstance(source, SourceFile)
            ]
    except (PolicePlanError, duckdb.Error, ParserLostLines):
        return None
