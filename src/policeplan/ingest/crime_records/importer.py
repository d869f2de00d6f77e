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

import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb

from policeplan.ingest.crime_records._keys import MappingError
from policeplan.ingest.crime_records.export_file import (
    ExportFile,
    inspect_export,
    resolve_columns,
    write_line_numbered,
)
from policeplan.ingest.crime_records.lookups import create_lookups, detect_date_formats
from policeplan.ingest.crime_records.mapping import CrimeRecordsMapping, load_mapping
from policeplan.ingest.crime_records.record_sql import COLUMNS, RecordSql, sql_text
from policeplan.ingest.crime_records.summary import (
    SHOWN,
    CrimeRecordsSummary,
    DuplicateReference,
    MonthResult,
)
from policeplan.ingest.csv_rows import RowReject
from policeplan.store import Workspace

__all__ = ["DATASET", "import_crime_records"]

DATASET = "records"
STEPS = 3  # read and checked, written, summarised
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
    with workspace.connect() as con, tempfile.TemporaryDirectory(prefix="pp-records-") as tmp:
        create_lookups(con, mapping)
        _check_patterns(con, mapping)
        python_rejects: list[RowReject] = []
        formats: dict[str, tuple[str, ...]] = {}
        if export.spreadsheet or export.encoding == "cp1252":
            python_rejects, formats = _check_copy(con, export, mapping, positions, Path(tmp))
        else:
            try:
                formats = _check_rows(con, export, mapping, positions, _parsed(export))
            except (duckdb.InvalidInputException, duckdb.ConversionException, _LostLines):
                # A quoted line break, a blank line or a short row: DuckDB's rows cannot
                # be numbered by line, so read a line-numbered copy instead.
                python_rejects, formats = _check_copy(con, export, mapping, positions, Path(tmp))
        if on_progress is not None:
            on_progress(1, STEPS)
        summary = CrimeRecordsSummary(
            file=export.display,
            force=mapping.force,
            dry_run=dry_run,
            encoding=export.encoding,
            delimiter=export.delimiter,
            date_formats={key: list(found) for key, found in formats.items()},
        )
        con.execute("BEGIN TRANSACTION")
        try:
            _replace_months(con, export, mapping.force, python_rejects, summary)
            if on_progress is not None:
                on_progress(2, STEPS)
            _summarise(con, summary, python_rejects)
            con.execute("ROLLBACK" if dry_run else "COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        if on_progress is not None:
            on_progress(3, STEPS)
    return summary


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


def _parsed(export: ExportFile) -> str:
    """Rows from DuckDB's CSV reader, numbered by line (valid only when every physical
    line after the header is one row: `_check_rows` compares the counts)."""
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(export.header)))
    return (
        "SELECT row_number() OVER () + 1 AS line, * "
        f"FROM read_csv({sql_text(str(export.path))}, header = true, columns = {{{columns}}}, "
        f"delim = {sql_text(export.delimiter)}, quote = '\"', escape = '\"', "
        "auto_detect = false, strict_mode = true)"
    )


def _check_copy(
    con: duckdb.DuckDBPyConnection,
    export: ExportFile,
    mapping: CrimeRecordsMapping,
    positions: dict[str, int],
    scratch: Path,
) -> tuple[list[RowReject], dict[str, tuple[str, ...]]]:
    """Check the rows of a line-numbered UTF-8 copy of the export (mapped columns only)."""
    copy = scratch / "rows.csv"
    keep = set(positions.values())
    rejects = write_line_numbered(export, copy, keep)
    columns = ", ".join(
        ["'line': 'BIGINT'", *(f"'c{i}': 'VARCHAR'" for i in range(len(export.header)))]
    )
    source = (
        f"SELECT * FROM read_csv({sql_text(str(copy))}, header = true, columns = {{{columns}}}, "
        "delim = ',', quote = '\"', escape = '\"', auto_detect = false, strict_mode = true)"
    )
    return rejects, _check_rows(con, export, mapping, positions, source, copied=True)


def _check_rows(
    con: duckdb.DuckDBPyConnection,
    export: ExportFile,
    mapping: CrimeRecordsMapping,
    positions: dict[str, int],
    source: str,
    copied: bool = False,
) -> dict[str, tuple[str, ...]]:
    """Materialise `pp_cr_checked`: every row's crime_records values, the number of the
    first check it fails, and for a failing row its field, reason and (redacted) line."""
    formats = detect_date_formats(con, source, mapping, positions, export.display)
    record_sql = RecordSql(mapping, positions, formats)
    checks = record_sql.checks()
    first_failed = " ".join(f"WHEN {c.condition} THEN {i}" for i, c in enumerate(checks))
    field = " ".join(f"WHEN {i} THEN {sql_text(c.field)}" for i, c in enumerate(checks))
    reason = " ".join(f"WHEN {i} THEN {c.reason}" for i, c in enumerate(checks))
    raw = record_sql.raw_line(export.delimiter, len(export.header))
    derived = record_sql.derived(record_sql.trimmed(source))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pp_cr_checked AS "
        f"SELECT {record_sql.projection()}, reject_code, "
        f"CASE reject_code {field} END AS reject_field, "
        f"CASE reject_code {reason} END AS reject_reason, "
        f"CASE WHEN reject_code IS NOT NULL THEN {raw} END AS raw "
        f"FROM (SELECT *, CAST(date_trunc('month', rec_ts) AS DATE) AS month, "
        f"CASE {first_failed} END AS reject_code FROM ({derived}))"
    )
    if not copied:
        found = con.execute("SELECT count(*) FROM pp_cr_checked").fetchone()
        if found is None or found[0] != export.data_lines:
            raise _LostLines
    return formats


def _replace_months(
    con: duckdb.DuckDBPyConnection,
    export: ExportFile,
    force: str,
    python_rejects: list[RowReject],
    summary: CrimeRecordsSummary,
) -> None:
    """Replace every month the export holds (the caller holds the transaction)."""
    params = {"force": force, "dataset": DATASET, "file": export.display}
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pp_cr_months AS SELECT month, "
        "count(*) FILTER (reject_code IS NULL) AS loaded, "
        "count(*) FILTER (reject_code IS NOT NULL) AS rejected "
        "FROM pp_cr_checked WHERE month IS NOT NULL GROUP BY month"
    )
    existing = {
        row[0]
        for row in con.execute(
            "SELECT month FROM partitions WHERE force = $force AND dataset = $dataset "
            "AND month IN (SELECT month FROM pp_cr_months)",
            {"force": force, "dataset": DATASET},
        ).fetchall()
    }
    con.execute(
        "DELETE FROM crime_records WHERE force = $force "
        "AND month IN (SELECT month FROM pp_cr_months)",
        {"force": force},
    )
    con.execute(
        "DELETE FROM rejects WHERE dataset = $dataset AND force = $force AND "
        "(month IN (SELECT month FROM pp_cr_months) OR (month IS NULL AND source_file = $file))",
        params,
    )
    con.execute(
        f"INSERT INTO crime_records SELECT {', '.join(COLUMNS)} FROM pp_cr_checked "
        "WHERE reject_code IS NULL"
    )
    con.execute(
        "INSERT INTO rejects SELECT $dataset, $force, month, $file, source_line, "
        "reject_field, reject_reason, raw FROM pp_cr_checked WHERE reject_code IS NOT NULL",
        params,
    )
    if python_rejects:
        con.executemany(
            "INSERT INTO rejects VALUES (?, ?, NULL, ?, ?, ?, ?, ?)",
            [(DATASET, force, r.file, r.line, r.field, r.reason, r.raw) for r in python_rejects],
        )
    con.execute(
        "DELETE FROM partitions WHERE force = $force AND dataset = $dataset "
        "AND month IN (SELECT month FROM pp_cr_months)",
        {"force": force, "dataset": DATASET},
    )
    con.execute(
        "INSERT INTO partitions SELECT $force, $dataset, month, $file, $sha, loaded, rejected "
        "FROM pp_cr_months",
        {**params, "sha": export.sha256},
    )
    for month, loaded, rejected in con.execute(
        "SELECT month, loaded, rejected FROM pp_cr_months ORDER BY month"
    ).fetchall():
        status = "replaced" if month in existing else "loaded"
        summary.months.append(MonthResult(month.strftime("%Y-%m"), status, loaded, rejected))


def _summarise(
    con: duckdb.DuckDBPyConnection, summary: CrimeRecordsSummary, python_rejects: list[RowReject]
) -> None:
    """Rejects, duplicate references, unmapped outcomes and flag counts of the import."""
    by_field: dict[str, int] = {}
    for name, count in con.execute(
        "SELECT reject_field, count(*) FROM pp_cr_checked WHERE reject_code IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall():
        by_field[name] = int(count)
    for reject in python_rejects:
        by_field[reject.field] = by_field.get(reject.field, 0) + 1
    summary.rejected_by_field = dict(sorted(by_field.items(), key=lambda kv: (-kv[1], kv[0])))
    shown = con.execute(
        "SELECT source_line, reject_field, reject_reason, raw, month FROM pp_cr_checked "
        f"WHERE reject_code IS NOT NULL ORDER BY source_line LIMIT {SHOWN}"
    ).fetchall()
    rejects = [
        RowReject(summary.file, line, f, reason, raw or "", month)
        for line, f, reason, raw, month in shown
    ]
    summary.rejects = sorted([*rejects, *python_rejects], key=lambda r: r.line)[:SHOWN]
    duplicates = con.execute(
        "SELECT month, reference, count(*) FROM pp_cr_checked WHERE reject_code IS NULL "
        "AND reference IS NOT NULL GROUP BY ALL HAVING count(*) > 1 ORDER BY 1, 2"
    ).fetchall()
    summary.duplicate_reference_count = len(duplicates)
    summary.duplicate_references = [
        DuplicateReference(m.strftime("%Y-%m"), str(ref), int(n))
        for m, ref, n in duplicates[:SHOWN]
    ]
    summary.unmapped_outcomes = {
        str(label): int(n)
        for label, n in con.execute(
            "SELECT outcome, count(*) FROM pp_cr_checked WHERE reject_code IS NULL "
            "AND outcome_group = 'unmapped' GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
    }
    summary.flags = {
        str(flag): int(n)
        for flag, n in con.execute(
            "SELECT flag, count(*) FROM (SELECT unnest(flags) AS flag FROM pp_cr_checked "
            "WHERE reject_code IS NULL) GROUP BY 1 ORDER BY 1"
        ).fetchall()
    }
