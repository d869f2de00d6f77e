"""Reference tables bundled with policeplan (forces, districts, population, outcomes,
crime types, Home Office offence codes). Sources and licences: data/SOURCES.md."""

from policeplan.reference.crime_types import CRIME_TYPE_SLUGS, CRIME_TYPES, crime_type_for_label
from policeplan.reference.districts import District, district_from_lsoa_name, districts_of
from policeplan.reference.forces import Force, all_forces, force_by_name, get_force
from policeplan.reference.outcomes import UNMAPPED, OutcomeGroup, outcome_groups
from policeplan.reference.population import Population, population_for

__all__ = [
    "CRIME_TYPES",
    "CRIME_TYPE_SLUGS",
    "UNMAPPED",
    "District",
    "Force",
    "OutcomeGroup",
    "Population",
    "all_forces",
    "crime_type_for_label",
    "district_from_lsoa_name",
    "districts_of",
    "force_by_name",
    "get_force",
    "outcome_groups",
    "population_for",
]
