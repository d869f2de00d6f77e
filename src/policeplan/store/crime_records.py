"""Counting a force's crime records (`import records`) for indicators: by recorded month,
optionally narrowed to a flag, offence groups or police.uk categories, and broken down
by district, local policing area, offence group or crime type.

    >>> counts = crime_record_counts(workspace, "essex", flag="knife",
    ...     offence_groups=["violence", "robbery", "burglary"], by="district")  # doctest: +SKIP
    >>> counts.total(), counts.by_month()["2025-01"]  # doctest: +SKIP
    (2832, 241)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

import duckdb

from policeplan.errors import InputError
from policeplan.reference.offences import OFFENCE_GROUPS
from policeplan.store.workspace import Workspace

__all__ = [
    "BREAKDOWNS",
    "CrimeRecordCount",
    "CrimeRecordCounts",
    "CrimeRecordFilter",
    "MonthCount",
    "RepeatCounts",
    "crime_record_counts",
    "crime_record_repeats",
    "holds_crime_records",
    "records_by_month",
    "records_months_present",
    "repeats_on",
    "solved_by_outcome_month",
]

Breakdown = Literal["district", "lpa", "offence_group", "crime_type"]
BREAKDOWNS: tuple[str, ...] = ("district", "lpa", "offence_group", "crime_type")


@dataclass(frozen=True)
class CrimeRecordFilter:
    """Which records count: all of a force's, or those with `flag`, in `offence_groups`
    (OFFENCE_GROUPS slugs) and/or of `crime_types` (police.uk categories), recorded in
    `months` ("YYYY-MM"; None: every month)."""

    force: str
    flag: str | None = None
    offence_groups: tuple[str, ...] = ()
    crime_types: tuple[str, ...] = ()
    months: tuple[str, ...] | None = None

    def where(self) -> tuple[str, list[Any]]:
        for group in self.offence_groups:
            if group not in OFFENCE_GROUPS:
                raise InputError(
                    f"unknown offence group {group!r}; choose from {', '.join(OFFENCE_GROUPS)}",
                    field="offence_groups",
                )
        conditions: list[str] = ["force = ?"]
        params: list[Any] = [self.force]
        if self.flag is not None:
            conditions.append("list_contains(flags, ?)")
            params.append(self.flag)
        if self.offence_groups:
            conditions.append("list_contains(?, offence_group)")
            params.append(list(self.offence_groups))
        if self.crime_types:
            conditions.append("list_contains(?, lower(crime_type))")
            params.append([c.lower() for c in self.crime_types])
        if self.months is not None:
            conditions.append("list_contains(?, strftime(month, '%Y-%m'))")
            params.append(list(self.months))
        return " AND ".join(conditions), params


@dataclass(frozen=True)
class CrimeRecordCount:
    month: str
    group: str | None  # the breakdown's value (None: no breakdown, or not known)
    records: int
    solved: int  # of these records, those whose outcome is in a solved group


@dataclass(frozen=True)
class CrimeRecordCounts:
    filter: CrimeRecordFilter
    by: str | None
    rows: tuple[CrimeRecordCount, ...]  # by month, then group

    def total(self) -> int:
        return sum(r.records for r in self.rows)

    def by_month(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in self.rows:
            found[row.month] = found.get(row.month, 0) + row.records
        return found

    def by_group(self) -> dict[str | None, int]:
        found: dict[str | None, int] = {}
        for row in self.rows:
            found[row.group] = found.get(row.group, 0) + row.records
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "filter": asdict(self.filter),
            "by": self.by,
            "rows": [asdict(r) for r in self.rows],
        }


def _month(value: date) -> str:
    return value.strftime("%Y-%m")


def crime_record_counts(
    workspace: Workspace,
    force: str,
    *,
    flag: str | None = None,
    offence_groups: Sequence[str] = (),
    crime_types: Sequence[str] = (),
    months: Sequence[str] | None = None,
    by: Breakdown | None = None,
) -> CrimeRecordCounts:
    """Records and solved records by recorded month (and `by`), for the filter given."""
    chosen = CrimeRecordFilter(
        force,
        flag,
        tuple(offence_groups),
        tuple(crime_types),
        None if months is None else tuple(months),
    )
    if by is not None and by not in BREAKDOWNS:
        raise InputError(f"cannot break down by {by!r}; choose from {', '.join(BREAKDOWNS)}",
                         field="by")  # fmt: skip
    where, params = chosen.where()
    group = by or "NULL"
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            f"SELECT month, {group}, count(*), count(*) FILTER (solved) FROM crime_records "
            f"WHERE {where} GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST",
            params,
        ).fetchall()
    return CrimeRecordCounts(
        chosen,
        by,
        tuple(
            CrimeRecordCount(_month(m), None if g is None else str(g), int(n), int(s))
            for m, g, n, s in rows
        ),
    )


def solved_by_outcome_month(
    workspace: Workspace, force: str, *, flag: str | None = None,
    offence_groups: Sequence[str] = (), crime_types: Sequence[str] = (),
) -> dict[str, int]:  # fmt: skip
    """Solved records by the month of their outcome date (whenever they were recorded)."""
    where, params = CrimeRecordFilter(
        force, flag, tuple(offence_groups), tuple(crime_types)
    ).where()
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT date_trunc('month', outcome_date), count(*) FROM crime_records "
            f"WHERE {where} AND solved AND outcome_date IS NOT NULL GROUP BY 1 ORDER BY 1",
            params,
        ).fetchall()
    return {_month(m): int(n) for m, n in rows}


@dataclass(frozen=True)
class RepeatCounts:
    """Among the records with a key (victim or location) in the filter's window:
    `repeat_records` share their key with another record; `repeat_keys` are the keys on
    more than one record."""

    key: str
    records_with_key: int
    repeat_records: int
    repeat_keys: int


def crime_record_repeats(
    workspace: Workspace,
    force: str,
    key: Literal["victim", "location"],
    *,
    flag: str | None = None,
    offence_groups: Sequence[str] = (),
    months: Sequence[str] | None = None,
) -> RepeatCounts:
    """Repeat victims or locations in a window (needs the mapping's victim or location key)."""
    if key not in ("victim", "location"):
        raise InputError(f"key must be 'victim' or 'location', not {key!r}", field="key")
    chosen = CrimeRecordFilter(
        force, flag, tuple(offence_groups), (), None if months is None else tuple(months)
    )
    with workspace.connect(read_only=True) as con:
        return repeats_on(con, chosen, key)


def repeats_on(
    con: duckdb.DuckDBPyConnection,
    chosen: CrimeRecordFilter,
    key: Literal["victim", "location"],
    districts: Sequence[str] | None = None,
) -> RepeatCounts:
    """`crime_record_repeats` on an open connection, optionally in `districts` only."""
    where, params = chosen.where()
    if districts is not None:
        where += " AND list_contains(?, district)"
        params.append(list(districts))
    row = con.execute(
        f"SELECT coalesce(sum(n), 0), coalesce(sum(n) FILTER (n > 1), 0), count(*) FILTER "
        f"(n > 1) FROM (SELECT {key}_key, count(*) AS n FROM crime_records "
        f"WHERE {where} AND {key}_key IS NOT NULL GROUP BY 1)",
        params,
    ).fetchone()
    assert row is not None
    return RepeatCounts(key, int(row[0]), int(row[1]), int(row[2]))


@dataclass(frozen=True)
class MonthCount:
    records: int
    solved: int


def records_by_month(
    con: duckdb.DuckDBPyConnection,
    chosen: CrimeRecordFilter,
    first_month: str,
    last_month: str,
    districts: Sequence[str] | None = None,
) -> dict[str, MonthCount]:
    """Records and solved records by recorded month in [first_month, last_month] (and in
    `districts`), on an open connection: what `indicators/counts.py` needs to build a
    CountTable from records (see docs/crime-records.md, wiring). A month absent from the
    result has no matching record; whether the month was imported at all is
    `records_months_present`."""
    where, params = chosen.where()
    params += [f"{first_month}-01", f"{last_month}-01"]
    area = ""
    if districts is not None:
        area = " AND list_contains(?, district)"
        params.append(list(districts))
    rows = con.execute(
        "SELECT strftime(month, '%Y-%m'), count(*), count(*) FILTER (solved) FROM crime_records "
        f"WHERE {where} AND month BETWEEN CAST(? AS DATE) AND CAST(? AS DATE){area} GROUP BY 1",
        params,
    ).fetchall()
    return {str(m): MonthCount(int(n), int(s)) for m, n, s in rows}


def holds_crime_records(workspace: Workspace, force: str) -> bool:
    """Whether any month of `force`'s crime records has been imported."""
    with workspace.connect(read_only=True) as con:
        found = con.execute(
            "SELECT count(*) FROM partitions WHERE force = ? AND dataset = 'records'", [force]
        ).fetchone()
    return found is not None and found[0] > 0


def records_months_present(
    con: duckdb.DuckDBPyConnection, force: str, first_month: str, last_month: str
) -> set[str]:
    """The months of `force`'s records imported in [first_month, last_month] (a month not
    imported is missing, never zero)."""
    rows = con.execute(
        "SELECT strftime(month, '%Y-%m') FROM partitions WHERE force = ? AND dataset = 'records' "
        "AND month BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)",
        [force, f"{first_month}-01", f"{last_month}-01"],
    ).fetchall()
    return {str(r[0]) for r in rows}
