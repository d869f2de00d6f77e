"""Cells of the Most Similar Group pages for either kind of comparison: a crime rate per
1,000 people (`MsgComparison`) or a solved rate, loaded proportion or estimate
(`ValueComparison`), worded with `policeplan.render.wording`.

>>> value_cell(0.01374, "rate")
'0.0137'
>>> value_cell(0.1456, "solved-rate")
'14.6%'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any
from urllib.parse import urlencode

from policeplan.indicators.counts import SOURCE_LABELS
from policeplan.indicators.msg_loaded import MEASURES
from policeplan.indicators.msg_result import MsgComparison, MsgMember
from policeplan.indicators.msg_values import (
    ESTIMATE,
    PROPORTION,
    RATE_PER_1000,
    SOLVED_RATE,
    ValueComparison,
)
from policeplan.render.wording import NO_GROUP_DIFFERENCE, ordinal, rank_phrase
from policeplan.stats.rank_uncertainty import RankRange
from policeplan.web.tables import Table

__all__ = [
    "Comparison",
    "average_cell",
    "compared_on",
    "detail_link",
    "excluded_notes",
    "group_notes",
    "last_data_to",
    "matrix",
    "own_value_cell",
    "position_cell",
    "range_cell",
    "result_value_cell",
    "top_quartile_cell",
    "value_cell",
    "window_cell",
]

Comparison = MsgComparison | ValueComparison
_STATISTIC_WORDS = {
    SOLVED_RATE: "solved rate (solved / crimes)",
    PROPORTION: "proportion (numerator / denominator)",
    RATE_PER_1000: "count per 1,000 people",
    ESTIMATE: "estimate",
}


def detail_link(measure: str, to: str, **query: str) -> str:
    """The address of one indicator's MSG page for the period ending `to`.

    >>> detail_link("all-crime", "2025-12", statistic="solved-rate")
    '/msg/all-crime?to=2025-12&statistic=solved-rate'
    """
    return f"/msg/{measure}?{urlencode({'to': to, **query})}"


def value_cell(value: Fraction | float, statistic: str, unit: str | None = None) -> str:
    """A rate per 1,000 to 2 decimals (3 significant figures below 1: homicide), a
    proportion as a per cent, any other value to 2 decimals with a % unit shown."""
    number = float(value)
    if statistic in (SOLVED_RATE, PROPORTION):
        return f"{number:.1%}"
    if statistic in ("rate", RATE_PER_1000) and 0 < abs(number) < 1:
        return f"{number:.3g}"
    if unit == "%":
        return f"{number:.1f}%"
    return f"{number:,.2f}"


def _statistic(result: Comparison) -> str:
    return "rate" if isinstance(result, MsgComparison) else result.statistic


def _unit(result: Comparison) -> str | None:
    return None if isinstance(result, MsgComparison) else result.unit


def result_value_cell(result: Comparison, value: Fraction | float) -> str:
    return value_cell(value, _statistic(result), _unit(result))


def own_value_cell(result: Comparison) -> str:
    """The force's own value."""
    member = result.force_member
    if isinstance(member, MsgMember):
        return result_value_cell(result, member.rate)
    return result_value_cell(result, member.figure.value)


def compared_on(result: Comparison) -> str:
    """What is ranked, from where: 'police.uk street records: crimes per 1,000 people'."""
    if isinstance(result, MsgComparison):
        return f"{SOURCE_LABELS[result.source]}: offences per 1,000 people"
    if result.source == MEASURES:
        unit = "" if result.unit in (None, "", "%") else f", {result.unit}"
        return f"loaded figures: {_STATISTIC_WORDS[result.statistic]}{unit}"
    return f"police.uk outcomes: {_STATISTIC_WORDS[result.statistic]}"


def window_cell(result: Comparison) -> str:
    """The window compared; with 'last data to' when the data held ends before the one
    asked for (the window then ends there)."""
    label = result.window.label()
    last = last_data_to(result)
    return label if last is None else f"{label} (last data to {last})"


def last_data_to(result: Comparison) -> str | None:
    return None if isinstance(result, MsgComparison) else result.last_data_to


def range_cell(ranks: RankRange | None) -> str:
    """'2nd–4th', '3rd' when the range is one rank, '' without a range."""
    if ranks is None:
        return ""
    if ranks.rank_lower == ranks.rank_upper:
        return ordinal(ranks.rank_lower)
    return f"{ordinal(ranks.rank_lower)}–{ordinal(ranks.rank_upper)}"


def position_cell(result: Comparison) -> str:
    """'3rd of 8 (1st = highest)': rank 1 is always the best end, which it names."""
    member = result.force_member
    best = "highest" if result.direction == "up" else "lowest"
    return f"{rank_phrase(member.rank, len(result.members))} (1st = {best})"


def average_cell(result: Comparison) -> str:
    if isinstance(result, MsgComparison):
        return result_value_cell(result, result.msg_average)
    return result_value_cell(result, result.average)


def top_quartile_cell(result: Comparison) -> str:
    """'15.1% (rank 2)': the value of the member ranked at the top quartile's edge."""
    value = (
        result.top_quartile_rate if isinstance(result, MsgComparison) else result.top_quartile_value
    )
    return f"{result_value_cell(result, value)} (rank {result.top_quartile_rank})"


def group_notes(result: Comparison) -> tuple[str, ...]:
    """What qualifies the position: no difference across the group, small numbers,
    members whose outcomes are not comparable."""
    if isinstance(result, MsgComparison):
        p_value: float | None = result.dispersion.p_value
    else:
        p_value = None if result.homogeneity is None else result.homogeneity.p_value
    notes = [NO_GROUP_DIFFERENCE] if p_value is not None and p_value >= 0.05 else []
    last = last_data_to(result)
    if last is not None:
        notes.append(f"last data to {last}")
    notes += list(result.caveats)
    if isinstance(result, ValueComparison):
        flagged = [m.force.short_name for m in result.members if m.figure.note]
        if flagged:
            notes.append(f"outcomes not comparable or not settled: {', '.join(flagged)}")
    return tuple(notes)


def matrix(
    results: Sequence[Comparison],
    names: Sequence[str],
    members: tuple[str, ...],
    cell: Callable[[Any, Any], str],
    caption: str,
) -> Table:
    """One row per indicator, one column per member of the group: `cell(result, member)`,
    or "left out" for a member not ranked on that indicator."""
    rows = []
    for result, name in zip(results, names, strict=True):
        by_force: dict[str, Any] = {m.force.short_name: m for m in result.members}
        rows.append(
            (name, *(cell(result, by_force[f]) if f in by_force else "left out" for f in members))
        )
    return Table(caption, ("Indicator", *members), tuple(rows))


def excluded_notes(results: Sequence[Comparison], names: Sequence[str]) -> tuple[str, ...]:
    """Each member left out, once per reason, naming the indicators (or "every")."""
    left_out: dict[tuple[str, str], list[str]] = {}
    for result, name in zip(results, names, strict=True):
        for member in result.excluded:
            left_out.setdefault((member.force.short_name, member.reason), []).append(name)
    return tuple(
        f"{force} left out of "
        f"{'every indicator' if len(which) == len(results) else ', '.join(which)}: {reason}"
        for (force, reason), which in left_out.items()
    )
