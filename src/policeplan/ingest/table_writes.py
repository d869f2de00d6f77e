"""Write imported rows to DuckDB: one transaction per file, fast bulk inserts, rejects.

Every importer loads a file inside `policeplan.store.transaction.transaction` (still
importable here as `one_transaction`), so a failure or Ctrl-C part way leaves the
workspace exactly as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from policeplan.ingest.csv_rows import RowReject
from policeplan.store.transaction import transaction as one_transaction

__all__ = ["delete_file_rejects", "insert_rejects", "insert_rows", "one_transaction"]


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[object]],
) -> None:
    """Append `rows` to `table`; `columns` are (name, DuckDB type) in the rows' order.

    One statement with a list parameter per column: tens of thousands of rows take a
    fraction of a second, where `executemany` takes a millisecond a row.
    """
    if not rows:
        return
    names = ", ".join(name for name, _ in columns)
    selects = ", ".join(f"unnest(${i}::{kind}[])" for i, (_, kind) in enumerate(columns, 1))
    values = [list(column) for column in zip(*rows, strict=True)]
    con.execute(f"INSERT INTO {table} ({names}) SELECT {selects}", values)


REJECT_COLUMNS = (
    ("dataset", "VARCHAR"),
    ("force", "VARCHAR"),
    ("month", "DATE"),
    ("source_file", "VARCHAR"),
    ("line", "INTEGER"),
    ("field", "VARCHAR"),
    ("reason", "VARCHAR"),
    ("raw", "VARCHAR"),
)


def insert_rejects(
    con: duckdb.DuckDBPyConnection, dataset: str, rejects: Sequence[RowReject]
) -> None:
    """Store rejected rows in `rejects` under `dataset`."""
    insert_rows(
        con,
        "rejects",
        REJECT_COLUMNS,
        [
            (dataset, None, r.period_start, r.file, r.line, r.field, r.reason, r.raw)
            for r in rejects
        ],
    )


def delete_file_rejects(con: duckdb.DuckDBPyConnection, dataset: str, source_file: str) -> None:
    """Forget the rejects an earlier import of the same file recorded."""
    con.execute("DELETE FROM rejects WHERE dataset = ? AND source_file = ?", [dataset, source_file])
