"""Harm score from a versioned weights table the user loads (`weights load`).

Without weights there is no harm score, and the result says "no weights loaded" rather than
falling back to invented numbers. A crime type the table does not weight is never counted
as 0: the score is incomplete (None) and names the types missing. The bundled ONS Crime
Severity Score weights are in `harm_css.py`; the harm score as a figure in `harm_score.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from policeplan.errors import DataError
from policeplan.indicators.counts import CountTable
from policeplan.indicators.measures import CrimeMeasure

NO_WEIGHTS = "no weights loaded: load a table of harm weights under a version name first"


@dataclass(frozen=True)
class HarmScore:
    """`score` is None when the window is incomplete or a crime type has no weight."""

    version: str
    score: float | None
    unweighted_types: tuple[str, ...]  # crime types in the measure the table does not weight

    @property
    def complete(self) -> bool:
        return self.score is not None

    @property
    def note(self) -> str | None:
        """Why there is no score, or None when there is one."""
        if self.unweighted_types:
            return (
                f"incomplete: weights {self.version!r} have no weight for "
                f"{', '.join(self.unweighted_types)}"
            )
        return None if self.score is not None else "window incomplete"


def weights_versions(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT DISTINCT version FROM harm_weights ORDER BY version").fetchall()
    return [str(r[0]) for r in rows]


@dataclass(frozen=True)
class HarmWeights:
    """One version of the weights table: crime type -> weight."""

    version: str
    weights: dict[str, float]

    def score(self, table: CountTable, measure: CrimeMeasure) -> HarmScore:
        """Sum over the measure's crime types of count × weight; None when the window is
        incomplete or any of the measure's crime types has no weight (never counted as 0)."""
        unweighted = tuple(t for t in measure.crime_types if t not in self.weights)
        if unweighted:
            return HarmScore(self.version, None, unweighted)
        total = 0.0
        for crime_type, weight in self.weights.items():
            if crime_type in measure.crime_types:
                counted = table.for_measure(CrimeMeasure(crime_type, crime_type, (crime_type,)))
                if counted.count is None:
                    return HarmScore(self.version, None, ())
                total += counted.count * weight
        return HarmScore(self.version, total, ())


def read_weights(con: duckdb.DuckDBPyConnection, version: str | None = None) -> HarmWeights:
    """The named weights version, or the latest; DataError when none is loaded."""
    versions = weights_versions(con)
    if not versions:
        raise DataError(NO_WEIGHTS)
    chosen = version or versions[-1]
    if chosen not in versions:
        raise DataError(f"no weights version {chosen!r}; loaded: {', '.join(versions)}")
    rows = con.execute(
        "SELECT crime_type, weight FROM harm_weights WHERE version = ?", [chosen]
    ).fetchall()
    return HarmWeights(chosen, {str(t): float(w) for t, w in rows})


@dataclass(frozen=True)
class LoadedTable:
    """A loaded weights table and its provenance (None where not recorded)."""

    version: str
    crime_types: int
    source: str | None
    vintage: str | None


def loaded_tables(con: duckdb.DuckDBPyConnection) -> list[LoadedTable]:
    """Every loaded weights table, with its source and vintage when recorded."""
    has_provenance = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'harm_weight_tables'"
    ).fetchone() == (1,)
    provenance: dict[str, tuple[str | None, str | None]] = {}
    if has_provenance:
        for version, source, vintage in con.execute(
            "SELECT version, source, vintage FROM harm_weight_tables"
        ).fetchall():
            provenance[str(version)] = (source, vintage)
    rows = con.execute(
        "SELECT version, count(*) FROM harm_weights GROUP BY version ORDER BY version"
    ).fetchall()
    return [LoadedTable(str(v), int(n), *provenance.get(str(v), (None, None))) for v, n in rows]


def latest_weights(con: duckdb.DuckDBPyConnection) -> HarmWeights | None:
    """The latest weights version, or None when no table is loaded."""
    return read_weights(con) if weights_versions(con) else None
