"""The text view of one indicator (`policeplan indicator`).

>>> print(indicator_text(result))  # doctest: +SKIP
Burglary (burglary) — essex, whole force, police.uk street records
...
"""

from __future__ import annotations

from policeplan.indicators import (
    HarmIndicatorResult,
    IndicatorResult,
    LoadedIndicatorResult,
    LoadedWindow,
    WindowCount,
)
from policeplan.indicators.counts import SOURCE_LABELS
from policeplan.indicators.indicator import solved_gap
from policeplan.indicators.loaded_measures import MEAN, RATE, SUM
from policeplan.indicators.records_counts import RECORDS
from policeplan.indicators.windows import month_ranges
from policeplan.render.text._common import (
    exposure_lines,
    guide_lines,
    incomplete_reason,
    label_lines,
    missing_reason,
    wrapped,
)
from policeplan.render.text.harm import harm_indicator_text
from policeplan.render.wording import (
    PER_1000,
    RECORDS_SOLVED_GUIDE,
    SIGNIFICANCE_GUIDE,
    SOLVED_GUIDE,
    count_or_incomplete,
    not_compared,
    percent_change,
    points_change,
    population_year,
    significance,
    test_words,
    warning_line,
)

__all__ = ["indicator_text"]


def indicator_text(
    result: IndicatorResult | LoadedIndicatorResult | HarmIndicatorResult,
) -> str:
    """An indicator as lines a reader can follow: the two windows, the change with its
    rate ratio and test, the rate, the solved rate and its change, the harm score."""
    if isinstance(result, HarmIndicatorResult):
        return harm_indicator_text(result)
    if isinstance(result, LoadedIndicatorResult):
        return "\n".join(_loaded_lines(result))
    return "\n".join(_crime_lines(result))


def _area(label: str) -> str:
    return "whole force" if label == "force" else label


def _window_line(name: str, counted: WindowCount) -> str:
    missing = ""
    if counted.missing_months:
        missing = f" (no data for {month_ranges(counted.missing_months)})"
    elif counted.incomplete_reason:
        missing = f" ({counted.incomplete_reason})"
    return f"  {name:<10} {counted.window.label()}: {count_or_incomplete(counted.count)}{missing}"


def _crime_lines(result: IndicatorResult) -> list[str]:
    title = f"{result.title} ({result.measure})" if result.title else result.measure
    lines = [
        *label_lines(result.data_label),
        f"{title} — {result.force}, {_area(result.area.label)}, "
        f"{SOURCE_LABELS.get(result.source, result.source)}",
        _window_line("current", result.current),
        _window_line("comparison", result.comparison),
    ]
    change = result.change
    if change is None:
        reason = incomplete_reason(result.current, result.comparison)
        lines += wrapped(f"change: {not_compared(reason)}", "  ")
    else:
        percent = (
            ""
            if change.percent_difference is None
            else (f" ({percent_change(float(change.percent_difference))})")
        )
        lines.append(
            f"  change: {change.difference:+,.0f}{percent}, p = {change.p_value:.3g}: "
            f"{significance(change.significant)}"
        )
        lines += exposure_lines(result.current.window, result.comparison.window)
        lines.append(f"  rate ratio (current ÷ comparison): {_ratio(change.rate_ratio)} "
                     f"(95% CI {_ratio(change.rate_ratio_lower)} to "
                     f"{_ratio(change.rate_ratio_upper)})")  # fmt: skip
        test = change.test
        lines += wrapped(
            test_words(test.method, test.phi, test.months_used, test.degrees_of_freedom,
                       test.poisson_p_value), "  ")  # fmt: skip
        if test.caveat:
            lines += wrapped(f"caveat: {test.caveat}", "  ")
    if result.rate_per_1000 is not None and result.population is not None:
        lines += wrapped(
            f"rate: {result.rate_per_1000:.2f} {PER_1000} people over the current window "
            f"(population {result.population.population:,}, "
            f"{population_year(result.population.year, result.population.source)}, "
            f"{result.population.basis})",
            "  ",
        )
    solved = result.solved
    if solved is not None and solved.proportion is not None:
        lines.append(
            f"  solved: {solved.successes:,} = {solved.proportion:.1%} "
            f"(95% CI {_percent(solved.lower)} to {_percent(solved.upper)})"
        )
    lines += _records_lines(result)
    solved_change = result.solved_change
    if solved_change is not None and solved_change.comparison.proportion is not None:
        points = solved_change.points_difference
        lines.append(
            f"  solved change: {points_change(None if points is None else float(points))} "
            f"against {solved_change.comparison.proportion:.1%}, "
            f"p = {solved_change.p_value:.3g}: {significance(solved_change.significant)}"
        )
    maturity = result.solved_maturity
    before = result.solved_comparison
    if maturity is not None and not maturity.comparable:
        against = ""
        gap = solved_gap(solved, before)
        if gap is not None and before is not None and before.proportion is not None:
            against = f"{points_change(gap)} against {before.proportion:.1%}, "
        lines += wrapped(f"solved change: {against}not tested: {maturity.reason}", "  ")
    lines.append(f"  harm score: {_harm(result)}")
    lines += [warning_line(warning) for warning in result.warnings]
    guides = [SIGNIFICANCE_GUIDE]
    if solved is not None:
        guides.append(RECORDS_SOLVED_GUIDE if result.source == RECORDS else SOLVED_GUIDE)
    return lines + guide_lines(*guides)


def _records_lines(result: IndicatorResult) -> list[str]:
    """Crime records only: solved by outcome date, repeat victims and locations."""
    lines = []
    by_outcome = result.solved_by_outcome_date
    if by_outcome is not None:
        lines.append(
            f"  solved by outcome date: {by_outcome['count']:,} with a solved outcome dated in "
            f"the window ({by_outcome['rate']:.1%} of its records)"
        )
    for repeats in result.repeats:
        lines.append(
            f"  repeat {repeats.key}s: {repeats.repeat_keys:,} on more than one record "
            f"({repeats.repeat_records:,} of the {repeats.records_with_key:,} records with a "
            f"{repeats.key} key)"
        )
    return lines


def _harm(result: IndicatorResult) -> str:
    note = result.harm_note
    if note is not None:
        return note
    assert result.harm is not None  # harm_note is None only with a score
    if result.harm.score is None:
        return "window incomplete"
    unweighted = ""
    if result.harm.unweighted_types:
        unweighted = f"; not weighted: {', '.join(result.harm.unweighted_types)}"
    return f"{result.harm.score:,.0f} (weights {result.harm.version}{unweighted})"


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


_COMBINED = {SUM: "sum", RATE: "pooled rate", MEAN: "mean"}


def _loaded_window_line(name: str, window: LoadedWindow) -> str:
    if window.value is None:
        return (
            f"  {name:<10} {window.window.label()}: incomplete "
            f"(no data for {month_ranges(window.missing_months)})"
        )
    unit = f" {window.unit}" if window.unit else ""
    how = _COMBINED.get(window.combined_as or "", window.combined_as or "")
    periods = ", ".join(window.periods)
    return (
        f"  {name:<10} {window.window.label()}: {_value(window.value)}{unit} ({how} of {periods})"
    )


def _value(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def _loaded_lines(result: LoadedIndicatorResult) -> list[str]:
    lines = [
        *label_lines(result.data_label),
        f"{result.measure} — {result.force} ({result.area}, loaded measure)",
        _loaded_window_line("current", result.current),
        _loaded_window_line("comparison", result.comparison),
    ]
    change = result.change
    if change.diff is None:
        if result.current.value is None or result.comparison.value is None:
            reason = missing_reason(
                result.current.window,
                result.current.missing_months,
                result.comparison.window,
                result.comparison.missing_months,
            )
        else:
            reason = "the two windows are combined differently"
        lines.append(f"  change: {not_compared(reason)}")
        return lines
    percent = "" if change.pct_diff is None else f" ({percent_change(change.pct_diff)})"
    test = "no significance test for averaged values"
    if change.p_value is not None:
        test = f"p = {change.p_value:.3g}: {significance(change.significant)}"
    lines.append(f"  change: {change.diff:+,.4g}{percent}, {test}")
    return lines + guide_lines(SIGNIFICANCE_GUIDE)
