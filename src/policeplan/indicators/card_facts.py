"""The facts an indicator card is made of, each a frozen value with its JSON form.

`card.py` gathers them from the workspace; `card_commentary.py` turns them into sentences;
nothing here reads data or computes a statistic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from policeplan.indicators.windows import Window
from policeplan.stats.homogeneity import SIGNIFICANCE_LEVEL
from policeplan.stats.mdc_icons import ImprovementDirection

Verdict = Literal[
    "significant improvement",
    "significant deterioration",
    "significant rise",
    "significant fall",
    "no significant change",
    "not compared",
]


def change_verdict(
    diff: float | None, significant: bool | None, direction: ImprovementDirection
) -> Verdict:
    """The verdict of a change: what the test allows us to say, nothing more.

    >>> change_verdict(-120, True, "down"), change_verdict(-120, True, "neutral")
    ('significant improvement', 'significant fall')
    >>> change_verdict(5, False, "up"), change_verdict(None, None, "up")
    ('no significant change', 'not compared')
    """
    if diff is None or significant is None:
        return "not compared"
    if not significant or diff == 0:
        return "no significant change"
    if direction == "neutral":
        return "significant rise" if diff > 0 else "significant fall"
    good = (diff > 0) == (direction == "up")
    return "significant improvement" if good else "significant deterioration"


@dataclass(frozen=True)
class CardComparison:
    """The latest window against one other window.

    `against` is the comparison's key ("previous", "last-year", "baseline:pre-plan");
    `value` the other window's value; `diff` and `pct_diff` the latest minus it; `p` the
    test's p-value and `method` the test; `missing_months` why it was not compared.
    """

    against: str
    label: str
    window: Window
    value: float | None
    diff: float | None
    pct_diff: float | None
    p: float | None
    significant: bool | None
    verdict: Verdict
    missing_months: tuple[str, ...] = ()
    method: str | None = None

    @property
    def compared(self) -> bool:
        return self.verdict != "not compared"

    def to_dict(self) -> dict[str, Any]:
        return {
            "against": self.against,
            "label": self.label,
            "from": self.window.first,
            "to": self.window.last,
            "value": self.value,
            "diff": self.diff,
            "pct_diff": self.pct_diff,
            "p": self.p,
            "significant": self.significant,
            "verdict": self.verdict,
            "method": self.method,
            "missing_months": list(self.missing_months),
        }


@dataclass(frozen=True)
class CardLatest:
    """The latest window's value (None when incomplete), its unit and rate per 1,000."""

    window: Window
    value: float | None
    unit: str
    rate_per_1000: float | None = None
    population_year: int | None = None
    missing_months: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.window.first,
            "to": self.window.last,
            "months": self.window.length,
            "value": self.value,
            "unit": self.unit,
            "rate_per_1000": self.rate_per_1000,
            "population_year": self.population_year,
            "complete": not self.missing_months,
            "missing_months": list(self.missing_months),
        }


@dataclass(frozen=True)
class CardSpc:
    """The SPC verdict of the latest month: icons, why there is none, the rules that fired."""

    first: str
    last: str
    variation_icon: str | None
    assurance_icon: str | None
    reason: str | None
    assurance_reason: str | None
    rules: tuple[str, ...]
    special_cause: str | None
    target: float | None
    seasonal_note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.first,
            "to": self.last,
            "variation_icon": self.variation_icon,
            "assurance_icon": self.assurance_icon,
            "reason": self.reason,
            "assurance_reason": self.assurance_reason,
            "rules": list(self.rules),
            "special_cause": self.special_cause,
            "target": self.target,
            "seasonal_note": self.seasonal_note,
        }


@dataclass(frozen=True)
class CardMsg:
    """The force in its Most Similar Group: position (1 = best), plausible rank range, MSG
    average, the change to reach the average and the top quartile, the aspiration and the
    positions of earlier windows (oldest first).

    One shape for every statistic (`statistic`): "rate" (crimes per 1,000 people),
    "solved-rate", or a loaded measure's kind ("proportion", "estimate", "rate-per-1000").
    `value`, `average` and `top_quartile_rate` are in `unit` (per cent for proportions);
    `rate` is the rate per 1,000 (None for other statistics). `change_to_average` and
    `change_to_top_quartile` are whole units of `change_count_of` (offences, solved
    crimes; None when a figure is no count); the `…_value` changes are in `change_units`
    (percentage points for proportions)."""

    force_name: str
    position: int
    of: int
    rank_range: tuple[int, int] | None
    rate: float | None
    average: float
    top_quartile_rate: float
    change_to_average: int | None
    change_to_top_quartile: int | None
    aspiration: str | None
    aspiration_met: bool | None
    positions: tuple[int | None, ...]
    # The fields every MSG result shares (issue #15; `msg --json`).
    best_end: str | None = None
    average_definition: str | None = None
    homogeneity_p: float | None = None
    statistic: str = "rate"
    value: float | None = None
    lower: float | None = None
    upper: float | None = None
    unit: str = "per 1,000 people"
    change_to_average_value: float | None = None
    change_to_top_quartile_value: float | None = None
    change_units: str | None = None
    change_count_of: str | None = "offences"
    source: str = "police-uk"
    source_note: str | None = None
    last_data_to: str | None = None
    caveats: tuple[str, ...] = ()
    position_ends: tuple[str, ...] = ()  # the last month of each position's window

    @property
    def is_proportion(self) -> bool:
        return self.change_units == "percentage points"

    @property
    def forces_differ(self) -> bool | None:
        """Whether the members differ beyond chance (homogeneity test at 5%)."""
        return None if self.homogeneity_p is None else self.homogeneity_p < SIGNIFICANCE_LEVEL

    def to_dict(self) -> dict[str, Any]:
        return {
            "statistic": self.statistic,
            "source": self.source,
            "source_note": self.source_note,
            "best_end": self.best_end,
            "average_definition": self.average_definition,
            "homogeneity_p": self.homogeneity_p,
            "forces_differ": self.forces_differ,
            "position": self.position,
            "of": self.of,
            "rank_range": None if self.rank_range is None else list(self.rank_range),
            "value": self.value,
            "lower": self.lower,
            "upper": self.upper,
            "unit": self.unit,
            "rate_per_1000": self.rate,
            "average": self.average,
            "top_quartile_rate": self.top_quartile_rate,
            "top_quartile_value": self.top_quartile_rate,
            "change_to_average": self.change_to_average,
            "change_to_top_quartile": self.change_to_top_quartile,
            "change_to_average_value": self.change_to_average_value,
            "change_to_top_quartile_value": self.change_to_top_quartile_value,
            "change_units": self.change_units,
            "change_count_of": self.change_count_of,
            "last_data_to": self.last_data_to,
            "caveats": list(self.caveats),
            "aspiration": self.aspiration,
            "aspiration_met": self.aspiration_met,
            "positions": list(self.positions),
            "position_ends": list(self.position_ends),
        }


@dataclass(frozen=True)
class CardSolved:
    """The solved rate of the latest window with its 95% interval, its change against the
    previous window, and whether the two are comparable (recent outcomes still maturing)."""

    count: int
    rate: float | None
    rate_low: float | None
    rate_high: float | None
    points_change: float | None
    p: float | None
    significant: bool | None
    comparable: bool | None
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "rate": self.rate,
            "rate_low": self.rate_low,
            "rate_high": self.rate_high,
            "points_change": self.points_change,
            "p": self.p,
            "significant": self.significant,
            "comparable": self.comparable,
            "reason": self.reason,
        }
