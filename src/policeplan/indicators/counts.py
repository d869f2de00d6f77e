"""Counts of a crime measure over a window, read from the workspace.

Two sources: police.uk street records (monthly; solved outcomes known) and the Home Office
recorded-crime table (financial quarters; counts only). A month (or quarter) the workspace
does not hold is *missing*, never zero: a window with missing months is incomplete and its
count is not given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from policeplan.errors import InputError
from policeplan.indicators.areas import Area
from policeplan.indicators.measures import CrimeMeasure
from policeplan.indicators.windows import Window
from policeplan.periods import FINANCIAL_YEAR_START_MONTH, Month

POLICE_UK = "police-uk"
HOME_OFFICE = "home-office"
SOURCES = (POLICE_UK, HOME_OFFICE)
# What each source is called wherever a reader sees it.
SOURCE_LABELS = {POLICE_UK: "police.uk street records", HOME_OFFICE: "Home Office recorded crime"}


@dataclass(frozen=True)
class WindowCount:
    """A measure's count over a window. `count` and `solved` are None when incomplete."""

    window: Window
    by_month: dict[str, int] = field(default_factory=dict)
    missing_months: tuple[str, ...] = ()
    solved: int | None = None

    @property
    def complete(self) -> bool:
        return not self.missing_months

    @property
    def count(self) -> int | None:
        return sum(self.by_month.values()) if self.complete else None

    def to_dict(self) -> dict[str, object]:
        return {
            "from": self.window.first,
            "to": self.window.last,
            "count": self.count,
            "complete": self.complete,
            "missing_months": list(self.missing_months),
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

    def for_measure(self, measure: CrimeMeasure) -> WindowCount:
        by_month = dict.fromkeys(sorted(self.present), 0)
        solved = 0
        for (period, crime_type), (crimes, crimes_solved) in self.counts.items():
            if crime_type in measure.crime_types:
                by_month[period] += crimes
                solved += crimes_solved
        known = not self.missing_months and self.has_outcomes and measure.counts_crimes
        return WindowCount(self.window, by_month, self.missing_months, solved if known else None)


def count_table(
    con: duckdb.DuckDBPyConnection,
    force: str,
    window: Window,
    area: Area,
    source: str = POLICE_UK,
) -> CountTable:
    """Counts for `force` (and area) in `window` from `source`, by period and crime type."""
    if source == POLICE_UK:
        return _police_uk_table(con, force, window, area)
    if source == HOME_OFFICE:
        if not area.is_force:
            raise InputError("the Home Office table has force totals only", field="area")
        return _home_office_table(con, force, window)
    raise InputError(f"unknown source {source!r}: use {' or '.join(SOURCES)}", field="source")


def count_window(
    con: duckdb.DuckDBPyConnection,
    measure: CrimeMeasure,
    force: str,
    window: Window,
    area: Area,
    source: str = POLICE_UK,
) -> WindowCount:
    """The measure's count in `window` for `force` (and area), from `source`."""
    return count_table(con, force, window, area, source).for_measure(measure)


def _police_uk_table(
    con: duckdb.DuckDBPyConnection, force: str, window: Window, area: Area
) -> CountTable:
    params: dict[str, object] = {
        "force": force,
        "first": f"{window.first}-01",
        "last": f"{window.last}-01",
    }
    area_filter = ""
    if area.districts is not None:
        area_filter = "AND district IN (SELECT unnest($districts))"
        params["districts"] = list(area.districts)
    rows = con.execute(
        "SELECT strftime(month, '%Y-%m'), crime_type, count(*), count(*) FILTER (solved) "
        "FROM street_crimes WHERE force = $force "
        f"AND month BETWEEN CAST($first AS DATE) AND CAST($last AS DATE) {area_filter} "
        "GROUP BY ALL",
        params,
    ).fetchall()
    present = _present_months(con, force, window)
    missing = tuple(m for m in window.months if m not in present)
    counts = {(str(m), str(t)): (int(n), int(s)) for m, t, n, s in rows}
    return CountTable(window, frozenset(present), missing, counts, has_outcomes=True)


def _present_months(con: duckdb.DuckDBPyConnection, force: str, window: Window) -> set[str]:
    rows = con.execute(
        "SELECT strftime(month, '%Y-%m') FROM partitions WHERE force = ? "
        "AND dataset = 'street' AND month BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)",
        [force, f"{window.first}-01", f"{window.last}-01"],
    ).fetchall()
    return {str(r[0]) for r in rows}


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


def _home_office_table(con: duckdb.DuckDBPyConnection, force: str, window: Window) -> CountTable:
    check_financial_quarters(window)
    starts = window.months[::3]
    rows = con.execute(
        f"SELECT {_QUARTER_FIRST_MONTH} AS first_month, coalesce(crime_type, ''), sum(offences) "
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
