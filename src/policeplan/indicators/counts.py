"""Counts of a crime measure over a window, read from the workspace.

Three sources: police.uk street records (monthly; solved outcomes known), the Home Office
recorded-crime table (financial quarters; counts only) and the force's own crime records
(`import records`: monthly, by flag and offence group; read by `records_counts.py`). A
month (or quarter) the workspace does not hold is *missing*, never zero: a window with
missing months is incomplete and its count is not given.

A month the workspace holds but that looks incomplete (`store.coverage.looks_incomplete`:
far fewer rows than its neighbours, such as Kent 2018-12) is *suspect*: by default it makes
the window incomplete like a missing month, saying why; with `accept_suspect` it is counted
and the window carries a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb

from policeplan.errors import InputError
from policeplan.indicators.areas import Area
from policeplan.indicators.measures import CrimeMeasure
from policeplan.indicators.offence_keys import OFFENCE_TABLE, counts_towards
from policeplan.indicators.records_counts import (
    RECORDS,
    RECORDS_LABEL,
    DistrictRecords,
    RecordsRead,
    class_matches,
    read_records,
    read_records_by_district,
)
from policeplan.indicators.windows import Window
from policeplan.months import shift_month
from policeplan.periods import FINANCIAL_YEAR_START_MONTH, Month
from policeplan.store.coverage import looks_incomplete, neighbour_median

POLICE_UK = "police-uk"
HOME_OFFICE = "home-office"
SOURCES = (POLICE_UK, HOME_OFFICE)
# What each source is called wherever a reader sees it.
SOURCE_LABELS = {
    POLICE_UK: "police.uk street records",
    HOME_OFFICE: "Home Office recorded crime",
    RECORDS: RECORDS_LABEL,
}


# How many months of history before a window are read for the dispersion estimate.
HISTORY_MONTHS = 36


@dataclass(frozen=True)
class SuspectMonth:
    """A month held but looking incomplete: its rows against its neighbours' median."""

    month: str
    rows: int
    usual_rows: float

    def describe(self) -> str:
        """ "2018-12 looks incomplete (8,438 rows against a usual 15,378)" """
        return (
            f"{self.month} looks incomplete ({self.rows:,} rows against a usual "
            f"{self.usual_rows:,.0f})"
        )

    def to_dict(self) -> dict[str, object]:
        return {"month": self.month, "rows": self.rows, "usual_rows": self.usual_rows}


@dataclass(frozen=True)
class WindowCount:
    """A measure's count over a window. `count` and `solved` are None when incomplete:
    a month missing, or a suspect month not accepted (`accept_suspect`)."""

    window: Window
    by_month: dict[str, int] = field(default_factory=dict)
    missing_months: tuple[str, ...] = ()
    solved: int | None = None
    suspect_months: tuple[SuspectMonth, ...] = ()
    accept_suspect: bool = False
    outcomes: dict[str, int] = field(default_factory=dict)  # last outcome -> crimes
    # Crime records only: records solved with an outcome dated in the window (whenever
    # recorded), beside `solved`, the window's records that are solved by now.
    solved_by_outcome_date: int | None = None

    @property
    def complete(self) -> bool:
        return not self.missing_months and (self.accept_suspect or not self.suspect_months)

    @property
    def count(self) -> int | None:
        return sum(self.by_month.values()) if self.complete else None

    @property
    def incomplete_reason(self) -> str | None:
        """Why the count is not given: suspect months not accepted (missing months are
        described by whoever prints them)."""
        if self.missing_months or self.accept_suspect or not self.suspect_months:
            return None
        return "; ".join(s.describe() for s in self.suspect_months)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Suspect months accepted into the count: every output carries these."""
        if not self.accept_suspect:
            return ()
        return tuple(f"{s.describe()}: counted as accepted" for s in self.suspect_months)

    def to_dict(self) -> dict[str, object]:
        return {
            "from": self.window.first,
            "to": self.window.last,
            "count": self.count,
            "complete": self.complete,
            "missing_months": list(self.missing_months),
            "suspect_months": [s.to_dict() for s in self.suspect_months],
            "suspect_accepted": self.accept_suspect and bool(self.suspect_months),
            "incomplete_reason": self.incomplete_reason,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class CountTable:
    """Counts by (period, crime type) for one force (and area) over a window: read once,
    then any crime measure's WindowCount is derived from it without another query.
    Periods are months (police.uk) or quarters keyed by their first month (Home Office)."""

    window: Window
    present: frozenset[str]
    missing_months: tuple[str, ...]
    counts: dict[tuple[str, str], tuple[int, int]]  # (period, crime type) -> (crimes, solved)
    has_outcomes: bool
    suspect: tuple[SuspectMonth, ...] = ()
    accept_suspect: bool = False
    # (month, crime type) -> crimes over the HISTORY_MONTHS before the window (police.uk)
    history: dict[tuple[str, str], int] = field(default_factory=dict)
    # (crime type, last outcome) -> crimes in the window (police.uk, crime records)
    outcomes: dict[tuple[str, str], int] = field(default_factory=dict)
    # Keys are crime types, record classes when the source is RECORDS, or offences
    # ("group|subgroup|code", `offence_keys.py`) when it is OFFENCE_TABLE.
    source: str = POLICE_UK
    # (outcome month, record class) -> records solved then (crime records only)
    solved_by_outcome: dict[tuple[str, str], int] = field(default_factory=dict)

    def includes(self, measure: CrimeMeasure, key: str) -> bool:
        """Whether the crimes counted under `key` (a crime type or a record class) count
        towards `measure`."""
        if self.source == RECORDS:
            return class_matches(measure, key)
        if measure.records is not None:
            raise InputError(
                f"{measure.slug!r} is counted from crime records, not from {self.source}",
                field="source",
            )
        if self.source == OFFENCE_TABLE:
            return counts_towards(measure.crime_types, key)
        return key in measure.crime_types

    def _matcher(self, measure: CrimeMeasure) -> Callable[[str], bool]:
        """`includes` for one measure, deciding each key once (a key recurs every month)."""
        decided: dict[str, bool] = {}

        def matches(key: str) -> bool:
            found = decided.get(key)
            if found is None:
                found = decided[key] = self.includes(measure, key)
            return found

        return matches

    def for_measure(self, measure: CrimeMeasure) -> WindowCount:
        includes = self._matcher(measure)
        by_month = dict.fromkeys(sorted(self.present), 0)
        solved = 0
        for (period, crime_type), (crimes, crimes_solved) in self.counts.items():
            if includes(crime_type):
                by_month[period] += crimes
                solved += crimes_solved
        complete = not self.missing_months and (self.accept_suspect or not self.suspect)
        known = complete and self.has_outcomes and measure.counts_crimes
        outcomes: dict[str, int] = {}
        for (crime_type, outcome), crimes in self.outcomes.items():
            if includes(crime_type):
                outcomes[outcome] = outcomes.get(outcome, 0) + crimes
        by_outcome_date = None
        if self.source == RECORDS and known:
            by_outcome_date = sum(
                n
                for (month, key), n in self.solved_by_outcome.items()
                if month in self.present and includes(key)
            )
        return WindowCount(
            self.window,
            by_month,
            self.missing_months,
            solved if known else None,
            self.suspect,
            self.accept_suspect,
            outcomes,
            by_outcome_date,
        )

    def history_for(self, measure: CrimeMeasure) -> dict[str, int]:
        """The measure's monthly counts over the months held before the window."""
        includes = self._matcher(measure)
        monthly: dict[str, int] = {}
        for (month, crime_type), crimes in self.history.items():
            if crime_type and includes(crime_type):
                monthly[month] = monthly.get(month, 0) + crimes
            else:
                monthly.setdefault(month, 0)
        return monthly


def count_table(
    con: duckdb.DuckDBPyConnection,
    force: str,
    window: Window,
    area: Area,
    source: str = POLICE_UK,
    *,
    accept_suspect: bool = False,
    history: bool = False,
) -> CountTable:
    """Counts for `force` (and area) in `window` from `source`, by period and crime type.

    `accept_suspect`: count months that look incomplete (else they make the window
    incomplete); `history`: also read the HISTORY_MONTHS months before the window (for the
    dispersion of the force's monthly series; police.uk only)."""
    if source == POLICE_UK:
        return _police_uk_table(con, force, window, area, accept_suspect, history)
    if source == HOME_OFFICE:
        if not area.is_force:
            raise InputError("the Home Office table has force totals only", field="area")
        return home_office_table(con, force, window)
    if source == RECORDS:
        return _records_table(con, force, window, area, accept_suspect, history)
    raise InputError(f"unknown source {source!r}: use {' or '.join(SOURCES)}", field="source")


def count_window(
    con: duckdb.DuckDBPyConnection,
    measure: CrimeMeasure,
    force: str,
    window: Window,
    area: Area,
    source: str = POLICE_UK,
    *,
    accept_suspect: bool = False,
) -> WindowCount:
    """The measure's count in `window` for `force` (and area), from `source`."""
    table = count_table(con, force, window, area, source, accept_suspect=accept_suspect)
    return table.for_measure(measure)


def _police_uk_table(
    con: duckdb.DuckDBPyConnection,
    force: str,
    window: Window,
    area: Area,
    accept_suspect: bool = False,
    history: bool = False,
) -> CountTable:
    first = shift_month(window.first, -HISTORY_MONTHS) if history else window.first
    params: dict[str, object] = {
        "force": force,
        "first": f"{first}-01",
        "last": f"{window.last}-01",
    }
    area_filter = ""
    if area.districts is not None:
        area_filter = "AND district IN (SELECT unnest($districts))"
        params["districts"] = list(area.districts)
    rows = con.execute(
        "SELECT strftime(month, '%Y-%m'), crime_type, coalesce(last_outcome, ''), count(*), "
        "count(*) FILTER (solved) FROM street_crimes WHERE force = $force "
        f"AND month BETWEEN CAST($first AS DATE) AND CAST($last AS DATE) {area_filter} "
        "GROUP BY ALL",
        params,
    ).fetchall()
    loaded = _loaded_rows(con, force)
    present = {m for m in loaded if window.first <= m <= window.last}
    missing = tuple(m for m in window.months if m not in present)
    counts: dict[tuple[str, str], tuple[int, int]] = {}
    outcomes: dict[tuple[str, str], int] = {}
    before: dict[tuple[str, str], int] = {}
    for m, t, outcome, n, solved in rows:
        month, crime_type = str(m), str(t)
        if month < window.first:
            if month in loaded:
                before[month, crime_type] = before.get((month, crime_type), 0) + int(n)
            continue
        crimes, crimes_solved = counts.get((month, crime_type), (0, 0))
        counts[month, crime_type] = (crimes + int(n), crimes_solved + int(solved))
        outcomes[crime_type, str(outcome)] = outcomes.get((crime_type, str(outcome)), 0) + int(n)
    if history:  # a month held with no crimes of any type is still a month held
        for month in loaded:
            if shift_month(window.first, -HISTORY_MONTHS) <= month < window.first:
                before.setdefault((month, ""), 0)
    return CountTable(
        window,
        frozenset(present),
        missing,
        counts,
        has_outcomes=True,
        suspect=_suspect_months(loaded, window),
        accept_suspect=accept_suspect,
        history=before,
        outcomes=outcomes,
    )


def _records_table(
    con: duckdb.DuckDBPyConnection,
    force: str,
    window: Window,
    area: Area,
    accept_suspect: bool,
    history: bool,
) -> CountTable:
    """The force's crime records by month and record class (`records_counts.py`)."""
    first = shift_month(window.first, -HISTORY_MONTHS) if history else window.first
    read = read_records(con, force, first, window.first, window.last, area.districts)
    return _records_count_table(read, window, first, accept_suspect, history)


class CountTables:
    """Count tables kept for reuse while the workspace does not change (one breakdown, or
    every breakdown of one report): each area's table is read once per window, and the
    force's crime records once per window, split by district, for all its areas."""

    def __init__(self) -> None:
        self._tables: dict[tuple[object, ...], CountTable] = {}
        self._records: dict[tuple[str, str, Window], DistrictRecords] = {}

    def get(
        self,
        con: duckdb.DuckDBPyConnection,
        force: str,
        window: Window,
        area: Area,
        source: str,
        *,
        accept_suspect: bool = False,
        history: bool = False,
    ) -> CountTable:
        """`count_table(...)`, read once."""
        key = (force, window, area, source, accept_suspect, history)
        if key not in self._tables:
            if source == RECORDS:
                first = shift_month(window.first, -HISTORY_MONTHS) if history else window.first
                read_key = (force, first, window)
                if read_key not in self._records:
                    self._records[read_key] = read_records_by_district(
                        con, force, first, window.first, window.last
                    )
                read = self._records[read_key].for_districts(area.districts)
                self._tables[key] = _records_count_table(
                    read, window, first, accept_suspect, history
                )
            else:
                self._tables[key] = count_table(
                    con, force, window, area, source,
                    accept_suspect=accept_suspect, history=history,
                )  # fmt: skip
        return self._tables[key]

    @property
    def records_reads(self) -> int:
        """How many times the force's records have been read (once per window)."""
        return len(self._records)


def _records_count_table(
    read: RecordsRead, window: Window, first: str, accept_suspect: bool, history: bool
) -> CountTable:
    present = {m for m in read.loaded if window.first <= m <= window.last}
    counts = {key: value for key, value in read.counts.items() if key[0] >= window.first}
    before: dict[tuple[str, str], int] = {
        key: crimes
        for key, (crimes, _) in read.counts.items()
        if key[0] < window.first and key[0] in read.loaded
    }
    if history:  # a month held with no records of any class is still a month held
        for month in read.loaded:
            if first <= month < window.first:
                before.setdefault((month, ""), 0)
    return CountTable(
        window,
        frozenset(present),
        tuple(m for m in window.months if m not in present),
        counts,
        has_outcomes=read.has_outcomes,
        suspect=_suspect_months(read.loaded, window),
        accept_suspect=accept_suspect,
        history=before,
        outcomes=read.outcomes,
        source=RECORDS,
        solved_by_outcome=read.solved_by_outcome,
    )


def _loaded_rows(con: duckdb.DuckDBPyConnection, force: str) -> dict[str, int]:
    """Rows loaded for each street month the workspace holds for `force`."""
    rows = con.execute(
        "SELECT strftime(month, '%Y-%m'), rows_loaded FROM partitions WHERE force = ? "
        "AND dataset = 'street'",
        [force],
    ).fetchall()
    return {str(month): int(loaded) for month, loaded in rows}


def _suspect_months(loaded: dict[str, int], window: Window) -> tuple[SuspectMonth, ...]:
    """Months of the window held but looking incomplete, by the coverage test."""
    months = [(month, rows, 0) for month, rows in sorted(loaded.items())]
    suspect = []
    for month in window.months:
        if month not in loaded:
            continue
        median = neighbour_median(month, months)
        if looks_incomplete(loaded[month], median):
            assert median is not None
            suspect.append(SuspectMonth(month, loaded[month], median))
    return tuple(suspect)


# First month of a Home Office (financial year, quarter): Q1 = April … Q4 = January.
_MONTHS_INTO_YEAR = f"({FINANCIAL_YEAR_START_MONTH - 1} + (quarter - 1) * 3)"
_QUARTER_FIRST_MONTH = (
    "strftime(make_date(CAST(substr(financial_year, 1, 4) AS INTEGER) + "
    f"{_MONTHS_INTO_YEAR} // 12, {_MONTHS_INTO_YEAR} % 12 + 1, 1), '%Y-%m')"
)


def check_financial_quarters(window: Window) -> None:
    """The Home Office table is by financial quarter: a window must be whole quarters."""
    first = Month.parse(window.first)
    if first.financial_quarter.first_month != window.first or window.length % 3:
        raise InputError(
            f"the Home Office table is by financial quarter (April–June, July–September, "
            f"October–December, January–March); the window {window.label()} is not whole "
            "quarters: end it on a quarter's last month (e.g. 2018-03) and make its length "
            "a multiple of 3 months",
            field="months",
        )


def home_office_table(
    con: duckdb.DuckDBPyConnection, force: str, window: Window, key: str = "crime_type"
) -> CountTable:
    """The Home Office table's counts by quarter and `key`: the police.uk category
    (crime_type), or another column expression such as the offence group and subgroup
    (`home_office_offences.py`)."""
    check_financial_quarters(window)
    starts = window.months[::3]
    rows = con.execute(
        f"SELECT {_QUARTER_FIRST_MONTH} AS first_month, coalesce({key}, ''), sum(offences) "
        "FROM home_office_crimes WHERE force = ? GROUP BY ALL",
        [force],
    ).fetchall()
    counts = {(str(q), str(t)): (int(n), 0) for q, t, n in rows if q in starts}
    present = {q for q, _ in counts}
    missing = tuple(
        month
        for index, start in enumerate(starts)
        if start not in present
        for month in window.months[3 * index : 3 * index + 3]
    )
    # by_month holds each quarter's total under its first month.
    return CountTable(window, frozenset(present), missing, counts, has_outcomes=False)
