"""Which (force, month) partition a police.uk file is, from its name and its content.

A file named the police.uk way (`2025-01-essex-street.csv`) is the partition its name says,
unless most of its rows say otherwise: then the whole file is refused, since loading it would
replace another partition's data. A file without such a name is placed by its content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import duckdb

from policeplan.errors import FileRejected
from policeplan.ingest.police_uk_formats import STOP_AND_SEARCH, FileName, PoliceUkFormat
from policeplan.ingest.sources import SourceFile
from policeplan.reference import force_by_name


class ParserLostLines(Exception):
    """DuckDB's parser found fewer rows than the file has lines: use the splitter."""


@dataclass(frozen=True)
class Profile:
    """What one pass over a file says about its content: its rows, and among the rows with
    the right number of fields their forces and months (to test the file name against)."""

    rows: int
    forces: Counter[str]
    months: Counter[str]

    @staticmethod
    def modal(counts: Counter[str]) -> tuple[str | None, int]:
        if not counts:
            return None, 0
        value, rows = min(counts.items(), key=lambda item: (-item[1], item[0]))
        return value, rows


def profile_rows(con: duckdb.DuckDBPyConnection, lines: int, use_parser: bool) -> Profile:
    """One pass over `pp_rows`; with the parser, its rows must be the file's lines."""
    found = con.execute(
        "SELECT reported_slug, month_text, well_formed, count(*) FROM pp_rows GROUP BY ALL"
    ).fetchall()
    forces: Counter[str] = Counter()
    months: Counter[str] = Counter()
    for force, month, well_formed, rows in found:
        if well_formed and force:
            forces[str(force)] += int(rows)
        if well_formed and month:
            months[str(month)] += int(rows)
    profile = Profile(sum(int(r[3]) for r in found), forces, months)
    if use_parser and profile.rows != lines:
        raise ParserLostLines
    return profile


def partition_from_name(source: SourceFile, fmt: PoliceUkFormat, name: FileName) -> tuple[str, str]:
    if name.dataset != fmt.dataset:
        raise FileRejected(
            f"is named as a {name.dataset} file but its header is a {fmt.dataset} file",
            file=source.display,
        )
    if force_by_name(name.force) is None:
        raise FileRejected(f"names an unknown force {name.force!r}", file=source.display)
    return name.force, name.month


def check_name_matches_content(
    source: SourceFile, fmt: PoliceUkFormat, name: FileName, profile: Profile
) -> None:
    """A name that contradicts most of the file's rows rejects the whole file."""
    force, rows = profile.modal(profile.forces)
    if fmt is not STOP_AND_SEARCH and force is not None and force != name.force:
        raise FileRejected(
            f"is named for force {name.force!r} but {rows} of its rows are reported "
            f"by {force!r}; nothing was loaded from it",
            file=source.display,
        )
    month, rows = profile.modal(profile.months)
    if month is not None and month != name.month:
        raise FileRejected(
            f"is named for month {name.month} but {rows} of its rows are for {month}; "
            "nothing was loaded from it",
            file=source.display,
        )


def partition_from_content(
    source: SourceFile, fmt: PoliceUkFormat, profile: Profile
) -> tuple[str, str]:
    if fmt is STOP_AND_SEARCH:
        raise FileRejected(
            "stop-and-search files have no force column: keep police.uk's file name "
            "YYYY-MM-<force>-stop-and-search.csv so the force is known",
            file=source.display,
        )
    force, _ = profile.modal(profile.forces)
    month, _ = profile.modal(profile.months)
    if force is None or month is None:
        raise FileRejected(
            "has no row with a recognisable force and month, and its name is not police.uk's "
            "YYYY-MM-<force>-<dataset>.csv",
            file=source.display,
        )
    return force, month
