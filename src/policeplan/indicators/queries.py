"""Query objects: what a reader asks for, as one frozen value each front end builds from
its options or form fields and hands to a library call.

    >>> query = IndicatorQuery("burglary", "essex", to="2022-01", year_to_date=True)
    >>> query.current_window.label()
    '2021-04 to 2022-01'
    >>> SpcQuery("all-crime", "essex", first="2025-01", last="2025-12").window.length
    12
"""

from __future__ import annotations

from dataclasses import dataclass

from policeplan.errors import InputError
from policeplan.indicators.counts import POLICE_UK
from policeplan.indicators.measures import CRIME_MEASURES
from policeplan.indicators.windows import Window
from policeplan.months import parse_month
from policeplan.plan.model import GoodDirection

__all__ = [
    "BREAKDOWNS",
    "BreakdownQuery",
    "IndicatorQuery",
    "MsgQuery",
    "ScorecardQuery",
    "SpcQuery",
    "parse_direction",
    "parse_group",
]

BREAKDOWNS = ("lpa", "district", "crime-type", "offence-group")


def current_window(to: str, months: int, year_to_date: bool) -> Window:
    """The `months` months to `to`, or the financial year to date (April to `to`)."""
    return Window.year_to_date(to) if year_to_date else Window.ending(to, months)


DEFAULT_COMPARISON = "previous"


def resolved_comparison(compare: str | None, year_to_date: bool) -> str:
    """The comparison asked for, else the default: the same period a year earlier for a
    year to date (April-December against April-December), else the previous window.

    >>> resolved_comparison(None, True), resolved_comparison(None, False)
    ('last-year', 'previous')
    """
    if compare is not None:
        return compare
    return "last-year" if year_to_date else DEFAULT_COMPARISON


class _WindowChoice:
    """The current window (`months` to `to`, or the year to date) and the comparison asked
    for, else the default, of a query with those fields."""

    to: str
    months: int
    compare: str | None
    year_to_date: bool

    @property
    def current_window(self) -> Window:
        return current_window(self.to, self.months, self.year_to_date)

    @property
    def comparison(self) -> str:
        return resolved_comparison(self.compare, self.year_to_date)


@dataclass(frozen=True)
class IndicatorQuery(_WindowChoice):
    """One measure for one force (or area) over the `months` to `to` (or the financial year
    to date), compared with `compare`: previous, last-year or baseline:NAME."""

    measure: str
    force: str
    to: str
    months: int = 12
    compare: str | None = None
    area: str | None = None
    source: str = POLICE_UK
    year_to_date: bool = False
    accept_suspect_months: bool = False


@dataclass(frozen=True)
class ScorecardQuery(_WindowChoice):
    """Every crime measure in `measures` (the built-in ones by default) for one force."""

    force: str
    to: str
    months: int = 12
    compare: str | None = None
    measures: tuple[str, ...] = tuple(CRIME_MEASURES)
    year_to_date: bool = False
    accept_suspect_months: bool = False


@dataclass(frozen=True)
class BreakdownQuery(_WindowChoice):
    """One measure broken down `by` lpa, district, crime-type or offence-group (a measure
    counted from crime records)."""

    measure: str
    force: str
    to: str
    months: int = 12
    compare: str | None = None
    by: str = "lpa"
    year_to_date: bool = False
    accept_suspect_months: bool = False


@dataclass(frozen=True)
class SpcQuery:
    """An XmR chart of the monthly counts from `first` to `last`.

    `baseline_months`: limits from the first N months only (then applied onward);
    `recalculate_from`: months where a new segment with its own limits starts.
    """

    measure: str
    force: str
    first: str
    last: str
    area: str | None = None
    direction: GoodDirection | None = None
    baseline_months: int | None = None
    recalculate_from: tuple[str, ...] = ()

    @property
    def window(self) -> Window:
        return Window(parse_month(self.first, "from"), parse_month(self.last, "to"))


@dataclass(frozen=True)
class MsgQuery:
    """A force against its Most Similar Group: `group` (default: the plan's), over the
    `months` to `to`, from `source`, with the good `direction` (default: the plan's, else
    down)."""

    measure: str
    force: str
    to: str
    months: int = 12
    group: tuple[str, ...] | None = None
    source: str = POLICE_UK
    direction: GoodDirection | None = None
    accept_suspect_months: bool = False
    # "rate" (per 1,000 people) or "solved-rate" (solved / crimes, police.uk only).
    statistic: str = "rate"
    # The position at each of the last `history` quarter ends (0: none asked for).
    history: int = 0

    @property
    def window(self) -> Window:
        return Window.ending(self.to, self.months)


def parse_group(text: str | None) -> tuple[str, ...] | None:
    """A group as typed: "kent, sussex" -> ("kent", "sussex"); None stays None.

    >>> parse_group(" kent,sussex ,")
    ('kent', 'sussex')
    """
    if text is None:
        return None
    return tuple(name.strip() for name in text.split(",") if name.strip())


def parse_direction(text: str | None) -> GoodDirection | None:
    """ "up" or "down" (None stays None); anything else is an InputError on `direction`."""
    if text is None:
        return None
    if text == "down":
        return "down"
    if text == "up":
        return "up"
    raise InputError(
        f"direction {text!r} is not understood: use up (more is better) or down (fewer is better)",
        field="direction",
    )
