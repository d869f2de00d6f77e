"""The synthetic extract's header and its mapping file (also shipped, for Essex, as
`examples/crime-records-mapping.yaml`)."""

from __future__ import annotations

HEADER = (
    "Crime Reference", "Date Recorded", "Committed From", "HO Offence Code",
    "Offence Description", "Beat", "Easting", "Northing", "Outcome", "Outcome Date",
    "Victim URN", "Location URN", "DA Flag", "Location Type", "MO", "Hate Crime Strands",
)  # fmt: skip
KNIFE_PATTERN = "knife|blade|sharp"
NTE_LOCATIONS = ("Licensed premises", "Nightclub", "Fast food outlet", "Street - town centre")
HATE_STRANDS = {
    "hate_crime": r"\\w",  # any strand: a hate crime
    "hate_race": "race",
    "hate_religion": "religio",
    "hate_sexual_orientation": "sexual orientation",
    "hate_disability": "disab",
    "hate_transgender": "transgender",
}

_TEMPLATE = """\
# Mapping of a crime-records export of {force} (policeplan import records).
# Format: docs/crime-records.md. Only the columns named here are read; only mapped fields
# are stored; the MO column is read for the knife flag and never stored.
force: {force}
file:
  encoding: detect        # utf-8, utf-8-sig, cp1252 or detect
  delimiter: detect       # ",", ";", tab, "|" or detect
columns:
  reference: Crime Reference
  recorded: {{column: Date Recorded, format: "%d/%m/%Y %H:%M"}}
  committed: {{column: Committed From, format: "%d/%m/%Y %H:%M"}}
  offence_code: HO Offence Code
  offence_description: Offence Description   # used when the code is blank
  beat: Beat
  easting: Easting
  northing: Northing
  outcome: Outcome
  outcome_date: {{column: Outcome Date, format: "%d/%m/%Y"}}
  victim_key: Victim URN       # stored as a keyed hash, for repeat-victim counts
  location_key: Location URN   # stored as a keyed hash, for repeat-location counts
beats:                         # beat -> district (the district's LPA comes from policeplan)
  table:
{beats}
outcomes:                      # the export's outcome labels -> outcome groups
  charged_summonsed: ["Outcome 1 - Charged/Summonsed"]
  out_of_court: ["Outcome 3 - Caution", "Outcome 8 - Community resolution"]
  evidential_difficulties:
    - "Outcome 14 - Evidential difficulties: victim does not support"
    - "Outcome 15 - Evidential difficulties: suspect identified, victim supports"
    - "Outcome 16 - Victim declines or withdraws support"
  no_suspect_identified: ["Outcome 18 - Investigation complete, no suspect identified"]
flags:
  domestic_abuse: {{column: DA Flag, in: ["Y", "Yes"]}}
  knife: {{keyword_column: MO, matches: "{knife}"}}
  night_time_economy:
    time_between: ["20:00", "06:00"]
    column: Location Type
    in: [{nte}]
{hate}"""


def mapping_yaml(force: str, beats: dict[str, str]) -> str:
    """The mapping file text for an extract of `force` with these beats."""
    return _TEMPLATE.format(
        force=force,
        beats="\n".join(f"    {code}: {district}" for code, district in beats.items()),
        knife=KNIFE_PATTERN,
        nte=", ".join(f'"{name}"' for name in NTE_LOCATIONS),
        hate="".join(
            f'  {flag}: {{keyword_column: Hate Crime Strands, matches: "{pattern}"}}\n'
            for flag, pattern in HATE_STRANDS.items()
        ),
    )
