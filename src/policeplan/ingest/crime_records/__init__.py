"""A force's own crime-records export (Athena, Niche, Connect…) imported through a mapping
file: flags such as domestic abuse, knife or night-time economy that police.uk lacks,
offence codes mapped to police.uk categories and offence groups, beats to districts and
local policing areas. See docs/crime-records.md.

    >>> from policeplan.ingest.crime_records import import_crime_records
    >>> import_crime_records(workspace, "crimes.csv", "mapping.yaml")  # doctest: +SKIP
"""

from policeplan.ingest.crime_records._keys import MappingError
from policeplan.ingest.crime_records.importer import DATASET, import_crime_records
from policeplan.ingest.crime_records.mapping import (
    CrimeRecordsMapping,
    FlagRule,
    load_mapping,
    mapping_from_dict,
)
from policeplan.ingest.crime_records.summary import (
    CrimeRecordsSummary,
    DuplicateReference,
    MonthResult,
)
from policeplan.reference.offences import OFFENCE_GROUPS

__all__ = [
    "DATASET",
    "OFFENCE_GROUPS",
    "CrimeRecordsMapping",
    "CrimeRecordsSummary",
    "DuplicateReference",
    "FlagRule",
    "MappingError",
    "MonthResult",
    "import_crime_records",
    "load_mapping",
    "mapping_from_dict",
]
