"""ONS Crime Severity Score (CSS) weights per Home Office offence code, and the national
offence mix used to turn them into one weight per police.uk category.

The weights are a processed copy of the "List of weights" sheet of the ONS CSS data tool
(edition "current" in late 2020; the file does not record the year), carried by the
Leeds / Alan Turing Institute MOPD project (`M-O-P-D/Police-Supply-Demand`). OGL v3.0.
Quirks kept from the source: one weight can cover several codes (homicide
`1/4.1/4.10/4.2`; 34A and 34B), and fraud codes have no CSS weight. See data/SOURCES.md.

>>> weights = css_offence_weights()
>>> round(weights["46"].weight, 2), weights["46"].crime_type
(11.86, 'Shoplifting')
>>> CSS_TABLE.name, CSS_TABLE.vintage
('ons-css', 'ONS CSS data tool, "current" edition of late 2020')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from policeplan.reference._files import read_table


@dataclass(frozen=True)
class WeightTable:
    """Provenance of a table of harm weights, shown with every harm figure."""

    name: str
    source: str
    licence: str
    vintage: str


CSS_TABLE = WeightTable(
    name="ons-css",
    source="ONS Crime Severity Score data tool, sheet 'List of weights' (processed copy in "
    "M-O-P-D/Police-Supply-Demand data/DEPRECATED-severity_codes.csv @ 38420a1)",
    licence="Open Government Licence v3.0",
    vintage='ONS CSS data tool, "current" edition of late 2020',
)

NATIONAL_MIX = (
    "national mix: Home Office police recorded crime 2017/18, 43 territorial forces of "
    "England and Wales"
)


@dataclass(frozen=True)
class OffenceWeight:
    """The CSS weight of one Home Office count code and the police.uk category it falls in."""

    offence_code: str
    description: str
    crime_type: str
    severity_code: str
    weight: float


@cache
def css_offence_weights() -> dict[str, OffenceWeight]:
    """Home Office count code -> its CSS weight (133 codes)."""
    return {
        row["offence_code"]: OffenceWeight(
            row["offence_code"],
            row["description"],
            row["police_uk_category"],
            row["severity_code"],
            float(row["weight"]),
        )
        for row in read_table("css_weights.csv")
    }


@cache
def national_offence_mix() -> dict[str, int]:
    """Offences per Home Office code, 43 territorial forces, financial year 2017/18."""
    return {
        row["offence_code"]: int(row["offences"])
        for row in read_table("offence_mix_national_2017-18.csv")
    }
