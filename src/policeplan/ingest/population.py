"""Import newer population estimates: `policeplan import population FILE`.

Two layouts are read:

- a long CSV `area,year,population` (`area` a force slug or name, a district's LAD code or
  name, or an Essex LPA name; `year` the mid-year of the estimate);
- an ONS mid-year estimates table as published (`Code,Name,Geography,All ages,…`, e.g.
  `ons_mye_mid2024_mye2_persons_ew.csv`), with the year given separately (`year=`): its
  districts are read by code, and the rows of other geographies (countries, regions,
  counties) are skipped and counted.

All rows or none: a bad row (unknown area in the long layout, a year or population that is
not a positive whole number, the same area and year twice) refuses the file, naming its
line and field. Figures are added beside earlier ones, never over them (see
`policeplan.store.populations`), and used before the bundled tables for their year.

    >>> import tempfile
    >>> from policeplan.config import load_settings
    >>> folder = Path(tempfile.mkdtemp())
    >>> workspace = Workspace.open(load_settings(folder / "ws", {}))
    >>> _ = (folder / "pop.csv").write_text("area,year,population\\nEssex,2025,1950000\\n")
    >>> import_population(workspace, folder / "pop.csv", source="ONS mid-2025").rows_loaded
    1
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from policeplan.errors import FileRejected, InputError
from policeplan.ingest.csv_rows import Column, read_csv_rows
from policeplan.reference.forces import force_by_name
from policeplan.reference.population import AreaKind, population_years
from policeplan.store.populations import CREATE_POPULATIONS
from policeplan.store.transaction import transaction
from policeplan.store.workspace import Workspace

__all__ = ["PopulationImport", "import_population", "resolve_area"]

COLUMNS = (
    Column("area", ("area", "code", "area_code")),
    Column("name", ("name", "area_name"), required=False),
    Column("geography", ("geography",), required=False),
    Column("year", ("year",), required=False),
    Column("population", ("population", "all_ages")),
)
SHOWN_BAD_ROWS = 5


@dataclass(frozen=True)
class PopulationImport:
    file: str
    source: str
    rows_loaded: int
    rows_skipped: int  # other geographies of an ONS table
    by_kind: dict[str, int]
    years: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def resolve_area(text: str) -> tuple[AreaKind, str] | None:
    """(kind, name as the bundled tables know it) of a force, district or LPA; None if
    the text names none of them.

    >>> resolve_area("Essex Police"), resolve_area("E07000066"), resolve_area("South")
    (('force', 'essex'), ('district', 'Basildon'), ('lpa', 'South'))
    """
    if not text.strip():
        return None
    force = force_by_name(text)
    if force is not None:
        return "force", force.slug
    for kind in ("district", "lpa"):
        name, years = population_years(text, kind)
        if years:
            return kind, name
    return None


def _whole(text: str, field: str, line: int) -> int:
    cleaned = text.replace(",", "").strip()
    if not cleaned.isdigit() or int(cleaned) <= 0:
        raise InputError(f"{text!r} is not a positive whole number", line=line, field=field)
    return int(cleaned)


def import_population(
    workspace: Workspace,
    path: Path,
    *,
    source: str | None = None,
    year: int | None = None,
) -> PopulationImport:
    """Add the file's estimates to the workspace, all rows or none (FileRejected)."""
    shown = str(path)
    rows, broken = read_csv_rows(path, COLUMNS, display=shown)
    ons_layout = bool(rows) and any(r.values["geography"] for r in rows)
    figures: dict[tuple[str, str, int], tuple[int, int]] = {}
    problems = [f"line {r.line}, {r.field}: {r.reason}" for r in broken]
    skipped = 0
    for row in rows:
        try:
            found = resolve_area(row.values["area"]) or resolve_area(row.values["name"])
            if found is None:
                if ons_layout:
                    skipped += 1
                    continue
                raise InputError(
                    f"{row.values['area']!r} is not a force, district (LAD code or name) or LPA",
                    line=row.line,
                    field="area",
                )
            if row.values["year"]:
                held_year = _whole(row.values["year"], "year", row.line)
            elif year is not None:
                held_year = year
            else:
                raise InputError("give the year (column or year=)", line=row.line, field="year")
            key = (found[0], found[1], held_year)
            if key in figures:
                raise InputError(
                    f"{found[1]} {held_year} repeats line {figures[key][1]}",
                    line=row.line,
                    field="area",
                )
            figures[key] = (_whole(row.values["population"], "population", row.line), row.line)
        except InputError as exc:
            problems.append(f"line {exc.line}, {exc.field}: {exc.message}")
    if problems:
        shown_problems = "; ".join(problems[:SHOWN_BAD_ROWS])
        more = len(problems) - SHOWN_BAD_ROWS
        raise FileRejected(
            f"{len(problems)} bad row(s), nothing was imported: {shown_problems}"
            + (f" and {more} more" if more > 0 else ""),
            file=shown,
        )
    if not figures:
        raise FileRejected("no force, district or LPA figures in the file", file=shown)
    label = source or path.name
    now = datetime.now()  # microseconds: a later import of the same area and year wins
    with workspace.connect() as con, transaction(con):
        con.execute(CREATE_POPULATIONS)
        con.executemany(
            "INSERT INTO populations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                [kind, area, y, population, label, shown, line, now]
                for (kind, area, y), (population, line) in sorted(figures.items())
            ],
        )
    by_kind: dict[str, int] = {}
    for kind, _, _ in figures:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    years = tuple(sorted({y for _, _, y in figures}))
    return PopulationImport(shown, label, len(figures), skipped, by_kind, years)
