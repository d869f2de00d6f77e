"""The import history of crime records: each recorded month an import replaces gets an
`import_history` entry, its previous rows (records, partition row, rejects) kept under it,
so `policeplan history` lists it and `policeplan revert ID` puts the month back, as for
police.uk months (store/history.py)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from policeplan.store.history import HistoryIds, PartitionKey, keep_version, record_replacement

__all__ = ["COMMAND", "KeptMonth", "keep_months", "record_months"]

COMMAND = "import records"


@dataclass(frozen=True)
class KeptMonth:
    key: PartitionKey
    entry_id: int
    rows_before: int


def keep_months(
    con: duckdb.DuckDBPyConnection, dataset: str, force: str, months: list[str], sha256: str
) -> list[KeptMonth]:
    """Keep the version of each month held now (call before the months are replaced). A
    month already written from this very file is not kept again: the same rows replace
    it, and keeping a copy each time would grow the database with every re-import."""
    same_file = {
        str(row[0])
        for row in con.execute(
            "SELECT strftime(month, '%Y-%m') FROM partitions WHERE force = ? AND dataset = ? "
            "AND sha256 = ?",
            [force, dataset, sha256],
        ).fetchall()
    }
    ids = HistoryIds(con)
    kept = []
    for month in months:
        if month in same_file:
            continue
        key = PartitionKey(dataset, month, force)
        entry_id = ids.take()
        keep_version(con, entry_id, key)
        kept.append(KeptMonth(key, entry_id, key.rows(con)))
    return kept


def record_months(
    con: duckdb.DuckDBPyConnection, kept: list[KeptMonth], file: str, sha256: str, held: set[str]
) -> None:
    """The history entries of the months replaced (`held`: the months held before)."""
    for month in kept:
        record_replacement(
            con,
            month.entry_id,
            month.key,
            command=COMMAND,
            file=file,
            sha256=sha256,
            rows_before=month.rows_before,
            rows_after=month.key.rows(con),
            status="replaced" if month.key.period in held else "loaded",
        )
