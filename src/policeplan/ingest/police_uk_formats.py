"""The three police.uk file formats (street, outcomes, stop-and-search): their columns, how
a header is recognised, and how a file name is read.

Columns are matched by normalised name, so `Crime ID`, `crime_id` and `CRIME-ID` are one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policeplan.errors import FileRejected
from policeplan.ingest.csv_rows import normalise_column


@dataclass(frozen=True)
class PoliceUkFormat:
    dataset: str
    columns: tuple[str, ...]  # normalised names, in police.uk's order
    required: frozenset[str]
    signature: str  # a column only this format has


STREET = PoliceUkFormat(
    dataset="street",
    columns=(
        "crime_id", "month", "reported_by", "falls_within", "longitude", "latitude",
        "location", "lsoa_code", "lsoa_name", "crime_type", "last_outcome_category", "context",
    ),
    required=frozenset({"month", "reported_by", "falls_within", "crime_type"}),
    signature="crime_type",
)  # fmt: skip
OUTCOMES = PoliceUkFormat(
    dataset="outcomes",
    columns=(
        "crime_id", "month", "reported_by", "falls_within", "longitude", "latitude",
        "location", "lsoa_code", "lsoa_name", "outcome_type",
    ),
    required=frozenset({"crime_id", "month", "reported_by", "falls_within", "outcome_type"}),
    signature="outcome_type",
)  # fmt: skip
STOP_AND_SEARCH = PoliceUkFormat(
    dataset="stop-and-search",
    columns=(
        "type", "date", "part_of_a_policing_operation", "policing_operation", "latitude",
        "longitude", "gender", "age_range", "self_defined_ethnicity",
        "officer_defined_ethnicity", "legislation", "object_of_search", "outcome",
        "outcome_linked_to_object_of_search", "removal_of_more_than_just_outer_clothing",
    ),
    required=frozenset({"type", "date", "object_of_search", "outcome"}),
    signature="object_of_search",
)  # fmt: skip
FORMATS = (STREET, OUTCOMES, STOP_AND_SEARCH)


def recognise_header(header: list[str], file: str) -> tuple[PoliceUkFormat, dict[str, int]]:
    """The format of a file from its header, and each known column's position."""
    names = [normalise_column(h) for h in header]
    for fmt in FORMATS:
        if fmt.signature in names:
            missing = sorted(fmt.required - set(names))
            if missing:
                raise FileRejected(
                    f"looks like a police.uk {fmt.dataset} file but lacks column(s) "
                    f"{', '.join(missing)}",
                    file=file,
                    line=1,
                )
            positions = {n: i for i, n in enumerate(names) if n in fmt.columns}
            return fmt, positions
    raise FileRejected(
        "not a police.uk street, outcomes or stop-and-search file: its header "
        f"({', '.join(header[:4])}…) has none of 'Crime type', 'Outcome type', "
        "'Object of search'",
        file=file,
        line=1,
    )


_FILE_NAME = re.compile(
    r"^(?P<month>\d{4}-\d{2})-(?P<force>[a-z0-9-]+?)-(?P<dataset>street|outcomes|stop-and-search)"
    r"\.csv(\.gz)?$"
)


@dataclass(frozen=True)
class FileName:
    month: str
    force: str
    dataset: str


def parse_file_name(name: str) -> FileName | None:
    """police.uk's `2025-01-essex-street.csv` naming, or None for any other name.

    >>> parse_file_name("2025-01-thames-valley-stop-and-search.csv")
    FileName(month='2025-01', force='thames-valley', dataset='stop-and-search')
    """
    match = _FILE_NAME.match(name.lower())
    if match is None:
        return None
    return FileName(match["month"], match["force"], match["dataset"])
