"""The text view of a Making Data Count chart (`policeplan spc`): the icons and verdict in
words, then each month with its value, the mean and limits that apply, and the signals.

    >>> print(spc_text(result))  # doctest: +SKIP
    Burglary (burglary) — essex, whole force: 2024-01 to 2025-12, improvement direction down
    ...
"""

from __future__ import annotations

from policeplan.indicators import SpcResult
from policeplan.render.text._common import guide_lines, label_lines, wrapped
from policeplan.render.wording import SPC_GUIDE, icon_words, rule_words, special_cause_words

__all__ = ["spc_text"]


def spc_text(result: SpcResult) -> str:
    """The chart as a table a reader can follow, with the verdict first."""
    chart = result.chart
    title = f"{result.title} ({result.measure})" if result.title else result.measure
    area = "whole force" if result.area.is_force else result.area.label
    lines = [
        *label_lines(result.data_label),
        f"{title} — {result.force}, {area}: {result.window.label()}, "
        f"improvement direction {chart.direction}",
        f"Latest point: {icon_words(chart.variation_icon, chart.reason)}",
    ]
    if chart.target is not None:
        lines.append(
            f"Target {chart.target:,g}: {icon_words(chart.assurance_icon, chart.assurance_reason)}"
        )
    if result.seasonal_note:
        lines += wrapped(result.seasonal_note)
        if result.same_month:
            earlier = ", ".join(
                f"{month} {'missing' if value is None else f'{value:,.0f}'}"
                for month, value in result.same_month
            )
            lines.append(f"  Same month in earlier years: {earlier}")
    lines += ["", f"  {'Month':<8} {'Value':>9} {'Mean':>10} {'Lower':>10} {'Upper':>10}  Signal"]
    for point in chart.points:
        signal = ""
        if point.rules:
            signal = (
                f"{special_cause_words(point.special_cause)}: "
                f"{', '.join(rule_words(rule) for rule in point.rules)}"
            )
        lines.append(
            f"  {point.month:<8} {_number(point.value, 0):>9} {_number(point.mean, 1):>10} "
            f"{_number(point.lower, 1):>10} {_number(point.upper, 1):>10}  {signal}".rstrip()
        )
    if len(chart.groups) > 1 or chart.baseline_points:
        lines.append("")
        for group in chart.groups:
            why = f" ({group.rebase_reason})" if group.rebase_reason else ""
            lines.append(
                f"Limits from {group.first} to {group.last} computed from "
                f"{group.baseline_first} to {group.baseline_last}{why}"
            )
    return "\n".join(lines + guide_lines(SPC_GUIDE))


def _number(value: float | None, decimals: int) -> str:
    return "missing" if value is None else f"{value:,.{decimals}f}"
