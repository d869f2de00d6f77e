"""The text view of a scorecard (`policeplan scorecard`): every crime measure of a force
over one window against another, as a table with a title, the windows and headers.

    >>> print(scorecard_text(card))  # doctest: +SKIP
    Scorecard: Essex, 2025-01 to 2025-12 against 2024-01 to 2024-12 ...
"""

from __future__ import annotations

from policeplan.indicators import IndicatorResult, Scorecard
from policeplan.indicators.counts import POLICE_UK, SOURCE_LABELS
from policeplan.render.text._common import (
    caveat_notes,
    guide_lines,
    incomplete_reason,
    label_lines,
    wrapped,
)
from policeplan.render.text.breakdown import q_text
from policeplan.render.text.harm import harm_line
from policeplan.render.wording import (
    PER_1000,
    SIGNIFICANCE_GUIDE,
    SOLVED_GUIDE,
    count_or_incomplete,
    not_compared,
    percent_change,
    q_value_note,
    significance,
    warning_line,
)

__all__ = ["scorecard_text"]

_HEADS = ("Measure", "Count", "Before", "Change", "q", "Test", PER_1000.capitalize(), "Solved")


def scorecard_text(card: Scorecard) -> str:
    """The scorecard as a titled table; when windows are incomplete, the reason once."""
    lines = [
        *label_lines(card.data_label),
        f"Scorecard: {card.force_name}, {card.current.label()} against "
        f"{card.comparison.label()} ({SOURCE_LABELS[POLICE_UK]})",
        "",
        _row(*_HEADS),
    ]
    q_values = card.q_values
    lines += [
        _row(*_cells(result, q_values[index], card.significant(index)))
        for index, result in enumerate(card.indicators)
    ]
    if card.harm is not None:
        lines += wrapped(harm_line(card.harm), "  ")
    reasons = _reasons(card)
    if reasons:
        lines += ["", *(not_compared(reason) for reason in reasons)]
    lines += [
        "",
        *wrapped(
            "Count: the current window; Before: the comparison window; Change: in per cent; "
            f"{PER_1000.capitalize()}: crimes {PER_1000} people over the current window (not "
            "annualised); Solved: the share of the current window's crimes solved."
        ),
    ]
    tested = sum(q is not None for q in q_values)
    if tested:
        lines += wrapped(q_value_note(tested))
    caveats = [None if r.change is None else r.change.test.caveat for r in card.indicators]
    for note in caveat_notes(caveats):
        lines += wrapped(note)
    lines += [warning_line(warning) for warning in card.warnings]
    return "\n".join(lines + guide_lines(SIGNIFICANCE_GUIDE, SOLVED_GUIDE))


def _row(measure: str, count: str, before: str, change: str, q: str, test: str, rate: str,
         solved: str) -> str:  # fmt: skip
    return (
        f"  {measure:<26} {count:>9} {before:>9} {change:>8} {q:>6}  {test:<15} {rate:>9} "
        f"{solved:>7}"
    ).rstrip()


def _cells(
    result: IndicatorResult, q_value: float | None, significant: bool | None
) -> tuple[str, str, str, str, str, str, str, str]:
    change = result.change
    percent = (
        None
        if change is None or change.percent_difference is None
        else float(change.percent_difference)
    )
    rate = "—" if result.rate_per_1000 is None else f"{result.rate_per_1000:.2f}"
    solved = result.solved
    solved_rate = (
        "—" if solved is None or solved.proportion is None else (f"{solved.proportion:.1%}")
    )
    return (
        result.measure,
        count_or_incomplete(result.current.count),
        count_or_incomplete(result.comparison.count),
        percent_change(percent),
        q_text(q_value),
        significance(significant),
        rate,
        solved_rate,
    )


def _reasons(card: Scorecard) -> list[str]:
    """Why measures were not compared, each distinct reason once."""
    reasons: list[str] = []
    for result in card.indicators:
        if result.change is not None:
            continue
        reason = incomplete_reason(result.current, result.comparison)
        if reason not in reasons:
            reasons.append(reason)
    return reasons
