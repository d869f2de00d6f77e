"""The card's Most Similar Group part for every kind of measure, through one path
(`msg_compare.compare_with_group`):

- a police.uk crime measure: crimes per 1,000 people from police.uk (`msg.py`);
- `X-solved-rate`: the solved rate of X from police.uk outcomes (`msg_solved.py`);
- a Home Office offence group or subgroup (homicide, violence with injury): crimes per
  1,000 from the Home Office recorded-crime table, police.uk having no such groups;
- a measure loaded with `import measures`: each force's loaded figures (`msg_loaded.py`).

The source chosen is stated in the card (`CardMsg.source_note`). Every result becomes the
one `CardMsg` shape: values in the card's unit (per cent for proportions), changes in that
unit (percentage points) and in whole units of what the numerator counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from policeplan.errors import PolicePlanError
from policeplan.indicators.card_commentary import month_name
from policeplan.indicators.card_facts import CardMsg
from policeplan.indicators.counts import HOME_OFFICE, POLICE_UK, CountTable
from policeplan.indicators.msg_compare import compare_with_group
from policeplan.indicators.msg_loaded import MEASURES
from policeplan.indicators.msg_result import MsgComparison, poisson_rate_interval
from policeplan.indicators.msg_values import RATE_PER_1000, ValueComparison
from policeplan.indicators.queries import MsgQuery
from policeplan.indicators.ranking import at_or_better
from policeplan.indicators.windows import Window
from policeplan.plan.model import Plan
from policeplan.store import Workspace

__all__ = ["MSG_HISTORY", "NOT_RANKED", "card_msg", "msg_part", "msg_source"]

MSG_HISTORY = 4  # quarter ends of position history for the statistics that are not rates
PER_1000 = "per 1,000 people"
POINTS = "percentage points"

# How a card says it has no MSG, followed by why.
NOT_RANKED = "Not ranked in the Most Similar Group: "

_SOURCES = {
    "crime": (POLICE_UK, None),
    "solved": (
        POLICE_UK,
        "Solved rates ranked from police.uk outcomes (charged or summonsed, or an "
        "out-of-court disposal), the same for every force.",
    ),
    "offence-group": (
        HOME_OFFICE,
        "Ranked on the Home Office recorded-crime table: police.uk has no offence groups "
        "or subgroups.",
    ),
    "loaded": (MEASURES, "Ranked on each force's figures loaded with `import measures`."),
}


def msg_source(kind: str) -> tuple[str, str | None]:
    """(source, why it was chosen) of a card's kind of measure.

    >>> msg_source("crime")
    ('police-uk', None)
    >>> msg_source("offence-group")[0]
    'home-office'
    """
    return _SOURCES[kind]


def msg_part(
    workspace: Workspace,
    measure: str,
    kind: str,
    force: str,
    window: Window,
    plan: Plan | None,
    caveats: list[str],
    tables: Mapping[str, CountTable] | None = None,
) -> tuple[MsgComparison | ValueComparison | None, CardMsg | None]:
    """The MSG comparison over `window` and its card summary; None with a caveat when the
    force cannot be ranked. `tables` are the group's police.uk counts (crime rates)."""
    source, note = msg_source(kind)
    history = 0 if kind in ("crime", "offence-group") else MSG_HISTORY
    query = MsgQuery(measure, force, window.last, window.length, source=source, history=history)
    try:
        result = compare_with_group(
            workspace, query, plan=plan, tables=tables if kind == "crime" else None
        )
    except PolicePlanError as error:
        caveats.append(f"{NOT_RANKED}{error}")
        return None, None
    found = card_msg(result, note)
    if note is not None:
        caveats.append(note)
    if found.last_data_to is not None:
        caveats.append(
            f"MSG: last data to {month_name(found.last_data_to)}; the group is ranked on "
            f"the {window.length} months to then."
        )
    caveats.extend(f"MSG: {c}" for c in (*found.caveats, *result.warnings) if c)
    return result, found


def card_msg(result: MsgComparison | ValueComparison, source_note: str | None = None) -> CardMsg:
    """The card's summary of any MSG result."""
    if isinstance(result, MsgComparison):
        return _rate_msg(result, source_note)
    return _value_msg(result, source_note)


def _rate_msg(result: MsgComparison, source_note: str | None) -> CardMsg:
    member = result.force_member
    lower, upper = poisson_rate_interval(member.count, member.population.population)
    ranks = member.rank_range
    to_average = result.change_to_average
    to_quartile = result.change_to_top_quartile
    return CardMsg(
        force_name=result.force.short_name,
        position=member.rank,
        of=len(result.members),
        rank_range=None if ranks is None else (ranks.rank_lower, ranks.rank_upper),
        rate=round(float(member.rate), 3),
        average=round(float(result.msg_average), 3),
        top_quartile_rate=round(float(result.top_quartile_rate), 3),
        change_to_average=to_average,
        change_to_top_quartile=to_quartile,
        aspiration=result.aspiration,
        aspiration_met=result.aspiration_met,
        positions=tuple(p.rank for p in result.positions),
        best_end="lowest" if result.direction == "down" else "highest",
        average_definition=result.targets.default_average,
        homogeneity_p=result.dispersion.p_value,
        statistic="rate",
        value=round(float(member.rate), 3),
        lower=round(lower, 3),
        upper=round(upper, 3),
        unit=PER_1000,
        change_to_average_value=_gap(
            member.rate, result.targets.mean_of_rates.target_rate, result, to_average
        ),
        change_to_top_quartile_value=_gap(member.rate, result.top_quartile_rate, result, 0),
        change_units=PER_1000,
        change_count_of="offences",
        source=result.source,
        source_note=source_note,
        caveats=result.caveats,
        position_ends=tuple(p.window.last for p in result.positions),
    )


def _gap(rate: Fraction, target: Fraction, result: MsgComparison, count: int) -> float:
    """The change in the rate per 1,000 to reach `target`: 0 when already there."""
    if count == 0 and at_or_better(rate, target, result.direction):
        return 0.0
    return round(float(target - rate), 3)


def _value_msg(result: ValueComparison, source_note: str | None) -> CardMsg:
    member = result.force_member
    figure, ranks = member.figure, member.rank_range
    scale = 100 if result.is_proportion else 1
    unit = "%" if result.is_proportion else (result.unit or "value")
    counted = result.is_proportion or result.statistic == RATE_PER_1000
    to_average, to_quartile = result.change_to_average, result.change_to_top_quartile
    homogeneity = result.homogeneity
    return CardMsg(
        force_name=result.force.short_name,
        position=member.rank,
        of=len(result.members),
        rank_range=None if ranks is None else (ranks.rank_lower, ranks.rank_upper),
        rate=round(float(figure.value), 3) if result.statistic == RATE_PER_1000 else None,
        average=round(float(result.average) * scale, 3),
        top_quartile_rate=round(float(result.top_quartile_value) * scale, 3),
        change_to_average=to_average.change_count,
        change_to_top_quartile=to_quartile.change_count,
        aspiration=result.aspiration,
        aspiration_met=result.aspiration_met,
        positions=tuple(p.rank for p in result.history),
        best_end=result.best_end,
        average_definition=result.average_definition,
        homogeneity_p=None if homogeneity is None else homogeneity.p_value,
        statistic=result.statistic,
        value=round(float(figure.value) * scale, 3),
        lower=None if figure.lower is None else round(figure.lower * scale, 3),
        upper=None if figure.upper is None else round(figure.upper * scale, 3),
        unit=unit,
        change_to_average_value=round(to_average.change, 3),
        change_to_top_quartile_value=round(to_quartile.change, 3),
        change_units=POINTS if result.is_proportion or unit == "%" else unit,
        change_count_of=result.change_count_of if counted else None,
        source=result.source,
        source_note=source_note,
        last_data_to=result.last_data_to,
        caveats=result.caveats,
        position_ends=tuple(p.window.last for p in result.history),
    )
