"""The text view of an XmR chart (`policeplan spc`): the verdict in words, then each month
with its value, the mean and limits that apply, and the signals found.

    >>> print(spc_text(result))  # doctest: +SKIP
    Burglary (burglary) — essex, whole force: 2024-01 to 2025-12, good direction down
    ...
"""

from __future__ import annotations

from policeplan.indicators import SpcResult
from policeplan.render.text._common import guide_lines, label_lines
from policeplan.render.wording import SPC_GUIDE, variation_words

__all__ = ["spc_text"]


def spc_text(result: SpcResult) -> str:
    """The chart as a table a reader can follow, with the verdict first."""
    chart = result.chart
    months = result.window.months
    title = f"{result.title} ({result.measure})" if result.title else result.measure
    area = "whole force" if result.area.is_force else result.area.label
    direction = chart.direction or "none given"
    lines = [
        *label_lines(result.data_label),
        f"{title} — {result.force}, {area}: {result.window.label()}, good direction {direction}",
        f"Latest point: {variation_words(chart.variation)}",
        "",
        f"  {'Month':<8} {'Value':>9} {'Mean':>10} {'Lower':>10} {'Upper':>10}  Signal",
    ]
    for point in chart.points:
        signal = ""
        if point.flags:
            signal = f"{variation_words(point.variation)}: {', '.join(point.flags)}"
        lines.append(
            f"  {months[point.index]:<8} {point.value:>9,.0f} {point.mean:>10,.1f} "
            f"{point.lower:>10,.1f} {point.upper:>10,.1f}  {signal}".rstrip()
        )
    if len(chart.segments) > 1:
        lines.append("")
        for segment in chart.segments:
            lines.append(
                f"Limits from {months[segment.start]} to {months[segment.end - 1]} computed "
                f"from {months[segment.baseline_start]} to {months[segment.baseline_end - 1]}"
            )
    return "\n".join(lines + guide_lines(SPC_GUIDE))
