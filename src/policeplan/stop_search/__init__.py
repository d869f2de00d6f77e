"""Stop and search (police.uk): searches per 1,000 people, find and arrest rates, and
disproportionality by ethnic group against Census 2011 denominators, with the usual
comparison with the same months a year earlier. An analytics layer beside `indicators/`:
reads the workspace, returns typed results; `render/` and `cli/` present them.

    >>> result = stop_search_summary(workspace, "essex", "2025-03")  # doctest: +SKIP
    >>> result.per_1000, result.find_rate.proportion  # doctest: +SKIP
"""

from policeplan.stop_search.analysis import (
    EthnicGroupRate,
    StopSearchCounts,
    StopSearchResult,
    stop_search_summary,
)
from policeplan.stop_search.ethnicity import (
    CENSUS_SOURCE,
    GROUPS,
    EthnicityPopulation,
    ethnic_group,
    ethnicity_population,
)

__all__ = [
    "CENSUS_SOURCE",
    "GROUPS",
    "EthnicGroupRate",
    "EthnicityPopulation",
    "StopSearchCounts",
    "StopSearchResult",
    "ethnic_group",
    "ethnicity_population",
    "stop_search_summary",
]
