"""The text view of a Most Similar Group comparison (`policeplan msg`): the ranked table,
the MSG average, the top quartile, the change needed to reach each, the aspiration, the
funnel's verdict and the sparkline of positions.

    >>> print(msg_text(comparison))  # doctest: +SKIP
    All crime (excluding anti-social behaviour): Essex and its Most Similar Group
    ...
"""

from __future__ import annotations

from fractions import Fraction

from policeplan.indicators import MsgComparison
from policeplan.indicators.counts import SOURCE_LABELS
from policeplan.render.text._common import guide_lines, label_lines, wrapped
from policeplan.render.text.msg_values import positions_line
from policeplan.render.wording import (
    FUNNEL_GUIDE,
    MSG_AVERAGE,
    PER_1000,
    TOP_QUARTILE,
    aspiration_words,
    funnel_position,
    homogeneity_words,
    offences_needed,
    population_estimate,
    rank_phrase,
    rank_range_phrase,
    warning_line,
)

__all__ = ["msg_summary", "msg_text"]


def msg_text(result: MsgComparison) -> str:
    """The comparison as a readable table and summary lines."""
    name = result.force.short_name
    member = result.force_member
    better = "lower" if result.direction == "down" else "higher"
    judged = f"{better} is better"
    if result.neutral:
        judged = "no good direction (counts mostly measure police activity): ranked lowest first"
    outside = {f.name: f.outside for f in result.funnel.members}
    lines = [
        *label_lines(result.data_label),
        f"{result.measure.title}: {name} and its Most Similar Group",
        f"{result.window.label()} ({SOURCE_LABELS[result.source]}); population: "
        f"{population_estimate(member.population.year, member.population.source)}; {judged}",
        "",
        f"{'Rank':>4}  {'Range':<7} {'Force':<20} {'Count':>9} {'Population':>11} "
        f"{'Per 1,000':>10}  Funnel",
    ]
    for row in result.members:
        marker = "*" if row.force.slug == result.force.slug else " "
        span = "" if row.rank_range is None else (
            f"{row.rank_range.rank_lower}–{row.rank_range.rank_upper}")  # fmt: skip
        lines.append(
            f"{row.rank:>4}{marker} {span:<7} {row.force.short_name:<20} {row.count:>9,} "
            f"{row.population.population:>11,} {_rate(row.rate):>10}  "
            f"{funnel_position(outside[row.force.slug])}"
        )
    summary = msg_summary(result)
    lines.append("")
    for sentence in summary:
        lines += wrapped(sentence)
    return "\n".join(lines + guide_lines(FUNNEL_GUIDE))


def msg_summary(result: MsgComparison) -> list[str]:
    """The summary sentences under the table: average, top quartile, position and its
    range, changes needed, aspiration, funnel, positions, homogeneity, exclusions."""
    name = result.force.short_name
    member = result.force_member
    better = "lower" if result.direction == "down" else "higher"
    size = len(result.members)
    random_effects = result.random_effects
    own_random = next(m.outside for m in random_effects.members if m.name == result.force.slug)
    return [
        f"{MSG_AVERAGE}: {_rate(result.msg_average)} {PER_1000} ({result.msg_average_note})",
        f"{TOP_QUARTILE.capitalize()}: rank {result.top_quartile_rank} or better, "
        f"{_rate(result.top_quartile_rate)} {PER_1000} or {better}",
        f"{name}: {rank_phrase(member.rank, size)}, {_rate(member.rate)} {PER_1000}",
        *_rank_range(result),
        f"Change to reach the {MSG_AVERAGE}: {offences_needed(result.change_to_average)}"
        + _solved_note(result),
        f"Pooled group rate (total offences / total population): "
        f"{_rate(result.msg_pooled_rate)} {PER_1000}; change to reach it: "
        f"{offences_needed(result.change_to_pooled_rate)}",
        *([f"{name}: {result.targets.note}"] if result.targets.note else []),
        f"Change to reach the {TOP_QUARTILE}: {offences_needed(result.change_to_top_quartile)}",
        aspiration_words(result.aspiration, result.aspiration_met),
        f"Funnel: group rate {_rate(result.funnel.group_rate)} {PER_1000}; {name} is "
        + funnel_position(result.force_funnel.outside),
        result.significance_note,
        f"Allowing for the usual spread between forces (random-effects funnel, tau "
        f"{_rate(random_effects.tau_per_1000)} {PER_1000}): {name} is "
        + funnel_position(own_random),
        "Positions over the last 12 windows (oldest first): "
        + " ".join("·" if p.rank is None else str(p.rank) for p in result.positions),
        *([positions_line(result.history)] if result.history else []),
        "Do the members differ? " + homogeneity_words(result.dispersion.p_value),
        *(f"Excluded: {e.force.short_name}: {e.reason}" for e in result.excluded),
        *(f"Caveat: {c}" for c in result.caveats),
        *(warning_line(w) for w in result.warnings),
    ]


def _rank_range(result: MsgComparison) -> list[str]:
    """'Rank: 4th (plausible range 3rd–4th; not distinguishable from 1 peer)' and how."""
    found = result.force_member.rank_range
    if found is None or result.rank_uncertainty is None:
        return []
    how = result.rank_uncertainty
    phrase = rank_range_phrase(
        found.rank, found.rank_lower, found.rank_upper, found.indistinguishable
    )
    return [f"Rank: {phrase} ({how.method}, {how.draws:,} draws, seed {how.seed})"]


def _solved_note(result: MsgComparison) -> str:
    """Why the change to the average differs from the gap to the average as it stands."""
    if result.change_to_average == 0:
        return ""
    return (
        f" (solved: {result.force.short_name}'s rate then equals the average recomputed "
        "with that change, since the average includes it; the gap to the average as it "
        f"stands is {offences_needed(result.change_to_average_naive)})"
    )


def _rate(rate: Fraction | float) -> str:
    """A rate per 1,000 to one decimal place, or to three significant figures below 1
    (homicide: 0.0137, not 0.0)."""
    value = float(rate)
    return f"{value:.1f}" if abs(value) >= 1 or value == 0 else f"{value:.3g}"
