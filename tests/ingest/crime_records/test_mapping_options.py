"""Mapping options the generated extract does not use: a district column, a separate
time column, latitude/longitude, offence descriptions, police.uk outcome labels, a
recorded-time flag, blank districts allowed, a declared encoding and a named sheet."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from openpyxl import Workbook

from policeplan.ingest.crime_records import import_crime_records, mapping_from_dict
from policeplan.store import Workspace

MAPPING = {
    "force": "essex",
    "file": {"encoding": "cp1252", "delimiter": "|"},
    "columns": {
        "reference": "URN",
        "recorded": {"column": "Date", "format": "%Y%m%d", "time_column": "Time"},
        "offence_description": "Offence",
        "district": {"column": "District", "blank": "allowed"},
        "latitude": "Lat",
        "longitude": "Lon",
        "outcome": "Outcome",
    },
    "flags": {
        "late": {"time_between": ["22:00", "02:00"], "time_of": "recorded"},
        "shop": {"column": "Premises", "in": ["shop", "SUPERMARKET"]},
    },
}
ROWS = [
    # URN | Date | Time | Offence | District | Lat | Lon | Outcome | Premises
    "U1|20250105|23:15|Robbery of personal property|chelmsford|51.73|0.47|"
    "Awaiting court outcome|Shop",
    "U2|20250106|0130|Shoplifting|SOUTHEND-ON-SEA|51.54|0.71|"
    "Unable to prosecute suspect| supermarket ",
    "U3|20250207|12:00|Shoplifting||||Café closed|Street",
    "U4|20250208|12:00|Shoplifting|Narnia||||Street",
    "U5|20250209|25:00|Shoplifting|Harlow||||Street",
]


def _rows(workspace: Workspace) -> list[tuple[object, ...]]:
    with workspace.connect(read_only=True) as con:
        return con.execute(
            "SELECT reference, recorded_date, recorded_time, offence_code, offence_group, "
            "crime_type, district, lpa, latitude, outcome_group, solved, flags "
            "FROM crime_records ORDER BY source_line"
        ).fetchall()


def test_district_time_column_descriptions_and_police_uk_outcomes(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "export.txt.csv"
    header = "URN|Date|Time|Offence|District|Lat|Lon|Outcome|Premises"
    path.write_bytes("\r\n".join([header, *ROWS]).encode("cp1252") + b"\r\n")
    summary = import_crime_records(workspace, path, mapping_from_dict(MAPPING, "m.yaml"))

    assert (summary.encoding, summary.delimiter) == ("cp1252", "|")
    assert [(r.line, r.field, r.reason) for r in summary.rejects] == [
        (5, "District", "unknown district 'Narnia' (not a district of essex)"),
        (6, "Time", "unparsable time '25:00' (expected HH:MM)"),
    ]
    assert summary.unmapped_outcomes == {"Café closed": 1}
    rows = _rows(workspace)
    assert rows[0] == (
        "U1", date(2025, 1, 5), time(23, 15), "34B", "robbery",
        "Robbery", "Chelmsford", "North", 51.73, "charged_summonsed", True, ["late", "shop"],
    )  # fmt: skip
    assert rows[1][2] == time(1, 30)
    assert rows[1][6:8] == ("Southend-on-Sea", "South")
    assert rows[1][-1] == ["late", "shop"]
    assert rows[2][6:9] == (None, None, None)  # blank district allowed, no coordinates
    assert rows[2][9:11] == ("unmapped", False)


def test_a_named_sheet_of_a_workbook(workspace: Workspace, tmp_path: Path) -> None:
    book = Workbook()
    assert book.active is not None
    book.active.title = "Notes"
    sheet = book.create_sheet("Crimes")
    sheet.append(["URN", "Date", "Time", "Offence", "District", "Lat", "Lon", "Outcome",
                  "Premises"])  # fmt: skip
    for row in ROWS[:2]:
        sheet.append(row.split("|"))
    path = tmp_path / "export.xlsx"
    book.save(path)
    mapping = {**MAPPING, "file": {"sheet": "Crimes"}}
    summary = import_crime_records(workspace, path, mapping_from_dict(mapping, "m.yaml"))
    assert (summary.rows_loaded, summary.rows_rejected) == (2, 0)
    assert [r[0] for r in _rows(workspace)] == ["U1", "U2"]
