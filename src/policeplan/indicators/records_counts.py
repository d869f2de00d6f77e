"""Counts of the force's own crime records (`import records`) for indicators: the third
source of `counts.py`, beside police.uk and the Home Office table.

The records of a force are read once per window, grouped by recorded month and *record
class* (offence group, police.uk category and the set of flags), so every records measure
of a plan, and every built-in measure counted from records, is derived from one read, as
police.uk measures are from one read of street crimes. A month the force's records were
never imported for is missing, never zero.

    >>> key = record_class_key("violence", "Violence and sexual offences", ["knife"])
    >>> from policeplan.plan.model import RecordsMeasure
    >>> knife = CrimeMeasure("knife-crime", "Knife crime", (),
    ...                      RecordsMeasure("knife-crime", "Knife crime", "knife", ("violence",)))
    >>> class_matches(knife, key), class_matches(knife, record_class_key("robbery", "Robbery", []))
    (True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import duckdb

from policeplan.indicators.measures import CrimeMeasure
from policeplan.store.crime_records import CrimeRecordFilter, RepeatCounts, repeats_on
from policeplan.store.schema import RECORDS_DATASET

__all__ = [
    "RECORDS",
    "RECORDS_DATASET",
    "DistrictRecords",
    "RecordsRead",
    "class_matches",
    "counted_from",
    "read_records",
    "read_records_by_district",
    "read_repeats",
    "record_class_key",
]

RECORDS = "records"
RECORDS_LABEL = "the force's crime records"
_SEPARATOR = "\t"


def counted_from(definition: CrimeMeasure, requested: str) -> str:
    """The source a measure is counted from: records for a records measure of the plan,
    else the source asked for."""
    return RECORDS if definition.records is not None else requested


def record_class_key(offence_group: str | None, crime_type: str, flags: Sequence[str]) -> str:
    """The key a class of records is counted under in a `CountTable`."""
    return _SEPARATOR.join((offence_group or "", crime_type, ",".join(sorted(flags))))


@lru_cache(maxsize=4096)
def _parts(key: str) -> tuple[str, str, frozenset[str]]:
    group, crime_type, flags = key.split(_SEPARATOR)
    return group, crime_type.lower(), frozenset(flags.split(",")) if flags else frozenset()


def class_matches(measure: CrimeMeasure, key: str) -> bool:
    """Whether the records of class `key` count towards `measure`: a records measure by its
    flag, offence groups and categories; any other measure by its police.uk categories."""
    group, crime_type, flags = _parts(key)
    wanted_types = {t.lower() for t in measure.crime_types}
    chosen = measure.records
    if chosen is None:
        return crime_type in wanted_types
    if chosen.flag is not None and chosen.flag not in flags:
        return False
    if chosen.offence_groups and group not in chosen.offence_groups:
        return False
    return not wanted_types or crime_type in wanted_types


@dataclass(frozen=True)
class RecordsRead:
    """One read of a force's records over months `first` to `last` (and a window inside
    them): what `counts.py` builds a CountTable from."""

    loaded: dict[str, int]  # month imported -> records loaded (every month held)
    counts: dict[tuple[str, str], tuple[int, int]]  # (month, class) -> (records, solved)
    outcomes: dict[tuple[str, str], int]  # (class, outcome label) -> records in the window
    solved_by_outcome: dict[tuple[str, str], int]  # (outcome month, class) -> solved records
    has_outcomes: bool


@dataclass(frozen=True)
class DistrictRecords:
    """One read of a force's records split by district (None: records with no district),
    from which the read of any set of districts is summed without another query (a
    breakdown by district or LPA reads each window once, not once per area)."""

    loaded: dict[str, int]
    counts: dict[tuple[str | None, str, str], tuple[int, int, int]]  # + records with outcome
    outcomes: dict[tuple[str | None, str, str], int]
    solved_by_outcome: dict[tuple[str | None, str, str], int]

    def for_districts(self, districts: Sequence[str] | None) -> RecordsRead:
        """The read of `districts` (None: the whole force, records with no district too)."""
        wanted = None if districts is None else frozenset(districts)

        def chosen(district: str | None) -> bool:
            return wanted is None or district in wanted

        counts: dict[tuple[str, str], tuple[int, int]] = {}
        with_outcome = 0
        for (district, month, key), (n, solved, outcome) in self.counts.items():
            if chosen(district):
                total, total_solved = counts.get((month, key), (0, 0))
                counts[month, key] = (total + n, total_solved + solved)
                with_outcome += outcome
        return RecordsRead(
            loaded=self.loaded,
            counts=counts,
            outcomes=_summed(self.outcomes, chosen),
            solved_by_outcome=_summed(self.solved_by_outcome, chosen),
            has_outcomes=with_outcome > 0,
        )


def _summed(
    table: dict[tuple[str | None, str, str], int], chosen: Callable[[str | None], bool]
) -> dict[tuple[str, str], int]:
    summed: dict[tuple[str, str], int] = {}
    for (district, first, second), n in table.items():
        if chosen(district):
            summed[first, second] = summed.get((first, second), 0) + n
    return summed


def read_records(
    con: duckdb.DuckDBPyConnection,
    force: str,
    first: str,
    window_first: str,
    last: str,
    districts: Sequence[str] | None,
) -> RecordsRead:
    """Records of `force` recorded from month `first` to `last` (in `districts`), by month
    and class; outcomes of those recorded from `window_first`; solved records whose outcome
    date falls from `window_first` to `last`, whenever recorded."""
    return _read(con, force, first, window_first, last, districts, False).for_districts(None)


def read_records_by_district(
    con: duckdb.DuckDBPyConnection, force: str, first: str, window_first: str, last: str
) -> DistrictRecords:
    """`read_records` of the whole force, kept apart by district."""
    return _read(con, force, first, window_first, last, None, True)


def _read(
    con: duckdb.DuckDBPyConnection,
    force: str,
    first: str,
    window_first: str,
    last: str,
    districts: Sequence[str] | None,
    by_district: bool,
) -> DistrictRecords:
    params: dict[str, object] = {
        "force": force,
        "first": f"{first}-01",
        "window_first": f"{window_first}-01",
        "last": f"{last}-01",
    }
    area = ""
    if districts is not None:
        area = "AND list_contains($districts, district)"
        params["districts"] = list(districts)
    place = "district" if by_district else "NULL"
    key = (
        f"{place}, concat_ws('{_SEPARATOR}', coalesce(offence_group, ''), crime_type, "
        "array_to_string(list_sort(flags), ','))"
    )
    base = f"FROM crime_records WHERE force = $force {area}"
    in_months = "month BETWEEN CAST($first AS DATE) AND CAST($last AS DATE)"
    counts = con.execute(
        f"SELECT {key}, strftime(month, '%Y-%m'), count(*), count(*) FILTER (solved), "
        f"count(outcome) {base} AND {in_months} GROUP BY ALL",
        {k: v for k, v in params.items() if k != "window_first"},
    ).fetchall()
    in_window = {k: v for k, v in params.items() if k != "first"}
    outcomes = con.execute(
        f"SELECT {key}, coalesce(outcome, ''), count(*) {base} "
        "AND month BETWEEN CAST($window_first AS DATE) AND CAST($last AS DATE) GROUP BY ALL",
        in_window,
    ).fetchall()
    by_outcome = con.execute(
        f"SELECT {key}, strftime(outcome_date, '%Y-%m'), count(*) {base} AND solved "
        "AND outcome_date >= CAST($window_first AS DATE) "
        "AND outcome_date < CAST($last AS DATE) + INTERVAL 1 MONTH GROUP BY ALL",
        in_window,
    ).fetchall()
    loaded = con.execute(
        "SELECT strftime(month, '%Y-%m'), rows_loaded FROM partitions WHERE force = ? "
        "AND dataset = ?",
        [force, RECORDS_DATASET],
    ).fetchall()
    return DistrictRecords(
        loaded={str(m): int(n) for m, n in loaded},
        counts={(d, str(m), str(k)): (int(n), int(s), int(o)) for d, k, m, n, s, o in counts},
        outcomes={(d, str(k), str(o)): int(n) for d, k, o, n in outcomes},
        solved_by_outcome={(d, str(m), str(k)): int(n) for d, k, m, n in by_outcome},
    )


def read_repeats(
    con: duckdb.DuckDBPyConnection,
    force: str,
    measure: CrimeMeasure,
    months: Sequence[str],
    districts: Sequence[str] | None,
) -> tuple[RepeatCounts, ...]:
    """Repeat victims and repeat locations among the measure's records in `months` (and
    `districts`): one entry per key the mapping gave (none when neither was mapped)."""
    chosen = measure.records
    if chosen is None:
        return ()
    records = CrimeRecordFilter(
        force, chosen.flag, chosen.offence_groups, measure.crime_types, tuple(months)
    )
    found = (repeats_on(con, records, "victim", districts),
             repeats_on(con, records, "location", districts))  # fmt: skip
    return tuple(repeats for repeats in found if repeats.records_with_key)
