"""A measure broken down by district, local policing area, crime type or (for a measure
counted from crime records) offence group, each part compared with the same comparison
window (the LPA and district tables of the quarterly reports).

    >>> table = breakdown(workspace, BreakdownQuery("burglary", "essex", "2025-12", by="lpa"))
    ... # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from policeplan.errors import DataError, InputError
from policeplan.indicators.areas import WHOLE_FORCE, Area, parse_area
from policeplan.indicators.count_change import CountChange, count_change
from policeplan.indicators.counts import POLICE_UK, CountTable, CountTables, WindowCount
from policeplan.indicators.held_data import require_police_uk_data
from policeplan.indicators.indicator import change_dict
from policeplan.indicators.measures import CrimeMeasure, crime_measure
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import BREAKDOWNS, BreakdownQuery
from policeplan.indicators.records_counts import counted_from
from policeplan.indicators.scorecard import VERDICT_BASIS
from policeplan.indicators.windows import Window, comparison_window
from policeplan.reference import Population, districts_of, get_force
from policeplan.reference.crime_types import ANTI_SOCIAL_BEHAVIOUR, CRIME_TYPES
from policeplan.reference.offences import OFFENCE_GROUPS
from policeplan.stats.exposure import window_rate
from policeplan.stats.multiple_comparisons import benjamini_hochberg
from policeplan.stats.poisson_comparison import SIGNIFICANCE_LEVEL
from policeplan.stats.unlocated import UnlocatedShares, compare_unlocated_shares
from policeplan.store import Workspace
from policeplan.store.populations import Populations, read_populations

__all__ = ["BREAKDOWNS", "UNLOCATED_PART", "VERDICT_BASIS", "Breakdown", "BreakdownRow",
           "breakdown"]  # fmt: skip

# The row that makes a district or LPA breakdown add up to the force total.
UNLOCATED_PART = "No location / unknown district"


@dataclass(frozen=True)
class BreakdownRow:
    """One part (an LPA, a district, a crime type, or the crimes in no district): its
    counts, their change, the Benjamini-Hochberg `q_value` across the table's parts (the
    verdict is q < 0.05), and its population and rate (districts and LPAs)."""

    part: str
    current: WindowCount
    comparison: WindowCount
    change: CountChange | None
    q_value: float | None = None
    population: Population | None = None

    @property
    def significant(self) -> bool | None:
        """The verdict across the table: q < 0.05 (None when not compared)."""
        if self.change is None or self.q_value is None:
            return None
        return self.q_value < SIGNIFICANCE_LEVEL

    @property
    def rate_per_1000(self) -> float | None:
        """Crimes per 1,000 people over the current window (not annualised)."""
        if self.population is None or self.current.count is None:
            return None
        window = self.current.window
        rate = window_rate(self.current.count, self.population.population, window.first,
                           window.last)  # fmt: skip
        return round(rate.per_1000, 3)

    def to_dict(self) -> dict[str, Any]:
        population = self.population
        return {
            "part": self.part,
            "current": self.current.count,
            "comparison": self.comparison.count,
            **change_dict(self.change),
            # the verdict across the table (q < 0.05); the test alone gave significant_alone
            "significant": self.significant,
            "significant_alone": None if self.change is None else self.change.significant,
            "q_value": self.q_value,
            "rate_per_1000": self.rate_per_1000,
            "population": None if population is None else population.population,
            "population_year": None if population is None else population.year,
            "population_warning": None if population is None else population.warning,
            "population_basis": None if population is None else population.basis,
            "population_source": None if population is None else population.source,
        }


@dataclass(frozen=True)
class Breakdown:
    """The measure for each part over the same two windows. District and LPA breakdowns
    end with UNLOCATED_PART, so the rows add up to the force total, and compare the share
    of crimes with no location between the windows (`unlocated`)."""

    measure: str
    force: str
    by: str
    current: Window
    comparison: Window
    missing_months: tuple[str, ...]
    rows: tuple[BreakdownRow, ...]
    data_label: str | None
    title: str | None = None  # the measure's title, e.g. "Burglary"
    unlocated: UnlocatedShares | None = None
    force_current: WindowCount | None = None
    force_comparison: WindowCount | None = None

    @property
    def rate_label(self) -> str | None:
        """What the rates are per: 'per 1,000 people over 4 months (2025-01 to 2025-04)'."""
        if not any(row.population is not None for row in self.rows):
            return None
        return window_rate(0, 1, self.current.first, self.current.last).label

    @property
    def warnings(self) -> tuple[str, ...]:
        found: list[str] = []
        if self.force_current is not None:
            found += self.force_current.warnings
        if self.force_comparison is not None:
            found += self.force_comparison.warnings
        for row in self.rows:
            warning = None if row.population is None else row.population.warning
            if warning and warning not in found:
                found.append(warning)
        return tuple(found)

    def to_dict(self) -> dict[str, Any]:
        unlocated = self.unlocated
        return {
            "measure": self.measure,
            "force": self.force,
            "by": self.by,
            "current": {"from": self.current.first, "to": self.current.last},
            "comparison": {"from": self.comparison.first, "to": self.comparison.last},
            "complete": not self.missing_months
            and all(row.current.complete and row.comparison.complete for row in self.rows),
            "missing_months": list(self.missing_months),
            "data_label": self.data_label,
            "verdict_basis": VERDICT_BASIS,
            "rate_label": self.rate_label,
            "unlocated": None
            if unlocated is None
            else {
                "current_share": unlocated.current_share,
                "comparison_share": unlocated.comparison_share,
                "difference_points": unlocated.difference_points,
                "differs": unlocated.differs,
                "note": unlocated.note,
            },
            "warnings": list(self.warnings),
            "rows": [row.to_dict() for row in self.rows],
        }


def _parts(by: str, force: str, measure: CrimeMeasure) -> list[tuple[str, Area, CrimeMeasure]]:
    if by == "crime-type" and measure.records is not None:
        types = measure.crime_types or tuple(c for c in CRIME_TYPES if c != ANTI_SOCIAL_BEHAVIOUR)
        return [(t, WHOLE_FORCE, replace(measure, slug=t, title=t, crime_types=(t,)))
                for t in types]  # fmt: skip
    if by == "crime-type":
        return [(t, parse_area(None, force), CrimeMeasure(t, t, (t,))) for t in measure.crime_types]
    if by == "offence-group":
        return _offence_group_parts(measure)
    if by == "district":
        return [(d.name, parse_area(f"district:{d.name}", force), measure)
                for d in districts_of(force)]  # fmt: skip
    if by == "lpa":
        lpas = sorted({d.lpa for d in districts_of(force) if d.lpa})
        if not lpas:
            raise InputError(f"{force} has no local policing areas defined", field="by")
        return [(lpa, parse_area(f"lpa:{lpa}", force), measure) for lpa in lpas]
    raise InputError(f"cannot break down by {by!r}: use {', '.join(BREAKDOWNS)}", field="by")


def _offence_group_parts(measure: CrimeMeasure) -> list[tuple[str, Area, CrimeMeasure]]:
    """A records measure by offence group (police.uk has no offence groups)."""
    chosen = measure.records
    if chosen is None:
        raise InputError(
            f"{measure.slug!r} is counted from police.uk, which has no offence groups; break "
            "down a measure counted from crime records (the plan's measures: with "
            "source: records)",
            field="by",
        )
    return [
        (group, WHOLE_FORCE,
         replace(measure, slug=group, records=replace(chosen, offence_groups=(group,))))
        for group in chosen.offence_groups or OFFENCE_GROUPS
    ]  # fmt: skip


def _population(part: str, by: str, window: Window, populations: Populations) -> Population | None:
    if by not in ("district", "lpa"):
        return None
    try:
        kind: Any = by
        return populations.population_for(part, int(window.middle_month[:4]), kind=kind)
    except DataError:
        return None


def _remainder(total: WindowCount, parts: list[WindowCount]) -> WindowCount:
    """The force's count less its parts' (the crimes in no district), month by month."""
    by_month = dict(total.by_month)
    for part in parts:
        for month, crimes in part.by_month.items():
            by_month[month] = by_month.get(month, 0) - crimes
    return replace(total, by_month=by_month, solved=None, outcomes={})


def _history_remainder(total: dict[str, int], parts: list[dict[str, int]]) -> dict[str, int]:
    left = dict(total)
    for part in parts:
        for month, crimes in part.items():
            left[month] = left.get(month, 0) - crimes
    return left


def breakdown(
    workspace: Workspace,
    query: BreakdownQuery,
    *,
    plan: PlanChoice = LOADED_PLAN,
    tables: CountTables | None = None,
) -> Breakdown:
    """Counts of the query's measure for each part, with the change and its test (days as
    exposure, allowing for each part's dispersion), and q-values across the parts.

    `tables`: count tables to reuse (a report breaking down several measures passes the
    same one while it is built); by default the breakdown reads its own."""
    chosen_plan = resolve_plan(workspace, plan)
    definition = crime_measure(query.measure, chosen_plan)
    slug = get_force(query.force).slug
    by = query.by
    current_window = query.current_window
    other_window = comparison_window(current_window, query.comparison, chosen_plan)
    accept = query.accept_suspect_months
    source = counted_from(definition, POLICE_UK)
    parts: list[tuple[str, WindowCount, WindowCount, dict[str, int]]] = []
    counts = CountTables() if tables is None else tables
    chosen_parts = _parts(by, slug, definition)
    with workspace.connect(read_only=True) as con:
        if source == POLICE_UK:
            require_police_uk_data(con, slug, current_window)
        populations = read_populations(con)

        def read(area: Area) -> tuple[CountTable, CountTable]:
            return (
                counts.get(con, slug, current_window, area, source,
                           accept_suspect=accept, history=True),
                counts.get(con, slug, other_window, area, source, accept_suspect=accept),
            )  # fmt: skip

        for part, area, part_measure in chosen_parts:
            now_table, then_table = read(area)
            parts.append((part, now_table.for_measure(part_measure),
                          then_table.for_measure(part_measure),
                          now_table.history_for(part_measure)))  # fmt: skip
        force_now, force_then = read(WHOLE_FORCE)
    total_now, total_then = force_now.for_measure(definition), force_then.for_measure(definition)
    unlocated = None
    if by in ("district", "lpa"):
        unlocated_now = _remainder(total_now, [p[1] for p in parts])
        unlocated_then = _remainder(total_then, [p[2] for p in parts])
        history = _history_remainder(force_now.history_for(definition), [p[3] for p in parts])
        parts.append((UNLOCATED_PART, unlocated_now, unlocated_then, history))
        if unlocated_now.count is not None and unlocated_then.count is not None:
            assert total_now.count is not None and total_then.count is not None
            unlocated = compare_unlocated_shares(
                unlocated_now.count, total_now.count, unlocated_then.count, total_then.count
            )
    changes = [
        None
        if now.count is None or then.count is None
        else count_change(now.count, then.count, current_window, other_window, history)
        for _, now, then, history in parts
    ]
    q_values = benjamini_hochberg([None if c is None else c.p_value for c in changes])
    rows = tuple(
        BreakdownRow(part, now, then, change, q_value,
                     None if part == UNLOCATED_PART
                     else _population(part, by, current_window, populations))
        for (part, now, then, _), change, q_value in zip(parts, changes, q_values, strict=True)
    )  # fmt: skip
    missing = tuple(dict.fromkeys(total_now.missing_months + total_then.missing_months))
    return Breakdown(definition.slug, slug, by, current_window, other_window, missing,
                     rows, workspace.label(), definition.title, unlocated, total_now,
                     total_then)  # fmt: skip
