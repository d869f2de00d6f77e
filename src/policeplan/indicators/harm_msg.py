"""A harm measure across the Most Similar Group: each member's harm score per 1,000 people,
ranked, each scored with **its own** weights (its Home Office offence mix when the workspace
holds it, else the national mix; every member's mix is named).

Uncertainty is that of a weighted Poisson sum (`stats.weighted_comparison`): the 95%
interval of a member's rate is rate ± 1.96 × √(Σ w² n) / population × 1,000 (normal
approximation), and a member differs from the group rate (total harm / total population,
the funnel's centre) when z = (rate − group rate) / its standard error is beyond ±1.96. The
intervals allow for Poisson chance only, not for the usual spread between forces, and
differences in offence mix between members move the weights, so ranks close together say
little.

    >>> query = MsgQuery("all-crime-harm-score", "essex", "2025-12", group=("kent",))
    >>> result = harm_msg_comparison(workspace, query)  # doctest: +SKIP
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from statistics import NormalDist
from typing import Any

from policeplan.errors import DataError, InputError
from policeplan.indicators.areas import WHOLE_FORCE
from policeplan.indicators.counts import POLICE_UK, count_table
from policeplan.indicators.directions import good_direction
from policeplan.indicators.harm_css import css_category_weights
from policeplan.indicators.harm_measure import HARM_HEADING, harm_base_measure
from policeplan.indicators.harm_score import HarmScoreResult, score_table
from policeplan.indicators.held_data import require_police_uk_data
from policeplan.indicators.msg import group_forces
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.queries import MsgQuery, parse_direction
from policeplan.indicators.ranking import competition_ranks
from policeplan.indicators.windows import Window, month_ranges
from policeplan.plan.model import GoodDirection
from policeplan.reference import Force, get_force
from policeplan.reference.css_weights import CSS_TABLE
from policeplan.stats.weighted_comparison import WEIGHTED_METHOD
from policeplan.store import Workspace
from policeplan.store.populations import read_populations

__all__ = ["HarmMsgComparison", "HarmMsgMember", "harm_msg_comparison"]

_Z95 = NormalDist().inv_cdf(0.975)


@dataclass(frozen=True)
class HarmMsgMember:
    """A ranked member: its harm score (with its own weights) and rate per 1,000."""

    force: Force
    score: HarmScoreResult
    rank: int

    @property
    def rate(self) -> float:
        assert self.score.per_1000 is not None  # members are complete, with a population
        return self.score.per_1000

    @property
    def standard_error(self) -> float:
        assert self.score.variance is not None and self.score.population
        return math.sqrt(self.score.variance) / self.score.population * 1000

    def to_dict(self, group_rate: float) -> dict[str, Any]:
        se = self.standard_error
        z = (self.rate - group_rate) / se if se > 0 else None
        return {
            "force": self.force.slug,
            "name": self.force.short_name,
            "score": self.score.total,
            "population": self.score.population,
            "population_year": self.score.population_year,
            "population_source": self.score.population_source,
            "rate_per_1000": round(self.rate, 3),
            "rate_low": round(self.rate - _Z95 * se, 3),
            "rate_high": round(self.rate + _Z95 * se, 3),
            "z_against_group": None if z is None else round(z, 3),
            "differs_from_group": None if z is None else abs(z) > _Z95,
            "rank": self.rank,
            "weights_mix": self.score.mix,
        }


@dataclass(frozen=True)
class HarmMsgComparison:
    """The group ranked on harm per 1,000 people, best first; `excluded` with reasons."""

    measure: str
    title: str
    force: Force
    window: Window
    direction: GoodDirection
    members: tuple[HarmMsgMember, ...]
    excluded: tuple[tuple[Force, str], ...]
    data_label: str | None

    @property
    def group_rate(self) -> float:
        """Total harm / total population of the members, per 1,000."""
        harm = sum(m.score.total or 0.0 for m in self.members)
        people = sum(m.score.population or 0 for m in self.members)
        return harm / people * 1000

    @property
    def msg_average(self) -> float:
        """The simple mean of the members' rates, the force included."""
        return sum(m.rate for m in self.members) / len(self.members)

    @property
    def force_member(self) -> HarmMsgMember:
        return next(m for m in self.members if m.force.slug == self.force.slug)

    def to_dict(self) -> dict[str, Any]:
        member = self.force_member
        return {
            "measure": self.measure,
            "kind": "harm",
            "measure_title": self.title,
            "force": self.force.slug,
            "force_name": self.force.short_name,
            "source": POLICE_UK,
            "data_label": self.data_label,
            "window": {
                "from": self.window.first,
                "to": self.window.last,
                "months": self.window.length,
            },
            "direction": self.direction,
            "weights": {
                "table": CSS_TABLE.name,
                "vintage": CSS_TABLE.vintage,
                "licence": CSS_TABLE.licence,
                "note": "each member scored with its own offence mix (weights_mix)",
            },
            "rows": [m.to_dict(self.group_rate) for m in self.members],
            "excluded": [
                {"force": f.slug, "name": f.short_name, "reason": reason}
                for f, reason in self.excluded
            ],
            "group_size": len(self.members),
            "msg_average_rate": round(self.msg_average, 3),
            "group_rate": round(self.group_rate, 3),
            "force_rate_per_1000": round(member.rate, 3),
            "force_rank": member.rank,
            "method": f"{WEIGHTED_METHOD}; 95% intervals and z against the group rate",
            "note": (
                "intervals allow for Poisson chance only, not for the usual spread between "
                "forces or their different offence mixes"
            ),
        }


def harm_msg_comparison(
    workspace: Workspace, query: MsgQuery, *, plan: PlanChoice = LOADED_PLAN
) -> HarmMsgComparison:
    """Rank the query's force and its group on the harm measure of `query.measure`."""
    chosen = resolve_plan(workspace, plan)
    base = harm_base_measure(query.measure, chosen)
    if base is None:
        raise InputError(f"{query.measure!r} is not a harm measure", field="measure")
    if query.source != POLICE_UK:
        raise InputError("harm is computed from police.uk records only", field="source")
    subject = get_force(query.force)
    window = query.window
    direction = good_direction(query.measure, chosen, parse_direction(query.direction))
    scores: list[tuple[Force, HarmScoreResult]] = []
    excluded: list[tuple[Force, str]] = []
    with workspace.connect(read_only=True) as con:
        require_police_uk_data(con, subject.slug, window)
        populations = read_populations(con)
        for force in group_forces(subject, query.group, chosen):
            table = count_table(con, force.slug, window, WHOLE_FORCE,
                                accept_suspect=query.accept_suspect_months)  # fmt: skip
            weights = css_category_weights(con, force.slug)
            score = score_table(table, base, force.slug, WHOLE_FORCE, weights, populations)
            if score.missing_months:
                why = (
                    f"incomplete window: no police.uk data for {month_ranges(score.missing_months)}"
                )
                excluded.append((force, why))
            elif score.per_1000 is None:
                excluded.append((force, "no harm score per 1,000 (no population figure)"))
            else:
                scores.append((force, score))
    if subject.slug in {f.slug for f, _ in excluded}:
        reason = next(r for f, r in excluded if f.slug == subject.slug)
        raise DataError(f"{subject.short_name} cannot be ranked for {window.label()}: {reason}")
    if len(scores) < 2:
        raise DataError(f"no other member of {subject.short_name}'s group can be compared for "
                        f"{window.label()}")  # fmt: skip
    rates = [Fraction(s.per_1000 or 0.0) for _, s in scores]
    ranks = competition_ranks(rates, direction)
    members = sorted(
        (HarmMsgMember(f, s, r) for (f, s), r in zip(scores, ranks, strict=True)),
        key=lambda m: (m.rank, m.force.short_name),
    )
    return HarmMsgComparison(
        query.measure, f"{base.title}: {HARM_HEADING}", subject, window, direction,
        tuple(members), tuple(excluded), workspace.label(),
    )  # fmt: skip
