"""One harm weight per police.uk category from the ONS Crime Severity Score (CSS) weights.

police.uk records carry a category, not a Home Office offence code, so a category's weight
is the average of the CSS weights of the offence codes in it, weighted by how often each
code is recorded: the force's own offence mix from the Home Office recorded-crime table in
the workspace (`import home-office`, latest financial year held for the force), or the
bundled national mix (43 territorial forces, 2017/18) when the force's is not loaded. The
result says which mix was used. Anti-social behaviour has no CSS weight (incidents are not
crimes), and neither do fraud codes.

    >>> weights = css_category_weights(con, "essex")     # doctest: +SKIP
    >>> weights.mix                                         # doctest: +SKIP
    'force mix: essex, Home Office police recorded crime 2017/18'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import duckdb

from policeplan.reference.css_weights import (
    CSS_TABLE,
    NATIONAL_MIX,
    WeightTable,
    css_offence_weights,
    national_offence_mix,
)


@dataclass(frozen=True)
class CategoryWeights:
    """A weight per police.uk category, with the table and offence mix it came from."""

    table: WeightTable
    mix: str
    weights: Mapping[str, float]
    notes: tuple[str, ...] = field(default=())

    def missing(self, crime_types: tuple[str, ...]) -> tuple[str, ...]:
        """The crime types among `crime_types` that have no weight."""
        return tuple(t for t in crime_types if t not in self.weights)

    def to_dict(self) -> dict[str, object]:
        return {
            "table": self.table.name,
            "source": self.table.source,
            "licence": self.table.licence,
            "vintage": self.table.vintage,
            "mix": self.mix,
            "weights": dict(self.weights),
            "notes": list(self.notes),
        }


def weights_from_mix(mix: Mapping[str, int]) -> dict[str, float]:
    """Σ offences × CSS weight / Σ offences per category, over codes with a CSS weight.

    >>> round(weights_from_mix({"46": 10})["Shoplifting"], 2)
    11.86
    """
    css = css_offence_weights()
    weighted: dict[str, float] = defaultdict(float)
    offences: dict[str, int] = defaultdict(int)
    for code, count in sorted(mix.items()):  # one order: the same bits on every run
        offence = css.get(code)
        if offence is None or count <= 0:
            continue
        weighted[offence.crime_type] += count * offence.weight
        offences[offence.crime_type] += count
    return {t: weighted[t] / offences[t] for t in sorted(offences) if offences[t] > 0}


def national_category_weights() -> CategoryWeights:
    """CSS weights per category averaged over the national offence mix."""
    return CategoryWeights(CSS_TABLE, NATIONAL_MIX, weights_from_mix(national_offence_mix()))


def css_category_weights(con: duckdb.DuckDBPyConnection, force: str) -> CategoryWeights:
    """CSS weights per category averaged over `force`'s own offence mix when the workspace
    holds its Home Office table (latest financial year), else over the national mix."""
    year_row = con.execute(
        "SELECT max(financial_year) FROM home_office_crimes WHERE force = ?", [force]
    ).fetchone()
    year = None if year_row is None else year_row[0]
    national = national_category_weights()
    if year is None:
        return national
    rows = con.execute(
        "SELECT offence_code, sum(offences) FROM home_office_crimes "
        "WHERE force = ? AND financial_year = ? GROUP BY offence_code",
        [force, year],
    ).fetchall()
    quarters_row = con.execute(
        "SELECT count(DISTINCT quarter) FROM home_office_crimes "
        "WHERE force = ? AND financial_year = ?",
        [force, year],
    ).fetchone()
    quarters = 0 if quarters_row is None else int(quarters_row[0])
    mix = {str(code): int(n) for code, n in rows}
    weights = weights_from_mix(mix)
    notes = []
    if quarters < 4:
        notes.append(f"the force's {year} table has {quarters} of 4 quarters")
    unweighted = sorted(c for c, n in mix.items() if n > 0 and c not in css_offence_weights())
    if unweighted:
        notes.append(f"offence codes with no CSS weight left out: {', '.join(unweighted)}")
    for crime_type, weight in national.weights.items():
        if crime_type not in weights:
            weights[crime_type] = weight
            notes.append(f"{crime_type}: no offences in the force's table, national mix used")
    return CategoryWeights(
        CSS_TABLE,
        f"force mix: {force}, Home Office police recorded crime {year}",
        dict(sorted(weights.items())),
        tuple(notes),
    )
