"""Importers: each reads a user's file, checks every row, keeps rejected rows aside (with
file, line, field and reason) and writes the good rows into the workspace.

    import_police_uk(workspace, paths)            police.uk street/outcomes CSVs, folders, zips
    import_home_office(workspace, path)           Home Office recorded crime by force table
    import_measures(workspace, path)              the plan's other measures (long-format CSV)
    load_harm_weights(workspace, path, version)   a harm weights table
    import_crime_records(workspace, path, mapping) a force's crime-records export through a
                                                  mapping file (docs/crime-records.md)

Periods in measures files are read by `parse_period` (months, calendar quarters, and the
financial years and quarters of `policeplan.periods`).
"""

from __future__ import annotations

from policeplan.ingest.crime_records import (
    CrimeRecordsSummary,
    MappingError,
    import_crime_records,
    load_mapping,
)
from policeplan.ingest.csv_rows import RowReject
from policeplan.ingest.harm_weights import WeightsLoaded, load_harm_weights
from policeplan.ingest.home_office import HomeOfficeImport, import_home_office
from policeplan.ingest.measures import MeasuresImport, import_measures
from policeplan.ingest.periods import Period, parse_period
from policeplan.ingest.police_uk import FileResult, ImportSummary, import_police_uk

__all__ = [
    "CrimeRecordsSummary",
    "FileResult",
    "HomeOfficeImport",
    "ImportSummary",
    "MappingError",
    "MeasuresImport",
    "Period",
    "RowReject",
    "WeightsLoaded",
    "import_crime_records",
    "import_home_office",
    "import_measures",
    "import_police_uk",
    "load_harm_weights",
    "load_mapping",
    "parse_period",
]
