"""Harm score: crimes weighted by severity, from a versioned weights table the user loads.

Without weights there is no harm score, and the result says "no weights loaded" rather than
falling back to invented numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from policeplan.errors import DataError
from policeplan.indicators.areas import Area
from policeplan.indicators.counts import POLICE_UK, count_window
from policeplan.indicators.measures import CrimeMeasure
from policeplan.indicators.windows import Window

NO_WEIGHTS = "no weights loaded: load a table with `policeplan weights load FILE --version NAME`"


@dataclass(frozen=True)
class HarmScore:
    """`score` is None when the window is incomplete."""

    version: str
    score: float | None
    unweighted_types: tuple[str, ...]  # crime types in the measure the table does not weight


def weights_versions(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [str(r[0]) for r in con.execute(
        "SELECT DISTINCT version FROM harm_weights ORDER BY version").fetchall()]  # fmt: skip


def harm_score(
    con: duckdb.DuckDBPyConnection,
    measure: CrimeMeasure,
    force: str,
    window: Window,
    area: Area,
    version: str | None = None,
) -> HarmScore:
    """Sum over crime types of count × weight; the latest version unless one is named."""
    versions = weights_versions(con)
    if not versions:
        raise DataError(NO_WEIGHTS)
    chosen = version or versions[-1]
    if chosen not in versions:
        raise DataError(f"no weights version {chosen!r}; loaded: {', '.join(versions)}")
    weights = dict(
        con.execute(
            "SELECT crime_type, weight FROM harm_weights WHERE version = ?", [chosen]
        ).fetchall()
    )
    total = 0.0
    for crime_type in measure.crime_types:
        if crime_type not in weights:
            continue
        single = CrimeMeasure(measure.slug, crime_type, (crime_type,))
        counted = count_window(con, single, force, window, area, POLICE_UK)
        if counted.count is None:
            return HarmScore(chosen, None, ())
        total += counted.count * float(weights[crime_type])
    unweighted = tuple(t for t in measure.crime_types if t not in weights)
    return HarmScore(chosen, total, unweighted)
