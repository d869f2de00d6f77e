"""Population estimates imported into the workspace (`policeplan import population FILE`),
used before the bundled ONS tables.

Each figure is kept with its area kind (force, district, LPA), year, source and file. Imports
only add rows, never delete: a newer import of the same area and year is used, and the older
figure stays in the table (`imported` orders them), so nothing held is lost.

`workspace_population_for` is the workspace-aware form of
`policeplan.reference.population.population_for`: the same nearest-year rule over the bundled
years and the imported ones together, an imported figure winning for its year.

    >>> import tempfile
    >>> from policeplan.config import load_settings
    >>> workspace = Workspace.open(load_settings(tempfile.mkdtemp(), {}))
    >>> workspace_population_for(workspace, "essex", 2025).source is None  # bundled
    True
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from policeplan.reference.population import (
    AreaKind,
    Population,
    choose_population,
    population_years,
)
from policeplan.store.workspace import Workspace

__all__ = [
    "CREATE_POPULATIONS",
    "ImportedPopulation",
    "Populations",
    "imported_populations",
    "read_imported_populations",
    "read_populations",
    "workspace_population_for",
]

# Created by the first population import rather than by the schema, so that workspaces
# without imported populations (and read-only ones) need no upgrade.
CREATE_POPULATIONS = """CREATE TABLE IF NOT EXISTS populations (
    kind VARCHAR NOT NULL,
    area VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    population BIGINT NOT NULL,
    source VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line INTEGER NOT NULL,
    imported TIMESTAMP NOT NULL)"""


@dataclass(frozen=True)
class ImportedPopulation:
    kind: str
    area: str  # force slug, district name or LPA name, as the bundled tables name it
    year: int
    population: int
    source: str


def _has_table(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'populations'"
    ).fetchone()
    return found == (1,)


def read_imported_populations(
    con: duckdb.DuckDBPyConnection, kind: AreaKind | None = None, area: str | None = None
) -> list[ImportedPopulation]:
    """The figures in use (the newest import of each area and year), by kind, area, year."""
    if not _has_table(con):
        return []
    rows = con.execute(
        "SELECT kind, area, year, arg_max(population, imported), arg_max(source, imported) "
        "FROM populations WHERE ($kind IS NULL OR kind = $kind) "
        "AND ($area IS NULL OR area = $area) GROUP BY ALL ORDER BY kind, area, year",
        {"kind": kind, "area": area},
    ).fetchall()
    return [ImportedPopulation(str(k), str(a), int(y), int(p), str(s)) for k, a, y, p, s in rows]


def imported_populations(
    workspace: Workspace, kind: AreaKind | None = None, area: str | None = None
) -> list[ImportedPopulation]:
    """The figures in use (the newest import of each area and year), by kind, area, year."""
    with workspace.connect(read_only=True) as con:
        return read_imported_populations(con, kind, area)


@dataclass(frozen=True)
class Populations:
    """Every imported figure in use, read once, beside the bundled tables: what the
    indicators take their denominators from (an empty one is the bundled tables alone).

    >>> Populations().population_for("essex", 2024).population
    1929610
    """

    imported: tuple[ImportedPopulation, ...] = ()

    def population_for(self, area: str, year: int, kind: AreaKind = "force") -> Population:
        """As `policeplan.reference.population.population_for`, an imported figure winning
        for its year; `source` names the import when its figure is used."""
        name, bundled = population_years(area, kind)
        imported = [p for p in self.imported if p.kind == kind and p.area == name]
        years = {**bundled, **{p.year: p.population for p in imported}}
        sources = {p.year: p.source for p in imported}
        return choose_population(name, years, year, kind=kind, sources=sources)


def read_populations(con: duckdb.DuckDBPyConnection) -> Populations:
    """The workspace's imported figures, for `Populations.population_for`."""
    return Populations(tuple(read_imported_populations(con)))


def workspace_population_for(
    workspace: Workspace, area: str, year: int, kind: AreaKind = "force"
) -> Population:
    """Population of a force (slug), district (name or LAD code) or LPA nearest `year`,
    from the workspace's imported estimates and the bundled tables; `source` is set when an
    imported figure is used."""
    name, _ = population_years(area, kind)
    return Populations(tuple(imported_populations(workspace, kind, name))).population_for(
        area, year, kind
    )
