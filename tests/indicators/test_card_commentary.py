"""The card's commentary never claims more than its facts: checked over many generated
cases (a seeded random generator, so every run checks the same cases) and on examples."""

from __future__ import annotations

import random
import re

import pytest

from policeplan.indicators.card_commentary import (
    CHANCE_UNLIKELY,
    comparison_sentence,
    msg_sentence,
    spc_sentence,
)
from policeplan.indicators.card_facts import (
    CardComparison,
    CardLatest,
    CardMsg,
    CardSpc,
    change_verdict,
)
from policeplan.indicators.windows import Window
from policeplan.stats.mdc_icons import ImprovementDirection

DIRECTIONS: tuple[ImprovementDirection, ...] = ("up", "down", "neutral")
CASES = 3_000


def generated_case(
    rng: random.Random,
) -> tuple[CardComparison, CardLatest, ImprovementDirection]:
    direction = rng.choice(DIRECTIONS)
    months = rng.choice((3, 6, 12))
    window = Window.ending(f"20{rng.randint(19, 25)}-{rng.randint(1, 12):02d}", months)
    unit = rng.choice(("offences", "incidents", "seconds", "per cent"))
    missing_latest = tuple(window.months[:1]) if rng.random() < 0.1 else ()
    other = window.previous()
    missing_other = tuple(other.months[-2:]) if rng.random() < 0.1 else ()
    value = float(rng.randint(0, 5_000)) if unit != "per cent" else round(rng.random() * 100, 2)
    earlier = float(rng.randint(0, 5_000)) if unit != "per cent" else round(rng.random() * 100, 2)
    compared = not (missing_latest or missing_other) and rng.random() > 0.05
    diff = value - earlier if compared else None
    pct = None
    if diff is not None and earlier:
        pct = round(diff * 100 / earlier, 1)
    p = rng.choice((1e-12, 0.0004, 0.003, 0.049, 0.05, 0.2, 0.9)) if compared else None
    significant = None if p is None else p < 0.05
    comparison = CardComparison(
        "previous",
        f"the previous {months} months",
        other,
        None if missing_other else earlier,
        diff,
        pct,
        p,
        significant,
        change_verdict(diff, significant, direction),
        missing_other,
    )
    latest = CardLatest(window, None if missing_latest else value, unit,
                        missing_months=missing_latest)  # fmt: skip
    return comparison, latest, direction


def all_cases() -> list[tuple[CardComparison, CardLatest, ImprovementDirection]]:
    rng = random.Random(20_251_130)
    return [generated_case(rng) for _ in range(CASES)]


def test_unlikely_to_be_chance_exactly_when_significant() -> None:
    for comparison, latest, direction in all_cases():
        sentence = comparison_sentence("Burglary", comparison, latest, direction)
        claims_signal = CHANCE_UNLIKELY in sentence
        assert claims_signal == (comparison.significant is True and comparison.diff != 0), sentence


def test_direction_words_match_the_sign_of_the_change() -> None:
    for comparison, latest, direction in all_cases():
        sentence = comparison_sentence("Burglary", comparison, latest, direction)
        if not comparison.compared or not comparison.diff:
            continue
        if comparison.diff > 0:
            assert " rose" in sentence and " fell" not in sentence and "fewer" not in sentence
        else:
            assert " fell" in sentence and " rose" not in sentence and " more " not in sentence
        if comparison.pct_diff is not None:
            assert f"{abs(comparison.pct_diff):.1f}%" in sentence


def test_no_improvement_words_without_an_improvement_direction() -> None:
    for comparison, latest, direction in all_cases():
        sentence = comparison_sentence("Burglary", comparison, latest, direction).lower()
        if direction == "neutral":
            assert "improv" not in sentence and "deteriorat" not in sentence, sentence


def test_improvement_only_when_significant_and_in_the_good_direction() -> None:
    for comparison, latest, direction in all_cases():
        sentence = comparison_sentence("Burglary", comparison, latest, direction)
        if "an improvement" in sentence:
            assert comparison.significant and comparison.diff is not None
            assert (comparison.diff > 0) == (direction == "up")
        if "a deterioration" in sentence:
            assert comparison.significant and comparison.diff is not None
            assert (comparison.diff > 0) == (direction == "down")


def test_a_comparison_not_made_never_has_a_percentage() -> None:
    seen = 0
    for comparison, latest, direction in all_cases():
        if comparison.compared:
            continue
        seen += 1
        sentence = comparison_sentence("Burglary", comparison, latest, direction)
        assert "%" not in sentence, sentence
        assert CHANCE_UNLIKELY not in sentence
    assert seen > 100


def test_missing_months_are_named_in_the_not_compared_sentence() -> None:
    window = Window.ending("2021-07", 12)
    comparison = CardComparison("previous", "the previous 12 months", window.previous(), None,
                                None, None, None, None, "not compared", ("2020-06",))  # fmt: skip
    latest = CardLatest(window, 4_653.0, "offences")
    assert comparison_sentence("Burglary", comparison, latest, "down") == (
        "Not compared with the previous 12 months: June 2020 is missing."
    )


def test_the_issue_example_sentence() -> None:
    window = Window.ending("2021-07", 12)
    comparison = CardComparison("previous", "the previous 12 months", window.previous(), 6_374,
                                -1_721, -27.0, 1e-30, True, "significant improvement")  # fmt: skip
    sentence = comparison_sentence(
        "Residential burglary", comparison, CardLatest(window, 4_653, "offences"), "down"
    )
    assert sentence.startswith(
        "Residential burglary fell by 27.0% (1,721 fewer offences) in the 12 months to July "
        "2021 compared with the previous 12 months; a fall this large is very unlikely to be "
        "chance"
    )


def test_a_change_that_is_not_significant_is_within_normal_variation() -> None:
    window = Window.ending("2021-07", 12)
    comparison = CardComparison("previous", "the previous 12 months", window.previous(), 100,
                                4, 4.0, 0.7, False, "no significant change")  # fmt: skip
    sentence = comparison_sentence("Robbery", comparison, CardLatest(window, 104, "offences"), "up")
    assert sentence.endswith("a change of this size is within normal variation.")
    assert "improv" not in sentence


@pytest.mark.parametrize(
    ("icon", "words"),
    [
        ("common_cause", "within normal variation (common cause)"),
        ("improvement_low", "special cause improvement (a point beyond the limits)"),
        ("concern_high", "special cause concern (a point beyond the limits)"),
        ("neutral_high", "unusually high (a point beyond the limits)"),
    ],
)
def test_spc_sentence_names_the_icon_and_the_rule(icon: str, words: str) -> None:
    rules = () if icon == "common_cause" else ("astronomical",)
    spc = CardSpc("2019-01", "2021-07", icon, None, None, None, rules, None, None)
    sentence = spc_sentence(spc)
    assert words in sentence
    if icon.startswith("neutral"):
        assert not re.search("improv|deteriorat|concern", sentence)


def test_spc_sentence_without_an_icon_says_why() -> None:
    spc = CardSpc("2025-01", "2025-06", None, None, "only 6 months since 2025-01 (13 needed): "
                  "the limits are trial", None, (), None, None)  # fmt: skip
    assert spc_sentence(spc) == (
        "No SPC verdict for June 2025: only 6 months since 2025-01 (13 needed): the limits "
        "are trial."
    )


def test_msg_sentence_gives_the_range_and_the_aspiration() -> None:
    msg = CardMsg("Essex", 5, 10, (4, 6), 70.0, 72.0, 65.0, 0, -7_000, "rank:4", False,
                  (6,) * 11 + (5,))  # fmt: skip
    assert msg_sentence(msg) == (
        "Essex is 5th of 10 in its Most Similar Group (plausibly anywhere from 4th to 6th); "
        "the aspiration (4th or better) is not met."
    )
