"""Indicators for measures loaded with `import measures` (999 answer times, confidence,
KSI casualties…): values per period and area rather than crime records.

Over a window the periods lying wholly inside it are combined:

- with numerators and denominators on every period: the rate sum(numerator) /
  sum(denominator), and a two-proportion test of its change;
- whole-number values with no denominator (counts such as casualties): their sum, and
  the exact Poisson test as for crimes, with days as the exposure: a window of 3 months
  is compared with one of 12 on its daily rate, so a constant 50 a month shows no change
  (the difference is put on the current window's scale);
- anything else (averages, percentages without a denominator): the mean of the period
  values, with no significance test (there is no honest one without the underlying data).

A month of the window not covered by any period is missing; the window is then incomplete
and not compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import duckdb

from policeplan.indicators.windows import Window
from policeplan.months import months_between
from policeplan.stats import compare_poisson_counts, compare_proportions
from policeplan.stats.exposure import window_days

SUM, RATE, MEAN = "sum", "rate", "mean"


@dataclass(frozen=True)
class LoadedWindow:
    window: Window
    periods: tuple[str, ...]
    missing_months: tuple[str, ...]
    value: float | None
    combined_as: str | None
    numerator: float | None = None
    denominator: float | None = None
    unit: str | None = None

    @property
    def complete(self) -> bool:
        return not self.missing_months and bool(self.periods)

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.window.first,
            "to": self.window.last,
            "count": self.value if self.combined_as == SUM else None,
            "complete": self.complete,
            "missing_months": list(self.missing_months),
            "value": self.value,
            "combined_as": self.combined_as,
            "periods": list(self.periods),
            "unit": self.unit,
        }


def is_loaded_measure(con: duckdb.DuckDBPyConnection, measure: str) -> bool:
    row = con.execute("SELECT count(*) FROM measures WHERE measure = ?", [measure]).fetchone()
    return bool(row and row[0])


def loaded_window(
    con: duckdb.DuckDBPyConnection, measure: str, area: str, window: Window
) -> LoadedWindow:
    rows = con.execute(
        "SELECT period, strftime(period_start, '%Y-%m'), strftime(period_end, '%Y-%m'), value, "
        "numerator, denominator, unit FROM measures WHERE measure = ? AND area = ? "
        "AND period_start >= CAST(? AS DATE) AND period_end < CAST(? AS DATE) + INTERVAL 1 MONTH "
        "ORDER BY period_start, period_end DESC",
        [measure, area, f"{window.first}-01", f"{window.last}-01"],
    ).fetchall()
    covered: set[str] = set()
    chosen = []
    for row in rows:
        months = set(months_between(row[1], row[2]))
        if months & covered:
            continue  # a finer period already covers these months (e.g. a month inside a year)
        covered |= months
        chosen.append(row)
    missing = tuple(m for m in window.months if m not in covered)
    if missing or not chosen:
        return LoadedWindow(window, tuple(r[0] for r in chosen), missing or tuple(window.months),
                            None, None)  # fmt: skip
    values = [float(r[3]) for r in chosen]
    unit = chosen[0][6]
    if all(r[4] is not None and r[5] for r in chosen):
        numerator, denominator = sum(float(r[4]) for r in chosen), sum(float(r[5]) for r in chosen)
        return LoadedWindow(window, tuple(r[0] for r in chosen), (), numerator / denominator,
                            RATE, numerator, denominator, unit)  # fmt: skip
    if all(v.is_integer() and v >= 0 for v in values):
        return LoadedWindow(window, tuple(r[0] for r in chosen), (), sum(values), SUM, unit=unit)
    return LoadedWindow(window, tuple(r[0] for r in chosen), (), sum(values) / len(values),
                        MEAN, unit=unit)  # fmt: skip


@dataclass(frozen=True)
class LoadedChange:
    """The change between two windows of a loaded measure; None where not possible
    (a window incomplete, combined differently, or no honest test)."""

    diff: float | None = None
    pct_diff: float | None = None
    p_value: float | None = None
    significant: bool | None = None
    current_days: int | None = None  # the exposures of a count's test
    comparison_days: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "diff": self.diff,
            "pct_diff": self.pct_diff,
            "p_value": self.p_value,
            "significant": self.significant,
            "current_days": self.current_days,
            "comparison_days": self.comparison_days,
        }


def compare_loaded(current: LoadedWindow, comparison: LoadedWindow) -> LoadedChange:
    """diff, pct_diff, p_value and significant for two windows (None where not possible)."""
    if (
        current.value is None
        or comparison.value is None
        or current.combined_as != comparison.combined_as
    ):
        return LoadedChange()
    diff = current.value - comparison.value
    pct = None
    if comparison.value:
        pct = float(
            (Decimal(repr(diff)) * 100 / Decimal(repr(comparison.value))).quantize(
                Decimal("0.1"), ROUND_HALF_UP
            )
        )
    if current.combined_as == SUM:
        # Counts over windows of different lengths are compared as daily rates.
        now_days = window_days(current.window.first, current.window.last)
        then_days = window_days(comparison.window.first, comparison.window.last)
        test = compare_poisson_counts(
            int(current.value), int(comparison.value), now_days, then_days
        )
        scaled = Fraction(int(comparison.value)) * Fraction(now_days, then_days)
        diff = float(round(Fraction(int(current.value)) - scaled, 1))
        percent = test.percent_difference
        return LoadedChange(diff, None if percent is None else float(percent), test.p_value,
                            test.significant, now_days, then_days)  # fmt: skip
    if current.combined_as == RATE and _whole(current) and _whole(comparison):
        proportions = compare_proportions(
            int(current.numerator or 0), int(current.denominator or 0),
            int(comparison.numerator or 0), int(comparison.denominator or 0),
        )  # fmt: skip
        return LoadedChange(diff, pct, proportions.p_value, proportions.significant)
    return LoadedChange(diff, pct)


def _whole(window: LoadedWindow) -> bool:
    return all(
        v is not None and float(v).is_integer() for v in (window.numerator, window.denominator)
    )
