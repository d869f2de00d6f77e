"""Import history: every partition an import replaced, with its previous version kept.

A *partition* is the unit an import replaces: a police.uk (force, dataset, month), a Home
Office (force, financial quarter), a measure's period. Before an import replaces one, its
rows (and, for police.uk, its `partitions` row and rejects) are copied into the matching
`<table>_versions` table under the history entry's id, so `revert` can put them back. A
revert is itself an entry (its own previous version kept), so it can be reverted too.

    >>> entries = list_history(workspace)  # doctest: +SKIP
    >>> revert(workspace, entries[0].id).rows_after  # doctest: +SKIP
    13859
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from policeplan.errors import InputError
from policeplan.store.schema import DATA_TABLES
from policeplan.store.transaction import transaction

if TYPE_CHECKING:
    import duckdb

    from policeplan.store.workspace import Workspace

__all__ = [
    "HistoryEntry",
    "HistoryIds",
    "PartitionKey",
    "PruneResult",
    "list_history",
    "prune_history",
    "record_replacement",
    "revert",
]

TABLES = {**DATA_TABLES, "home-office": "home_office_crimes", "measures": "measures"}


@dataclass(frozen=True)
class PartitionKey:
    """What one history entry replaced. `period` is a month (`2025-01`) for police.uk, a
    financial quarter (`2017/18 Q1`) for Home Office figures, a measure's period label."""

    dataset: str
    period: str
    force: str | None = None
    measure: str | None = None

    def where(self) -> list[tuple[str, str, dict[str, object]]]:
        """(table, condition, parameters) for every table holding this partition."""
        if self.dataset == "home-office":
            year, quarter = self.period.split(" Q")
            condition = "financial_year = $year AND quarter = $quarter AND force = $force"
            params: dict[str, object] = {"year": year, "quarter": int(quarter), "force": self.force}
            return [("home_office_crimes", condition, params)]
        if self.dataset == "measures":
            condition = "measure = $measure AND period = $period"
            return [("measures", condition, {"measure": self.measure, "period": self.period})]
        month: dict[str, object] = {"force": self.force, "month": f"{self.period}-01"}
        at = "force = $force AND month = CAST($month AS DATE)"
        tagged = {**month, "dataset": self.dataset}
        return [
            (TABLES[self.dataset], at, month),
            ("partitions", f"{at} AND dataset = $dataset", tagged),
            ("rejects", f"{at} AND dataset = $dataset", tagged),
        ]

    def rows(self, con: duckdb.DuckDBPyConnection) -> int:
        """Rows of this partition held now (in its data table)."""
        table, condition, params = self.where()[0]
        found = con.execute(f"SELECT count(*) FROM {table} WHERE {condition}", params).fetchone()
        return 0 if found is None else int(found[0])


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: str
    command: str
    file: str | None
    sha256: str | None
    dataset: str
    force: str | None
    period: str
    measure: str | None
    rows_before: int
    rows_after: int
    status: str  # loaded, replaced or reverted
    reverts: int | None
    version_kept: bool

    @property
    def key(self) -> PartitionKey:
        return PartitionKey(self.dataset, self.period, self.force, self.measure)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class HistoryIds:
    """Hands out history ids in one writing process (DuckDB allows one writer process, so
    the highest stored id plus one is free); safe across the importer's threads."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        found = con.execute("SELECT coalesce(max(id), 0) FROM import_history").fetchone()
        self._next = 1 + (0 if found is None else int(found[0]))
        self._guard = threading.Lock()

    def take(self) -> int:
        with self._guard:
            taken, self._next = self._next, self._next + 1
            return taken


def record_replacement(
    con: duckdb.DuckDBPyConnection,
    entry_id: int,
    key: PartitionKey,
    *,
    command: str,
    file: str | None,
    sha256: str | None,
    rows_before: int,
    rows_after: int,
    status: str,
    reverts: int | None = None,
) -> None:
    """Write the history entry; call `keep_version` before the partition is changed."""
    con.execute(
        "INSERT INTO import_history VALUES ($id, $at, $command, $file, $sha, $dataset, $force, "
        "$period, $measure, $before, $after, $status, $reverts, true)",
        {
            "id": entry_id,
            "at": datetime.now().replace(microsecond=0),
            "command": command,
            "file": file,
            "sha": sha256,
            "dataset": key.dataset,
            "force": key.force,
            "period": key.period,
            "measure": key.measure,
            "before": rows_before,
            "after": rows_after,
            "status": status,
            "reverts": reverts,
        },
    )


def keep_version(con: duckdb.DuckDBPyConnection, entry_id: int, key: PartitionKey) -> None:
    """Copy the partition as it is now into the versions tables under `entry_id`."""
    for table, condition, params in key.where():
        con.execute(
            f"INSERT INTO {table}_versions SELECT $entry_id, * FROM {table} WHERE {condition}",
            {**params, "entry_id": entry_id},
        )


def delete_partition(con: duckdb.DuckDBPyConnection, key: PartitionKey) -> None:
    for table, condition, params in key.where():
        con.execute(f"DELETE FROM {table} WHERE {condition}", params)


def unchanged_since(con: duckdb.DuckDBPyConnection, keys: list[PartitionKey], sha256: str) -> bool:
    """True when the newest history entry of every partition in `keys` wrote a file with
    this hash: importing that file again would change nothing."""
    if not keys:
        return False
    for key in keys:
        found = con.execute(
            "SELECT sha256 FROM import_history WHERE dataset = $dataset AND period = $period "
            "AND force IS NOT DISTINCT FROM $force AND measure IS NOT DISTINCT FROM $measure "
            "ORDER BY id DESC LIMIT 1",
            {"dataset": key.dataset, "period": key.period, "force": key.force,
             "measure": key.measure},
        ).fetchone()  # fmt: skip
        if found is None or found[0] != sha256:
            return False
    return True


_COLUMNS = (
    "id, strftime(imported_at, '%Y-%m-%d %H:%M:%S'), command, file, sha256, dataset, force, "
    "period, measure, rows_before, rows_after, status, reverts, version_kept"
)


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    return HistoryEntry(
        id=int(row[0]), at=str(row[1]), command=str(row[2]), file=row[3], sha256=row[4],
        dataset=str(row[5]), force=row[6], period=str(row[7]), measure=row[8],
        rows_before=int(row[9]), rows_after=int(row[10]), status=str(row[11]),
        reverts=None if row[12] is None else int(row[12]), version_kept=bool(row[13]),
    )  # fmt: skip


def list_history(workspace: Workspace, limit: int | None = None) -> list[HistoryEntry]:
    """History entries, newest first."""
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM import_history ORDER BY id DESC LIMIT $limit",
            {"limit": limit if limit is not None else 2**62},
        ).fetchall()
    return [_entry(row) for row in rows]


def revert(workspace: Workspace, entry_id: int) -> HistoryEntry:
    """Put back the version of a partition that history entry `entry_id` replaced, in one
    transaction; the revert is recorded (with the version it replaced) and returned."""
    with workspace.connect() as con, transaction(con):
        row = con.execute(
            f"SELECT {_COLUMNS} FROM import_history WHERE id = ?", [entry_id]
        ).fetchone()
        if row is None:
            raise InputError(f"no import with id {entry_id} in the history", field="import_id")
        reverted = _entry(row)
        if not reverted.version_kept:
            raise InputError(
                f"the version import {entry_id} replaced was pruned from the history",
                field="import_id",
            )
        key = reverted.key
        new_id = HistoryIds(con).take()
        before = key.rows(con)
        keep_version(con, new_id, key)
        delete_partition(con, key)
        for table, condition, params in key.where():
            con.execute(
                f"INSERT INTO {table} SELECT * EXCLUDE (import_id) FROM {table}_versions "
                f"WHERE import_id = $entry_id AND {condition}",
                {**params, "entry_id": entry_id},
            )
        record_replacement(
            con, new_id, key, command="revert", file=None, sha256=None,
            rows_before=before, rows_after=key.rows(con), status="reverted", reverts=entry_id,
        )  # fmt: skip
        created = con.execute(f"SELECT {_COLUMNS} FROM import_history WHERE id = ?", [new_id])
        result = _entry(created.fetchall()[0])
    workspace.compact()
    return result


@dataclass(frozen=True)
class PruneResult:
    entries_pruned: int  # history entries whose previous version was dropped
    entries_kept: int  # newest entries whose previous version is still kept

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def prune_history(workspace: Workspace, keep: int) -> PruneResult:
    """Drop the previous versions kept for all but the newest `keep` history entries (the
    entries themselves stay, marked `version_kept = false`), then compact the database."""
    if keep < 0:
        raise InputError(f"keep must be 0 or more, not {keep}", field="keep")
    with workspace.connect() as con, transaction(con):
        found = con.execute(
            "SELECT min(id) FROM (SELECT id FROM import_history WHERE version_kept "
            "ORDER BY id DESC LIMIT $keep)",
            {"keep": keep},
        ).fetchone()
        oldest_kept = found[0] if found and found[0] is not None else 2**62
        for table in {table for table, _, _ in _all_version_tables()}:
            con.execute(f"DELETE FROM {table}_versions WHERE import_id < ?", [oldest_kept])
        pruned = con.execute(
            "UPDATE import_history SET version_kept = false WHERE version_kept AND id < ?",
            [oldest_kept],
        ).fetchone()
        kept = con.execute("SELECT count(*) FROM import_history WHERE version_kept").fetchone()
    workspace.compact()
    return PruneResult(int(pruned[0]) if pruned else 0, int(kept[0]) if kept else 0)


def _all_version_tables() -> list[tuple[str, str, dict[str, object]]]:
    keys = [
        PartitionKey("street", "2000-01", "x"),
        PartitionKey("outcomes", "2000-01", "x"),
        PartitionKey("stop-and-search", "2000-01", "x"),
        PartitionKey("home-office", "2000/01 Q1", "x"),
        PartitionKey("measures", "2000-01", measure="x"),
    ]
    return [where for key in keys for where in key.where()]
