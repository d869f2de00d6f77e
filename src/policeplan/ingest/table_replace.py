"""Replace the partitions one table file covers, keeping each one's previous version.

Home Office figures and loaded measures are written through `PartitionReplacement`: it
refuses a replacement that would shrink a partition sharply or drop offences it held
(unless allowed), recognises a file already imported (same hash, newest in the history of
every partition it covers) so that nothing is written, and records each replaced
partition in the import history with its previous version kept for `revert`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from policeplan.errors import FileRejected
from policeplan.ingest.shrink import ALLOW_SHRINK_HINT, ShrinkRefused, shrinks_sharply
from policeplan.store.history import (
    HistoryIds,
    PartitionKey,
    delete_partition,
    keep_version,
    record_replacement,
    unchanged_since,
)

if TYPE_CHECKING:
    import duckdb

__all__ = ["Incoming", "PartitionReplacement", "ReplaceOptions", "file_sha256"]

# Offence codes named in a refusal message before "and N more".
SHOWN_CODES = 5


@dataclass(frozen=True)
class ReplaceOptions:
    allow_shrink: bool = False
    command: str = "import"
    delete_whole_partition: bool = True  # False: only the incoming rows' keys (upsert)


@dataclass
class Incoming:
    """What the file gives for one partition: its row count and the codes (Home Office
    offence codes) whose absence would mean dropping what is held."""

    rows: int = 0
    codes: set[str] = field(default_factory=set)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class PartitionReplacement:
    """Replacing the partitions one file covers, inside the caller's transaction:
    `check` (refusals), `clear` (keep previous versions, delete), the caller's inserts,
    then `record` (history entries with the rows after)."""

    con: duckdb.DuckDBPyConnection
    incoming: Mapping[PartitionKey, Incoming]
    file: str
    sha: str
    options: ReplaceOptions
    _before: dict[PartitionKey, int] = field(default_factory=dict)
    _ids: dict[PartitionKey, int] = field(default_factory=dict)

    def unchanged(self) -> bool:
        """This very file is the newest import of every partition it covers."""
        return unchanged_since(self.con, list(self.incoming), self.sha)

    def check(self, held_codes: Mapping[PartitionKey, set[str]] | None = None) -> None:
        """Refuse (FileRejected, nothing written) a sharp shrink or dropped codes."""
        for key in sorted(self.incoming, key=_order):
            new = self.incoming[key]
            before = self._before[key] = key.rows(self.con)
            if self.options.allow_shrink or not self.options.delete_whole_partition:
                continue  # an upsert removes nothing, so it cannot shrink a partition
            if shrinks_sharply(new.rows, before):
                raise ShrinkRefused(_describe(key), new.rows, before, file=self.file)
            dropped = sorted((held_codes or {}).get(key, set()) - new.codes)
            if dropped:
                shown = ", ".join(dropped[:SHOWN_CODES])
                more = len(dropped) - SHOWN_CODES
                raise FileRejected(
                    f"{_describe(key)}: the file lacks {len(dropped)} offence code(s) held "
                    f"({shown}{f' and {more} more' if more > 0 else ''}), so importing it "
                    f"would drop them; nothing changed; {ALLOW_SHRINK_HINT}",
                    file=self.file,
                )

    def clear(self) -> int:
        """Keep each partition's previous version; delete it when the file replaces it
        whole. The rows deleted."""
        ids = HistoryIds(self.con)
        removed = 0
        for key in sorted(self.incoming, key=_order):
            self._ids[key] = ids.take()
            if self._before[key]:
                keep_version(self.con, self._ids[key], key)
                if self.options.delete_whole_partition:
                    delete_partition(self.con, key)
                    removed += self._before[key]
        return removed

    def record(self) -> None:
        for key, entry_id in self._ids.items():
            before = self._before[key]
            record_replacement(
                self.con, entry_id, key, command=self.options.command, file=self.file,
                sha256=self.sha, rows_before=before, rows_after=key.rows(self.con),
                status="replaced" if before else "loaded",
            )  # fmt: skip


def _order(key: PartitionKey) -> tuple[str, str, str]:
    return (key.period, key.force or "", key.measure or "")


def _describe(key: PartitionKey) -> str:
    if key.dataset == "measures":
        return f"measure {key.measure} {key.period}"
    return f"{key.dataset} {key.period} {key.force}"
