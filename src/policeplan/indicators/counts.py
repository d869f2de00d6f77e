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
from policeplan.months import month_index

POLICE_UK = "police-uk"
HOME_OFFICE = "home-office"
SOURCES = (POLICE_UK, HOME_OFFICE)


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

    def to_json(self) -> dict[str, object]:
        return {
            "from": self.window.first,
            "to": self.window.last,
            "count": self.count,
            "complete": self.complete,
            "missing_months": list(self.missing_months),
        }


def count_window(
    con: duckdb.DuckDBPyConnection,
    measure: CrimeMeasure,
    force: str,
    window: Window,
    area: Area,
    source: str = POLICE_UK,
) -> WindowCount:
    """The measure's count in `window` for `force` (and area), from `source`."""
    if source == POLICE_UK:
        return _police_uk_count(con, measure, force, window, area)
    if source == HOME_OFFICE:
        if not area.is_force:
            raise InputError("the Home Office table has force totals only", field="area")
        return _home_office_count(con, measure, force, window)
    raise InputError(f"unknown source {source!r}: use {' or '.join(SOURCES)}", field="source")


def _police_uk_count(
    con: duckdb.DuckDBPyConnection,
    measure: CrimeMeasure,
    force: str,
    window: Window,
    area: Area,
) -> WindowCount:
    params: dict[str, object] = {
        "force": force,
        "first": f"{window.first}-01",
        "last": f"{window.last}-01",
        "types": list(measure.crime_types),
    }
    area_filter = ""
    if area.districts is not None:
        area_filter = "AND district IN (SELECT unnest($districts))"
        params["districts"] = list(area.districts)
    rows = con.execute(
        "SELECT strftime(month, '%Y-%m'), count(*), count(*) FILTER (solved) "
        "FROM street_crimes WHERE force = $force "
        "AND month BETWEEN CAST($first AS DATE) AND CAST($last AS DATE) "
        f"AND crime_type IN (SELECT unnest($types)) {area_filter} GROUP BY 1",
        params,
    ).fetchall()
    present = _present_months(con, force, window)
    missing = tuple(m for m in window.months if m not in present)
    by_month = {m: 0 for m in window.months if m in present}
    solved = 0
    for month, count, month_solved in rows:
        by_month[month] = int(count)
        solved += int(month_solved)
    complete = not missing
    return WindowCount(
        window,
        by_month,
        missing,
        solved if complete and measure.counts_crimes else None,
    )


def _present_months(con: duckdb.DuckDBPyConnection, force: str, window: Window) -> set[str]:
    rows = con.execute(
        "SELECT strftime(month, '%Y-%m') FROM partitions WHERE force = ? "
        "AND dataset = 'street' AND month BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)",
        [force, f"{window.first}-01", f"{window.last}-01"],
    ).fetchall()
    return {str(r[0]) for r in rows}


# First month of a Home Office (financial year, quarter): Q1 = April … Q4 = January.
_QUARTER_FIRST_MONTH = (
    "strftime(make_date(CAST(substr(financial_year, 1, 4) AS INTEGER) + quarter // 4, "
    "(quarter * 3) % 12 + 1, 1), '%Y-%m')"
)


def check_financial_quarters(window: Window) -> None:
    """The Home Office table is by financial quarter: a window must be whole quarters."""
    first_month = month_index(window.first) % 12 + 1
    if first_month not in (1, 4, 7, 10) or window.length % 3:
        raise InputError(
            f"the Home Office table is by financial quarter (April–June, July–September, "
            f"October–December, January–March); the window {window.label()} is not whole "
            "quarters: give --to as a quarter's last month (e.g. 2018-03) and --months as a "
            "multiple of 3",
            field="months",
        )


def _home_office_count(
    con: duckdb.DuckDBPyConnection, measure: CrimeMeasure, force: str, window: Window
) -> WindowCount:
    check_financial_quarters(window)
    rows = con.execute(
        f"SELECT {_QUARTER_FIRST_MONTH} AS first_month, "
        "sum(offences) FILTER (crime_type IN (SELECT unnest($types))) "
        "FROM home_office_crimes WHERE force = $force GROUP BY 1",
        {"force": force, "types": list(measure.crime_types)},
    ).fetchall()
    quarters = {str(first): int(total or 0) for first, total in rows}
    starts = window.months[::3]
    missing = tuple(
        month
        for start in starts
        if start not in quarters
        for month in window.months[window.months.index(start) : window.months.index(start) + 3]
    )
    # by_month holds each quarter's total under its first month.
    return WindowCount(window, {s: quarters[s] for s in starts if s in quarters}, missing, None)
