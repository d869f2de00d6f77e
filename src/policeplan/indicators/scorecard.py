"""Every crime measure for one force and window: the panel's headline table."""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.indicators.areas import WHOLE_FORCE
from policeplan.indicators.counts import POLICE_UK
from policeplan.indicators.indicator import IndicatorResult, IndicatorTables, crime_indicator
from policeplan.indicators.measures import CRIME_MEASURES, crime_measure
from policeplan.indicators.windows import Window, comparison_window
from policeplan.plan.model import Plan
from policeplan.reference import get_force
from policeplan.store import Workspace


def scorecard(
    workspace: Workspace,
    force: str,
    to: str,
    months: int = 12,
    compare: str = "previous",
    measures: Sequence[str] = tuple(CRIME_MEASURES),
    plan: Plan | None = None,
) -> list[IndicatorResult]:
    """The indicator of each crime measure (the 15 built-in ones by default), from one
    read of the force's counts for the two windows."""
    slug = get_force(force).slug
    current = Window.ending(to, months)
    other = comparison_window(current, compare, plan)
    definitions = [crime_measure(measure, plan) for measure in measures]
    with workspace.connect(read_only=True) as con:
        tables = IndicatorTables.read(con, slug, WHOLE_FORCE, current, other, POLICE_UK)
    label = workspace.label()
    return [crime_indicator(definition, tables, label) for definition in definitions]
