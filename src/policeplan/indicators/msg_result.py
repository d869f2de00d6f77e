"""The result of a Most Similar Group comparison: members, exclusions, sparkline positions
and the derived figures (MSG average, top quartile, changes needed, aspiration), with
their JSON form. Computed by `msg.py`; definitions in its docstring and docs/msg.md."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from scipy.stats import chi2

from policeplan.indicators.measures import CrimeMeasure
from policeplan.indicators.ranking import (
    aspiration_met,
    at_or_better,
    nth_best,
    offences_to_reach,
    top_quartile_rank,
)
from policeplan.indicators.windows import Window
from policeplan.plan.model import GoodDirection
from policeplan.reference import Force, Population
from policeplan.stats import FunnelMember, FunnelPlot
from policeplan.stats.chi_square import Dispersion, funnel_dispersion
from policeplan.stats.funnel import PER_POPULATION as PER_1000
from policeplan.stats.funnel_overdispersion import RandomEffectsFunnel, random_effects_funnel
from policeplan.stats.msg_targets import MsgTargets, msg_targets
from policeplan.stats.rank_uncertainty import RankRange, RankUncertainty


@dataclass(frozen=True)
class MsgMember:
    """A ranked member: its count and population over the window, rate per 1,000 (exact)
    and rank (1 = best in the good direction)."""

    force: Force
    count: int
    population: Population
    rate: Fraction
    rank: int
    rank_range: RankRange | None = None  # the 95% plausible range of the rank

    def to_dict(self) -> dict[str, Any]:
        ranks = self.rank_range
        return {
            "force": self.force.slug,
            "name": self.force.short_name,
            "count": self.count,
            "population": self.population.population,
            "population_year": self.population.year,
            "population_warning": self.population.warning,
            "population_basis": self.population.basis,
            "population_source": self.population.source,
            "rate_per_1000": _rate(self.rate),
            "rank": self.rank,
            "rank_low": None if ranks is None else ranks.rank_lower,
            "rank_high": None if ranks is None else ranks.rank_upper,
            "indistinguishable_from": None if ranks is None else list(ranks.indistinguishable_from),
            # The fields every MSG statistic shares (issue #15): the rate per 1,000 with its
            # exact Poisson 95% interval.
            "numerator": self.count,
            "denominator": self.population.population,
            "value": _rate(self.rate),
            "lower": round(poisson_rate_interval(self.count, self.population.population)[0], 3),
            "upper": round(poisson_rate_interval(self.count, self.population.population)[1], 3),
            "rank_range": None if ranks is None else [ranks.rank_lower, ranks.rank_upper],
        }


def poisson_rate_interval(count: int, population: int) -> tuple[float, float]:
    """The exact (Garwood) 95% interval of a rate per 1,000 from a Poisson count.

    >>> [round(x, 2) for x in poisson_rate_interval(10, 1000)]
    [4.8, 18.39]
    """
    lower = float(chi2.ppf(0.025, 2 * count)) / 2 if count else 0.0
    upper = float(chi2.ppf(0.975, 2 * count + 2)) / 2
    return lower * PER_1000 / population, upper * PER_1000 / population


@dataclass(frozen=True)
class ExcludedMember:
    """A member left out of the comparison, and why."""

    force: Force
    reason: str
    missing_months: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "force": self.force.slug,
            "name": self.force.short_name,
            "reason": self.reason,
            "missing_months": list(self.missing_months),
        }


@dataclass(frozen=True)
class Position:
    """The force's rank in one earlier (or the current) window; None with a note when the
    window cannot be ranked among the same members."""

    window: Window
    rank: int | None
    of: int
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.window.first,
            "to": self.window.last,
            "rank": self.rank,
            "of": self.of,
            "note": self.note,
        }


@dataclass(frozen=True)
class MsgComparison:
    """The MSG table for one measure and window. `members` are ranked, best first."""

    measure: CrimeMeasure
    force: Force
    window: Window
    source: str
    direction: GoodDirection
    aspiration: str | None
    members: tuple[MsgMember, ...]
    excluded: tuple[ExcludedMember, ...]
    funnel: FunnelPlot
    positions: tuple[Position, ...]
    data_label: str | None
    rank_uncertainty: RankUncertainty | None = None
    warnings: tuple[str, ...] = ()  # suspect months accepted, populations far away
    # No good direction (drugs, possession of weapons by default): ranked lowest rate
    # first, but no member is called better or worse than the group.
    neutral: bool = False
    history: tuple[Position, ...] = ()  # the position at each of the last N quarter ends
    caveats: tuple[str, ...] = ()  # small numbers

    @property
    def force_member(self) -> MsgMember:
        return next(m for m in self.members if m.force.slug == self.force.slug)

    @property
    def targets(self) -> MsgTargets:
        """The change to each group average, solved so that the force's own change moves
        the average (`stats.msg_targets`)."""
        index = next(i for i, m in enumerate(self.members) if m.force.slug == self.force.slug)
        return msg_targets(
            [m.count for m in self.members], [m.population.population for m in self.members],
            index,
        )  # fmt: skip

    @property
    def msg_pooled_rate(self) -> Fraction:
        """Total offences / total population of the members, per 1,000."""
        return self.targets.pooled_rate.group_rate

    @property
    def msg_average(self) -> Fraction:
        """The simple mean of the members' rates per 1,000, the force included."""
        return sum((m.rate for m in self.members), Fraction(0)) / len(self.members)

    @property
    def msg_average_note(self) -> str:
        """How the MSG average is taken, in words."""
        return (
            f"simple mean of the {len(self.members)} members' rates, "
            f"including {self.force.short_name}"
        )

    @property
    def top_quartile_rank(self) -> int:
        return top_quartile_rank(len(self.members))

    @property
    def top_quartile_rate(self) -> Fraction:
        rates = [m.rate for m in self.members]
        return nth_best(rates, self.top_quartile_rank, self.direction)

    @property
    def change_to_average(self) -> int:
        """Offences more (+) or fewer (−) that bring the force's rate to the MSG average
        as recomputed with that change: the force's population × the other members' mean
        rate (0 when already at or better than the average)."""
        return self._change_to(self.targets.mean_of_rates.target_rate)

    @property
    def change_to_average_naive(self) -> int:
        """The old figure: the gap to the average as it stands, which the force's own
        change would move (so it does not reach it)."""
        return self._change_to(self.msg_average)

    @property
    def change_to_pooled_rate(self) -> int:
        """As `change_to_average`, for the pooled rate (total offences / total population)."""
        return self._change_to(self.targets.pooled_rate.target_rate)

    @property
    def change_to_top_quartile(self) -> int:
        return self._change_to(self.top_quartile_rate)

    @property
    def aspiration_met(self) -> bool | None:
        """None without an aspiration; "rank:N" is met at rank N or better."""
        member = self.force_member
        average = at_or_better(member.rate, self.msg_average, self.direction)
        return aspiration_met(self.aspiration, member.rank, self.top_quartile_rank, average)

    @property
    def force_funnel(self) -> FunnelMember:
        return next(m for m in self.funnel.members if m.name == self.force.slug)

    @property
    def random_effects(self) -> RandomEffectsFunnel:
        """Funnel limits widened by the usual spread between forces (Spiegelhalter 2005)."""
        return random_effects_funnel(
            (m.force.slug, m.count, m.population.population) for m in self.members
        )

    @property
    def dispersion(self) -> Dispersion:
        return funnel_dispersion(self.funnel)

    @property
    def significance_note(self) -> str:
        """What the funnel says about the ranks, in a sentence or two."""
        within = sum(f.outside is None for f in self.funnel.members)
        if within:
            note = (
                f"{within} of {len(self.members)} members are within the 95% limits around "
                "the group rate: their rates differ from it by no more than chance, so their "
                "ranks among themselves say little."
            )
        else:
            note = "No member is within the 95% limits around the group rate."
        spread = self.dispersion
        if spread.p_value < 0.001:
            ratio = f"{spread.ratio:,.0f}" if spread.ratio >= 10 else f"{spread.ratio:.1f}"
            note += (
                f" Overdispersion: the rates spread {ratio} times as widely (in variance) as "
                "Poisson chance allows, so the forces' rates really differ; but the "
                "differences include recording practice and population make-up, which a "
                "rate per 1,000 does not adjust for, and limits this narrow are no test of "
                "whether neighbouring ranks differ."
            )
        return note

    def _change_to(self, target: Fraction) -> int:
        member = self.force_member
        return offences_to_reach(member.count, member.population.population, target, self.direction)

    def to_dict(self) -> dict[str, Any]:
        member = self.force_member
        return {
            "measure": self.measure.slug,
            "measure_title": self.measure.title,
            "force": self.force.slug,
            "force_name": self.force.short_name,
            "source": self.source,
            "data_label": self.data_label,
            "window": {
                "from": self.window.first,
                "to": self.window.last,
                "months": self.window.length,
            },
            "population_year": member.population.year,
            "direction": self.direction,
            "direction_neutral": self.neutral,
            "rows": [m.to_dict() for m in self.members],
            "excluded": [e.to_dict() for e in self.excluded],
            "group_size": len(self.members),
            "msg_average_rate": _rate(self.msg_average),
            "msg_average_note": self.msg_average_note,
            "force_rate_per_1000": _rate(member.rate),
            "force_rank": member.rank,
            "force_rank_range": None
            if member.rank_range is None
            else [member.rank_range.rank_lower, member.rank_range.rank_upper],
            "indistinguishable_peers": None
            if member.rank_range is None
            else member.rank_range.indistinguishable,
            "rank_uncertainty_method": None
            if self.rank_uncertainty is None
            else self.rank_uncertainty.method_dict(),
            "warnings": list(self.warnings),
            "top_quartile_rank": self.top_quartile_rank,
            "top_quartile_rate": _rate(self.top_quartile_rate),
            "change_to_average": self.change_to_average,
            "change_to_average_naive": self.change_to_average_naive,
            "msg_average_method": self.targets.default_average,
            "msg_pooled_rate": _rate(self.msg_pooled_rate),
            "change_to_pooled_rate": self.change_to_pooled_rate,
            "within_normal_variation": self.targets.within_normal_variation,
            "within_normal_variation_note": self.targets.note,
            "change_to_top_quartile": self.change_to_top_quartile,
            "aspiration": self.aspiration,
            "aspiration_met": self.aspiration_met,
            "funnel_group_rate": round(self.funnel.group_rate, 3),
            "funnel_group_rate_note": (
                "total count / total population of the members: the centre of the funnel"
            ),
            "funnel": [_funnel_dict(f) for f in self.funnel.members],
            "force_outside_funnel": self.force_funnel.outside,
            "funnel_random_effects": _random_effects_dict(self.random_effects),
            "force_outside_random_effects": next(
                m.outside for m in self.random_effects.members if m.name == self.force.slug
            ),
            "significance": [
                _significance_dict(f, None if self.neutral else self.direction)
                for f in self.funnel.members
            ],
            "significance_note": self.significance_note,
            "dispersion": {
                "ratio": round(self.dispersion.ratio, 2),
                "p_value": self.dispersion.p_value,
                "note": (
                    "mean squared z-score of the members against the group rate: about 1 "
                    "when they differ by Poisson chance alone, far above 1 when forces "
                    "really differ (overdispersion)"
                ),
            },
            "positions": [p.rank for p in self.positions],
            "position_windows": [p.to_dict() for p in self.positions],
            # Shared by every MSG statistic (issue #15).
            "statistic": "rate",
            "unit": "per 1,000 people",
            "best_end": "lowest" if self.direction == "down" else "highest",
            "average": _rate(self.msg_average),
            "average_definition": self.targets.default_average,
            "homogeneity_p": self.dispersion.p_value,
            "history": [p.to_dict() for p in self.history],
            "caveats": list(self.caveats),
        }


def _rate(rate: Fraction) -> float:
    return round(float(rate), 3)


def _funnel_dict(member: FunnelMember) -> dict[str, Any]:
    return {
        "force": member.name,
        "rate_per_1000": round(member.rate, 3),
        "lower95": round(member.lower_95, 3),
        "upper95": round(member.upper_95, 3),
        "lower998": round(member.lower_998, 3),
        "upper998": round(member.upper_998, 3),
        "outside": member.outside,
    }


def _significance_dict(member: FunnelMember, direction: GoodDirection | None) -> dict[str, Any]:
    above = member.rate > member.upper_95
    below = member.rate < member.lower_95
    if not (above or below):
        verdict = "within the 95% limits: not different from the group rate beyond chance"
    else:
        side = "above" if above else "below"
        better = below if direction == "down" else above
        level = "99.8%" if member.outside in ("above 99.8", "below 99.8") else "95%"
        judged = "" if direction is None else f" ({'better' if better else 'worse'} than the group)"
        verdict = f"{side} the group rate beyond the {level} limits{judged}"
    return {
        "force": member.name,
        "differs_95": above or below,
        "differs_998": member.rate > member.upper_998 or member.rate < member.lower_998,
        "side": "above" if above else "below" if below else None,
        "verdict": verdict,
    }


def _random_effects_dict(plot: RandomEffectsFunnel) -> dict[str, Any]:
    return {
        "method": "additive random effects, 10% winsorised (Spiegelhalter 2005)",
        "phi": round(plot.phi, 3),
        "tau_per_1000": round(plot.tau_per_1000, 3),
        "note": (
            "limits widened by the spread between forces (tau): a force outside them differs "
            "from the group by more than chance and the usual differences between forces"
        ),
        "members": [
            {
                "force": m.name,
                "lower95": round(m.lower_95, 3),
                "upper95": round(m.upper_95, 3),
                "lower998": round(m.lower_998, 3),
                "upper998": round(m.upper_998, 3),
                "outside": m.outside,
            }
            for m in plot.members
        ],
    }
