"""Import the Home Office "police recorded crime by police force area" open data table:
the official all-forces quarterly figures with Home Office offence codes.

    >>> import tempfile
    >>> from policeplan.config import load_settings
    >>> folder = Path(tempfile.mkdtemp())
    >>> workspace = Workspace.open(load_settings(folder / "workspace", {}))
    >>> _ = (folder / "recorded_crime_by_force_2017-18.csv").write_text(
    ...     "Financial_Year,Financial_Quarter,Force_Name,Offence_Code,Number_of_Offences\\n"
    ...     "2017/18,1,Essex,17A,12\\n"
    ...     "2017/18,2,Essex,17A,15\\n")
    >>> summary = import_home_office(workspace, folder / "recorded_crime_by_force_2017-18.csv")
    >>> summary.periods_replaced, summary.offences_loaded
    (('2017/18 Q1', '2017/18 Q2'), 27)

Rules (see docs/measures.md):

- Columns are matched by normalised name: `Financial_Year` and `Financial Year` are one.
  A leading unnamed index column, and any other column not listed below, is ignored.
- Each row's force is matched with `force_by_name` ("London, City of" -> city-of-london,
  "British Transport Police" -> btp).
- Rows from national fraud reporters (Action Fraud, CIFAS, UK Finance, Financial Fraud
  Action UK) are not a force's figures: they are *not stored*, so they can never appear
  as a force in a comparison, but they are counted in the summary (`non_force_rows`,
  `non_force_offences` by reporter) so nothing disappears silently.
- The police.uk category of a row comes from the bundled offence code table, so one code
  maps to one category in every year; a code missing from that table uses the file's own
  police.uk category column. A code in neither is a reject.
- Every row is stored as given, repeats included: the published table repeats some codes
  (homicide appears four times per force and quarter), and each repeat counts.
- Re-importing replaces the (financial quarter, force) pairs the file holds, in one
  transaction (other forces' figures for those quarters stay), together with the rejects
  recorded for its quarters. A pair that would shrink below half its rows, or lose
  offence codes it held, is refused unless `allow_shrink`; each replaced pair's previous
  version is kept in the import history. The same file again is `unchanged`: no writes.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from policeplan.errors import InputError
from policeplan.ingest.csv_rows import BadFieldError, Column, CsvRow, RowReject, read_csv_rows
from policeplan.ingest.table_replace import (
    Incoming,
    PartitionReplacement,
    ReplaceOptions,
    file_sha256,
)
from policeplan.ingest.table_writes import delete_file_rejects, insert_rejects, insert_rows
from policeplan.periods import FinancialQuarter, parse_financial_year
from policeplan.reference._files import read_table
from policeplan.reference.crime_types import crime_type_for_label
from policeplan.reference.forces import all_forces, force_by_name
from policeplan.store import Workspace
from policeplan.store.history import PartitionKey
from policeplan.store.transaction import transaction

__all__ = ["DATASET", "NON_FORCE_REPORTERS", "HomeOfficeImport", "import_home_office"]

DATASET = "home-office"

# National bodies that report fraud to the Home Office table under "Force Name".
# Display name -> slug used in summaries.
NON_FORCE_REPORTERS: dict[str, str] = {
    "Action Fraud": "action-fraud",
    "CIFAS": "cifas",
    "UK Finance": "uk-finance",
    "Financial Fraud Action UK": "financial-fraud-action-uk",
}

COLUMNS = (
    Column("financial_year", ("Financial Year",)),
    Column("quarter", ("Financial Quarter", "Quarter")),
    Column("force_name", ("Force Name", "Force", "Police Force", "Police Force Area")),
    Column("offence_code", ("Offence Code",)),
    Column("offences", ("Number of Offences", "Offences", "Number Offences")),
    Column("offence_description", ("Offence Description",), required=False),
    Column("offence_group", ("Offence Group",), required=False),
    Column("offence_subgroup", ("Offence Subgroup",), required=False),
    Column(
        "police_uk_category",
        ("Police.uk Category", "Policeuk Cat", "Police.uk Cat", "Policeuk Category"),
        required=False,
    ),
)

TABLE_COLUMNS = (
    ("financial_year", "VARCHAR"),
    ("quarter", "INTEGER"),
    ("force", "VARCHAR"),
    ("force_name", "VARCHAR"),
    ("offence_code", "VARCHAR"),
    ("offence_description", "VARCHAR"),
    ("offence_group", "VARCHAR"),
    ("offence_subgroup", "VARCHAR"),
    ("crime_type", "VARCHAR"),
    ("offences", "BIGINT"),
    ("source_file", "VARCHAR"),
)

_WHOLE_NUMBER = re.compile(r"-?(\d+|\d{1,3}(,\d{3})+)")
_QUARTER = re.compile(r"Q?([1-4])", re.IGNORECASE)


@dataclass(frozen=True)
class HomeOfficeImport:
    """What one import did. `periods_replaced` are the (financial year, quarter)
    partitions the file contained, written like '2017/18 Q1'."""

    file: str
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    offences_loaded: int
    non_force_rows: int
    non_force_offences: dict[str, int]
    periods_replaced: tuple[str, ...]
    rows_replaced: int
    rejects: tuple[RowReject, ...]
    status: str = "loaded"  # loaded, replaced, or unchanged (this very file was imported)
    sha256: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": DATASET,
            "file": self.file,
            "rows_read": self.rows_read,
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "offences_loaded": self.offences_loaded,
            "non_force_rows": self.non_force_rows,
            "non_force_offences": dict(self.non_force_offences),
            "periods_replaced": list(self.periods_replaced),
            "rows_replaced": self.rows_replaced,
            "rejects": [r.to_dict() for r in self.rejects],
            "status": self.status,
            "sha256": self.sha256,
        }


def import_home_office(
    workspace: Workspace, path: Path, allow_shrink: bool = False
) -> HomeOfficeImport:
    """Load a Home Office recorded-crime-by-force CSV into `home_office_crimes`.

    The file replaces the (quarter, force) pairs it holds; other forces' figures for the
    same quarters stay. Raises FileRejected (nothing loaded) when the file is unreadable,
    lacks a required column, or would shrink a pair sharply or drop offence codes it held
    (unless `allow_shrink`); bad rows go to the `rejects` table and the summary.
    """
    source = str(Path(path).resolve())
    csv_rows, unsplittable = read_csv_rows(Path(path), COLUMNS, display=source)
    parsed = _parse_rows(csv_rows, source)
    rejects = sorted([*unsplittable, *parsed.rejects], key=lambda r: r.line)
    options = ReplaceOptions(allow_shrink, command="import home-office")
    with workspace.connect() as con, transaction(con):
        replacing = PartitionReplacement(
            con, _incoming(parsed.rows), source, file_sha256(Path(path)), options
        )
        status = "unchanged" if replacing.unchanged() else "loaded"
        if status == "loaded":
            replacing.check(_held_codes(con))
            rows_replaced = _replace_partitions(con, sorted(parsed.partitions), source)
            rows_replaced += replacing.clear()
            insert_rows(con, "home_office_crimes", TABLE_COLUMNS, parsed.rows)
            insert_rejects(con, DATASET, rejects)
            replacing.record()
            status = "replaced" if rows_replaced else "loaded"
        else:
            rows_replaced = len(parsed.rows)
    if status != "unchanged":
        workspace.compact()
    return HomeOfficeImport(
        file=source,
        rows_read=len(csv_rows) + len(unsplittable),
        rows_loaded=len(parsed.rows),
        rows_rejected=len(rejects),
        offences_loaded=parsed.offences_loaded,
        non_force_rows=parsed.non_force_rows,
        non_force_offences=dict(sorted(parsed.non_force_offences.items())),
        periods_replaced=tuple(
            FinancialQuarter(int(year[:4]), quarter).label
            for year, quarter in sorted(parsed.partitions)
        ),
        rows_replaced=rows_replaced,
        rejects=tuple(rejects),
        status=status,
        sha256=replacing.sha,
    )


def _incoming(rows: list[tuple[object, ...]]) -> dict[PartitionKey, Incoming]:
    """The (quarter, force) pairs the rows cover, with their row counts and codes."""
    incoming: dict[PartitionKey, Incoming] = {}
    for row in rows:
        key = PartitionKey(DATASET, f"{row[0]} Q{row[1]}", str(row[2]))
        pair = incoming.setdefault(key, Incoming())
        pair.rows += 1
        pair.codes.add(str(row[4]))
    return incoming


def _held_codes(con: duckdb.DuckDBPyConnection) -> dict[PartitionKey, set[str]]:
    held = con.execute(
        "SELECT financial_year, quarter, force, list(DISTINCT offence_code) "
        "FROM home_office_crimes GROUP BY ALL"
    ).fetchall()
    return {PartitionKey(DATASET, f"{y} Q{q}", f): set(codes) for y, q, f, codes in held}


@dataclass
class _Parsed:
    rows: list[tuple[object, ...]] = field(default_factory=list)
    rejects: list[RowReject] = field(default_factory=list)
    partitions: set[tuple[str, int]] = field(default_factory=set)
    offences_loaded: int = 0
    non_force_rows: int = 0
    non_force_offences: Counter[str] = field(default_factory=Counter)


def _parse_rows(csv_rows: list[CsvRow], source: str) -> _Parsed:
    parsed = _Parsed()
    for row in csv_rows:
        period_start: date | None = None
        try:
            year, quarter, period_start = _period(row)
            parsed.partitions.add((year, quarter))
            reporter = _non_force_reporter(row.values["force_name"])
            if reporter is not None:
                parsed.non_force_offences[reporter] += _offences(row.values["offences"])
                parsed.non_force_rows += 1
                continue
            force = _force_slug(row.values["force_name"])
            crime_type = _crime_type(row)
            offences = _offences(row.values["offences"])
        except BadFieldError as exc:
            parsed.rejects.append(
                RowReject(source, row.line, exc.field, exc.reason, row.raw, period_start)
            )
            continue
        reference = _offence_codes().get(row.values["offence_code"], {})
        parsed.rows.append(
            (
                year,
                quarter,
                force,
                row.values["force_name"],
                row.values["offence_code"],
                _text(row, "offence_description", reference),
                _text(row, "offence_group", reference),
                _text(row, "offence_subgroup", reference),
                crime_type,
                offences,
                source,
            )
        )
        parsed.offences_loaded += offences
    return parsed


def _period(row: CsvRow) -> tuple[str, int, date]:
    text = row.values["financial_year"]
    try:
        year = parse_financial_year(text).label
    except InputError as exc:
        raise BadFieldError("financial_year", exc.message) from None
    match = _QUARTER.fullmatch(row.values["quarter"])
    if match is None:
        raise BadFieldError(
            "quarter", f"{row.values['quarter']!r} is not a financial quarter 1 to 4"
        )
    quarter = int(match.group(1))
    return year, quarter, FinancialQuarter(int(year[:4]), quarter).first_day


def _offences(text: str) -> int:
    # Negative counts are real: the Home Office publishes downward adjustments.
    if not _WHOLE_NUMBER.fullmatch(text):
        shown = repr(text) if text else "empty"
        raise BadFieldError("number_of_offences", f"number of offences is {shown}, not a count")
    return int(text.replace(",", ""))


def _non_force_reporter(name: str) -> str | None:
    return _non_force_keys().get(_name_key(name))


def _force_slug(name: str) -> str:
    force = force_by_name(name)
    if force is not None:
        return force.slug
    if not name:
        raise BadFieldError("force_name", "no force name")
    known = [f.short_name for f in all_forces()] + list(NON_FORCE_REPORTERS)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise BadFieldError("force_name", f"unknown force {name!r}{hint}")


def _crime_type(row: CsvRow) -> str:
    code = row.values["offence_code"]
    if not code:
        raise BadFieldError("offence_code", "no offence code")
    reference = _offence_codes().get(code)
    if reference is not None:
        crime_type = crime_type_for_label(reference["police_uk_category"])
        assert crime_type is not None, f"offence_codes.csv maps {code} to an unknown category"
        return crime_type
    label = row.values["police_uk_category"]
    if not label:
        raise BadFieldError(
            "offence_code",
            f"unknown Home Office offence code {code!r} and no police.uk category given",
        )
    crime_type = crime_type_for_label(label)
    if crime_type is None:
        raise BadFieldError(
            "police_uk_category",
            f"offence code {code!r} is not in the offence code table and {label!r} "
            "is not a police.uk category",
        )
    return crime_type


def _text(row: CsvRow, name: str, reference: dict[str, str]) -> str | None:
    return row.values[name] or reference.get(name) or None


def _replace_partitions(
    con: duckdb.DuckDBPyConnection, partitions: list[tuple[str, int]], source: str
) -> int:
    """Forget the rejects earlier imports recorded for these quarters (the rows themselves
    are replaced per (quarter, force) by `PartitionReplacement`); no rows removed here."""
    delete_file_rejects(con, DATASET, source)
    for year, quarter in partitions:
        start = FinancialQuarter(int(year[:4]), quarter).first_day
        con.execute("DELETE FROM rejects WHERE dataset = ? AND month = ?", [DATASET, start])
    return 0


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


@cache
def _non_force_keys() -> dict[str, str]:
    return {_name_key(name): slug for name, slug in NON_FORCE_REPORTERS.items()}


@cache
def _offence_codes() -> dict[str, dict[str, str]]:
    return {row["offence_code"]: row for row in read_table("offence_codes.csv")}
