"""The measures a workspace holds (`policeplan import measures`), and removing them.

Removing is recorded in the import history like an import: each (measure, period)
partition touched keeps its previous version under a history entry (status `removed`), so
`policeplan revert ID` puts it back. With an area, only that area's rows go.

    >>> result = remove_measure(workspace, "public-confidence", area="essex")  # doctest: +SKIP
    >>> [e.status for e in result.entries]  # doctest: +SKIP
    ['removed']
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from typing import Any

from policeplan.errors import InputError
from policeplan.store.coverage import MeasureHeld
from policeplan.store.history import (
    HistoryEntry,
    HistoryIds,
    PartitionKey,
    keep_version,
    list_history,
    record_replacement,
)
from policeplan.store.transaction import transaction
from policeplan.store.workspace import Workspace

__all__ = ["MeasureRemoval", "list_measures", "remove_measure"]


def list_measures(workspace: Workspace) -> list[MeasureHeld]:
    """Every loaded measure with its areas, periods (first and last) and rows."""
    with workspace.connect(read_only=True) as con:
        found = con.execute(
            "SELECT measure, list(DISTINCT area ORDER BY area), count(DISTINCT period), "
            "arg_min(period, period_start), arg_max(period, period_end), count(*) "
            "FROM measures GROUP BY measure ORDER BY measure"
        ).fetchall()
    return [
        MeasureHeld(str(m), [str(a) for a in areas], int(n), str(first), str(last), int(r))
        for m, areas, n, first, last, r in found
    ]


@dataclass(frozen=True)
class MeasureRemoval:
    measure: str
    area: str | None
    period: str | None
    rows_removed: int
    entries: tuple[HistoryEntry, ...]  # one per period touched, revertible

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "entries": [e.to_dict() for e in self.entries]}


def remove_measure(
    workspace: Workspace, measure: str, *, area: str | None = None, period: str | None = None
) -> MeasureRemoval:
    """Remove a measure's rows (of one area and/or one period when given), in one
    transaction, recording each period touched in the import history; InputError names a
    measure, area or period the workspace does not hold."""
    with workspace.connect() as con, transaction(con):
        held = [str(m) for (m,) in con.execute("SELECT DISTINCT measure FROM measures").fetchall()]
        if measure not in held:
            close = difflib.get_close_matches(measure, held, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            listed = ", ".join(sorted(held)) or "none loaded"
            raise InputError(
                f"the workspace holds no measure {measure!r}{hint} (measures: {listed})",
                field="measure",
            )
        where = "measure = $measure"
        params: dict[str, object] = {"measure": measure}
        for name, value in (("area", area), ("period", period)):
            if value is not None:
                where += f" AND {name} = ${name}"
                params[name] = value
        periods = [
            str(p)
            for (p,) in con.execute(
                f"SELECT DISTINCT period FROM measures WHERE {where} ORDER BY period", params
            ).fetchall()
        ]
        if not periods:
            asked = " and ".join(
                f"{name} {value!r}" for name, value in (("area", area), ("period", period)) if value
            )
            raise InputError(
                f"measure {measure!r} has no rows for {asked}",
                field="area" if area is not None else "period",
            )
        ids = HistoryIds(con)
        removed = 0
        entry_ids = []
        for held_period in periods:
            key = PartitionKey("measures", held_period, measure=measure)
            entry_id = ids.take()
            before = key.rows(con)
            keep_version(con, entry_id, key)
            con.execute(
                f"DELETE FROM measures WHERE {where} AND period = $held",
                {**params, "held": held_period},
            )
            after = key.rows(con)
            removed += before - after
            record_replacement(
                con, entry_id, key, command="measures remove", file=None, sha256=None,
                rows_before=before, rows_after=after, status="removed",
            )  # fmt: skip
            entry_ids.append(entry_id)
    entries = {e.id: e for e in list_history(workspace)}
    workspace.compact()
    return MeasureRemoval(measure, area, period, removed, tuple(entries[i] for i in entry_ids))
