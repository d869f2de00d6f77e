"""The mapping file: which column of a force's crime-records export holds what.

A mapping is YAML (full example: `examples/crime-records-mapping.yaml`,
`docs/crime-records.md`). Only the columns it names are read, and only the fields listed
in `docs/crime-records.md` are stored. Every problem is a MappingError naming the key
path and, where a name is close, suggesting it:

    >>> try:
    ...     mapping_from_dict({"force": "essex", "colums": {}}, "m.yaml")
    ... except MappingError as exc:
    ...     print(exc)
    m.yaml, field 'colums': unknown key 'colums'; did you mean 'columns'?
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from policeplan.errors import InputError
from policeplan.ingest.crime_records._keys import MappingError, Section, did_you_mean
from policeplan.reference import get_force, outcome_groups
from policeplan.reference.districts import districts_of
from policeplan.user_files import reading_file

__all__ = [
    "Area",
    "CrimeRecordsMapping",
    "DateColumn",
    "FlagRule",
    "MappingError",
    "load_mapping",
    "mapping_from_dict",
]

ENCODINGS = ("detect", "utf-8", "utf-8-sig", "cp1252")
DELIMITERS = {"detect": None, ",": ",", ";": ";", "\\t": "\t", "\t": "\t", "tab": "\t", "|": "|"}
TIME_OF = ("committed", "recorded")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_FLAG_NAME = re.compile(r"[a-z][a-z0-9_]*")

TOP_KEYS = ("force", "file", "columns", "beats", "outcomes", "flags")
COLUMN_KEYS = (
    "reference", "recorded", "committed", "offence_code", "offence_description",
    "crime_type", "district", "beat", "easting", "northing", "latitude", "longitude",
    "outcome", "outcome_date", "victim_key", "location_key",
)  # fmt: skip
DATE_KEYS = ("recorded", "committed", "outcome_date")
BLANK_ALLOWED_KEYS = ("reference", "district", "beat")


@dataclass(frozen=True)
class DateColumn:
    """A date or date-time column; `formats` are strptime formats tried in order (empty:
    detected from the file); `time_column` holds the time of day when it is separate."""

    column: str
    formats: tuple[str, ...] = ()
    time_column: str | None = None


@dataclass(frozen=True)
class Area:
    """Where a beat (or district name) sits: its district and local policing area."""

    district: str
    lpa: str | None


@dataclass(frozen=True)
class FlagRule:
    """One flag: true for a record when every condition given holds.

    `column`/`values`: the column's value is one of `values` (case and spaces ignored);
    `keyword_column`/`pattern`: the column's text matches the regular expression (any
    case; the text is read, matched and never stored); `time_between`: the time of day
    (committed, else recorded) is in [start, end), wrapping past midnight when end < start.
    """

    name: str
    column: str | None = None
    values: tuple[str, ...] = ()
    keyword_column: str | None = None
    pattern: str | None = None
    time_between: tuple[str, str] | None = None
    time_of: str = "committed"


@dataclass(frozen=True)
class CrimeRecordsMapping:
    force: str
    source: str  # how messages name the mapping file
    columns: dict[str, str]  # mapping key (`reference`, `district`…) -> export column
    dates: dict[str, DateColumn]  # `recorded` (always), `committed`, `outcome_date`
    blank_allowed: frozenset[str]  # keys whose blank value is kept, not rejected
    beats: dict[str, Area]  # beat code -> area (when `columns.beat` is given)
    outcomes: dict[str, str] | None  # the export's outcome label -> outcome group
    flags: tuple[FlagRule, ...]
    encoding: str = "detect"
    delimiter: str | None = None  # None: detected
    sheet: str | None = None

    def column(self, key: str) -> str | None:
        return self.columns.get(key)

    def columns_read(self) -> list[tuple[str, str]]:
        """(key path, export column) of every column the import reads, in mapping order."""
        used = [(f"columns.{key}", column) for key, column in self.columns.items()]
        for key, date_column in self.dates.items():
            if date_column.time_column:
                used.append((f"columns.{key}.time_column", date_column.time_column))
        for flag in self.flags:
            if flag.column:
                used.append((f"flags.{flag.name}.column", flag.column))
            if flag.keyword_column:
                used.append((f"flags.{flag.name}.keyword_column", flag.keyword_column))
        return used


def load_mapping(path: str | Path) -> CrimeRecordsMapping:
    """Read and validate the mapping file at `path` (a beats file it names is read
    relative to it)."""
    path = Path(path)
    with reading_file(path):
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise MappingError(f"not valid YAML: {problem}", file=path, line=line) from exc
    return mapping_from_dict(data, str(path), base=path.parent)


def mapping_from_dict(
    data: Any, source: str = "mapping", base: Path | None = None
) -> CrimeRecordsMapping:
    """Validate mapping data (as parsed from YAML); `source` names it in errors, `base` is
    the folder a beats file is read from."""
    top = Section(data, "", source, required=("force", "columns"), optional=TOP_KEYS)
    try:
        force = get_force(top.text("force")).slug
    except InputError as exc:
        raise top.error(str(exc), "force") from None
    section = top.child("columns", required=("reference", "recorded"), optional=COLUMN_KEYS)
    columns: dict[str, str] = {}
    dates: dict[str, DateColumn] = {}
    blank_allowed: set[str] = set()
    for key in COLUMN_KEYS:
        if not section.has(key):
            continue
        value = section.data[key]
        if isinstance(value, dict):
            optional: tuple[str, ...] = ("format", "time_column") if key in DATE_KEYS else ()
            if key in BLANK_ALLOWED_KEYS:
                optional = ("blank",)
            entry = section.child(key, required=("column",), optional=optional)
            columns[key] = entry.text("column")
            if key in DATE_KEYS:
                formats = entry.texts("format") if entry.has("format") else ()
                dates[key] = DateColumn(columns[key], formats, entry.optional_text("time_column"))
            if entry.choice("blank", ("reject", "allowed"), "reject") == "allowed":
                blank_allowed.add(key)
        else:
            columns[key] = section.text(key)
            if key in DATE_KEYS:
                dates[key] = DateColumn(columns[key])
    _check_column_pairs(section, columns)
    return CrimeRecordsMapping(
        force=force,
        source=source,
        columns=columns,
        dates=dates,
        blank_allowed=frozenset(blank_allowed),
        beats=_beats(top, columns, force, base),
        outcomes=_outcomes(top) if top.has("outcomes") else None,
        flags=_flags(top, dates),
        **_file_options(top),
    )


def _check_column_pairs(section: Section, columns: dict[str, str]) -> None:
    if not {"offence_code", "offence_description", "crime_type"} & set(columns):
        raise section.error(
            "name at least one of offence_code, offence_description or crime_type (a "
            "police.uk category column)"
        )
    for one, other in (("easting", "northing"), ("latitude", "longitude")):
        if (one in columns) != (other in columns):
            missing = other if one in columns else one
            raise section.error(f"{one!r} and {other!r} go together: add {missing!r}", missing)
    if "district" in columns and "beat" in columns:
        raise section.error("name either 'district' or 'beat' (with a beats table), not both")


def _file_options(top: Section) -> dict[str, Any]:
    if not top.has("file"):
        return {}
    file = top.child("file", optional=("encoding", "delimiter", "sheet"))
    delimiter = file.data.get("delimiter", "detect")
    if delimiter not in DELIMITERS:
        raise file.error(
            f"'delimiter' is {delimiter!r}; choose from detect, ',', ';', tab, '|'", "delimiter"
        )
    return {
        "encoding": file.choice("encoding", ENCODINGS, "detect"),
        "delimiter": DELIMITERS[delimiter],
        "sheet": file.optional_text("sheet"),
    }


def _known_district(force: str, name: str) -> Area | None:
    wanted = " ".join(name.split()).lower()
    for district in districts_of(force):
        if district.name.lower() == wanted:
            return Area(district.name, district.lpa)
    return None


def _beats(top: Section, columns: dict[str, str], force: str, base: Path | None) -> dict[str, Area]:
    if "beat" not in columns:
        if top.has("beats"):
            raise top.error("'beats' is given but columns.beat is not: add columns.beat", "beats")
        return {}
    if not top.has("beats"):
        raise top.error("columns.beat needs a 'beats' table (beat -> district)", "beats")
    section = top.child("beats", optional=("file", "table"))
    rows: list[tuple[str, str, str | None, str]] = []  # beat, district, lpa, key path
    if section.has("file"):
        rows += _beats_file(section, base)
    if section.has("table"):
        table = section.child("table", optional=[str(k) for k in section.data["table"] or {}])
        for beat, value in table.data.items():
            entry = value if isinstance(value, dict) else {"district": value}
            area = Section(entry, table.key_path(str(beat)), top.source, ("district",), ("lpa",))
            rows.append((str(beat), area.text("district"), area.optional_text("lpa"), area.path))
    if not rows:
        raise section.error("give a beats 'file' or 'table'")
    beats: dict[str, Area] = {}
    names = [d.name for d in districts_of(force)]
    for beat, district, lpa, where in rows:
        known = _known_district(force, district)
        if known is None:
            raise MappingError(
                f"beat {beat!r}: {district!r} is not a district of {force}"
                f"{did_you_mean(district, names) or '; districts: ' + ', '.join(names)}",
                file=top.source,
                field=where,
            )
        beats[beat.strip()] = Area(known.district, lpa or known.lpa)
    return beats


def _beats_file(section: Section, base: Path | None) -> list[tuple[str, str, str | None, str]]:
    path = Path(section.text("file"))
    if base is not None and not path.is_absolute():
        path = base / path
    with reading_file(path):
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    rows = list(csv.reader(lines))
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    if "beat" not in header or "district" not in header:
        raise section.error(f"the beats file {path} needs columns beat,district[,lpa]", "file")
    found: list[tuple[str, str, str | None, str]] = []
    for number, row in enumerate(rows[1:], start=2):
        cells = dict(zip(header, row, strict=False))
        where = f"{section.key_path('file')} line {number}"
        found.append(
            (cells.get("beat", ""), cells.get("district", ""), cells.get("lpa") or None, where)
        )
    return found


def _outcomes(top: Section) -> dict[str, str]:
    groups = sorted({o.group for o in outcome_groups()})
    section = top.child("outcomes", optional=groups)
    labels: dict[str, str] = {}
    for group in section.data:
        for label in section.texts(str(group)):
            labels[" ".join(label.split())] = str(group)
    return labels


def _flags(top: Section, dates: dict[str, DateColumn]) -> tuple[FlagRule, ...]:
    if not top.has("flags"):
        return ()
    section = top.child("flags", optional=[str(k) for k in top.data["flags"]])
    flags = []
    for name in section.data:
        if not _FLAG_NAME.fullmatch(str(name)):
            raise section.error(
                f"flag name {name!r} must be lower case letters, digits and _", str(name)
            )
        rule = section.child(
            str(name),
            optional=("column", "in", "keyword_column", "matches", "time_between", "time_of"),
        )
        flags.append(_flag(str(name), rule, dates))
    return tuple(flags)


def _flag(name: str, rule: Section, dates: dict[str, DateColumn]) -> FlagRule:
    if rule.has("column") != rule.has("in"):
        raise rule.error("'column' and 'in' go together (the column's values that mean yes)")
    if rule.has("keyword_column") != rule.has("matches"):
        raise rule.error("'keyword_column' and 'matches' go together (a regular expression)")
    if not (rule.has("column") or rule.has("keyword_column") or rule.has("time_between")):
        raise rule.error(
            "give 'column' with 'in', 'keyword_column' with 'matches', or 'time_between'"
        )
    pattern = rule.optional_text("matches")
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise rule.error(f"'matches' is not a regular expression: {exc}", "matches") from None
    between = None
    if rule.has("time_between"):
        times = rule.texts("time_between")
        if len(times) != 2 or not all(_TIME.fullmatch(t) for t in times):
            raise rule.error(
                "'time_between' must be two HH:MM times, e.g. ['20:00', '06:00']", "time_between"
            )
        between = (times[0], times[1])
    time_of = rule.choice("time_of", TIME_OF, "committed" if "committed" in dates else "recorded")
    if between is not None and time_of not in dates:
        raise rule.error(f"time_of {time_of!r} needs columns.{time_of}", "time_of")
    return FlagRule(
        name=name,
        column=rule.optional_text("column"),
        values=rule.texts("in") if rule.has("in") else (),
        keyword_column=rule.optional_text("keyword_column"),
        pattern=pattern,
        time_between=between,
        time_of=time_of,
    )
