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
from policeplan.ingest.police_uk_rows import Check, RowSql
from policeplan.ingest.police_uk_steps import (
    OwnTransaction,
    PartitionLocks,
    SharedTransaction,
    Transaction,
    create_lookups,
    fingerprint,
    insert_rejects,
    inserted,
    read_header,
    reading,
    stage_lines,
)
from policeplan.ingest.shrink import ShrinkRefused, shrinks_sharply
from policeplan.ingest.sources import SourceFile, expand_sources
from policeplan.store import DATA_TABLES, Workspace
from policeplan.store.history import HistoryIds, PartitionKey, keep_version, record_replacement
from policeplan.store.transaction import transaction

ProgressCallback = Callable[[int, int], None]


@dataclass
class FileResult:
    """What happened to one file. `status` is loaded, replaced, unchanged (the partition
    already holds this very file: nothing written) or rejected."""

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

    def to_json(self) -> dict[str, Any]:
        return {
            "files": [asdict(f) for f in self.files],
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "files_rejected": self.files_rejected,
            "unmapped_outcomes": dict(sorted(self.unmapped_outcomes.items())),
            "files_unchanged": self.files_unchanged,
            "complete": self.complete,
        }


@dataclass(frozen=True)
class ImportOptions:
    """How an import treats what the workspace holds."""

    allow_shrink: bool = False  # replace a partition even with far fewer rows
    command: str = "import police-uk"  # recorded in the import history


# Files are imported this many at a time, each by its own connection and transaction:
# one file's statements run mostly on one core (line numbering is sequential).
IMPORT_THREADS = max(1, min(4, os.cpu_count() or 1))

# Files of different partitions imported in one transaction. Any problem in a chunk (a
# rejected file, a row the parser cannot read…) rolls it back and its files are imported
# again one by one, so the outcome of every file is the same as on the careful path.
CHUNK_FILES = 16


@dataclass
class _Run:
    """What every file of one import shares."""

    locks: PartitionLocks
    ids: HistoryIds
    options: ImportOptions
    stop: threading.Event = field(default_factory=threading.Event)


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


_Outcome = tuple[FileResult, Counter[str]]


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
    results: dict[int, _Outcome] = {}
    total = 0
    try:
        with expand_sources(paths) as sources, workspace.connect() as con:
            total = len(sources)
            # Checkpoint once at the end, not after each file's commit.
            con.execute("SET checkpoint_threshold = '1GB'")
            con.execute("SET auto_checkpoint_skip_wal_threshold = 1000000000")
            run = _Run(PartitionLocks(), HistoryIds(con), options or ImportOptions())
            _import_all(con, sources, run, results, threads, on_progress)
            for index in range(len(sources)):
                result, unmapped = results[index]
                summary.files.append(result)
                summary.unmapped_outcomes.update(unmapped)
            con.execute("CHECKPOINT")
    except KeyboardInterrupt as exc:
        committed = sum(r.status != "rejected" for r, _ in results.values())
        raise ImportInterrupted(committed, total) from exc
    return summary


def _import_all(
    con: duckdb.DuckDBPyConnection,
    sources: Sequence[SourceFile | FileRejected],
    run: _Run,
    results: dict[int, _Outcome],
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

    def import_one(source: SourceFile | FileRejected) -> _Outcome:
        if isinstance(source, FileRejected):
            return _rejected(source.file or "?", source), Counter()
        try:
            return _FileImport(cursor(), source, run, OwnTransaction()).run()
        except FileRejected as exc:
            return _rejected(source.display, exc), Counter()

    def import_task(task: _Task) -> list[tuple[int, _Outcome]]:
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
        futures: list[Future[list[tuple[int, _Outcome]]]] = [
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
    con: duckdb.DuckDBPyConnection, members: list[_Member], run: _Run
) -> list[tuple[int, _Outcome]] | None:
    """Import the chunk's files in one transaction, or return None (nothing changed) when
    any of them needs the careful path."""
    try:
        with ExitStack() as held, transaction(con):
            shared = SharedTransaction(held)
            return [
                (index, _FileImport(con, source, run, shared).run())
                for index, source in members
                if isinstance(source, SourceFile)
            ]
    except (PolicePlanError, duckdb.Error, ParserLostLines):
        return None


def _rejected(path: str, exc: FileRejected, dataset: str | None = None) -> FileResult:
    return FileResult(path, dataset, None, None, "rejected", error=str(exc))


@dataclass
class _FileImport:
    """One file's import: read its header and fingerprint, find its partition, and replace
    the partition with its good rows (through `txn`, which holds the transaction)."""

    con: duckdb.DuckDBPyConnection
    source: SourceFile
    run_context: _Run
    txn: Transaction

    def run(self) -> _Outcome:
        header = read_header(self.source)
        fmt, positions = recognise_header(header, self.source.display)
        self.name: FileName | None = parse_file_name(self.source.name)
        self.rows = RowSql(fmt, header, positions)
        self.sha, counted = fingerprint(self.source.path)
        if self.name is not None:
            # The very file its partition holds: answer before reading it again.
            force, month = partition_from_name(self.source, fmt, self.name)
            self.params = {"force": force, "month": f"{month}-01", "dataset": fmt.dataset}
            held = self._held()
            if held is not None and held[0] == self.sha:
                return self._unchanged(held)
        with reading(self.source):
            self.lines = stage_lines(self.con, self.source, counted)
            try:
                return self._load(use_parser=True)
            except (duckdb.InvalidInputException, duckdb.ConversionException, ParserLostLines):
                # DuckDB's parser refused the file or lost lines (blank lines, a quoted line
                # break), so its rows cannot be numbered: split the raw lines instead (in a
                # chunk, the whole chunk goes back to the careful path first).
                if not self.txn.careful:
                    raise
                return self._load(use_parser=False)

    @property
    def fmt(self) -> PoliceUkFormat:
        return self.rows.fmt

    def _load(self, use_parser: bool) -> _Outcome:
        """Define the file's checked rows (views: nothing is read yet) and replace its
        partition with them in one transaction.

        A clean file (every line after the header a good row) takes two passes: counting
        its lines, and the insert. Only a file with bad rows is profiled and its rejects
        stored."""
        self.use_parser = use_parser
        rows, source = self.rows, self.source
        source_sql = rows.parsed_source(str(source.path)) if use_parser else rows.split_source()
        self.con.execute(f"CREATE OR REPLACE TEMP VIEW pp_rows AS {rows.derived(source_sql)}")
        self.profile: Profile | None = None
        if self.name is None:
            self.profile = profile_rows(self.con, self.lines, use_parser)
            force, month = partition_from_content(source, self.fmt, self.profile)
        else:
            force, month = partition_from_name(source, self.fmt, self.name)
        self.checks: list[Check] = rows.checks(month, force)
        first_failed = " ".join(f"WHEN {c.condition} THEN {i}" for i, c in enumerate(self.checks))
        # A view, not a table: a pass over the file costs less than materialising its rows.
        self.con.execute(
            "CREATE OR REPLACE TEMP VIEW pp_checked AS "
            f"SELECT *, CASE {first_failed} END AS reject_code FROM pp_rows"
        )
        self.params = {"force": force, "month": f"{month}-01", "dataset": self.fmt.dataset}
        lock = self.run_context.locks((force, self.fmt.dataset, month))
        return self.txn.run(self.con, lock, self._replace_partition)

    def _held(self) -> tuple[str, int, int] | None:
        """The partition's (sha256, rows loaded, rows rejected) as held now."""
        found = self.con.execute(
            "SELECT sha256, rows_loaded, rows_rejected FROM partitions WHERE force = $force "
            "AND dataset = $dataset AND month = CAST($month AS DATE)",
            self.params,
        ).fetchone()
        return None if found is None else (str(found[0]), int(found[1]), int(found[2]))

    def _unchanged(self, held: tuple[str, int, int]) -> _Outcome:
        force, month = self.params["force"], self.params["month"][:7]
        result = FileResult(
            self.source.display, self.fmt.dataset, force, month, "unchanged", held[1], held[2]
        )
        return result, _unmapped_outcomes(self.con, self.fmt, self.params)

    def _replace_partition(self) -> _Outcome:
        """Keep the partition's current version, delete it and insert the file's rows (from
        `pp_checked`); the caller holds the transaction."""
        con, fmt, params = self.con, self.fmt, self.params
        force, month = params["force"], params["month"][:7]
        display = self.source.display
        held = self._held()
        if held is not None and held[0] == self.sha:
            return self._unchanged(held)
        key = PartitionKey(fmt.dataset, month, force)
        entry_id = self.run_context.ids.take()
        if held is not None:
            keep_version(con, entry_id, key)
        table = DATA_TABLES[fmt.dataset]
        at = "force = $force AND month = CAST($month AS DATE)"
        con.execute(f"DELETE FROM {table} WHERE {at}", {"force": force, "month": params["month"]})
        con.execute(f"DELETE FROM rejects WHERE dataset = $dataset AND {at}", params)
        loaded = inserted(
            con,
            f"INSERT INTO {table} SELECT {self.rows.projection()} FROM pp_checked "
            "WHERE reject_code IS NULL",
            {"force": force},
        )
        rejected = self._store_rejects(loaded)
        before = 0 if held is None else held[1]
        if shrinks_sharply(loaded, before) and not self.run_context.options.allow_shrink:
            raise ShrinkRefused(f"{force} {fmt.dataset} {month}", loaded, before, file=display)
        con.execute(
            "INSERT OR REPLACE INTO partitions VALUES "
            "($force, $dataset, CAST($month AS DATE), $file, $sha, $loaded, $rejected)",
            {**params, "file": display, "sha": self.sha, "loaded": loaded, "rejected": rejected},
        )
        status = "loaded" if held is None else "replaced"
        record_replacement(
            con, entry_id, key, command=self.run_context.options.command, file=display,
            sha256=self.sha, rows_before=before, rows_after=loaded, status=status,
        )  # fmt: skip
        unmapped = _unmapped_outcomes(con, fmt, params)
        return FileResult(display, fmt.dataset, force, month, status, loaded, rejected), unmapped

    def _store_rejects(self, loaded: int) -> int:
        """Profile a file whose lines did not all load and store its rejected rows."""
        if loaded == self.lines:
            return 0
        profile = self.profile or profile_rows(self.con, self.lines, self.use_parser)
        if self.name is not None:
            check_name_matches_content(self.source, self.fmt, self.name, profile)
        rejected = profile.rows - loaded
        if rejected:
            where = {**self.params, "file": self.source.display}
            insert_rejects(self.con, self.checks, where, rejected)
        return rejected


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
