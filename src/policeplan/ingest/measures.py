"""Import the plan's other indicators (999/101 answer times, public confidence, KSI,
volunteer hours…) from a long-format CSV: `measure,period,area,value` with optional
`numerator,denominator,unit` and, for survey estimates, `lower,upper` (a 95% interval) or
`se` (its standard error).

    >>> import tempfile
    >>> from policeplan.config import load_settings
    >>> folder = Path(tempfile.mkdtemp())
    >>> workspace = Workspace.open(load_settings(folder / "workspace", {}))
    >>> _ = (folder / "answer-times.csv").write_text(
    ...     "measure,period,area,value\\n"
    ...     "answer-999-within-10s,2021-07,essex,91.5\\n"
    ...     "answer-999-within-10s,Q2 2021/22,essex,90.2\\n"
    ...     "answer-999-within-10s,2021-13,essex,90.0\\n")
    >>> summary = import_measures(workspace, folder / "answer-times.csv")
    >>> summary.rows_loaded, summary.rows_rejected, summary.periods
    (2, 1, ('2021-07', '2021/22-Q2'))

Rules (see docs/measures.md):

- `measure` is a slug (`^[a-z0-9][a-z0-9-]*$`), `period` any notation of
  `policeplan.ingest.periods` (`2021-07`, `2021-Q3` calendar quarter, `2021/22`,
  `2021/22-Q2` or `Q2 2021/22` financial quarter) stored under its canonical label,
  `area` any non-empty text kept as given (`essex`, `Chelmsford`, `lpa:North`).
- `value` must be a finite number; `numerator` and `denominator` too when given.
- A bad row goes to the `rejects` table (dataset 'measures') and the summary; the good
  rows still load. The same (measure, period, area) twice in one file: the second is
  rejected.
- Importing upserts by (measure, period, area): a row replaces the stored row with the
  same key, rows with other keys are left alone, so re-importing a file changes nothing
  (the same file again is reported `unchanged` and writes nothing). An upsert removes no
  row, so it can never shrink what is held; each (measure, period) it touches has its
  previous version kept in the import history for `revert`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from policeplan.errors import InputError
from policeplan.ingest.csv_rows import BadFieldError, Column, CsvRow, RowReject, read_csv_rows
from policeplan.ingest.periods import Period, parse_period
from policeplan.ingest.table_replace import (
    Incoming,
    PartitionReplacement,
    ReplaceOptions,
    file_sha256,
)
from policeplan.ingest.table_writes import delete_file_rejects, insert_rejects, insert_rows
from policeplan.store import Workspace
from policeplan.store.history import PartitionKey
from policeplan.store.transaction import transaction

__all__ = ["DATASET", "MEASURE_SLUG", "MeasuresImport", "import_measures"]

DATASET = "measures"
MEASURE_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")

COLUMNS = (
    Column("measure", ("measure",)),
    Column("period", ("period",)),
    Column("area", ("area",)),
    Column("value", ("value",)),
    Column("numerator", ("numerator",), required=False),
    Column("denominator", ("denominator",), required=False),
    Column("unit", ("unit",), required=False),
    # A survey estimate's 95% interval or standard error (optional; schema version 3).
    Column("lower", ("lower",), required=False),
    Column("upper", ("upper",), required=False),
    Column("se", ("se", "standard_error"), required=False),
)

TABLE_COLUMNS = (
    ("measure", "VARCHAR"),
    ("period", "VARCHAR"),
    ("period_kind", "VARCHAR"),
    ("period_start", "DATE"),
    ("period_end", "DATE"),
    ("area", "VARCHAR"),
    ("value", "DOUBLE"),
    ("numerator", "DOUBLE"),
    ("denominator", "DOUBLE"),
    ("unit", "VARCHAR"),
    ("source_file", "VARCHAR"),
    ("source_line", "INTEGER"),
    ("lower_bound", "DOUBLE"),
    ("upper_bound", "DOUBLE"),
    ("standard_error", "DOUBLE"),
)


@dataclass(frozen=True)
class MeasuresImport:
    """What one import did: `rows_replaced` counts stored rows overwritten by a row with
    the same (measure, period, area); `measures` and `periods` are those loaded."""

    file: str
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    rows_replaced: int
    measures: tuple[str, ...]
    periods: tuple[str, ...]
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
            "rows_replaced": self.rows_replaced,
            "measures": list(self.measures),
            "periods": list(self.periods),
            "rejects": [r.to_dict() for r in self.rejects],
            "status": self.status,
            "sha256": self.sha256,
        }


def import_measures(workspace: Workspace, path: Path) -> MeasuresImport:
    """Load a long-format measures CSV into the `measures` table (upsert by key).

    Raises FileRejected (nothing loaded) when the file is unreadable or lacks one of the
    columns measure, period, area, value; bad rows go to `rejects` and the summary.
    """
    source = str(Path(path).resolve())
    csv_rows, unsplittable = read_csv_rows(Path(path), COLUMNS, display=source)
    parsed = _parse_rows(csv_rows, source)
    rejects = sorted([*unsplittable, *parsed.rejects], key=lambda r: r.line)
    options = ReplaceOptions(command="import measures", delete_whole_partition=False)
    with workspace.connect() as con, transaction(con):
        replacing = PartitionReplacement(
            con, _incoming(parsed.rows), source, file_sha256(Path(path)), options
        )
        status = "unchanged" if replacing.unchanged() else "loaded"
        if status == "loaded":
            replacing.check()
            replacing.clear()
            delete_file_rejects(con, DATASET, source)
            rows_replaced = _delete_same_keys(con, parsed.rows)
            insert_rows(con, "measures", TABLE_COLUMNS, parsed.rows)
            insert_rejects(con, DATASET, rejects)
            replacing.record()
            status = "replaced" if rows_replaced else "loaded"
        else:
            rows_replaced = len(parsed.rows)
    if status != "unchanged":
        workspace.compact()
    return MeasuresImport(
        file=source,
        rows_read=len(csv_rows) + len(unsplittable),
        rows_loaded=len(parsed.rows),
        rows_rejected=len(rejects),
        rows_replaced=rows_replaced,
        measures=tuple(sorted({str(row[0]) for row in parsed.rows})),
        periods=tuple(p.label for p in sorted(parsed.periods, key=_chronological)),
        rejects=tuple(rejects),
        status=status,
        sha256=replacing.sha,
    )


def _incoming(rows: list[tuple[object, ...]]) -> dict[PartitionKey, Incoming]:
    """The (measure, period) partitions the rows write to, with their row counts."""
    incoming: dict[PartitionKey, Incoming] = {}
    for row in rows:
        key = PartitionKey(DATASET, str(row[1]), measure=str(row[0]))
        incoming.setdefault(key, Incoming()).rows += 1
    return incoming


@dataclass
class _Parsed:
    rows: list[tuple[object, ...]] = field(default_factory=list)
    rejects: list[RowReject] = field(default_factory=list)
    periods: set[Period] = field(default_factory=set)


def _parse_rows(csv_rows: list[CsvRow], source: str) -> _Parsed:
    parsed = _Parsed()
    first_line_of_key: dict[tuple[str, str, str], int] = {}
    for row in csv_rows:
        try:
            measure = _measure(row.values["measure"])
            period = _period(row.values["period"])
            area = _area(row.values["area"])
            value = _number(row.values["value"], "value", required=True)
            numerator = _number(row.values["numerator"], "numerator", required=False)
            denominator = _number(row.values["denominator"], "denominator", required=False)
            lower, upper, se = _interval(row.values, float(value or 0))
            key = (measure, period.label, area)
            if key in first_line_of_key:
                raise BadFieldError(
                    "period",
                    f"{measure} for {period.label} in {area!r} is already given on line "
                    f"{first_line_of_key[key]}",
                )
        except BadFieldError as exc:
            parsed.rejects.append(RowReject(source, row.line, exc.field, exc.reason, row.raw))
            continue
        first_line_of_key[key] = row.line
        parsed.periods.add(period)
        parsed.rows.append(
            (
                measure,
                period.label,
                period.kind,
                period.start,
                period.end,
                area,
                value,
                numerator,
                denominator,
                row.values["unit"] or None,
                source,
                row.line,
                lower,
                upper,
                se,
            )
        )
    return parsed


def _interval(
    values: Mapping[str, str], value: float
) -> tuple[float | None, float | None, float | None]:
    """(lower, upper, se) of a row: an interval holds the value, a standard error is
    above 0, and lower and upper come together."""
    lower = _number(values["lower"], "lower", required=False)
    upper = _number(values["upper"], "upper", required=False)
    se = _number(values["se"], "se", required=False)
    if (lower is None) != (upper is None):
        raise BadFieldError(
            "lower" if lower is None else "upper", "give both lower and upper, or neither"
        )
    if lower is not None and upper is not None and not lower <= value <= upper:
        raise BadFieldError("lower", f"the interval {lower} to {upper} does not hold {value}")
    if se is not None and se <= 0:
        raise BadFieldError("se", f"a standard error must be above 0, not {se}")
    return lower, upper, se


def _chronological(period: Period) -> tuple[object, ...]:
    return (period.start, period.end, period.label)


def _measure(text: str) -> str:
    if MEASURE_SLUG.fullmatch(text):
        return text
    if not text:
        raise BadFieldError("measure", "no measure name")
    suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    hint = f"; did you mean {suggestion!r}?" if MEASURE_SLUG.fullmatch(suggestion) else ""
    raise BadFieldError(
        "measure",
        f"{text!r} is not a measure slug (lowercase letters, digits and hyphens){hint}",
    )


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except InputError as exc:
        raise BadFieldError("period", exc.message) from None


def _area(text: str) -> str:
    if not text:
        raise BadFieldError("area", "no area: give a force, district, 'lpa:NAME' or a name")
    return text


def _number(text: str, name: str, *, required: bool) -> float | None:
    if not text:
        if required:
            raise BadFieldError(name, f"no {name}")
        return None
    try:
        number = float(text)
    except ValueError:
        raise BadFieldError(name, _not_a_number(text, name)) from None
    if not math.isfinite(number):
        raise BadFieldError(name, f"{name} {text!r} is not a finite number")
    return number


def _not_a_number(text: str, name: str) -> str:
    if text.endswith("%"):
        return f"{name} {text!r} is not a number: write {text[:-1].strip()} and put % in unit"
    if "," in text:
        # A comma may be a thousands separator or a decimal comma: refuse to guess.
        return f"{name} {text!r} is not a number: write it without commas (1234.5)"
    return f"{name} {text!r} is not a number"


def _delete_same_keys(con: duckdb.DuckDBPyConnection, rows: list[tuple[object, ...]]) -> int:
    """Delete stored rows that share (measure, period, area) with `rows`; how many."""
    if not rows:
        return 0
    keys = [[row[0] for row in rows], [row[1] for row in rows], [row[5] for row in rows]]
    result = con.execute(
        """DELETE FROM measures USING (
               SELECT unnest($1::VARCHAR[]) AS measure,
                      unnest($2::VARCHAR[]) AS period,
                      unnest($3::VARCHAR[]) AS area) AS incoming
           WHERE measures.measure = incoming.measure
             AND measures.period = incoming.period
             AND measures.area = incoming.area""",
        keys,
    ).fetchone()
    return int(result[0]) if result else 0
