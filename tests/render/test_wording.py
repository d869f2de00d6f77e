"""Wording defined once: the phrases every view uses."""

from __future__ import annotations

import pytest

from policeplan.render import wording


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (42, "42nd"), (111, "111th"), (123, "123rd")],
)  # fmt: skip
def test_ordinal_follows_english_rules(number: int, expected: str) -> None:
    assert wording.ordinal(number) == expected


def test_rank_phrase_says_place_and_group_size() -> None:
    assert wording.rank_phrase(4, 10) == "4th of 10"
    assert wording.rank_phrase(None, 10) == "not ranked"


def test_significance_has_three_answers() -> None:
    assert [wording.significance(v) for v in (True, False, None)] == [
        "significant",
        "not significant",
        "not compared",
    ]


def test_funnel_position_names_the_limit_breached() -> None:
    assert wording.funnel_position("above 99.8") == "above its 99.8% limit"
    assert wording.funnel_position(None) == "within its 95% limits"


def test_offences_needed_signs_the_change() -> None:
    assert wording.offences_needed(0) == "0 (already there)"
    assert wording.offences_needed(-6428) == "-6,428 offences"
    assert wording.offences_needed(120) == "+120 offences"


def test_guides_fit_on_one_line_where_they_can() -> None:
    assert len(wording.SIGNIFICANCE_GUIDE) <= 100
    assert len(wording.SOLVED_GUIDE) <= 100
    assert "1 time in 20" in wording.SIGNIFICANCE_GUIDE
