"""A measure's monthly values in each local policing area (or district) of a force: the
data of the area × month small multiples.

    >>> series = area_series(workspace, "burglary", "essex", Window("2024-07", "2025-06"))
    ... # doctest: +SKIP
    >>> [label for label, _ in series.areas]  # doctest: +SKIP
    ['lpa:North', 'lpa:South', 'lpa:West']
"""

from __future__ import annotations

from dataclasses import dataclass

from policeplan.errors import InputError
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.spc_series import monthly_values
from policeplan.indicators.windows import Window
from policeplan.reference import districts_of, get_force
from policeplan.store import Workspace

__all__ = ["AreaSeries", "area_series"]


@dataclass(frozen=True)
class AreaSeries:
    """One value (None when missing) a month of `window` for each area, labelled
    `lpa:NAME` or `district:NAME`."""

    measure: str
    title: str | None
    force: str
    window: Window
    unit: str
    areas: tuple[tuple[str, tuple[float | None, ...]], ...]
    data_label: str | None


def area_series(
    workspace: Workspace,
    measure: str,
    force: str,
    window: Window,
    *,
    by: str = "lpa",
    plan: PlanChoice = LOADED_PLAN,
) -> AreaSeries:
    """The monthly values of `measure` in every LPA (`by="lpa"`, or districts when the
    force has no LPAs) or district (`by="district"`) of `force`."""
    chosen = resolve_plan(workspace, plan)
    slug = get_force(force).slug
    districts = districts_of(slug)
    lpas = sorted({d.lpa for d in districts if d.lpa})
    if by == "lpa" and lpas:
        labels = [f"lpa:{name}" for name in lpas]
    elif by in ("lpa", "district"):
        labels = [f"district:{d.name}" for d in districts]
    else:
        raise InputError(f"areas by {by!r}: use lpa or district", field="by")
    if not labels:
        raise InputError(f"{slug} has no districts in the reference tables", field="force")
    areas = []
    title, unit, name = None, "offences", measure
    with workspace.connect(read_only=True) as con:
        for label in labels:
            name, title, _, values, unit = monthly_values(con, measure, slug, window, label, chosen)
            areas.append((label, tuple(values)))
    return AreaSeries(name, title, slug, window, unit, tuple(areas), workspace.label())
