"""The population a rate of a whole force over a window is per."""

from __future__ import annotations

from policeplan.errors import DataError
from policeplan.indicators.windows import Window
from policeplan.reference import Population
from policeplan.store.populations import Populations

__all__ = ["window_population"]


def window_population(
    force: str, window: Window, populations: Populations | None = None
) -> Population | None:
    """The force's population for a window: the estimate nearest the calendar year holding
    the window's middle month (mid-2017 for April 2017 – March 2018), with a warning when it
    is more than a year away; an imported estimate (`populations`) wins for its year."""
    try:
        return (populations or Populations()).population_for(force, int(window.middle_month[:4]))
    except DataError:
        return None
