"""Stop and search over a window for one force: searches per 1,000 people, find and arrest
rates, and disproportionality by ethnic group, compared with the same months a year earlier.

Definitions (also in docs/stop-search.md):
- **searches**: every police.uk stop-and-search record of the force in the window
  (person, person-and-vehicle and vehicle-only searches alike).
- **per 1,000 people**: searches / the force area's ONS mid-year population (the estimate
  nearest the window's last month; an estimate imported with `import population` is used
  before the bundled ones) × 1,000.
- **find rate**: of the searches with an outcome recorded, the share whose outcome is
  anything other than no further action ("A no further action disposal", "Nothing found -
  no further action", "Nothing found"); **arrest rate**: the share whose outcome is an
  arrest ("Arrest", "Suspect arrested", "Offender arrested"). Both with Wilson 95% intervals.
- **disproportionality**: searches per 1,000 residents of each broad ethnic group (Census
  2011 denominators, see `ethnicity.py`), and each group's rate ratio to the white group's
  rate with its exact (Clopper–Pearson) 95% interval; searches with no ethnicity recorded
  are counted apart.
- **change**: searches against the same months a year earlier (or the window before),
  exact Poisson test, made only when both windows are complete (every month imported).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

from policeplan.errors import DataError, InputError
from policeplan.indicators.windows import Window, month_ranges
from policeplan.jsonsafe import json_safe
from policeplan.reference.population import Population
from policeplan.stats import (
    PoissonComparison,
    ProportionInterval,
    compare_poisson_counts,
    wilson_interval,
)
from policeplan.stop_search.ethnicity import (
    CENSUS_SOURCE,
    GROUPS,
    ethnic_group,
    ethnicity_population,
)
from policeplan.store import Workspace
from policeplan.store.populations import workspace_population_for

__all__ = ["EthnicGroupRate", "StopSearchCounts", "StopSearchResult", "stop_search_summary"]

Basis = Literal["self-defined", "officer-defined"]
Compare = Literal["last-year", "previous"]
MAX_MONTHS = 120
NO_FIND = frozenset({"a no further action disposal", "nothing found - no further action",
                     "nothing found"})  # fmt: skip
ARREST = frozenset({"arrest", "suspect arrested", "offender arrested"})
REFERENCE_GROUP = "white"


@dataclass(frozen=True)
class StopSearchCounts:
    """One window's searches; `with_outcome` are those whose outcome was recorded."""

    window: Window
    searches: int
    with_outcome: int
    finds: int
    arrests: int
    missing_months: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing_months


@dataclass(frozen=True)
class EthnicGroupRate:
    group: str
    searches: int
    population: int
    per_1000: float | None
    ratio_to_white: PoissonComparison | None  # None for the white group itself


@dataclass(frozen=True)
class StopSearchResult:
    force: str
    current: StopSearchCounts
    comparison: StopSearchCounts
    change: PoissonComparison | None
    population: Population
    per_1000: float
    find_rate: ProportionInterval
    arrest_rate: ProportionInterval
    ethnicity_basis: Basis
    groups: tuple[EthnicGroupRate, ...]
    ethnicity_not_recorded: int
    census_source: str
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Every figure, JSON-ready (windows as first/last months, no NaN)."""
        data = asdict(self)
        for key in ("current", "comparison"):
            window = getattr(self, key).window
            data[key]["window"] = {"first": window.first, "last": window.last}
        data["population"]["basis"] = self.population.basis
        return dict(json_safe(data))


def _counts(
    workspace: Workspace, force: str, window: Window
) -> tuple[StopSearchCounts, Counter[tuple[str | None, str | None]]]:
    """The window's counts, and searches per (self-defined, officer-defined) ethnicity."""
    first, last = date.fromisoformat(window.first + "-01"), date.fromisoformat(window.last + "-01")
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT lower(trim(outcome)), self_defined_ethnicity, officer_defined_ethnicity, "
            "count(*) FROM stop_and_search WHERE force = $force AND month BETWEEN $first AND "
            "$last GROUP BY ALL",
            {"force": force, "first": first, "last": last},
        ).fetchall()
        held = {
            m.strftime("%Y-%m")
            for (m,) in con.execute(
                "SELECT DISTINCT month FROM partitions WHERE force = $force AND "
                "dataset = 'stop-and-search' AND month BETWEEN $first AND $last",
                {"force": force, "first": first, "last": last},
            ).fetchall()
        }
    searches = with_outcome = finds = arrests = 0
    ethnicity: Counter[tuple[str | None, str | None]] = Counter()
    for outcome, self_defined, officer_defined, n in rows:
        searches += n
        ethnicity[(self_defined, officer_defined)] += n
        if outcome:
            with_outcome += n
            finds += n if outcome not in NO_FIND else 0
            arrests += n if outcome in ARREST else 0
    missing = tuple(m for m in window.months if m not in held)
    return StopSearchCounts(window, searches, with_outcome, finds, arrests, missing), ethnicity


def _latest_month(workspace: Workspace, force: str) -> str | None:
    with workspace.connect(read_only=True) as con:
        found = con.execute(
            "SELECT max(month) FROM partitions WHERE force = ? AND dataset = 'stop-and-search'",
            [force],
        ).fetchone()
    return None if found is None or found[0] is None else found[0].strftime("%Y-%m")


def stop_search_summary(
    workspace: Workspace,
    force: str,
    to: str,
    *,
    months: int = 12,
    basis: Basis = "self-defined",
    compare: Compare = "last-year",
) -> StopSearchResult:
    """Stop and search in the `months` months to `to` for `force` (a slug), compared with
    the same months a year earlier (`last-year`) or the window before (`previous`);
    DataError when the workspace holds none of the window."""
    if months > MAX_MONTHS:
        raise InputError(f"at most {MAX_MONTHS} months, not {months}", field="months")
    window = Window.ending(to, months)
    current, ethnicity = _counts(workspace, force, window)
    if current.missing_months == tuple(window.months):
        latest = _latest_month(workspace, force)
        held = f"latest month held is {latest}" if latest else "none is held at all"
        raise DataError(
            f"the workspace holds no stop-and-search data for {force} in {window.label()} ({held})"
        )
    earlier = window.year_earlier() if compare == "last-year" else window.previous()
    comparison, _ = _counts(workspace, force, earlier)
    notes = []
    change = None
    if current.complete and comparison.complete:
        change = compare_poisson_counts(current.searches, comparison.searches)
    else:
        for name, counts in (("current", current), ("comparison", comparison)):
            if not counts.complete:
                notes.append(
                    f"not compared: the {name} window {counts.window.label()} has no data for "
                    f"{month_ranges(list(counts.missing_months))}"
                )
    population = workspace_population_for(workspace, force, int(window.last[:4]))
    if population.warning:
        notes.append(population.warning)
    index = 0 if basis == "self-defined" else 1
    by_group: Counter[str] = Counter()
    not_recorded = 0
    for pair, n in ethnicity.items():
        group = ethnic_group(pair[index])
        if group is None:
            not_recorded += n
        else:
            by_group[group] += n
    residents = ethnicity_population(force)
    white_searches, white_residents = by_group[REFERENCE_GROUP], residents.counts[REFERENCE_GROUP]
    groups = tuple(
        EthnicGroupRate(
            group,
            by_group[group],
            residents.counts[group],
            by_group[group] / residents.counts[group] * 1000 if residents.counts[group] else None,
            None
            if group == REFERENCE_GROUP or not residents.counts[group] or not white_residents
            else compare_poisson_counts(
                by_group[group], white_searches, residents.counts[group], white_residents
            ),
        )
        for group in GROUPS
    )
    return StopSearchResult(
        force=force,
        current=current,
        comparison=comparison,
        change=change,
        population=population,
        per_1000=current.searches / population.population * 1000,
        find_rate=wilson_interval(current.finds, current.with_outcome),
        arrest_rate=wilson_interval(current.arrests, current.with_outcome),
        ethnicity_basis=basis,
        groups=groups,
        ethnicity_not_recorded=not_recorded,
        census_source=CENSUS_SOURCE,
        notes=tuple(notes),
    )
