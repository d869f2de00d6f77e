"""Which crime measure a Most Similar Group comparison ranks: a police.uk measure (built
in, or the plan's composite), or, from the Home Office table only, a Home Office offence
group or subgroup or one of the plan's sets of offences (`home_office_offences.py`).

    >>> msg_crime_measure("homicide", None, "home-office").title
    'Homicide (Home Office offence subgroup)'
"""

from __future__ import annotations

import difflib

from policeplan.errors import InputError
from policeplan.indicators.counts import HOME_OFFICE
from policeplan.indicators.home_office_offences import (
    offence_measure,
    offence_measures,
    plan_offence_measure,
)
from policeplan.indicators.measures import CRIME_MEASURES, CrimeMeasure, crime_measure
from policeplan.plan.model import Plan

__all__ = ["home_office_measure", "msg_crime_measure"]


def msg_crime_measure(measure: str, plan: Plan | None, source: str) -> CrimeMeasure:
    """A crime measure, or from the Home Office table one of its offence groups or
    subgroups or one of the plan's sets of offences (`home_office_offences.py`)."""
    try:
        return crime_measure(measure, plan)
    except InputError as exc:
        found = home_office_measure(measure, plan)
        if found is None:
            close = _close_offence_measure(measure, plan) if source == HOME_OFFICE else None
            if close is None:
                raise
            raise InputError(
                f"unknown measure {measure!r}; did you mean {close!r} (counted from Home "
                "Office offences)?",
                field="measure",
            ) from exc
        if source != HOME_OFFICE:
            raise InputError(
                f"{measure!r} is counted from Home Office offences: only the Home Office "
                "table counts it, so use the home-office source",
                field="source",
            ) from None
        return found


def _close_offence_measure(measure: str, plan: Plan | None) -> str | None:
    """The offence measure `measure` is likely a misspelling of, unless a crime measure's
    name is closer (whose suggestion crime_measure makes)."""
    offences = [*offence_measures()]
    if plan is not None:
        offences += [m.measure for m in plan.home_office_measures]
    close = difflib.get_close_matches(measure, [*CRIME_MEASURES, *offences], n=1)
    return close[0] if close and close[0] in offences else None


def home_office_measure(measure: str, plan: Plan | None) -> CrimeMeasure | None:
    """The plan's set of Home Office offences named `measure`, else the built-in offence
    group or subgroup (unless the plan's composite measure takes the name)."""
    if plan is None:
        return offence_measure(measure)
    planned = plan.home_office_measure(measure)
    if planned is not None:
        return plan_offence_measure(planned)
    return offence_measure(measure) if plan.composite(measure) is None else None
