"""The text view of a loaded harm weights table (`policeplan weights load`).

>>> from policeplan.ingest.harm_weights import WeightsLoaded
>>> weights_text(WeightsLoaded("ons-2024", {"Burglary": 1.5, "Robbery": 2.0}))
"Loaded 2 weights as version 'ons-2024'.\\n  Burglary  1.5\\n  Robbery   2"
"""

from __future__ import annotations

from policeplan.ingest.harm_weights import WeightsLoaded

__all__ = ["weights_text"]


def weights_text(loaded: WeightsLoaded) -> str:
    """The version loaded and each crime type's weight."""
    width = max((len(crime_type) for crime_type in loaded.weights), default=0)
    lines = [f"Loaded {len(loaded.weights)} weights as version {loaded.version!r}."]
    lines += [
        f"  {crime_type:<{width}}  {weight:g}"
        for crime_type, weight in sorted(loaded.weights.items())
    ]
    return "\n".join(lines)
