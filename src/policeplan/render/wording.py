"""Every word a reader sees about a result, defined once: the text views use these now,
the HTML and spreadsheet views later.

Phrases that are also part of a JSON contract (a note, a verdict) are defined in the
library beside the value they describe and re-exported here, so there is still one
definition.

    >>> significance(True), significance(None)
    ('significant', 'not compared')
    >>> rank_phrase(4, 10)
    '4th of 10'
    >>> percent_change(-6.14)
    '-6.1%'
"""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.indicators.card_commentary import (
    CHANCE_UNLIKELY,
    CHANCE_VERY_UNLIKELY,
    NO_GROUP_DIFFERENCE,
    RULE_PHRASES,
    WITHIN_NORMAL_VARIATION_CHANGE,
    month_name,
    value_in_unit,
    value_words,
)
from policeplan.indicators.counts import SOURCE_LABELS
from policeplan.indicators.harm import NO_WEIGHTS
from policeplan.indicators.indicator import HARM_POLICE_UK_ONLY
from policeplan.stats import ABOVE_95, ABOVE_998, BELOW_95, BELOW_998
from policeplan.stats.mdc_icons import ICON_ALT_TEXT

__all__ = [
    "CHANCE_UNLIKELY",
    "CHANCE_VERY_UNLIKELY",
    "FUNNEL_GUIDE",
    "HARM_POLICE_UK_ONLY",
    "ICON_ALT_TEXT",
    "INCOMPLETE",
    "MSG_AVERAGE",
    "NOT_COMPARED",
    "NOT_SIGNIFICANT",
    "NO_GROUP_DIFFERENCE",
    "NO_WEIGHTS",
    "PER_1000",
    "RECORDS_SOLVED_GUIDE",
    "RULE_PHRASES",
    "SIGNIFICANCE_GUIDE",
    "SIGNIFICANT",
    "SOLVED_GUIDE",
    "SOURCE_LABELS",
    "SPC_GUIDE",
    "STATISTICS_DOCS",
    "TOP_QUARTILE",
    "WITHIN_NORMAL_VARIATION",
    "WITHIN_NORMAL_VARIATION_CHANGE",
    "aspiration_words",
    "count_or_incomplete",
    "funnel_position",
    "icon_text",
    "icon_words",
    "month_name",
    "msg_change_words",
    "msg_value_words",
    "not_compared",
    "offences_needed",
    "ordinal",
    "percent_change",
    "points_change",
    "population_estimate",
    "population_year",
    "q_value_note",
    "rank_phrase",
    "rank_range_phrase",
    "rule_words",
    "significance",
    "special_cause_words",
    "test_words",
    "value_words",
    "warning_line",
]

# --- Significance of a change ----------------------------------------------------------
SIGNIFICANT = "significant"
NOT_SIGNIFICANT = "not significant"
NOT_COMPARED = "not compared"
INCOMPLETE = "incomplete"
SIGNIFICANCE_GUIDE = (
    "significant = chance and the usual monthly ups and downs give this less than 1 time in 20 "
    "(p < 0.05)"
)
Q_VALUE_NOTE = (
    "Test: significant when q < 0.05 (Benjamini-Hochberg q-value across the {tests} changes "
    "tested in this table, so that about 1 in 20 of the changes called significant could be "
    "chance, not 1 in 20 of all those tested)"
)
SUSPECT_ACCEPTED = "Warning"
SOLVED_GUIDE = (
    "solved = charged or summonsed, or an out-of-court disposal (police.uk's last outcome)"
)
RECORDS_SOLVED_GUIDE = (
    "solved = charged or summonsed, or an out-of-court disposal (the outcome in the force's "
    "crime records, grouped by the mapping file)"
)
STATISTICS_DOCS = "policeplan docs statistics"

# --- Rates and groups ------------------------------------------------------------------
PER_1000 = "per 1,000"
MSG_AVERAGE = "MSG average"
TOP_QUARTILE = "top quartile"
FUNNEL_GUIDE = (
    "funnel: a rate outside its 95% limits is further from the group rate than chance would "
    "take it more than 1 time in 20; outside its 99.8% limits, 1 time in 500"
)


def homogeneity_words(p_value: float | None, method: str | None = None) -> str:
    """Whether the members differ at all, from a homogeneity test's p-value.

    >>> homogeneity_words(0.41)
    'no significant statistical difference across the MSG (p = 0.41)'
    >>> homogeneity_words(1e-9)
    'the members differ significantly (p < 0.001)'
    """
    if p_value is None:
        return "no test of whether the members differ (no interval for every member)"
    shown = "p < 0.001" if p_value < 0.001 else f"p = {p_value:.2g}"
    how = f"; {method}" if method else ""
    if p_value >= 0.05:
        return f"{NO_GROUP_DIFFERENCE} ({shown}{how})"
    return f"the members differ significantly ({shown}{how})"


def history_words(positions: Sequence[tuple[str, int | None, int]]) -> str:
    """'2025-03: 4th of 8, 2025-06: gap, …' from (quarter end, rank, of)."""
    return ", ".join(
        f"{end}: {'gap' if rank is None else rank_phrase(rank, of)}" for end, rank, of in positions
    )


# --- Statistical process control --------------------------------------------------------
WITHIN_NORMAL_VARIATION = "within normal variation"
SPC_GUIDE = (
    "common cause = within normal variation; special cause = a signal (a point beyond the "
    "limits, a run of 7 on one side of the mean, a trend of 7 rising or falling, or 2 of 3 "
    "beyond 2 sigma on one side); Making Data Count rules, docs: policeplan docs spc"
)
_FUNNEL = {
    ABOVE_998: "above its 99.8% limit",
    ABOVE_95: "above its 95% limit",
    BELOW_95: "below its 95% limit",
    BELOW_998: "below its 99.8% limit",
}


def significance(significant: bool | None) -> str:
    """'significant', 'not significant', or 'not compared' (None: no test was possible)."""
    if significant is None:
        return NOT_COMPARED
    return SIGNIFICANT if significant else NOT_SIGNIFICANT


def population_estimate(year: int, source: str | None) -> str:
    """Which population estimate a rate uses: the bundled ONS table's, or an imported one
    named by its source.

    >>> population_estimate(2024, None)
    'ONS mid-2024 estimate'
    >>> population_estimate(2025, "ONS mid-2025")
    'mid-2025 estimate imported from ONS mid-2025'
    """
    if source is None:
        return f"ONS mid-{year} estimate"
    return f"mid-{year} estimate imported from {source}"


def population_year(year: int, source: str | None) -> str:
    """The estimate's year, and where it came from when it was imported.

    >>> population_year(2024, None), population_year(2025, "ONS mid-2025")
    ('mid-2024', 'mid-2025 imported from ONS mid-2025')
    """
    return f"mid-{year}" if source is None else f"mid-{year} imported from {source}"


def not_compared(reason: str) -> str:
    """'not compared: REASON'.

    >>> not_compared("2025-03 is missing")
    'not compared: 2025-03 is missing'
    """
    return f"{NOT_COMPARED}: {reason}"


def count_or_incomplete(count: int | float | None) -> str:
    """A count with thousands separators, or 'incomplete' when the window has gaps.

    >>> count_or_incomplete(12345), count_or_incomplete(None)
    ('12,345', 'incomplete')
    """
    if count is None:
        return INCOMPLETE
    return f"{count:,.0f}" if float(count).is_integer() else f"{count:,.2f}"


def percent_change(percent: float | None) -> str:
    """A change in per cent with its sign, one decimal place ('' when there is none)."""
    return "" if percent is None else f"{percent:+.1f}%"


def points_change(points: float | None) -> str:
    """A change in percentage points with its sign.

    >>> points_change(2.5)
    '+2.5 points'
    """
    return "" if points is None else f"{points:+.1f} points"


def q_value_note(tests: int) -> str:
    """The note under a table whose verdicts are q-values.

    >>> q_value_note(15)[:60]
    'Test: significant when q < 0.05 (Benjamini-Hochberg q-value '
    """
    return Q_VALUE_NOTE.format(tests=tests)


def warning_line(warning: str) -> str:
    """'Warning: …' (suspect months accepted, populations far from the window)."""
    return f"{SUSPECT_ACCEPTED}: {warning}"


def test_words(method: str, phi: float, months: int, df: int | None, poisson_p: float) -> str:
    """How a change was tested, for the line under it.

    >>> test_words("quasi-Poisson t-test", 10.04, 36, 21, 0.0021)  # doctest: +ELLIPSIS
    'test: quasi-Poisson t-test, dispersion phi = 10.0 from 36 months (df 21); exact Poisson ...'
    """
    dispersion = f", dispersion phi = {phi:.1f} from {months} months (df {df})" if df else ""
    return f"test: {method}{dispersion}; exact Poisson p = {poisson_p:.3g}"


def rank_range_phrase(rank: int, low: int, high: int, peers: int) -> str:
    """A rank with its 95% plausible range and the peers it cannot be told from.

    >>> rank_range_phrase(4, 2, 6, 3)
    '4th (plausible range 2nd–6th; not distinguishable from 3 peers)'
    >>> rank_range_phrase(1, 1, 1, 0)
    '1st (plausible range 1st–1st; distinguishable from every peer)'
    """
    if peers == 0:
        peers_words = "distinguishable from every peer"
    else:
        peers_words = f"not distinguishable from {peers} peer{'s' if peers != 1 else ''}"
    return f"{ordinal(rank)} (plausible range {ordinal(low)}–{ordinal(high)}; {peers_words})"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']
    """
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def rank_phrase(rank: int | None, of: int) -> str:
    """'4th of 10', or 'not ranked' without a rank."""
    return "not ranked" if rank is None else f"{ordinal(rank)} of {of}"


def funnel_position(outside: str | None) -> str:
    """Where a rate lies against its funnel limits, e.g. 'above its 95% limit'."""
    return _FUNNEL.get(outside or "", "within its 95% limits")


def offences_needed(change: int) -> str:
    """'0 (already there)', '+120 offences' or '-6,428 offences'."""
    if change == 0:
        return "0 (already there)"
    return f"{change:+,} offences"


def msg_value_words(value: float | None, unit: str) -> str:
    """A card's MSG figure in its unit: '14.6%', '74.46 per 1,000 people'.

    >>> msg_value_words(14.556, "%"), msg_value_words(74.4591, "per 1,000 people")
    ('14.6%', '74.46 per 1,000 people')
    """
    return "not known" if value is None else value_in_unit(value, unit)


def msg_change_words(
    change: float | None, count: int | None, units: str | None, count_of: str | None
) -> str:
    """The change to reach an MSG figure: in its units (points for proportions) and in
    whole units of what the numerator counts.

    >>> msg_change_words(0.593, 852, "percentage points", "solved crimes")
    '+0.6 points (+852 solved crimes)'
    >>> msg_change_words(0.0, 0, "percentage points", "solved crimes")
    '0 (already there)'
    >>> msg_change_words(2.0, None, "percentage points", None)
    '+2.0 points'
    """
    if not change and not count:
        return "0 (already there)"
    if change is None:
        words = ""
    elif units == "percentage points":
        words = f"{change:+.1f} points"
    else:
        words = f"{'+' if change > 0 else '-'}{value_words(abs(change))} {units or ''}".rstrip()
    if count is not None and count_of:
        counted = f"{count:+,} {count_of}"
        words = f"{words} ({counted})" if words else counted
    return words


def aspiration_words(aspiration: str | None, met: bool | None) -> str:
    """'Aspiration (rank:4): met', or 'Aspiration: none set'."""
    if aspiration is None:
        return "Aspiration: none set"
    return f"Aspiration ({aspiration}): {'met' if met else 'not met'}"


# --- Making Data Count icons, rules and cards -------------------------------------------
# The card commentary's phrases are part of its JSON, so they live in
# `indicators/card_commentary.py` (re-exported above); these are the views' own words.
_SPECIAL_CAUSE = {
    None: "common cause",
    "improvement": "special cause improvement",
    "concern": "special cause concern",
    "neutral": "special cause (no improvement direction)",
}


# An icon in a table cell, in two or three words (its full text alternative is elsewhere).
ICON_SHORT = {
    "common_cause": "common cause",
    "improvement_high": "improvement (high)",
    "improvement_low": "improvement (low)",
    "concern_high": "concern (high)",
    "concern_low": "concern (low)",
    "neutral_high": "unusually high",
    "neutral_low": "unusually low",
    "pass": "pass",
    "fail": "fail",
    "hit_and_miss": "hit and miss",
}


def spc_short(icon: str | None, missing: str = "no SPC verdict") -> str:
    """An icon in two or three words; `missing` without one.

    >>> spc_short("improvement_low"), spc_short(None), spc_short("hit_and_miss", "-")
    ('improvement (low)', 'no SPC verdict', 'hit and miss')
    """
    return missing if icon is None else ICON_SHORT.get(icon, icon)


def icon_text(icon: str | None, reason: str | None = None) -> str:
    """An icon's text alternative, or why there is none (for readers: no internal name).

    >>> icon_text("common_cause")
    'Common cause variation: no significant change'
    """
    if icon is None:
        return f"no icon: {reason or 'none'}"
    return ICON_ALT_TEXT.get(str(icon), str(icon))


def icon_words(icon: str | None, reason: str | None = None) -> str:
    """An icon's text alternative and name, or why there is none.

    >>> icon_words("common_cause")
    'Common cause variation: no significant change [common_cause]'
    >>> icon_words(None, "only 5 months since 2025-01 (13 needed): the limits are trial")
    'no icon: only 5 months since 2025-01 (13 needed): the limits are trial'
    """
    words = icon_text(icon, reason)
    return words if icon is None else f"{words} [{icon}]"


def rule_words(rule: str) -> str:
    """An SPC rule's name in words ('two_of_three' -> 'two of three points close to a limit')."""
    return RULE_PHRASES.get(rule, rule)


def special_cause_words(special_cause: str | None) -> str:
    """'special cause improvement', 'special cause concern'… or 'common cause'."""
    return _SPECIAL_CAUSE.get(special_cause, str(special_cause))
