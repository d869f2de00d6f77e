"""The text view of a loaded harm weights table (`policeplan weights load`).

>>> from policeplan.ingest.harm_weights import WeightsLoaded
>>> weights_text(WeightsLoaded("ons-2024", {"Burglary": 1.5, "Robbery": 2.0}))
"Loaded 2 weights as version 'ons-2024'.\\n  Burglary  1.5\\n  Robbery   2"
"""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.indicators.harm import LoadedTable
from policeplan.ingest.harm_weights import WeightsLoaded
from policeplan.reference.css_weights import WeightTable

__all__ = ["weights_list_text", "weights_text"]


def weights_text(loaded: WeightsLoaded) -> str:
    """The version loaded and each crime type's weight."""
    width = max((len(crime_type) for crime_type in loaded.weights), default=0)
    lines = [f"Loaded {len(loaded.weights)} weights as version {loaded.version!r}."]
    lines += [
        f"  {crime_type:<{width}}  {weight:g}"
        for crime_type, weight in sorted(loaded.weights.items())
    ]
    return "\n".join(lines)


def weights_list_text(bundled: WeightTable, loaded: Sequence[LoadedTable]) -> str:
    """The bundled table, then each loaded table with its source and vintage.

    >>> from policeplan.reference.css_weights import WeightTable
    >>> print(weights_list_text(WeightTable("ons-css", "ONS", "OGL", "2023"),
    ...                         [LoadedTable("chi", 20, None, "2020")]))
    bundled  ons-css  vintage 2023; source ONS (OGL)
    loaded   chi      20 crime types; vintage 2020; source not recorded
    """
    width = max([len(bundled.name), *(len(t.version) for t in loaded)])
    lines = [
        f"bundled  {bundled.name:<{width}}  vintage {bundled.vintage}; "
        f"source {bundled.source} ({bundled.licence})"
    ]
    lines += [
        f"loaded   {t.version:<{width}}  {t.crime_types} crime types; "
        f"vintage {t.vintage or 'not recorded'}; source {t.source or 'not recorded'}"
        for t in loaded
    ]
    return "\n".join(lines)
