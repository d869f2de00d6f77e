"""The indicator card: everything a panel reads about one indicator, and what it means.

`build_card(workspace, CardQuery("all-crime", "essex", to="2021-07"))` gathers, for a plan
indicator id or any measure and a period end:

- `latest`: the window's value (and rate per 1,000 for a whole force);
- `comparisons`: against the previous window, the same window a year earlier and each
  plan baseline that ends before the latest window does, with test and verdict;
- `spc`: the Making Data Count icons of the latest month and the rules that fired;
- `msg`: the position in the Most Similar Group with its plausible rank range;
- `solved`: the solved rate and its comparability;
- `caveats`: every data caveat, and `commentary`: sentences made only from these facts
  (`card_commentary.py`).

An indicator with no data gets one caveat saying so and how to load it; a part that
cannot be computed (no MSG for a loaded measure, too few months for SPC) is None with a
caveat, never an error.

`card_parts.py` reads the statistics the indicator and MSG results carry (adjusted
p-values, suspect months, rank ranges, solved-rate comparability).

    >>> card = build_card(workspace, CardQuery("all-crime", "essex", to="2025-06"))
    ... # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from policeplan.errors import InputError
from policeplan.indicators.areas import parse_area
from policeplan.indicators.card_commentary import card_commentary, months_phrase
from policeplan.indicators.card_derived import NO_SPC, offence_group_latest, solved_card_facts
from policeplan.indicators.card_facts import (
    CardComparison,
    CardLatest,
    CardMsg,
    CardSolved,
    CardSpc,
    change_verdict,
)
from policeplan.indicators.card_harm import harm_card_facts
from policeplan.indicators.card_loaded import loaded_card_facts
from policeplan.indicators.card_msg import NOT_RANKED, msg_part
from policeplan.indicators.card_parts import (
    GroupTables,
    comparison_test,
    msg_rank_ranges,
    solved_part,
    spc_part,
    suspect_month_caveats,
)
from policeplan.indicators.card_sources import (
    comparison_keys,
    comparison_label,
    crime_results,
    loaded_card_window,
    measure_kind,
    unknown_name,
)
from policeplan.indicators.counts import POLICE_UK, CountTable
from policeplan.indicators.indicator import IndicatorResult
from policeplan.indicators.measures import crime_measure
from policeplan.indicators.msg import plan_msg_indicator
from policeplan.indicators.msg_result import MsgComparison
from policeplan.indicators.msg_values import ValueComparison
from policeplan.indicators.plan_context import LOADED_PLAN, PlanChoice, resolve_plan
from policeplan.indicators.spc_series import SpcResult, improvement_direction
from policeplan.indicators.windows import Window
from policeplan.plan.model import Plan
from policeplan.reference import get_force
from policeplan.stats.mdc_icons import ImprovementDirection
from policeplan.store import SYNTHETIC_LABEL, Workspace
from policeplan.store.crime_records import holds_crime_records

__all__ = [
    "CardQuery",
    "IndicatorCard",
    "build_card",
    "build_cards",
    "msg_rank_ranges",
    "no_data_caveat",
]

SPC_MONTHS = 36


@dataclass(frozen=True)
class CardQuery:
    """A card for `indicator` (a plan indicator id, or a measure slug) for `force` over the
    `months` to `to`, optionally for one `area` (district:NAME or lpa:NAME); the SPC chart
    covers the `spc_months` to `to`."""

    indicator: str
    force: str
    to: str
    months: int = 12
    area: str | None = None
    spc_months: int = SPC_MONTHS


@dataclass(frozen=True)
class IndicatorCard:
    """One indicator's card. `spc_result` and `msg_result` are the full results behind the
    `spc` and `msg` summaries (for charts); they are not part of the JSON."""

    indicator: str
    title: str
    measure: str | None
    direction: ImprovementDirection
    to: str
    force: str
    area: str
    priority: str | None
    latest: CardLatest | None
    comparisons: tuple[CardComparison, ...]
    spc: CardSpc | None
    msg: CardMsg | None
    solved: CardSolved | None
    caveats: tuple[str, ...]
    commentary: tuple[str, ...]
    data_label: str | None
    spc_result: SpcResult | None = None
    msg_result: MsgComparison | ValueComparison | None = None

    @property
    def has_data(self) -> bool:
        return self.latest is not None

    def comparison(self, against: str) -> CardComparison | None:
        return next((c for c in self.comparisons if c.against == against), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "title": self.title,
            "measure": self.measure,
            "direction": self.direction,
            "to": self.to,
            "force": self.force,
            "area": self.area,
            "priority": self.priority,
            "data_label": self.data_label,
            "latest": None if self.latest is None else self.latest.to_dict(),
            "comparisons": [c.to_dict() for c in self.comparisons],
            "spc": None if self.spc is None else self.spc.to_dict(),
            "msg": None if self.msg is None else self.msg.to_dict(),
            "solved": None if self.solved is None else self.solved.to_dict(),
            "caveats": list(self.caveats),
            "commentary": list(self.commentary),
        }


def no_data_caveat(measure: str) -> str:
    """The one caveat of an indicator with nothing to show."""
    return (
        f"No data: nothing in the workspace is called {measure!r} (it is not a crime "
        "measure); load its figures with `policeplan import measures FILE` (columns measure, "
        "period, area, value)."
    )


def no_records_caveat(measure: str, force: str) -> str:
    """The one caveat of a records measure when the force has no crime records."""
    return (
        f"No data: {measure!r} is counted from the force's own crime records and none are "
        f"imported for {force}; import them with `policeplan import records FILE --mapping "
        "MAPPING` (docs/crime-records.md)."
    )


def build_card(
    workspace: Workspace, query: CardQuery, *, plan: PlanChoice = LOADED_PLAN
) -> IndicatorCard:
    """The card of `query.indicator`; `plan` is the workspace's plan unless given."""
    return build_cards(workspace, [query], plan=plan)[0]


def build_cards(
    workspace: Workspace, queries: Sequence[CardQuery], *, plan: PlanChoice = LOADED_PLAN
) -> list[IndicatorCard]:
    """The cards of several queries, reading the plan, the data label and which kind each
    measure is once for all of them (the summary table's way)."""
    chosen = resolve_plan(workspace, plan)
    label = workspace.label()
    identities = [_identify(query.indicator, chosen) for query in queries]
    with workspace.connect(read_only=True) as con:
        kinds = [
            None if measure is None else measure_kind(con, measure, chosen)
            for _, measure, _, _ in identities
        ]
    group = GroupTables(workspace, chosen)
    return [
        _build(workspace, query, chosen, label, identity, kind, group)
        for query, identity, kind in zip(queries, identities, kinds, strict=True)
    ]


def _build(
    workspace: Workspace,
    query: CardQuery,
    chosen: Plan | None,
    label: str | None,
    identity: tuple[str, str | None, ImprovementDirection, str | None],
    kind: str | None,
    group: GroupTables,
) -> IndicatorCard:
    slug = get_force(query.force).slug
    Window.ending(query.to, query.months)  # a malformed month is refused, data or none
    title, measure, direction, priority = identity
    if priority is None and kind is None:
        raise InputError(unknown_name(query.indicator, chosen), field="indicator")
    area = query.area or "force"
    caveats = _label_caveats(label)
    if measure is None:
        caveats.append("Reported in narrative only: the plan gives this indicator no measure.")
        return _card(query, title, None, direction, slug, area, priority, label, caveats)
    if kind is None:
        caveats.append(no_data_caveat(measure))
        return _card(query, title, measure, direction, slug, area, priority, label, caveats)
    if _from_records(measure, chosen) and not holds_crime_records(workspace, slug):
        caveats.append(no_records_caveat(measure, slug))
        return _card(query, title, measure, direction, slug, area, priority, label, caveats)
    requested = Window.ending(query.to, query.months)
    if kind == "loaded":
        window = loaded_card_window(workspace, measure, query.area or slug, requested, caveats)
        query = replace(query, to=window.last, months=window.length)
    current = Window.ending(query.to, query.months)
    keys = comparison_keys(current, chosen)
    spc_window = Window.ending(query.to, query.spc_months)
    ranked = not _from_records(measure, chosen) and query.area is None
    msg_result: MsgComparison | ValueComparison | None = None
    msg: CardMsg | None = None
    if kind == "offence-group":
        if query.area is not None:
            caveats.append(
                "No data: the Home Office table counts offence groups for the whole force "
                "only, not by area."
            )
            return _card(query, title, measure, direction, slug, area, priority, label, caveats)
        msg_result, msg = msg_part(workspace, measure, kind, slug, current, chosen, caveats)
        if msg_result is None:
            return _card(query, title, measure, direction, slug, area, priority, label, caveats)
        comparisons: list[CardComparison] = []
        latest = offence_group_latest(msg_result, current)
        solved, table = None, None
    elif kind == "solved":
        latest, comparisons = solved_card_facts(workspace, measure, slug,
                                                parse_area(query.area, slug), current, keys,
                                                chosen, direction, label, caveats)  # fmt: skip
        solved, table = None, None
    elif kind == "harm":
        latest, comparisons = harm_card_facts(
            workspace,
            measure,
            slug,
            query.to,
            query.months,
            query.area,
            keys,
            chosen,
            direction,
            caveats,
        )
        solved, table = None, None
    else:
        latest, comparisons, solved, table = (
            _crime_facts(workspace, query, measure, slug, keys, chosen, direction, caveats,
                         label, spc_window)
            if kind == "crime"
            else loaded_card_facts(workspace, query.to, query.months, query.area, measure,
                                   slug, keys, chosen, direction)
        )  # fmt: skip
    if latest.missing_months:
        caveats.append(
            f"Incomplete: {months_phrase(latest.missing_months)} in the latest window, so it "
            "is not counted or compared."
        )
    spc_result, spc = None, None
    if kind in NO_SPC:
        caveats.append(NO_SPC[kind])
    else:
        spc_result, spc = spc_part(
            workspace, measure, slug, spc_window, query.area, chosen, direction, caveats, table
        )
    if _from_records(measure, chosen):
        caveats.append(
            f"{NOT_RANKED}counted from the force's own crime "
            "records; other forces' records are not held."
        )
    elif ranked and kind in ("crime", "solved", "loaded"):
        # A loaded measure is ranked over its period's length (a quarter, a year) ending
        # when asked: the group says when its latest data ends earlier ("last data to").
        window = Window.ending(requested.last, current.length) if kind == "loaded" else current
        tables = group.tables(slug, current) if kind == "crime" else None
        msg_result, msg = msg_part(workspace, measure, kind, slug, window, chosen, caveats, tables)
    commentary = card_commentary(title, latest, comparisons, spc, msg, direction)
    return IndicatorCard(query.indicator, title, measure, direction, query.to, slug, area,
                         priority, latest, tuple(comparisons), spc, msg, solved,
                         tuple(caveats), commentary, label, spc_result, msg_result)  # fmt: skip


def _from_records(measure: str, plan: Plan | None) -> bool:
    return plan is not None and plan.records_measure(measure) is not None


def _identify(
    indicator: str, plan: Plan | None
) -> tuple[str, str | None, ImprovementDirection, str | None]:
    """(title, measure, direction, priority id) of a plan indicator id or a measure."""
    if plan is not None:
        for priority, entry in plan.indicators:
            if entry.id == indicator:
                return entry.title, entry.measure, entry.direction, priority.id
    try:
        title = crime_measure(indicator, plan).title
    except InputError:
        ranked = plan_msg_indicator(plan, indicator)
        title = indicator if ranked is None else ranked.title
    return title, indicator, improvement_direction(indicator, plan), None


def _card(
    query: CardQuery,
    title: str,
    measure: str | None,
    direction: ImprovementDirection,
    force: str,
    area: str,
    priority: str | None,
    label: str | None,
    caveats: list[str],
) -> IndicatorCard:
    empty = (None, (), None, None, None)
    return IndicatorCard(query.indicator, title, measure, direction, query.to, force, area,
                         priority, *empty, tuple(caveats), (), label)  # fmt: skip


def _label_caveats(label: str | None) -> list[str]:
    if label == SYNTHETIC_LABEL:
        return ["Synthetic demo data: the figures are generated, not real police records."]
    return [f"Data: {label}."] if label else []


def _crime_facts(
    workspace: Workspace,
    query: CardQuery,
    measure: str,
    force: str,
    keys: list[str],
    plan: Plan | None,
    direction: ImprovementDirection,
    caveats: list[str],
    label: str | None,
    spc_window: Window,
) -> tuple[CardLatest, list[CardComparison], CardSolved | None, CountTable]:
    place = parse_area(query.area, force)
    results, unit, table = crime_results(workspace, measure, force, query.to, query.months,
                                         place, keys, plan, label, spc_window)  # fmt: skip
    first = results[0]
    latest = CardLatest(first.current.window, _number(first.current.count), unit,
                        first.rate_per_1000, None if first.population is None
                        else first.population.year, first.current.missing_months)  # fmt: skip
    if latest.population_year is not None:
        caveats.append(
            f"Rates per 1,000 people use the mid-{latest.population_year} population estimate."
        )
    if not place.is_force and first.source == POLICE_UK:
        caveats.append(
            'Crimes police.uk places at "No Location" count in the force total but in no '
            "area, so area figures undercount, and a change in how many are unlocated "
            "shifts them."
        )
    caveats.extend(suspect_month_caveats(first))
    comparisons = [
        _crime_comparison(key, result, direction) for key, result in zip(keys, results, strict=True)
    ]
    return latest, comparisons, solved_part(first), table


def _crime_comparison(
    key: str, result: IndicatorResult, direction: ImprovementDirection
) -> CardComparison:
    p, significant, method = comparison_test(result)
    change = result.change
    diff = None if change is None else round(change.difference, 1)
    pct = None
    if change is not None and change.percent_difference is not None:
        pct = float(change.percent_difference)
    return CardComparison(
        key,
        comparison_label(key, result.comparison.window),
        result.comparison.window,
        _number(result.comparison.count),
        diff,
        pct,
        p,
        significant,
        change_verdict(diff, significant, direction),
        result.comparison.missing_months,
        method,
    )


def _number(count: int | None) -> float | None:
    return None if count is None else float(count)
