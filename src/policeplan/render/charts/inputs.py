"""Small typed inputs of the charts: what each chart kind needs, and nothing it computes.

Every number a chart shows arrives here already computed (by `stats/` or `indicators/`);
the chart modules only place them. The SPC chart takes an `MdcChart` directly.

>>> series = MonthlySeries("Burglary, Essex", "offences", ("2025-01", "2025-02"), (410.0, None))
>>> series.value_of("2025-02") is None
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from policeplan.stats.funnel import FunnelPlot, rate_limits
from policeplan.stats.proportion_funnel import ProportionFunnel, adjusted_limits, binomial_limits


@dataclass(frozen=True)
class MonthlySeries:
    """A measure's monthly values (None for a missing month), oldest first.

    `title` names the measure and place ("Residential burglary, Essex"); `unit` is what one
    value counts ("offences", "crimes per 1,000 people", "seconds").
    """

    title: str
    unit: str
    months: tuple[str, ...]
    values: tuple[float | None, ...]

    def __post_init__(self) -> None:
        if len(self.months) != len(self.values):
            raise ValueError(f"{len(self.months)} months but {len(self.values)} values")

    def value_of(self, month: str) -> float | None:
        """The value of `month`, None when missing or outside the series."""
        try:
            return self.values[self.months.index(month)]
        except ValueError:
            return None


@dataclass(frozen=True)
class FunnelPoint:
    """One member of the most similar group on the funnel plot (rate per `unit`).

    `outside` names the outermost limit the rate breaches ("above 99.8", "below 95"...), as
    `stats.funnel.FunnelMember.outside`; None within the 95% limits.
    """

    name: str
    population: float
    rate: float
    highlighted: bool = False
    outside: str | None = None


@dataclass(frozen=True)
class FunnelLimit:
    """The funnel's limits at one population (or denominator); for proportions also the
    95% limits widened for the usual spread between forces (overdispersion)."""

    population: float
    lower_998: float
    lower_95: float
    upper_95: float
    upper_998: float
    adjusted_lower_95: float | None = None
    adjusted_upper_95: float | None = None


@dataclass(frozen=True)
class FunnelInput:
    """A funnel plot: the group average, its members and the limit curves. `size_title`
    names the x axis: the population of a rate, the denominator of a proportion."""

    title: str
    unit: str
    average: float
    points: tuple[FunnelPoint, ...]
    limits: tuple[FunnelLimit, ...]
    size_title: str = "Population (people)"

    @classmethod
    def from_plot(
        cls, plot: FunnelPlot, *, title: str, highlight: str, steps: int = 60
    ) -> FunnelInput:
        """From `stats.funnel_plot`, with `steps` limit points spread over the populations.

        >>> from policeplan.stats.funnel import funnel_plot
        >>> plot = funnel_plot([("a", 90, 10_000), ("b", 110, 12_000), ("c", 160, 9_000)])
        >>> chart = FunnelInput.from_plot(plot, title="Burglary", highlight="b", steps=5)
        >>> [point.name for point in chart.points if point.highlighted], len(chart.limits)
        (['b'], 5)
        """
        populations = [member.population for member in plot.members]
        low, high = min(populations) * 0.8, max(populations) * 1.1
        grid = [low * (high / low) ** (step / (steps - 1)) for step in range(steps)]
        limits = []
        for population in grid:
            lower_998, lower_95, upper_95, upper_998 = rate_limits(plot.group_rate, population)
            limits.append(FunnelLimit(population, lower_998, lower_95, upper_95, upper_998))
        points = tuple(
            FunnelPoint(m.name, m.population, m.rate, m.name == highlight, m.outside)
            for m in plot.members
        )
        return cls(title, "crimes per 1,000 people", plot.group_rate, points, tuple(limits))

    @classmethod
    def from_proportions(
        cls,
        funnel: ProportionFunnel,
        *,
        title: str,
        highlight: str,
        names: Mapping[str, str],
        size_title: str = "Crimes recorded",
        unit: str = "solved rate (%)",
        steps: int = 60,
    ) -> FunnelInput:
        """From `stats.proportion_funnel`, in per cent: binomial 95% and 99.8% limits around
        the pooled proportion and the 95% limits widened for overdispersion, over
        `steps` denominators; `names` maps each member's slug to its name.

        >>> from policeplan.stats.proportion_funnel import proportion_funnel
        >>> plot = proportion_funnel([("a", 90, 1000), ("b", 110, 1000), ("c", 200, 1500)])
        >>> chart = FunnelInput.from_proportions(plot, title="Solved", highlight="b",
        ...                                      names={"b": "Bee"}, steps=3)
        >>> [(p.name, p.rate) for p in chart.points if p.highlighted], len(chart.limits)
        ([('Bee', 11.0)], 3)
        """
        trials = [member.trials for member in funnel.members]
        low, high = min(trials) * 0.8, max(trials) * 1.1
        grid = [low * (high / low) ** (step / (steps - 1)) for step in range(steps)]
        p0 = funnel.group_proportion
        limits = []
        for size in grid:
            n = max(1, round(size))
            lower_998, lower_95, upper_95, upper_998 = binomial_limits(p0, n)
            adjusted_low, adjusted_high = adjusted_limits(p0, n, funnel.tau)
            limits.append(FunnelLimit(
                n, lower_998 * 100, lower_95 * 100, upper_95 * 100, upper_998 * 100,
                adjusted_low * 100, adjusted_high * 100,
            ))  # fmt: skip
        points = tuple(
            FunnelPoint(names.get(m.name, m.name), m.trials, m.proportion * 100,
                        m.name == highlight, m.outside)
            for m in funnel.members
        )  # fmt: skip
        return cls(title, unit, p0 * 100, points, tuple(limits), size_title)


@dataclass(frozen=True)
class RankedMember:
    """A member's rate and its rank with the plausible range of ranks (1 = lowest rate)."""

    name: str
    rate: float
    rank: int
    rank_low: int
    rank_high: int
    highlighted: bool = False


@dataclass(frozen=True)
class MsgRanking:
    """The most similar group ranked on one measure, with the group average."""

    title: str
    unit: str
    average: float
    members: tuple[RankedMember, ...]


@dataclass(frozen=True)
class PositionHistory:
    """A force's position in its most similar group at the end of each window (monthly for
    crime rates, quarter ends for other statistics; 1 = best; None missing)."""

    title: str
    name: str
    group_size: int
    months: tuple[str, ...]
    positions: tuple[int | None, ...]


@dataclass(frozen=True)
class AreaMonths:
    """Monthly values of each local policing area (or district), for small multiples."""

    title: str
    unit: str
    areas: tuple[MonthlySeries, ...]

    @property
    def finite(self) -> bool:
        return all(
            value is None or math.isfinite(value) for area in self.areas for value in area.values
        )
