"""The text view of a harm measure's indicator (`policeplan indicator all-crime-harm-score`).

>>> print(harm_indicator_text(result))  # doctest: +SKIP
All crime (excluding anti-social behaviour): harm score (all-crime-harm-score) — essex, ...
"""

from __future__ import annotations

from policeplan.indicators import HarmIndicatorResult
from policeplan.indicators.harm_score import HarmScoreResult
from policeplan.indicators.windows import month_ranges
from policeplan.render.text._common import (
    exposure_lines,
    guide_lines,
    label_lines,
    missing_reason,
    wrapped,
)
from policeplan.render.wording import (
    PER_1000,
    SIGNIFICANCE_GUIDE,
    not_compared,
    percent_change,
    population_year,
    significance,
    warning_line,
)

__all__ = ["harm_indicator_text", "harm_line", "harm_weights_line"]


def harm_weights_line(table: str, vintage: str, mix: str) -> str:
    """'weights: ons-css (ONS CSS data tool, … late 2020), force mix: essex, …'"""
    return f"weights: {table} ({vintage}), {mix}"


def harm_line(result: HarmIndicatorResult) -> str:
    """One line for a table of measures: the harm score, per 1,000, its change and test
    (alone), and the weights."""
    now, change = result.current, result.change
    if now.total is None:
        value = "incomplete"
    else:
        rate = "" if now.per_1000 is None else f" = {now.per_1000:,.1f} {PER_1000} people"
        value = f"{now.total:,.0f}{rate}"
    tested = "not compared"
    if change is not None and change.p_value is not None:
        tested = (
            f"{percent_change(change.percent_difference)}, p = {change.p_value:.3g}: "
            f"{significance(change.significant)} (tested alone)"
        )
    weights = result.weights
    return (
        f"{result.measure}: {value}; {tested}; "
        f"{harm_weights_line(weights.table.name, weights.table.vintage, weights.mix)}"
    )


def _window_line(name: str, score: HarmScoreResult) -> str:
    label = score.window.label()
    if score.total is None:
        if score.missing_months:
            why = f"no data for {month_ranges(score.missing_months)}"
        elif score.missing_weights:
            why = f"no weight for {', '.join(score.missing_weights)}"
        else:
            why = "; ".join(score.suspect_months)
        return f"  {name:<10} {label}: incomplete ({why})"
    rate = "" if score.per_1000 is None else f" = {score.per_1000:,.1f} {PER_1000} people"
    return f"  {name:<10} {label}: {score.total:,.0f}{rate}"


def harm_indicator_text(result: HarmIndicatorResult) -> str:
    """The two windows' harm scores (and per 1,000 people), the change and its test, the
    weights used and each crime type's part."""
    area = "whole force" if result.area.is_force else result.area.label
    lines = [
        *label_lines(result.data_label),
        f"{result.title} ({result.measure}) — {result.force}, {area}, police.uk street records",
        _window_line("current", result.current),
        _window_line("comparison", result.comparison),
    ]
    change = result.change
    if change is None or change.p_value is None:
        reason = missing_reason(
            result.current.window, result.current.missing_months,
            result.comparison.window, result.comparison.missing_months,
        ) if change is None else "a window scores zero"  # fmt: skip
        lines.append(f"  change: {not_compared(reason)}")
    else:
        lines.append(
            f"  change: {change.difference:+,.0f} ({percent_change(change.percent_difference)}), "
            f"rate ratio {change.rate_ratio:.3f} (95% CI {change.rate_ratio_lower:.3f} to "
            f"{change.rate_ratio_upper:.3f}), p = {change.p_value:.3g}: "
            f"{significance(change.significant)}"
        )
        lines += exposure_lines(result.current.window, result.comparison.window)
        lines += wrapped(f"test: {change.method}; dispersion phi = {change.phi:.2f}", "  ")
        if result.caveat:
            lines += wrapped(f"caveat: {result.caveat}", "  ")
    current = result.current
    if current.population is not None and current.population_year is not None:
        lines.append(
            f"  population: {current.population:,} "
            f"({population_year(current.population_year, current.population_source)})"
        )
    weights = result.weights
    lines += wrapped(harm_weights_line(weights.table.name, weights.table.vintage, weights.mix),
                     "  ")  # fmt: skip
    parts = [
        f"{p.crime_type} {p.count:,} × {p.weight:,.2f}" if p.weight is not None
        else f"{p.crime_type} {p.count:,} × no weight"
        for p in current.by_type
    ]  # fmt: skip
    lines += wrapped("by crime type (current): " + "; ".join(parts), "  ")
    lines += [warning_line(warning) for warning in result.warnings]
    return "\n".join(lines + guide_lines(SIGNIFICANCE_GUIDE))
