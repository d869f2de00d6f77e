"""Import a force's crime-records export (CSV or .xlsx) through a mapping file.

Records are partitioned by force and recorded month. One import replaces every month the
export holds in a single DuckDB transaction: importing the same export again gives
identical tables, and an interrupted import leaves the workspace as it was. Rows are never
deduplicated: a reference found twice in a month is kept twice and reported. Bad rows go
to the `rejects` table (dataset `records`) with their line, field and reason.

    >>> summary = import_crime_records(workspace, "crimes.csv", "mapping.yaml")  # doctest: +SKIP
    >>> summary.rows_loaded, summary.rows_rejected  # doctest: +SKIP
    (48211, 3)
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import duckdb

from policeplan.errors import FileRejected
from policeplan.ingest.crime_records._keys import MappingError
from policeplan.ingest.crime_records.export_file import (
    ExportFile,
    Fingerprint,
    fingerprint,
    inspect_export,
    resolve_columns,
    utf8_or_cp1252,
    write_line_numbered,
)
from policeplan.ingest.crime_records.history import keep_months, record_months
from policeplan.ingest.crime_records.lookups import create_lookups, detect_date_formats
from policeplan.ingest.crime_records.mapping import CrimeRecordsMapping, load_mapping
from policeplan.ingest.crime_records.record_sql import RecordSql, sql_text
from policeplan.ingest.crime_records.summary import (
    SHOWN,
    CrimeRecordsSummary,
    DuplicateReference,
    MonthResult,
)
from policeplan.ingest.csv_rows import RowReject
from policeplan.store import Workspace
from policeplan.store.schema import RECORDS_DATASET

__all__ = ["DATASET", "import_crime_records"]

DATASET = RECORDS_DATASET
STEPS = 3  # months found, rows written, summarised (see `_Run._import`)
ProgressCallback = Callable[[int, int], None]


class _LostLines(Exception):
    """DuckDB's parser found fewer or more rows than the file has lines after its header."""


def import_crime_records(
    workspace: Workspace,
    path: str | Path,
    mapping: CrimeRecordsMapping | str | Path,
    *,
    dry_run: bool = False,
    display: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> CrimeRecordsSummary:
    """Check every row of the export at `path` and replace the (force, month) partitions
    it holds; with `dry_run`, check and report the same but write nothing."""
    if not isinstance(mapping, CrimeRecordsMapping):
        mapping = load_mapping(mapping)
    export = inspect_export(Path(path).expanduser(), mapping, display)
    positions = resolve_columns(export, mapping)
    with (
        ThreadPoolExecutor(max_workers=1) as beside,
        workspace.connect() as con,
        tempfile.TemporaryDirectory(prefix="pp-records-") as tmp,
    ):
        # Hashed and counted in a thread while DuckDB reads the rows.
        printed = beside.submit(fingerprint, export)
        create_lookups(con, mapping)
        _check_patterns(con, mapping)
        _configure(con)
        run = _Run(con, export, printed, mapping, positions, dry_run, on_progress)
        with _reading(export):
            if export.spreadsheet or export.encoding == "cp1252":
                return run.copied(Path(tmp))
            try:
                return run.parsed()
            except (duckdb.InvalidInputException, duckdb.ConversionException, _LostLines):
                # Not UTF-8, a quoted line break, a blank line or a short row: DuckDB's
                # rows cannot be numbered by line, so read a line-numbered copy instead.
                if mapping.encoding == "detect":
                    run.export = utf8_or_cp1252(export)
                return run.copied(Path(tmp))


@contextlib.contextmanager
def _reading(export: ExportFile) -> Iterator[None]:
    """Turn DuckDB's complaints about a file it cannot read into a FileRejected."""
    try:
        yield
    except (duckdb.IOException, duckdb.InvalidInputException, duckdb.ConversionException) as exc:
        message = str(exc).splitlines()[0]
        raise FileRejected(f"cannot be read ({message})", file=export.display) from exc
    except _LostLines as exc:
        raise FileRejected("cannot be read line by line", file=export.display) from exc


def _configure(con: duckdb.DuckDBPyConnection) -> None:
    """Settings for the import's connection. DuckDB cannot estimate how many rows a CSV
    holds before reading it, and may then build its join hash tables from the export
    instead of the small lookups: twice the time and four times the memory on a million
    rows, so the lookups stay the build side. DuckDB's own progress bar would write to
    standard output (the command's JSON); the command shows its own."""
    con.execute("SET enable_progress_bar = false")
    with contextlib.suppress(duckdb.Error):  # an older DuckDB without that optimizer
        con.execute("SET disabled_optimizers = 'build_side_probe_side'")


def _check_patterns(con: duckdb.DuckDBPyConnection, mapping: CrimeRecordsMapping) -> None:
    """Refuse a keyword pattern DuckDB's regular expressions (RE2) cannot run."""
    for flag in mapping.flags:
        if flag.pattern is None:
            continue
        try:
            con.execute("SELECT regexp_matches('', ?, 'i')", [flag.pattern])
        except duckdb.Error as exc:
            raise MappingError(
                f"'matches' cannot be used ({str(exc).splitlines()[0]})",
                file=mapping.source,
                field=f"flags.{flag.name}.matches",
            ) from None


def _read_csv(path: Path, columns: list[str], delimiter: str) -> str:
    types = ", ".join(
        f"'{name}': '{'BIGINT' if name == 'line' else 'VARCHAR'}'" for name in columns
    )
    return (
        f"read_csv({sql_text(str(path))}, header = true, columns = {{{types}}}, "
        f"delim = {sql_text(delimiter)}, quote = '\"', escape = '\"', auto_detect = false, "
        "strict_mode = true)"
    )


class _Run:
    """One import: the same steps whether rows come from the export itself (`parsed`) or
    from a line-numbered copy of it (`copied`)."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        export: ExportFile,
        printed: Future[Fingerprint],
        mapping: CrimeRecordsMapping,
        positions: dict[str, int],
        dry_run: bool,
        on_progress: ProgressCallback | None,
    ) -> None:
        self.con, self.export, self.mapping, self.positions = con, export, mapping, positions
        self.printed, self.dry_run, self.on_progress = printed, dry_run, on_progress

    def parsed(self) -> CrimeRecordsSummary:
        """Rows straight from DuckDB's CSV reader, numbered by line: valid only when every
        physical line after the header is one row, which `_write` checks by counting."""
        names = [f"c{i}" for i in range(len(self.export.header))]
        source = f"SELECT * FROM {_read_csv(self.export.path, names, self.export.delimiter)}"
        numbered = f"SELECT row_number() OVER () + 1 AS line, * FROM ({source})"
        return self._import(source, numbered, lambda: self.printed.result().data_lines, [])

    def copied(self, scratch: Path) -> CrimeRecordsSummary:
        """Rows from a line-numbered UTF-8 copy of the export in `scratch` (the mapped
        columns only); records with the wrong number of fields are rejected while copying."""
        copy = scratch / "rows.csv"
        rows, python_rejects = write_line_numbered(self.export, copy, set(self.positions.values()))
        names = ["line", *(f"c{i}" for i in range(len(self.export.header)))]
        source = f"SELECT * FROM {_read_csv(copy, names, ',')}"
        return self._import(source, source, lambda: rows, python_rejects)

    def _progress(self, step: int) -> None:
        if self.on_progress is not None:
            self.on_progress(step, STEPS)

    def _import(
        self,
        source: str,
        numbered: str,
        rows: Callable[[], int | None],
        python_rejects: list[RowReject],
    ) -> CrimeRecordsSummary:
        """Check and write the rows of `numbered` (`source` without line numbers, for the
        quick passes); `rows()` is how many there must be."""
        con, export, mapping = self.con, self.export, self.mapping
        formats = detect_date_formats(con, source, mapping, self.positions, export.display)
        record_sql = RecordSql(mapping, self.positions, formats)
        # The months first, in a quick pass of its own (no line numbers needed), so the
        # months can be deleted before the one pass that checks and inserts the rows.
        con.execute(f"CREATE OR REPLACE TEMP TABLE pp_cr_months AS {record_sql.months(source)}")
        self._progress(1)
        summary = CrimeRecordsSummary(
            file=export.display,
            force=mapping.force,
            dry_run=self.dry_run,
            encoding=export.encoding,
            delimiter=export.delimiter,
            date_formats={key: list(found) for key, found in formats.items()},
        )
        con.execute("BEGIN TRANSACTION")
        try:
            self._write(record_sql, numbered, rows, python_rejects, summary)
            self._progress(2)
            _summarise(con, summary, mapping.force, python_rejects)
            con.execute("ROLLBACK" if self.dry_run else "COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        self._progress(3)
        return summary

    def _write(
        self,
        record_sql: RecordSql,
        numbered: str,
        rows: Callable[[], int | None],
        python_rejects: list[RowReject],
        summary: CrimeRecordsSummary,
    ) -> None:
        """Replace every month the export holds (the caller holds the transaction)."""
        con, export, force = self.con, self.export, self.mapping.force
        params = {"force": force, "dataset": DATASET, "file": export.display}
        existing = {
            row[0]
            for row in con.execute(
                "SELECT month FROM partitions WHERE force = $force AND dataset = $dataset "
                "AND month IN (SELECT month FROM pp_cr_months)",
                {"force": force, "dataset": DATASET},
            ).fetchall()
        }
        months = [
            row[0].strftime("%Y-%m")
            for row in con.execute("SELECT month FROM pp_cr_months ORDER BY month").fetchall()
        ]
        kept = keep_months(con, DATASET, force, months, self.printed.result().sha256)
        con.execute(
            "DELETE FROM crime_records WHERE force = $force "
            "AND month IN (SELECT month FROM pp_cr_months)",
            {"force": force},
        )
        con.execute(
            "DELETE FROM rejects WHERE dataset = $dataset AND force = $force AND (month IN "
            "(SELECT month FROM pp_cr_months) OR (month IS NULL AND source_file = $file))",
            params,
        )
        checks = record_sql.checks()
        first_failed = " ".join(f"WHEN {c.condition} THEN {i}" for i, c in enumerate(checks))
        checked = (
            f"SELECT *, CAST(date_trunc('month', rec_ts) AS DATE) AS month, "
            f"CASE {first_failed} END AS reject_code "
            f"FROM ({record_sql.derived(record_sql.trimmed(numbered))})"
        )
        loaded = _count(
            con,
            f"INSERT INTO crime_records SELECT {record_sql.projection()} FROM ({checked}) "
            "WHERE reject_code IS NULL",
        )
        field = " ".join(f"WHEN {i} THEN {sql_text(c.field)}" for i, c in enumerate(checks))
        reason = " ".join(f"WHEN {i} THEN {c.reason}" for i, c in enumerate(checks))
        raw = record_sql.raw_line(export.delimiter, len(export.header))
        # A clean export is read once; only one with bad rows is read again for them.
        expected = rows()
        where = "reject_code IS NOT NULL" if loaded != expected else "false"
        rejected = _count(
            con,
            "CREATE OR REPLACE TEMP TABLE pp_cr_rejected AS SELECT line, month, "
            f"CASE reject_code {field} END AS field, CASE reject_code {reason} END AS reason, "
            f"{raw} AS raw FROM ({checked}) WHERE {where}",
        )
        if expected is not None and loaded + rejected != expected:
            raise _LostLines
        con.execute(
            "INSERT INTO rejects SELECT $dataset, $force, month, $file, line, field, reason, "
            "raw FROM pp_cr_rejected",
            params,
        )
        if python_rejects:
            con.executemany(
                "INSERT INTO rejects VALUES (?, ?, NULL, ?, ?, ?, ?, ?)",
                [
                    (DATASET, force, r.file, r.line, r.field, r.reason, r.raw)
                    for r in python_rejects
                ],
            )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE pp_cr_month_counts AS SELECT m.month, "
            "coalesce(l.n, 0) AS loaded, coalesce(r.n, 0) AS rejected FROM pp_cr_months m "
            "LEFT JOIN (SELECT month, count(*) AS n FROM crime_records WHERE force = $force "
            "AND month IN (SELECT month FROM pp_cr_months) GROUP BY 1) l USING (month) "
            "LEFT JOIN (SELECT month, count(*) AS n FROM pp_cr_rejected GROUP BY 1) r "
            "USING (month)",
            {"force": force},
        )
        con.execute(
            "DELETE FROM partitions WHERE force = $force AND dataset = $dataset "
            "AND month IN (SELECT month FROM pp_cr_months)",
            {"force": force, "dataset": DATASET},
        )
        con.execute(
            "INSERT INTO partitions SELECT $force, $dataset, month, $file, $sha, loaded, "
            "rejected FROM pp_cr_month_counts",
            {**params, "sha": self.printed.result().sha256},
        )
        held = {month.strftime("%Y-%m") for month in existing}
        record_months(con, kept, export.display, self.printed.result().sha256, held)
        for month, n_loaded, n_rejected in con.execute(
            "SELECT month, loaded, rejected FROM pp_cr_month_counts ORDER BY month"
        ).fetchall():
            status = "replaced" if month in existing else "loaded"
            summary.months.append(
                MonthResult(month.strftime("%Y-%m"), status, int(n_loaded), int(n_rejected))
            )


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    """Run an INSERT or CREATE TABLE AS and return how many rows it wrote."""
    row = con.execute(sql).fetchone()
    return 0 if row is None else int(row[0])


def _summarise(
    con: duckdb.DuckDBPyConnection,
    summary: CrimeRecordsSummary,
    force: str,
    python_rejects: list[RowReject],
) -> None:
    """Rejects, duplicate references, unmapped outcomes and flag counts of the import."""
    by_field: dict[str, int] = {}
    for name, count in con.execute(
        "SELECT field, count(*) FROM pp_cr_rejected GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall():
        by_field[name] = int(count)
    for reject in python_rejects:
        by_field[reject.field] = by_field.get(reject.field, 0) + 1
    summary.rejected_by_field = dict(sorted(by_field.items(), key=lambda kv: (-kv[1], kv[0])))
    shown = con.execute(
        f"SELECT line, field, reason, raw, month FROM pp_cr_rejected ORDER BY line LIMIT {SHOWN}"
    ).fetchall()
    rejects = [
        RowReject(summary.file, line, field, reason, raw or "", month)
        for line, field, reason, raw, month in shown
    ]
    summary.rejects = sorted([*rejects, *python_rejects], key=lambda r: r.line)[:SHOWN]
    imported = (
        "FROM crime_records WHERE force = $force AND month IN (SELECT month FROM pp_cr_months)"
    )
    duplicates = con.execute(
        f"SELECT month, reference, count(*) {imported} AND reference IS NOT NULL "
        "GROUP BY ALL HAVING count(*) > 1 ORDER BY 1, 2",
        {"force": force},
    ).fetchall()
    summary.duplicate_reference_count = len(duplicates)
    summary.duplicate_references = [
        DuplicateReference(m.strftime("%Y-%m"), str(ref), int(n))
        for m, ref, n in duplicates[:SHOWN]
    ]
    summary.unmapped_outcomes = {
        str(label): int(n)
        for label, n in con.execute(
            f"SELECT outcome, count(*) {imported} AND outcome_group = 'unmapped' "
            "GROUP BY 1 ORDER BY 2 DESC, 1",
            {"force": force},
        ).fetchall()
    }
    summary.flags = {
        str(flag): int(n)
        for flag, n in con.execute(
            f"SELECT flag, count(*) FROM (SELECT unnest(flags) AS flag {imported}) "
            "GROUP BY 1 ORDER BY 1",
            {"force": force},
        ).fetchall()
    }
