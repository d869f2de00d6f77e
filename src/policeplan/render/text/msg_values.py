"""The text view of a Most Similar Group comparison of solved rates, loaded proportions,
counts and estimates (`policeplan msg --statistic solved-rate`, `--source measures`).

    >>> print(msg_values_text(comparison))  # doctest: +SKIP
    All crime (excluding anti-social behaviour): solved rate: Essex and its Most Similar Group
    ...
"""

from __future__ import annotations

from fractions import Fraction

from policeplan.indicators.msg_result import Position
from policeplan.indicators.msg_values import (
    PROPORTION,
    RATE_PER_1000,
    ValueComparison,
    ValueTarget,
)
from policeplan.render.text._common import guide_lines, label_lines, wrapped
from policeplan.render.wording import (
    MSG_AVERAGE,
    TOP_QUARTILE,
    funnel_position,
    history_words,
    homogeneity_words,
    ordinal,
    rank_phrase,
    rank_range_phrase,
    warning_line,
)

__all__ = ["msg_values_summary", "msg_values_text", "positions_line"]

GUIDE = (
    "rank 1 is the best end; range: the 95% plausible range of the rank; interval: the 95% "
    "interval of each value (Wilson for proportions)"
)


def msg_values_text(result: ValueComparison) -> str:
    """The comparison as a readable table and summary lines."""
    name = result.force.short_name
    better = "higher" if result.direction == "up" else "lower"
    window = result.window.label()
    if result.last_data_to is not None:
        window += f" (last data to {result.last_data_to})"
    lines = [
        *label_lines(result.data_label),
        f"{result.measure_title}: {name} and its Most Similar Group",
        f"{window}; {result.statistic}{_unit_words(result)}; {better} is better: rank 1 = the "
        f"{result.best_end}",
        *_names_line(result),
        "",
        f"{'Rank':>4}  {'Range':<7} {'Force':<20} {'Numerator':>10} {'Denominator':>12} "
        f"{'Value':>9}  {'95% interval':<17} Note",
    ]
    outside = {}
    if result.funnel is not None:
        outside = {m.name: m.adjusted_outside for m in result.funnel.members}
    for row in result.members:
        figure = row.figure
        marker = "*" if row.force.slug == result.force.slug else " "
        span = "" if row.rank_range is None else (
            f"{row.rank_range.rank_lower}–{row.rank_range.rank_upper}")  # fmt: skip
        interval = ""
        if figure.lower is not None and figure.upper is not None:
            interval = f"{_cell(result, figure.lower)}–{_cell(result, figure.upper)}"
        note = figure.note or ""
        if outside.get(row.force.slug):
            note = f"funnel: {funnel_position(outside[row.force.slug])}" + (
                f"; {note}" if note else "")  # fmt: skip
        lines.append(
            f"{row.rank:>4}{marker} {span:<7} {row.force.short_name:<20} "
            f"{_count(figure.numerator):>10} {_count(figure.denominator):>12} "
            f"{_cell(result, figure.value):>9}  {interval:<17} {note}".rstrip()
        )
    summary = msg_values_summary(result)
    lines.append("")
    for sentence in summary:
        lines += wrapped(sentence)
    return "\n".join(lines + guide_lines(GUIDE))


def msg_values_summary(result: ValueComparison) -> list[str]:
    """The summary sentences under the table: averages, top quartile, position and its
    range, changes needed, homogeneity, funnel, positions, exclusions and caveats."""
    name = result.force.short_name
    member = result.force_member
    size = len(result.members)
    better = "higher" if result.direction == "up" else "lower"
    return [
        f"{MSG_AVERAGE}: {_value(result, result.average)} ({result.average_definition} of the "
        f"{size} members, including {name})",
        *(
            [f"Pooled proportion (total / total): {_value(result, pooled)}"]
            if (pooled := result.pooled_average) is not None
            else []
        ),
        f"{TOP_QUARTILE.capitalize()}: rank {result.top_quartile_rank} or better, "
        f"{_value(result, result.top_quartile_value)} or {better}",
        f"{name}: {rank_phrase(member.rank, size)}, {_value(result, member.figure.value)}"
        + _reference_rank(result),
        *_rank_range(result),
        _change_line(result, result.change_to_average),
        *(
            [_change_line(result, pooled_change)]
            if (pooled_change := result.change_to_pooled) is not None
            else []
        ),
        _change_line(result, result.change_to_top_quartile),
        "Do the members differ? "
        + homogeneity_words(
            None if result.homogeneity is None else result.homogeneity.p_value,
            None if result.homogeneity is None else result.homogeneity.method,
        ),
        *_funnel_lines(result),
        *([positions_line(result.history)] if result.history else []),
        *(f"Excluded: {e.force.short_name}: {e.reason}" for e in result.excluded),
        *(f"Caveat: {c}" for c in result.caveats),
        *(warning_line(w) for w in result.warnings),
    ]


def positions_line(history: tuple[Position, ...]) -> str:
    """'Position at the last 4 quarter ends (oldest first): 2025-03: 4th of 8, …'"""
    words = history_words([(p.window.last, p.rank, p.of) for p in history])
    return f"Position at the last {len(history)} quarter ends (oldest first): {words}"


def _reference_rank(result: ValueComparison) -> str:
    """The reference report's own convention for a down-is-good measure: ranked by value
    from the highest, '6th of 8, where 8th is best'."""
    if result.direction != "down":
        return ""
    size = len(result.members)
    from_top = size + 1 - result.force_member.rank
    return f" (ranked from the highest value: {ordinal(from_top)}, where {ordinal(size)} is best)"


def _rank_range(result: ValueComparison) -> list[str]:
    found = result.force_member.rank_range
    if found is None:
        return []
    phrase = rank_range_phrase(
        found.rank, found.rank_lower, found.rank_upper, found.indistinguishable
    )
    return [f"Rank: {phrase}"]


def _change_line(result: ValueComparison, target: ValueTarget) -> str:
    shown = _value(result, target.value)
    if target.name != "top quartile":
        # The average moves with the force's own figure: it settles at the others' average.
        shown += f", the others' average, where it settles as {result.force.short_name}'s moves"
    head = f"Change to reach the {target.name} ({shown}): "
    if target.change == 0:
        return head + "0 (already there)"
    if result.is_proportion:
        words = f"{target.change:+.1f} percentage points"
        if target.change_count is not None:
            words += (
                f" ({target.change_count:+,} {result.change_count_of}{_from_to(result, target)})"
            )
        return head + words
    if result.statistic == RATE_PER_1000 and target.change_count is not None:
        counted = result.numerator_name or "in all"
        return head + f"{target.change:+.2f} {result.unit}, {target.change_count:+,} {counted}"
    if result.unit == "%":
        return head + f"{target.change:+.1f} percentage points"
    return head + f"{target.change:+.2f}{_unit(result)}"


def _names_line(result: ValueComparison) -> list[str]:
    """What a loaded proportion's numerator and denominator count, when the plan names them."""
    if result.statistic != PROPORTION or not (result.numerator_name or result.denominator_name):
        return []
    numerator = result.numerator_name or "unnamed"
    denominator = result.denominator_name or "unnamed"
    return [f"Numerator: {numerator}; denominator: {denominator}"]


def _from_to(result: ValueComparison, target: ValueTarget) -> str:
    """For a loaded proportion, whose numerator a reader may not know: what it becomes
    (', from 4,200 to 3,571 of 100,000 contracted hours'); solved crimes need no gloss."""
    figure = result.force_member.figure
    if result.statistic != PROPORTION or target.change_count is None:
        return ""
    now, of = int(figure.numerator or 0), int(figure.denominator or 0)
    denominator = f" {result.denominator_name}" if result.denominator_name else ""
    return f", from {now:,} to {now + target.change_count:,} of {of:,}{denominator}"


def _funnel_lines(result: ValueComparison) -> list[str]:
    funnel = result.funnel
    if funnel is None:
        return []
    own = next(m for m in funnel.members if m.name == result.force.slug)
    return [
        f"Funnel: pooled proportion {funnel.group_proportion:.1%}; {result.force.short_name} "
        f"is {funnel_position(own.outside)} (binomial); allowing for the usual spread between "
        f"forces (overdispersion phi {funnel.phi:.1f}, tau {funnel.tau * 100:.1f} points) it is "
        f"{funnel_position(own.adjusted_outside)}"
    ]


def _value(result: ValueComparison, value: Fraction | float) -> str:
    if result.is_proportion:
        return f"{float(value):.1%}"
    return f"{float(value):,.2f}{_unit(result)}"


def _cell(result: ValueComparison, value: Fraction | float) -> str:
    """A table cell: the value without its unit (named in the heading) unless a per cent."""
    if result.is_proportion:
        return f"{float(value):.1%}"
    return f"{float(value):,.2f}{'%' if result.unit == '%' else ''}"


def _unit_words(result: ValueComparison) -> str:
    if result.is_proportion or result.unit in (None, "", "%"):
        return ""
    return f" ({result.unit})"


def _unit(result: ValueComparison) -> str:
    if result.unit in (None, ""):
        return ""
    return "%" if result.unit == "%" else f" {result.unit}"


def _count(number: float | None) -> str:
    if number is None:
        return "-"
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,.1f}"
