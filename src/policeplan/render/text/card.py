"""The text view of an indicator card (`policeplan card`): the latest value, each
comparison, the SPC icons, the MSG position, the solved rate, then the commentary and
the caveats.

    >>> print(card_text(card))  # doctest: +SKIP
    All Crime (all-crime) — essex, force: 12 months to June 2025, improvement direction down
    ...
"""

from __future__ import annotations

import textwrap

from policeplan.indicators import IndicatorCard
from policeplan.indicators.card_facts import CardComparison, CardMsg, CardSolved, CardSpc
from policeplan.render.text._common import WIDTH, guide_lines, label_lines
from policeplan.render.wording import (
    SIGNIFICANCE_GUIDE,
    SPC_GUIDE,
    aspiration_words,
    homogeneity_words,
    icon_words,
    month_name,
    msg_change_words,
    msg_value_words,
    offences_needed,
    percent_change,
    rank_phrase,
    rule_words,
    value_words,
)

__all__ = ["card_text"]


def card_text(card: IndicatorCard) -> str:
    """The card as a page of text, facts first, then what they say."""
    measure = f" ({card.measure})" if card.measure and card.measure != card.title else ""
    lines = [
        *label_lines(card.data_label),
        f"{card.title}{measure} — {card.force}, {card.area}: "
        f"{'' if card.latest is None else f'{card.latest.window.length} months '}"
        f"to {month_name(card.to)}, improvement direction {card.direction}",
    ]
    latest = card.latest
    if latest is not None:
        value = "incomplete" if latest.value is None else msg_value_words(latest.value, latest.unit)
        rate = ""
        if latest.rate_per_1000 is not None:
            rate = (
                f" ({latest.rate_per_1000:,.2f} per 1,000 people, "
                f"mid-{latest.population_year} population)"
            )
        lines.append(f"Latest: {value}{rate}")
    if card.comparisons:
        lines += ["", f"  {'Compared with':<56} {'Value':>10} {'Change':>9} {'%':>7}  Verdict"]
        lines += [_comparison_line(c) for c in card.comparisons]
    if card.spc is not None:
        lines += ["", *_spc_lines(card.spc)]
    if card.msg is not None:
        lines += _msg_lines(card.msg)
    if card.solved is not None:
        lines.append(_solved_line(card.solved))
    if card.commentary:
        lines += ["", "What the figures say:"]
        for sentence in card.commentary:
            lines += _bullet(sentence)
    if card.caveats:
        lines += ["", "Caveats:"]
        for caveat in card.caveats:
            lines += _bullet(caveat)
    return "\n".join(lines + guide_lines(SIGNIFICANCE_GUIDE, SPC_GUIDE))


def _comparison_line(comparison: CardComparison) -> str:
    value = "incomplete" if comparison.value is None else _number(comparison.value)
    change = "" if comparison.diff is None else f"{comparison.diff:+,.0f}"
    if comparison.diff is not None and not float(comparison.diff).is_integer():
        change = f"{comparison.diff:+,.3g}"
    percent = percent_change(comparison.pct_diff) if comparison.compared else ""
    return (
        f"  {comparison.label[:56]:<56} {value:>10} {change:>9} {percent:>7}  {comparison.verdict}"
    )


def _spc_lines(spc: CardSpc) -> list[str]:
    lines = [f"SPC ({spc.first} to {spc.last}): {icon_words(spc.variation_icon, spc.reason)}"]
    if spc.rules:
        lines.append(f"  rules: {', '.join(rule_words(rule) for rule in spc.rules)}")
    if spc.target is not None:
        lines.append(
            f"  target {spc.target:,g}: {icon_words(spc.assurance_icon, spc.assurance_reason)}"
        )
    return lines


def _msg_lines(msg: CardMsg) -> list[str]:
    plausible = ""
    if msg.rank_range is not None:
        plausible = f" (plausible range {msg.rank_range[0]} to {msg.rank_range[1]})"
    positions = " ".join("-" if p is None else str(p) for p in msg.positions)
    if msg.statistic == "rate" and msg.rate is not None and msg.change_to_average is not None:
        return [
            f"MSG: {rank_phrase(msg.position, msg.of)}{plausible}; {msg.rate:,.3f} per 1,000 "
            f"against an MSG average of {msg.average:,.3f}",
            f"  to reach the MSG average: {offences_needed(msg.change_to_average)}; the top "
            f"quartile: {offences_needed(msg.change_to_top_quartile or 0)}",
            f"  {aspiration_words(msg.aspiration, msg.aspiration_met)}; last 12 positions: "
            f"{positions}",
        ]
    interval = ""
    if msg.lower is not None and msg.upper is not None:
        interval = (
            f" (95% interval {msg_value_words(msg.lower, msg.unit)} to "
            f"{msg_value_words(msg.upper, msg.unit)})"
        )
    last = "" if msg.last_data_to is None else f"; last data to {month_name(msg.last_data_to)}"
    return [
        f"MSG ({msg.statistic}, {msg.source}{last}): {rank_phrase(msg.position, msg.of)}"
        f"{plausible}, rank 1 = the {msg.best_end}; {msg_value_words(msg.value, msg.unit)}"
        f"{interval} against an MSG average of {msg_value_words(msg.average, msg.unit)} "
        f"({msg.average_definition})",
        "  to reach the MSG average: "
        + msg_change_words(msg.change_to_average_value, msg.change_to_average,
                           msg.change_units, msg.change_count_of)
        + f"; the top quartile ({msg_value_words(msg.top_quartile_rate, msg.unit)}): "
        + msg_change_words(msg.change_to_top_quartile_value, msg.change_to_top_quartile,
                           msg.change_units, msg.change_count_of),
        f"  do the members differ? {homogeneity_words(msg.homogeneity_p)}",
        f"  {aspiration_words(msg.aspiration, msg.aspiration_met)}; positions at the last "
        f"{len(msg.positions)} quarter ends: {positions}",
    ]  # fmt: skip


def _solved_line(solved: CardSolved) -> str:
    if solved.rate is None:
        return "Solved: not known"
    interval = ""
    if solved.rate_low is not None and solved.rate_high is not None:
        interval = f" (95% interval {solved.rate_low * 100:.1f}% to {solved.rate_high * 100:.1f}%)"
    change = ""
    if solved.points_change is not None:
        change = f", {solved.points_change:+.1f} points on the previous window"
    return f"Solved: {solved.count:,} ({solved.rate * 100:.1f}%){interval}{change}"


def _bullet(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="  - ", subsequent_indent="    ",
                         break_on_hyphens=False)  # fmt: skip


def _number(value: float) -> str:
    return value_words(value)
