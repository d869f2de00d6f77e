"""A Most Similar Group comparison of per-force values that are not crime rates per 1,000:
proportions (solved rates, loaded numerator/denominator measures) with their Wilson
intervals, and estimates (survey figures) with an interval or standard error.

`msg_figures.rank_values` ranks each member's figure; this module holds the result and
the group figures:

- ranks: competition ranking of the exact values, 1 = the best end (stated as
  `best_end`: "highest" when up is good, "lowest" when down is);
- group average: the mean of the members' values, the force included (the default,
  named in `average_definition`, as for rates) and, for proportions, the pooled
  proportion (total numerator / total denominator);
- change needed to reach the average (solved exactly as `stats.msg_targets`: the others'
  mean, or the others' pooled proportion, since the average moves with the force) and the
  top quartile (the value of the member ranked ceil(n/4)), in percentage points and in
  whole successes on the force's own denominator, named as the numerator is named
  (`numerator_name`: "solved crimes", or the plan's name for a loaded measure's);
- funnel: binomial limits around the pooled proportion, widened for overdispersion
  (`stats.proportion_funnel`);
- homogeneity: do the members differ at all? (`stats.homogeneity`: chi-square for
  proportions, Cochran's Q for estimates with standard errors);
- rank ranges from each value and its sampling variance (`stats.rank_uncertainty`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from policeplan.indicators.msg_result import ExcludedMember, Position
from policeplan.indicators.ranking import (
    aspiration_met,
    at_or_better,
    nth_best,
    offences_to_reach,
    successes_to_reach,
    top_quartile_rank,
)
from policeplan.indicators.windows import Window
from policeplan.plan.model import GoodDirection
from policeplan.reference import Force
from policeplan.stats.homogeneity import (
    Homogeneity,
)
from policeplan.stats.proportion_funnel import ProportionFunnel
from policeplan.stats.rank_uncertainty import RankRange, RankUncertainty

__all__ = [
    "ESTIMATE",
    "PROPORTION",
    "RATE_PER_1000",
    "SOLVED_RATE",
    "UNNAMED_NUMERATOR",
    "MemberFigure",
    "ValueComparison",
    "ValueMember",
    "ValueTarget",
    "whole_number",
]

SOLVED_RATE = "solved-rate"
PROPORTION = "proportion"
ESTIMATE = "estimate"
RATE_PER_1000 = "rate-per-1000"  # a loaded count rated per 1,000 people
PROPORTIONS = (SOLVED_RATE, PROPORTION)
UNNAMED_NUMERATOR = "in the numerator"
Z95 = 1.959963984540054


@dataclass(frozen=True)
class MemberFigure:
    """One member's figure before ranking. `value` is exact (a proportion 0–1 for
    proportions); `variance` its sampling variance (None: no rank range)."""

    force: Force
    value: Fraction
    numerator: float | None = None
    denominator: float | None = None
    lower: float | None = None
    upper: float | None = None
    variance: float | None = None
    standard_error: float | None = None
    note: str | None = None  # e.g. outcomes not comparable with the force's


@dataclass(frozen=True)
class ValueMember:
    figure: MemberFigure
    rank: int
    rank_range: RankRange | None = None

    @property
    def force(self) -> Force:
        return self.figure.force

    def to_dict(self) -> dict[str, Any]:
        figure, ranks = self.figure, self.rank_range
        return {
            "force": self.force.slug,
            "name": self.force.short_name,
            "numerator": _number(figure.numerator),
            "denominator": _number(figure.denominator),
            "value": float(figure.value),
            "lower": figure.lower,
            "upper": figure.upper,
            "standard_error": figure.standard_error,
            "rank": self.rank,
            "rank_range": None if ranks is None else [ranks.rank_lower, ranks.rank_upper],
            "rank_low": None if ranks is None else ranks.rank_lower,
            "rank_high": None if ranks is None else ranks.rank_upper,
            "indistinguishable_from": None if ranks is None else list(ranks.indistinguishable_from),
            "note": figure.note,
        }


@dataclass(frozen=True)
class ValueTarget:
    """A value the force could reach and what it takes: `change` in the value's units
    (percentage points for proportions), `change_count` in whole numerator units (solved
    crimes) on the force's own denominator; both 0 when already at or better."""

    name: str
    value: Fraction
    change: float
    change_count: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.name,
            "value": float(self.value),
            "change": round(self.change, 3),
            "change_count": self.change_count,
        }


@dataclass(frozen=True)
class ValueComparison:
    """The MSG table of one per-force value; `members` ranked, best first."""

    statistic: str
    measure: str
    measure_title: str
    force: Force
    window: Window
    source: str
    direction: GoodDirection
    members: tuple[ValueMember, ...]
    excluded: tuple[ExcludedMember, ...]
    funnel: ProportionFunnel | None
    homogeneity: Homogeneity | None
    rank_uncertainty: RankUncertainty | None
    unit: str | None = None
    positions: tuple[Position, ...] = ()
    history: tuple[Position, ...] = ()
    warnings: tuple[str, ...] = ()
    caveats: tuple[str, ...] = ()
    last_data_to: str | None = None  # the latest month held, when before the window asked
    data_label: str | None = None
    # What the numerator and denominator count ("solved crimes" of "crimes", the plan's
    # "hours lost to sickness" of "contracted hours"); None when nothing names them.
    numerator_name: str | None = None
    denominator_name: str | None = None
    aspiration: str | None = None  # the plan's, for its own force

    @property
    def aspiration_met(self) -> bool | None:
        member = self.force_member
        average = at_or_better(member.figure.value, self.average, self.direction)
        return aspiration_met(self.aspiration, member.rank, self.top_quartile_rank, average)

    @property
    def change_count_of(self) -> str:
        """What a change needed counts: the numerator's name, else "in the numerator"."""
        return self.numerator_name or UNNAMED_NUMERATOR

    @property
    def is_proportion(self) -> bool:
        return self.statistic in PROPORTIONS

    @property
    def force_member(self) -> ValueMember:
        return next(m for m in self.members if m.force.slug == self.force.slug)

    @property
    def best_end(self) -> str:
        """Which end rank 1 is: the highest value when up is good, else the lowest."""
        return "highest" if self.direction == "up" else "lowest"

    @property
    def average_definition(self) -> str:
        kind = {RATE_PER_1000: "rates"}.get(self.statistic, "values")
        kind = "proportions" if self.is_proportion else kind
        return f"mean of {kind}"

    @property
    def average(self) -> Fraction:
        """The default group average: the mean of the members' values, the force included."""
        return sum((m.figure.value for m in self.members), Fraction(0)) / len(self.members)

    @property
    def pooled_average(self) -> Fraction | None:
        """Total numerator / total denominator (proportions only)."""
        if not self.is_proportion:
            return None
        numerator = sum(Fraction(m.figure.numerator or 0) for m in self.members)
        denominator = sum(Fraction(m.figure.denominator or 0) for m in self.members)
        return numerator / denominator if denominator else None

    @property
    def top_quartile_rank(self) -> int:
        return top_quartile_rank(len(self.members))

    @property
    def top_quartile_value(self) -> Fraction:
        values = [m.figure.value for m in self.members]
        return nth_best(values, self.top_quartile_rank, self.direction)

    @property
    def others(self) -> list[MemberFigure]:
        return [m.figure for m in self.members if m.force.slug != self.force.slug]

    @property
    def change_to_average(self) -> ValueTarget:
        """To the mean of values, recomputed with the change: the others' mean."""
        others = self.others
        target = sum((f.value for f in others), Fraction(0)) / len(others)
        return self._target(f"MSG average ({self.average_definition})", target)

    @property
    def change_to_pooled(self) -> ValueTarget | None:
        """To the pooled proportion, recomputed with the change: the others' pooled one."""
        if not self.is_proportion:
            return None
        others = self.others
        denominator = sum(Fraction(f.denominator or 0) for f in others)
        if not denominator:
            return None
        target = sum(Fraction(f.numerator or 0) for f in others) / denominator
        return self._target("pooled proportion", target)

    @property
    def change_to_top_quartile(self) -> ValueTarget:
        return self._target("top quartile", self.top_quartile_value)

    def _target(self, name: str, target: Fraction) -> ValueTarget:
        figure = self.force_member.figure
        if at_or_better(figure.value, target, self.direction):
            return ValueTarget(name, target, 0.0, 0 if self.is_proportion else None)
        scale = 100 if self.is_proportion else 1
        count = None
        whole = whole_number(figure.numerator) and whole_number(figure.denominator)
        if self.statistic == RATE_PER_1000 and whole:
            count = offences_to_reach(
                int(figure.numerator or 0), int(figure.denominator or 0), target, self.direction
            )
        elif self.is_proportion and whole:
            count = successes_to_reach(
                int(figure.numerator or 0), int(figure.denominator or 0), target, self.direction
            )
        return ValueTarget(name, target, float((target - figure.value) * scale), count)

    def to_dict(self) -> dict[str, Any]:
        member = self.force_member
        ranks = member.rank_range
        pooled = self.pooled_average
        pooled_change = self.change_to_pooled
        homogeneity = self.homogeneity
        return {
            "measure": self.measure,
            "measure_title": self.measure_title,
            "statistic": self.statistic,
            "force": self.force.slug,
            "force_name": self.force.short_name,
            "source": self.source,
            "data_label": self.data_label,
            "window": {
                "from": self.window.first,
                "to": self.window.last,
                "months": self.window.length,
            },
            "last_data_to": self.last_data_to,
            "unit": self.unit,
            "direction": self.direction,
            "direction_neutral": False,
            "best_end": self.best_end,
            "rows": [m.to_dict() for m in self.members],
            "excluded": [e.to_dict() for e in self.excluded],
            "group_size": len(self.members),
            "average": float(self.average),
            "average_definition": self.average_definition,
            "pooled_average": None if pooled is None else float(pooled),
            "force_value": float(member.figure.value),
            "force_rank": member.rank,
            "force_rank_range": None if ranks is None else [ranks.rank_lower, ranks.rank_upper],
            "indistinguishable_peers": None if ranks is None else ranks.indistinguishable,
            "rank_uncertainty_method": None
            if self.rank_uncertainty is None
            else self.rank_uncertainty.method_dict(),
            "top_quartile_rank": self.top_quartile_rank,
            "top_quartile_value": float(self.top_quartile_value),
            "change_to_average": self.change_to_average.to_dict(),
            "change_to_pooled_average": None if pooled_change is None else pooled_change.to_dict(),
            "change_to_top_quartile": self.change_to_top_quartile.to_dict(),
            "change_units": "percentage points"
            if self.is_proportion or self.unit == "%"
            else self.unit,
            "change_count_of": self.change_count_of
            if self.is_proportion or self.statistic == RATE_PER_1000
            else None,
            "numerator_name": self.numerator_name,
            "denominator_name": self.denominator_name,
            "homogeneity_p": None if homogeneity is None else homogeneity.p_value,
            "homogeneity": None
            if homogeneity is None
            else {
                "method": homogeneity.method,
                "statistic": round(homogeneity.statistic, 3),
                "degrees_of_freedom": homogeneity.degrees_of_freedom,
                "p_value": homogeneity.p_value,
                "members_differ": homogeneity.differ,
            },
            "funnel": None if self.funnel is None else _funnel_dict(self.funnel),
            "aspiration": self.aspiration,
            "aspiration_met": self.aspiration_met,
            "warnings": list(self.warnings),
            "caveats": list(self.caveats),
            "positions": [p.rank for p in self.positions],
            "position_windows": [p.to_dict() for p in self.positions],
            "history": [p.to_dict() for p in self.history],
        }


def whole_number(number: float | None) -> bool:
    return number is not None and float(number).is_integer()


def _number(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def _funnel_dict(funnel: ProportionFunnel) -> dict[str, Any]:
    return {
        "group_proportion": funnel.group_proportion,
        "phi": round(funnel.phi, 3),
        "tau": round(funnel.tau, 5),
        "method": "binomial limits around the pooled proportion; adjusted: additive random "
        "effects, 10% winsorised (Spiegelhalter 2005)",
        "members": [
            {
                "force": m.name,
                "value": m.proportion,
                "lower95": m.lower_95,
                "upper95": m.upper_95,
                "lower998": m.lower_998,
                "upper998": m.upper_998,
                "outside": m.outside,
                "adjusted_lower95": m.adjusted_lower_95,
                "adjusted_upper95": m.adjusted_upper_95,
                "adjusted_outside": m.adjusted_outside,
            }
            for m in funnel.members
        ],
    }
