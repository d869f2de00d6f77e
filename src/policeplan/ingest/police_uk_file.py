"""One police.uk file's import: read its header and fingerprint, find its partition, and
replace the partition with the file's good rows, keeping the previous version in the
import history, refusing a sharp shrink, and answering `unchanged` for the very file the
partition already holds."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

import duckdb

from policeplan.errors import FileRejected
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
    PartitionLocks,
    Transaction,
    fingerprint,
    insert_rejects,
    inserted,
    read_header,
    reading,
    stage_lines,
)
from policeplan.ingest.shrink import ShrinkRefused, shrinks_sharply
from policeplan.ingest.sources import SourceFile
from policeplan.store import DATA_TABLES
from policeplan.store.history import HistoryIds, PartitionKey, keep_version, record_replacement


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


@dataclass(frozen=True)
class ImportOptions:
    """How an import treats what the workspace holds."""

    allow_shrink: bool = False  # replace a partition even with far fewer rows
    command: str = "import police-uk"  # recorded in the import history


@dataclass
class ImportRun:
    """What every file of one import shares."""

    locks: PartitionLocks
    ids: HistoryIds
    options: ImportOptions
    stop: threading.Event = field(default_factory=threading.Event)


Outcome = tuple[FileResult, Counter[str]]


def rejected(path: str, exc: FileRejected, dataset: str | None = None) -> FileResult:
    return FileResult(path, dataset, None, None, "rejected", error=str(exc))


@dataclass
class FileImport:
    """One file's import: read its header and fingerprint, find its partition, and replace
    the partition with its good rows (through `txn`, which holds the transaction)."""

    con: duckdb.DuckDBPyConnection
    source: SourceFile
    run_context: ImportRun
    txn: Transaction

    def run(self) -> Outcome:
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

    def _load(self, use_parser: bool) -> Outcome:
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

    def _unchanged(self, held: tuple[str, int, int]) -> Outcome:
        force, month = self.params["force"], self.params["month"][:7]
        result = FileResult(
            self.source.display, self.fmt.dataset, force, month, "unchanged", held[1], held[2]
        )
        return result, _unmapped_outcomes(self.con, self.fmt, self.params)

    def _replace_partition(self) -> Outcome:
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
