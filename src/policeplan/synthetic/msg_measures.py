"""Synthetic per-force measures for the demo's Most Similar Group table: what a performance
team loads from iQuanta and national sources, for every force of the group, in the measures
format (docs/measures.md).

- `sickness-police-officers`, `sickness-police-staff`: hours lost to sickness out of
  contracted hours, per financial quarter (a proportion: numerator and denominator), the
  contracted hours sized from the force's population;
- `public-confidence`: a survey estimate (per cent, with its standard error) per financial
  year up to 2019/20, when the Crime Survey stopped asking it face to face, so the demo shows
  "last data to March 2020" as the reference quarterly update does;
- `killed-or-seriously-injured`: casualties per 100 million vehicle km per financial year,
  to the year before the demo's last.

Seeded and deterministic; the values are made up and the demo workspace says so.

    >>> rows = msg_measure_rows(("essex", "kent"), "2024-04", "2024-09", seed=0)
    >>> sorted({r["measure"] for r in rows})[:2]
    ['killed-or-seriously-injured', 'public-confidence']
    >>> [r["period"] for r in rows if r["measure"] == "sickness-police-staff"][:2]
    ['2024/25-Q1', '2024/25-Q2']
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np

from policeplan.periods import FinancialQuarter, FinancialYear
from policeplan.reference import population_for

__all__ = ["msg_measure_rows", "write_msg_measures"]

COLUMNS = ("measure", "period", "area", "value", "numerator", "denominator", "unit", "se")
# People per officer, staff per officer and contracted hours per person per quarter.
PEOPLE_PER_OFFICER = 520
STAFF_PER_OFFICER = 0.6
HOURS_PER_QUARTER = 37 * 13
LAST_CONFIDENCE_YEAR = FinancialYear(2019)  # 2019/20: "last data to March 2020"
CONFIDENCE_YEARS = 3
KSI_YEARS = 3


def msg_measure_rows(
    forces: Sequence[str], first_month: str, last_month: str, seed: int = 0
) -> list[dict[str, str]]:
    """The rows of every measure for `forces`: sickness for each financial quarter wholly
    inside `first_month`..`last_month`, confidence to 2019/20, KSI to the year before the
    last month's."""
    quarters = _quarters(first_month, last_month)
    last_year = FinancialYear.containing(_day(last_month))
    rows: list[dict[str, str]] = []
    for index, force in enumerate(forces):
        rng = np.random.default_rng([seed, index, 7919])
        officers = population_for(force, int(last_month[:4])).population / PEOPLE_PER_OFFICER
        for measure, people, mean in (
            ("sickness-police-officers", officers, rng.normal(4.3, 0.6)),
            ("sickness-police-staff", officers * STAFF_PER_OFFICER, rng.normal(3.9, 0.5)),
        ):
            hours = round(people * HOURS_PER_QUARTER)
            for quarter in quarters:
                lost = round(hours * max(mean + rng.normal(0, 0.3), 0.5) / 100)
                counts = {"numerator": str(lost), "denominator": str(hours), "unit": "%"}
                share = f"{100 * lost / hours:.2f}"
                rows.append(_row(measure, _period(quarter), force, share, **counts))
        confidence = rng.normal(76, 3)
        for back in range(CONFIDENCE_YEARS - 1, -1, -1):
            year = FinancialYear(LAST_CONFIDENCE_YEAR.start_year - back)
            value = min(confidence + rng.normal(0, 1.5), 95)
            rows.append(_row("public-confidence", year.label, force, f"{value:.1f}",
                             unit="%", se=f"{rng.uniform(1.1, 1.9):.2f}"))  # fmt: skip
        ksi = rng.normal(7, 1.5)
        for back in range(KSI_YEARS, 0, -1):
            year = FinancialYear(last_year.start_year - back)
            value = max(ksi + rng.normal(0, 0.5), 1)
            rows.append(_row("killed-or-seriously-injured", year.label, force, f"{value:.2f}",
                             unit="per 100 million vehicle km"))  # fmt: skip
    return rows


def write_msg_measures(
    path: Path, forces: Sequence[str], first_month: str, last_month: str, seed: int = 0
) -> Path:
    """Write `msg_measure_rows` as a measures CSV at `path`."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(msg_measure_rows(forces, first_month, last_month, seed))
    return path


def _quarters(first_month: str, last_month: str) -> list[FinancialQuarter]:
    """The financial quarters wholly inside the months."""
    quarter = FinancialQuarter.containing(_day(first_month))
    found = []
    while quarter.first_month <= last_month:
        if quarter.first_month >= first_month and quarter.last_month <= last_month:
            found.append(quarter)
        start_year, number = divmod(quarter.start_year * 4 + quarter.number, 4)
        quarter = FinancialQuarter(start_year, number + 1)
    return found


def _day(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def _period(quarter: FinancialQuarter) -> str:
    """'2024/25-Q1', the measures format's label of a financial quarter."""
    return f"{quarter.year.label}-Q{quarter.number}"


def _row(measure: str, period: str, area: str, value: str, **optional: str) -> dict[str, str]:
    return {"measure": measure, "period": period, "area": area, "value": value, **optional}
