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
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from policeplan.errors import FileRejected
from policeplan.ingest.police_uk_formats import (
    STOP_AND_SEARCH,
    FileName,
    PoliceUkFormat,
    parse_file_name,
    recognise_header,
)
from policeplan.ingest.police_uk_rows import SPLIT_FIELDS, RowSql, sql_text
from policeplan.ingest.sources import SourceFile, expand_sources
from policeplan.reference import CRIME_TYPES, force_by_name, outcome_groups
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


def import_police_uk(
    workspace: Workspace,
    paths: Sequence[str | Path],
    on_progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Import every police.uk CSV named by `paths` (files, folders, `.zip` archives)."""
    summary = ImportSummary()
    with expand_sources(paths) as sources, workspace.connect() as con:
        con.execute("SET checkpoint_threshold = '1GB'")
        con.execute("SET auto_checkpoint_skip_wal_threshold = 1000000000")
        _create_lookups(con)
        for done, source in enumerate(sources, start=1):
            if isinstance(source, FileRejected):
                summary.files.append(_rejected(source.file or "?", source))
            else:
                try:
                    result, unmapped = _import_file(con, source)
                except FileRejected as exc:
                    result, unmapped = _rejected(source.display, exc), Counter()
                summary.files.append(result)
                summary.unmapped_outcomes.update(unmapped)
            if on_progress is not None:
                on_progress(done, len(sources))
    return summary


def _rejected(path: str, exc: FileRejected, dataset: str | None = None) -> FileResult:
    return FileResult(path, dataset, None, None, "rejected", error=str(exc))


def _create_lookups(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE pp_force_names (name_key VARCHAR, slug VARCHAR)")
    names = {name.lower(): slug for name, slug in force_name_lookup().items()}
    con.executemany("INSERT INTO pp_force_names VALUES (?, ?)", list(names.items()))
    con.execute("CREATE OR REPLACE TEMP TABLE pp_crime_types (key VARCHAR, label VARCHAR)")
    con.executemany(
        "INSERT INTO pp_crime_types VALUES (?, ?)", [(c.lower(), c) for c in CRIME_TYPES]
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pp_outcomes "
        "(label_key VARCHAR, outcome_group VARCHAR, solved BOOLEAN)"
    )
    con.executemany(
        "INSERT INTO pp_outcomes VALUES (?, ?, ?)",
        [(o.label.lower(), o.group, o.solved) for o in outcome_groups()],
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


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _import_file(
    con: duckdb.DuckDBPyConnection, source: SourceFile
) -> tuple[FileResult, Counter[str]]:
    fmt, positions = recognise_header(_read_header(source), source.display)
    name = parse_file_name(source.name)
    rows = RowSql(fmt, positions)
    _stage_lines(con, source, rows)
    with _reading(source):
        if name is None:
            # No name to go by: the content decides (reads the file an extra time).
            force, month = _partition_from_content(con, source, fmt, len(positions))
        else:
            force, month = _partition_from_name(source, fmt, name)
        checks = rows.checks(len(positions), month, force)
        reject_field = " ".join(f"WHEN {c.condition} THEN '{c.field}'" for c in checks)
        reject_reason = " ".join(f"WHEN {c.condition} THEN {c.reason}" for c in checks)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE pp_checked AS SELECT * EXCLUDE (fields), "
            f"CASE {reject_field} END AS reject_field, "
            f"CASE {reject_reason} END AS reject_reason FROM pp_rows"
        )
    if name is not None:
        _check_name_matches_content(con, source, fmt, name)
    label = rows.outcome_label()
    join = f"LEFT JOIN pp_outcomes o ON o.label_key = lower({label})" if label else ""
    params = {"force": force, "month": f"{month}-01"}
    table = DATA_TABLES[fmt.dataset]
    con.execute("BEGIN TRANSACTION")
    try:
        existed = con.execute(
            "SELECT count(*) FROM partitions WHERE force = $force AND dataset = $dataset "
            "AND month = CAST($month AS DATE)",
            {**params, "dataset": fmt.dataset},
        ).fetchone()
        con.execute(f"DELETE FROM {table} WHERE force = $force AND month = $month", params)
        con.execute(
            "DELETE FROM rejects WHERE dataset = $dataset AND force = $force AND month = $month",
            {**params, "dataset": fmt.dataset},
        )
        con.execute(
            f"INSERT INTO {table} SELECT {rows.good_row_projection()} FROM pp_checked {join} "
            "WHERE reject_field IS NULL",
            {"force": force},
        )
        con.execute(
            "INSERT INTO rejects SELECT $dataset, $force, CAST($month AS DATE), $file, line, "
            "reject_field, reject_reason, raw FROM pp_checked "
            "WHERE reject_field IS NOT NULL",
            {**params, "dataset": fmt.dataset, "file": source.display},
        )
        counts = con.execute(
            "SELECT count(*) FILTER (reject_field IS NULL), count(*) FILTER "
            "(reject_field IS NOT NULL) FROM pp_checked"
        ).fetchone()
        assert counts is not None
        loaded, rejected = int(counts[0]), int(counts[1])
        con.execute(
            "INSERT OR REPLACE INTO partitions VALUES "
            "($force, $dataset, CAST($month AS DATE), $file, $sha, $loaded, $rejected)",
            {
                **params,
                "dataset": fmt.dataset,
                "file": source.display,
                "sha": _sha256(source.path),
                "loaded": loaded,
                "rejected": rejected,
            },
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    status = "replaced" if existed and existed[0] else "loaded"
    result = FileResult(source.display, fmt.dataset, force, month, status, loaded, rejected)
    return result, _unmapped_outcomes(con, label, join)


def _stage_lines(con: duckdb.DuckDBPyConnection, source: SourceFile, rows: RowSql) -> None:
    """A view of every non-blank line after the header: its line number, raw text, fields
    and the columns derived from them. Reading happens when the view is queried."""
    con.execute(
        "CREATE OR REPLACE TEMP VIEW pp_rows AS "
        f"SELECT *, {rows.derived_columns()} FROM ("
        f"  SELECT line, raw, fields, {rows.extracted_columns()} FROM ("
        f"    SELECT line, raw, {SPLIT_FIELDS} AS fields FROM ("
        "      SELECT row_number() OVER () AS line, line AS raw FROM read_csv("
        f"        {sql_text(str(source.path))}, columns = {{'line': 'VARCHAR'}}, header = false,"
        "        delim = '\x1f', quote = '', escape = '', auto_detect = false,"
        "        strict_mode = false, max_line_size = 10000000)"
        "    ) WHERE line > 1 AND raw IS NOT NULL))"
    )


@contextmanager
def _reading(source: SourceFile) -> Iterator[None]:
    """Turn DuckDB's complaints about an unreadable file into a FileRejected."""
    try:
        yield
    except (duckdb.IOException, duckdb.InvalidInputException, duckdb.ConversionException) as exc:
        message = str(exc).splitlines()[0]
        raise FileRejected(f"cannot be read ({message})", file=source.display) from exc


_CHECKED_WELL_FORMED = "coalesce(reject_field, '') <> '*'"


def _modal(
    con: duckdb.DuckDBPyConnection, table: str, column: str, well_formed: str
) -> tuple[str | None, int]:
    """The most common value of a column among well-formed rows, with its count."""
    row = con.execute(
        f"SELECT {column}, count(*) AS n FROM {table} "
        f"WHERE {well_formed} AND {column} IS NOT NULL AND {column} <> '' "
        "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1"
    ).fetchone()
    return (None, 0) if row is None else (str(row[0]), int(row[1]))


def _partition_from_name(
    source: SourceFile, fmt: PoliceUkFormat, name: FileName
) -> tuple[str, str]:
    if name.dataset != fmt.dataset:
        raise FileRejected(
            f"is named as a {name.dataset} file but its header is a {fmt.dataset} file",
            file=source.display,
        )
    if force_by_name(name.force) is None:
        raise FileRejected(f"names an unknown force {name.force!r}", file=source.display)
    return name.force, name.month


def _check_name_matches_content(
    con: duckdb.DuckDBPyConnection,
    source: SourceFile,
    fmt: PoliceUkFormat,
    name: FileName,
) -> None:
    """A name that contradicts most of the file's rows rejects the whole file."""
    if fmt is not STOP_AND_SEARCH:
        force, rows = _modal(con, "pp_checked", "reported_slug", _CHECKED_WELL_FORMED)
        if force is not None and force != name.force:
            raise FileRejected(
                f"is named for force {name.force!r} but {rows} of its rows are reported "
                f"by {force!r}; nothing was loaded from it",
                file=source.display,
            )
    month, rows = _modal(con, "pp_checked", "month_text", _CHECKED_WELL_FORMED)
    if month is not None and month != name.month:
        raise FileRejected(
            f"is named for month {name.month} but {rows} of its rows are for {month}; "
            "nothing was loaded from it",
            file=source.display,
        )


def _partition_from_content(
    con: duckdb.DuckDBPyConnection,
    source: SourceFile,
    fmt: PoliceUkFormat,
    width: int,
) -> tuple[str, str]:
    if fmt is STOP_AND_SEARCH:
        raise FileRejected(
            "stop-and-search files have no force column: keep police.uk's file name "
            "YYYY-MM-<force>-stop-and-search.csv so the force is known",
            file=source.display,
        )
    force, _ = _modal(con, "pp_rows", "reported_slug", f"len(fields) = {width}")
    month, _ = _modal(con, "pp_rows", "month_text", f"len(fields) = {width}")
    if force is None or month is None:
        raise FileRejected(
            "has no row with a recognisable force and month, and its name is not police.uk's "
            "YYYY-MM-<force>-<dataset>.csv",
            file=source.display,
        )
    return force, month


def _unmapped_outcomes(
    con: duckdb.DuckDBPyConnection, label: str | None, join: str
) -> Counter[str]:
    if label is None:
        return Counter()
    rows = con.execute(
        f"SELECT {label}, count(*) FROM pp_checked {join} "
        f"WHERE reject_field IS NULL AND {label} <> '' AND o.label_key IS NULL GROUP BY 1"
    ).fetchall()
    return Counter({str(k): int(v) for k, v in rows})
