"""The rows imports kept aside: where each came from, which field was wrong and why."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from policeplan.errors import InputError
from policeplan.reference import get_force
from policeplan.store.schema import DATA_TABLES
from policeplan.store.workspace import Workspace


@dataclass(frozen=True)
class Reject:
    dataset: str
    force: str | None
    month: str | None
    file: str
    line: int
    field: str
    reason: str
    raw: str | None


@dataclass(frozen=True)
class RejectList:
    total: int
    by_field: dict[str, int]  # rows per blamed field, most common first
    rows: tuple[Reject, ...]  # the first `limit`, by file and line

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_field": self.by_field,
            "rejects": [asdict(r) for r in self.rows],
        }


# Every dataset an import keeps rejects for.
REJECT_DATASETS = (*DATA_TABLES, "home-office", "measures")


def list_rejects(
    workspace: Workspace,
    dataset: str | None = None,
    force: str | None = None,
    file_contains: str | None = None,
    limit: int = 50,
) -> RejectList:
    """Rejected rows matching the filters: their count by field and the first `limit`.

    An unknown force or dataset is an InputError naming it (never an empty list)."""
    if force is not None:
        force = get_force(force).slug
    if dataset is not None and dataset not in REJECT_DATASETS:
        raise InputError(
            f"no dataset {dataset!r}; datasets: {', '.join(REJECT_DATASETS)}", field="dataset"
        )
    where, params = ["true"], []
    for column, value in (("dataset", dataset), ("force", force)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if file_contains is not None:
        where.append("contains(source_file, ?)")
        params.append(file_contains)
    condition = " AND ".join(where)
    with workspace.connect(read_only=True) as con:
        by_field = con.execute(
            f"SELECT field, count(*) FROM rejects WHERE {condition} GROUP BY 1 ORDER BY 2 DESC, 1",
            params,
        ).fetchall()
        rows = con.execute(
            "SELECT dataset, force, month, source_file, line, field, reason, raw FROM rejects "
            f"WHERE {condition} ORDER BY source_file, line LIMIT ?",
            [*params, limit],
        ).fetchall()
    return RejectList(
        total=sum(int(n) for _, n in by_field),
        by_field={str(f): int(n) for f, n in by_field},
        rows=tuple(
            Reject(
                dataset=str(r[0]),
                force=None if r[1] is None else str(r[1]),
                month=r[2].strftime("%Y-%m") if isinstance(r[2], date) else None,
                file=str(r[3]),
                line=int(r[4]),
                field=str(r[5]),
                reason=str(r[6]),
                raw=None if r[7] is None else str(r[7]),
            )
            for r in rows
        ),
    )
