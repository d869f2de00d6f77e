"""What a Police and Crime Plan is made of, as frozen dataclasses.

A plan has priorities; each priority has an objective, "We will…" commitments, "So that…"
outcomes and performance indicators. Strategy strands (with a thematic lead) serve
priorities. Baselines are named windows the indicators are compared against. The force's
Most Similar Group (MSG) and the aspiration for each MSG indicator say how the force wants
to stand among similar forces. Composite measures add several measures into one; records
measures count the force's own crime records (`import records`) by flag and offence group;
Home Office measures count offence codes, groups and subgroups of the Home Office table;
loaded measures name what a loaded measure's numerator and denominator count.

Months are written `YYYY-MM`, as everywhere in policeplan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from policeplan.months import shift_month

GoodDirection = Literal["up", "down"]

MSG_AVERAGE = "msg-average"
UPPER_QUARTILE = "upper-quartile"
RANK_PREFIX = "rank:"


@dataclass(frozen=True)
class Indicator:
    """A performance indicator of a priority.

    `measure` is the slug its figures are computed or loaded under, or None when the plan
    reports it only in narrative. `direction` is the good direction: "down" for crime,
    "up" for solved numbers and confidence. `target` is an optional numeric target for one
    month's value (the SPC assurance icon tests the process against it).
    """

    id: str
    title: str
    measure: str | None
    direction: GoodDirection
    source: str | None = None
    target: float | None = None


@dataclass(frozen=True)
class Priority:
    """One priority of the plan.

    `commitments` are its "We will…" statements and `outcomes` its "So that…" outcomes.
    """

    id: str
    title: str
    objective: str
    commitments: tuple[str, ...]
    outcomes: tuple[str, ...]
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class StrategyStrand:
    """A strand of a supporting strategy, its thematic lead, the priorities it serves and
    the measures it is judged on first (e.g. knife crime for a knife-crime strand)."""

    name: str
    lead: str
    priorities: tuple[str, ...]
    measures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Baseline:
    """A named comparison window: `months` months ending with month `to` (YYYY-MM).

    >>> Baseline("pre-plan", to="2021-03", months=12).first_month
    '2020-04'
    """

    name: str
    to: str
    months: int

    @property
    def first_month(self) -> str:
        return shift_month(self.to, -(self.months - 1))


@dataclass(frozen=True)
class ChangePoint:
    """A month from which a measure's process changed, and why (e.g. the pandemic, a
    recording-practice change): SPC charts start new limits there (a "rebase").

    `measures` limits it to those measures; empty means every measure.
    """

    month: str
    reason: str
    measures: tuple[str, ...] = ()

    def applies_to(self, measure: str) -> bool:
        return not self.measures or measure in self.measures


@dataclass(frozen=True)
class PlanPeriod:
    """The months the plan runs, first and last inclusive (YYYY-MM)."""

    start: str
    end: str


def aspiration_rank(aspiration: str | None) -> int | None:
    """N for a "rank:N" aspiration (Nth best in the MSG), else None."""
    if aspiration is None or not aspiration.startswith(RANK_PREFIX):
        return None
    return int(aspiration.removeprefix(RANK_PREFIX))


@dataclass(frozen=True)
class MsgIndicator:
    """An indicator compared across the Most Similar Group, with the force's aspiration.

    `aspiration` is "msg-average", "upper-quartile", "rank:N" (Nth in the MSG counting
    from the best, so "rank:1" is best in the MSG) or None for tracked without one.
    """

    measure: str
    title: str
    aspiration: str | None
    direction: GoodDirection

    @property
    def aspiration_rank(self) -> int | None:
        """N for a "rank:N" aspiration, else None.

        >>> MsgIndicator("all-crime", "All crime", "rank:4", "down").aspiration_rank
        4
        """
        return aspiration_rank(self.aspiration)


@dataclass(frozen=True)
class CompositeMeasure:
    """A measure defined as the sum of other measures (e.g. neighbourhood crime)."""

    measure: str
    title: str
    components: tuple[str, ...]


RECORDS_SOURCE = "records"


@dataclass(frozen=True)
class RecordsMeasure:
    """A measure counted from the force's own crime records (`import records`): the records
    with `flag` (a flag of the mapping file), in `offence_groups` (`violence`, `robbery`…)
    and of `crime_types` (police.uk categories); an empty filter counts every record.

    >>> RecordsMeasure("knife-crime", "Knife crime", "knife", ("violence", "robbery")).describe()
    'crime records flagged knife in violence, robbery'
    """

    measure: str
    title: str
    flag: str | None = None
    offence_groups: tuple[str, ...] = ()
    crime_types: tuple[str, ...] = ()

    def describe(self) -> str:
        words = "crime records"
        if self.flag:
            words += f" flagged {self.flag}"
        if self.offence_groups:
            words += f" in {', '.join(self.offence_groups)}"
        if self.crime_types:
            words += f" of {', '.join(self.crime_types)}"
        return words


HOME_OFFICE_SOURCE = "home-office"


@dataclass(frozen=True)
class HomeOfficeMeasure:
    """A measure counted from the Home Office recorded-crime table: the offences of
    `offence_codes` (as the bundled table writes them: '8N', '1/4.1/4.10/4.2'), of the
    offence groups `offence_groups` and of the subgroups `offence_subgroups` (the Home
    Office's names), each offence once.

    >>> HomeOfficeMeasure("knife-possession", "Knife possession", ("10D",),
    ...                   offence_subgroups=("Homicide",)).describe()
    'Home Office offences with code 10D; in subgroup Homicide'
    """

    measure: str
    title: str
    offence_codes: tuple[str, ...] = ()
    offence_groups: tuple[str, ...] = ()
    offence_subgroups: tuple[str, ...] = ()

    def describe(self) -> str:
        parts = []
        if self.offence_codes:
            codes = "code" if len(self.offence_codes) == 1 else "codes"
            parts.append(f"with {codes} {', '.join(self.offence_codes)}")
        if self.offence_groups:
            groups = "group" if len(self.offence_groups) == 1 else "groups"
            parts.append(f"in {groups} {', '.join(self.offence_groups)}")
        if self.offence_subgroups:
            subgroups = "subgroup" if len(self.offence_subgroups) == 1 else "subgroups"
            parts.append(f"in {subgroups} {', '.join(self.offence_subgroups)}")
        return "Home Office offences " + "; ".join(parts)


LOADED_SOURCE = "measures"


@dataclass(frozen=True)
class LoadedMeasure:
    """A measure loaded with `import measures`, as the plan names it: its title and what
    its numerator and denominator count ("hours lost to sickness", "contracted hours"),
    which the MSG says the change needed in.

    >>> LoadedMeasure("sickness", "Sickness", "hours lost to sickness").describe()
    'loaded figures; numerator: hours lost to sickness'
    """

    measure: str
    title: str
    numerator: str | None = None
    denominator: str | None = None

    def describe(self) -> str:
        words = "loaded figures"
        if self.numerator:
            words += f"; numerator: {self.numerator}"
        if self.denominator:
            words += f"; denominator: {self.denominator}"
        return words


@dataclass(frozen=True)
class Plan:
    """A Police and Crime Plan: priorities, strands, baselines, MSG and composite measures."""

    id: str
    name: str
    period: PlanPeriod
    force: str
    most_similar_group: tuple[str, ...]
    priorities: tuple[Priority, ...]
    strategy_strands: tuple[StrategyStrand, ...] = ()
    baselines: tuple[Baseline, ...] = ()
    msg_indicators: tuple[MsgIndicator, ...] = ()
    composite_measures: tuple[CompositeMeasure, ...] = ()
    change_points: tuple[ChangePoint, ...] = ()
    records_measures: tuple[RecordsMeasure, ...] = ()
    home_office_measures: tuple[HomeOfficeMeasure, ...] = ()
    loaded_measures: tuple[LoadedMeasure, ...] = ()

    @property
    def indicators(self) -> tuple[tuple[Priority, Indicator], ...]:
        """Every indicator with its priority, in plan order."""
        return tuple(
            (priority, indicator)
            for priority in self.priorities
            for indicator in priority.indicators
        )

    def priority(self, priority_id: str) -> Priority:
        """The priority with this id; KeyError if there is none."""
        for priority in self.priorities:
            if priority.id == priority_id:
                return priority
        raise KeyError(priority_id)

    def baseline(self, name: str) -> Baseline:
        """The baseline with this name; KeyError if there is none."""
        for baseline in self.baselines:
            if baseline.name == name:
                return baseline
        raise KeyError(name)

    def change_points_for(self, measure: str) -> tuple[ChangePoint, ...]:
        """The change points that apply to `measure`, oldest first."""
        chosen = [point for point in self.change_points if point.applies_to(measure)]
        return tuple(sorted(chosen, key=lambda point: point.month))

    def indicator(self, indicator_id: str) -> Indicator | None:
        """The first indicator with this id (an id may recur across priorities), or None."""
        for _, indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        return None

    def records_measure(self, measure: str) -> RecordsMeasure | None:
        """The measure counted from crime records with this slug, or None."""
        return next((m for m in self.records_measures if m.measure == measure), None)

    def home_office_measure(self, measure: str) -> HomeOfficeMeasure | None:
        """The measure counted from Home Office offences with this slug, or None."""
        return next((m for m in self.home_office_measures if m.measure == measure), None)

    def loaded_measure(self, measure: str) -> LoadedMeasure | None:
        """The plan's names for the loaded measure with this slug, or None."""
        return next((m for m in self.loaded_measures if m.measure == measure), None)

    def composite(self, measure: str) -> CompositeMeasure | None:
        """The composite measure with this slug, or None for an ordinary measure."""
        for composite in self.composite_measures:
            if composite.measure == measure:
                return composite
        return None
