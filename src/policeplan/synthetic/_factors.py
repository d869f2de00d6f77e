"""How a force's expected monthly count moves with the month: seasonality, trend, lockdown.

expected(force, crime type, month) =
    calibrated 2025 monthly mean (deseasonalised)
    x seasonality index of the month of year (from the 2025 sample, data/crime_types.csv)
    x (1 + annual trend) ** (years since mid-2025)  (trend calibrated from 2018-19 vs 2025,
      clamped to +/-6 % a year so series drift gently)
    x lockdown factor (below)

The lockdown factors are written by hand, not calibrated (the sample has no 2019-03 to
2023-12 months). They follow the direction and rough size of the changes ONS reported for
police recorded crime during the COVID-19 restrictions ("Coronavirus and crime in England and
Wales", 2020-2021 releases): in April-June 2020 theft from the person, shoplifting and
robbery fell by about half, burglary and vehicle crime by about a third, violence a little,
while drug offences rose with proactive policing and anti-social behaviour incidents rose
sharply (breaches of the restrictions were recorded as ASB), staying high through 2020.
"""

from __future__ import annotations

import numpy as np

from policeplan.reference.crime_types import CRIME_TYPES
from policeplan.synthetic._calibration import FloatArray, crime_type_profile

TREND_ORIGIN = 2025.5  # the calibrated rates are 2025 means

# Factor at the strictest lockdown (April 2020), per crime type; 1 = unaffected.
FULL_LOCKDOWN_FACTOR: dict[str, float] = {
    "Anti-social behaviour": 1.70,
    "Bicycle theft": 0.85,
    "Burglary": 0.68,
    "Criminal damage and arson": 0.85,
    "Drugs": 1.30,
    "Other crime": 0.95,
    "Other theft": 0.62,
    "Possession of weapons": 0.85,
    "Public order": 0.95,
    "Robbery": 0.55,
    "Shoplifting": 0.45,
    "Theft from the person": 0.35,
    "Vehicle crime": 0.65,
    "Violence and sexual offences": 0.88,
}

# How much of the April 2020 effect applies in each month: first lockdown from 23 March
# 2020 eased over the summer, the November 2020 lockdown, the January-March 2021 lockdown,
# then the steps out of it to 19 July 2021.
LOCKDOWN_STRENGTH: dict[tuple[int, int], float] = {
    (2020, 3): 0.30,
    (2020, 4): 1.00,
    (2020, 5): 0.85,
    (2020, 6): 0.60,
    (2020, 7): 0.35,
    (2020, 8): 0.25,
    (2020, 9): 0.25,
    (2020, 10): 0.35,
    (2020, 11): 0.65,
    (2020, 12): 0.45,
    (2021, 1): 0.80,
    (2021, 2): 0.75,
    (2021, 3): 0.55,
    (2021, 4): 0.35,
    (2021, 5): 0.20,
    (2021, 6): 0.15,
    (2021, 7): 0.05,
}

_FULL_LOCKDOWN = np.array([FULL_LOCKDOWN_FACTOR[c] for c in CRIME_TYPES])


def lockdown_factors(year: int, month: int) -> FloatArray:
    """Per crime type multiplier for the COVID-19 restrictions (1 outside 2020-03..2021-07).

    >>> round(float(lockdown_factors(2020, 4)[CRIME_TYPES.index("Shoplifting")]), 2)
    0.45
    """
    strength = LOCKDOWN_STRENGTH.get((year, month), 0.0)
    factors: FloatArray = 1.0 + strength * (_FULL_LOCKDOWN - 1.0)
    return factors


def month_factors(year: int, month: int) -> FloatArray:
    """Seasonality x trend x lockdown for every crime type in one month."""
    profile = crime_type_profile()
    years_from_origin = year + (month - 0.5) / 12 - TREND_ORIGIN
    trend = (1.0 + profile.annual_trend) ** years_from_origin
    factors: FloatArray = profile.seasonality[:, month - 1] * trend * lockdown_factors(year, month)
    return factors
