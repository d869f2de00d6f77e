"""An indicator card's commentary: plain-English sentences made only from its facts.

Deterministic (the same facts give the same words) and never claiming more than the
numbers: a change is "unlikely to be chance" only when its test is significant (and "very
unlikely" only when p < 0.001); a rise is never called a fall; a measure with no
improvement direction is never said to improve or deteriorate; a comparison that was not
made carries no percentage. The phrases are part of the card's JSON, so they are defined
here and re-exported by `render.wording`.

>>> from policeplan.indicators.windows import Window
>>> latest = CardLatest(Window.ending("2021-07", 12), 4_653, "offences")
>>> previous = CardComparison("previous", "the previous 12 months",
...     Window.ending("2020-07", 12), 6_374, -1_721, -27.0, 1e-40, True,
...     "significant improvement")
>>> comparison_sentence("Residential burglary", previous, latest, "down")
'Residential burglary fell by 27.0% (1,721 fewer offences) in the 12 months to July 2021 \
compared with the previous 12 months; a fall this large is very unlikely to be chance \
(an improvement).'
"""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.indicators.card_facts import CardComparison, CardLatest, CardMsg, CardSpc
from policeplan.stats.mdc_icons import ImprovementDirection
from policeplan.stats.mdc_seasonality import MONTH_NAMES

__all__ = [
    "CHANCE_UNLIKELY",
    "CHANCE_VERY_UNLIKELY",
    "NO_GROUP_DIFFERENCE",
    "RULE_PHRASES",
    "WITHIN_NORMAL_VARIATION_CHANGE",
    "card_commentary",
    "comparison_sentence",
    "month_name",
    "msg_homogeneity_sentence",
    "msg_sentence",
    "spc_sentence",
    "value_in_unit",
    "value_words",
]

CHANCE_UNLIKELY = "unlikely to be chance"
CHANCE_VERY_UNLIKELY = "very unlikely to be chance"
VERY_UNLIKELY_P = 0.001
WITHIN_NORMAL_VARIATION_CHANGE = "a change of this size is within normal variation"
NO_GROUP_DIFFERENCE = "no significant statistical difference across the MSG"
COUNTED_UNITS = ("offences", "crimes", "incidents", "casualties", "people", "arrests")
RULE_PHRASES = {
    "astronomical": "a point beyond the limits",
    "shift": "a run of points on one side of the mean",
    "trend": "a run of rising or falling points",
    "two_of_three": "two of three points close to a limit",
}
_ASPIRATION_PHRASES = {
    "msg-average": "at or better than the MSG average",
    "upper-quartile": "in the top quartile",
}


def month_name(month: str) -> str:
    """'2021-07' -> 'July 2021'.

    >>> month_name("2021-07")
    'July 2021'
    """
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


def months_phrase(months: Sequence[str]) -> str:
    """'June 2021 is missing' / 'June 2021 and July 2021 are missing' (…and N more)."""
    names = [month_name(month) for month in months[:3]]
    more = f" and {len(months) - 3} more" if len(months) > 3 else ""
    if len(names) == 1 and not more:
        return f"{names[0]} is missing"
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if not more else ", ".join(names)
    return f"{listed}{more} are missing"


def comparison_sentence(
    title: str, comparison: CardComparison, latest: CardLatest, direction: ImprovementDirection
) -> str:
    """One sentence on the latest window against `comparison`."""
    period = f"the {latest.window.length} months to {month_name(latest.window.last)}"
    if not comparison.compared:
        if latest.missing_months:
            return f"Not compared with {comparison.label}: the latest window is incomplete."
        if comparison.missing_months:
            return (
                f"Not compared with {comparison.label}: {months_phrase(comparison.missing_months)}."
            )
        if comparison.diff is not None and comparison.value is not None:
            return (
                f"{title} was {_amount(latest.value, latest.unit)} in {period} against "
                f"{_amount(comparison.value, latest.unit)} in {comparison.label}; no "
                "significance test is possible for this measure."
            )
        return f"Not compared with {comparison.label}: no figures to compare."
    diff = comparison.diff or 0.0
    if diff == 0:
        return f"{title} was unchanged in {period} compared with {comparison.label}."
    rose = diff > 0
    size = "" if comparison.pct_diff is None else f" by {abs(comparison.pct_diff):.1f}%"
    sentence = (
        f"{title} {'rose' if rose else 'fell'}{size} ({_difference(diff, latest.unit)}) "
        f"in {period} compared with {comparison.label}; "
    )
    if comparison.significant:
        chance = (
            CHANCE_VERY_UNLIKELY
            if comparison.p is not None and comparison.p < VERY_UNLIKELY_P
            else CHANCE_UNLIKELY
        )
        sentence += f"a {'rise' if rose else 'fall'} this large is {chance}"
        if direction != "neutral":
            good = rose == (direction == "up")
            sentence += f" ({'an improvement' if good else 'a deterioration'})"
    else:
        sentence += WITHIN_NORMAL_VARIATION_CHANGE
    return sentence + "."


def spc_sentence(spc: CardSpc) -> str:
    """The SPC verdict of the latest month, with the rules that fired."""
    month = month_name(spc.last)
    icon = spc.variation_icon
    if icon is None:
        return f"No SPC verdict for {month}: {spc.reason or 'no chart'}."
    if icon == "common_cause":
        return f"In SPC terms {month} is within normal variation (common cause)."
    rules = " and ".join(RULE_PHRASES.get(rule, rule) for rule in spc.rules)
    because = f" ({rules})" if rules else ""
    if icon.startswith("neutral_"):
        level = "high" if icon.endswith("high") else "low"
        return (
            f"In SPC terms {month} is unusually {level}{because}; this measure has no "
            "good or bad direction."
        )
    kind = "improvement" if icon.startswith("improvement_") else "concern"
    return f"In SPC terms {month} shows special cause {kind}{because}."


def assurance_sentence(spc: CardSpc) -> str | None:
    """Whether the process will meet its target, when there is an assurance icon."""
    if spc.assurance_icon is None or spc.target is None:
        return None
    target = f"the target of {spc.target:,g}"
    if spc.assurance_icon == "pass":
        return f"If nothing changes, every month will meet {target}."
    if spc.assurance_icon == "fail":
        return f"If nothing changes, {target} will not be met."
    return f"If nothing changes, {target} will sometimes be met and sometimes missed."


def msg_sentence(msg: CardMsg) -> str:
    """Position in the Most Similar Group, its plausible range, and the aspiration; for a
    statistic other than a crime rate also the value and the gap to the top quartile.

    >>> msg = CardMsg("Essex", 3, 8, (3, 3), None, 13.9, 15.2, 0, 852, "upper-quartile",
    ...     False, (), statistic="solved-rate", value=14.556, unit="%",
    ...     change_to_top_quartile_value=0.593, change_units="percentage points",
    ...     change_count_of="solved crimes")
    >>> msg_sentence(msg)
    'Essex is 3rd of 8 in its Most Similar Group at 14.6% (plausibly 3rd–3rd); 0.6 points \
(852 solved crimes) below the top quartile; the aspiration (in the top quartile) is not met.'
    """
    sentence = f"{msg.force_name} is {_ordinal(msg.position)} of {msg.of} in its Most Similar Group"
    if msg.statistic != "rate":
        return _value_msg_sentence(msg, sentence)
    if msg.rank_range is not None and msg.rank_range[0] != msg.rank_range[1]:
        low, high = msg.rank_range
        sentence += f" (plausibly anywhere from {_ordinal(low)} to {_ordinal(high)})"
    return sentence + _aspiration_clause(msg) + "."


def _value_msg_sentence(msg: CardMsg, sentence: str) -> str:
    if msg.best_end == "lowest":
        # The reference update's own convention for a down-is-good measure.
        from_top = msg.of + 1 - msg.position
        sentence += (
            f" (ranked from the highest value: {_ordinal(from_top)}, where "
            f"{_ordinal(msg.of)} is best)"
        )
    if msg.value is not None:
        sentence += f" at {value_in_unit(msg.value, msg.unit)}"
    notes = []
    if msg.last_data_to is not None:
        notes.append(f"last data to {month_name(msg.last_data_to)}")
    if msg.rank_range is not None:
        low, high = msg.rank_range
        notes.append(f"plausibly {_ordinal(low)}–{_ordinal(high)}")
    if notes:
        sentence += f" ({'; '.join(notes)})"
    gap = msg.change_to_top_quartile_value
    if gap is not None and msg.value is not None:
        sentence += "; " + _gap_phrase(msg, gap)
    return sentence + _aspiration_clause(msg) + "."


def msg_homogeneity_sentence(msg: CardMsg) -> str | None:
    """The reference update's words when the members do not differ beyond chance."""
    if msg.forces_differ is not False or msg.homogeneity_p is None:
        return None
    return f"There is {NO_GROUP_DIFFERENCE} (p = {msg.homogeneity_p:.2g})."


def _gap_phrase(msg: CardMsg, gap: float) -> str:
    """'0.6 points (852 solved crimes) below the top quartile', or 'in the top quartile'."""
    if gap == 0:
        return "in the top quartile"
    points = msg.is_proportion
    size = f"{abs(gap):.1f} points" if points else value_in_unit(abs(gap), msg.unit)
    count = msg.change_to_top_quartile
    if count is not None and msg.change_count_of:
        # An unnamed numerator ("in the numerator") needs more or fewer to read.
        more = "" if not msg.change_count_of.startswith("in ") else (
            "more " if count > 0 else "fewer ")  # fmt: skip
        size += f" ({abs(count):,} {more}{msg.change_count_of})"
    return f"{size} {'below' if gap > 0 else 'above'} the top quartile"


def value_in_unit(value: float, unit: str) -> str:
    """'14.6%' in per cent, else the value in words and its unit."""
    if unit == "%":
        return f"{value:.1f}%"
    return f"{value_words(value)} {unit}"


def _aspiration_clause(msg: CardMsg) -> str:
    if msg.aspiration is None or msg.aspiration_met is None:
        return ""
    return (
        f"; the aspiration ({_aspiration(msg.aspiration)}) is "
        f"{'met' if msg.aspiration_met else 'not met'}"
    )


def card_commentary(
    title: str,
    latest: CardLatest | None,
    comparisons: Sequence[CardComparison],
    spc: CardSpc | None,
    msg: CardMsg | None,
    direction: ImprovementDirection,
) -> tuple[str, ...]:
    """Every sentence of a card, in reading order: changes, SPC, target, MSG."""
    sentences: list[str] = []
    if latest is not None:
        sentences += [comparison_sentence(title, c, latest, direction) for c in comparisons]
    if spc is not None:
        sentences.append(spc_sentence(spc))
        if spc.seasonal_note and spc.special_cause is not None:
            sentences.append(spc.seasonal_note)
        assurance = assurance_sentence(spc)
        if assurance:
            sentences.append(assurance)
    if msg is not None:
        sentences.append(msg_sentence(msg))
        homogeneity = msg_homogeneity_sentence(msg)
        if homogeneity:
            sentences.append(homogeneity)
    return tuple(sentences)


def _difference(diff: float, unit: str) -> str:
    more = "more" if diff > 0 else "fewer"
    if unit in COUNTED_UNITS:
        if float(diff).is_integer():
            return f"{abs(diff):,.0f} {more} {unit}"
        # Windows of different lengths are compared on daily rates: the difference is the
        # current window's count less the comparison rate over the current window's days.
        return f"about {abs(diff):,.0f} {more} {unit}, allowing for the windows' lengths"
    if unit == "%":
        return f"{'up' if diff > 0 else 'down'} {abs(diff):.1f} points"
    return f"{'up' if diff > 0 else 'down'} {value_words(abs(diff))} {unit}"


def value_words(value: float) -> str:
    """A card's value: whole numbers (and anything of 1,000 or more, such as a harm score)
    with thousands separators, others to four significant figures.

    >>> value_words(12345), value_words(12501144.6), value_words(67.45)
    ('12,345', '12,501,145', '67.45')
    """
    if float(value).is_integer() or abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:,.4g}"


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "not known"
    return value_in_unit(value, unit)


def _aspiration(aspiration: str) -> str:
    if aspiration.startswith("rank:"):
        return f"{_ordinal(int(aspiration[5:]))} or better"
    return _ASPIRATION_PHRASES.get(aspiration, aspiration)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"
