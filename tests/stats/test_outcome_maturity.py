"""Solved rates of windows with outcomes of different maturity are not compared (#8 item 2)."""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from policeplan.reference.outcomes import outcome_groups
from policeplan.stats.outcome_maturity import OPEN_OUTCOMES, compare_outcome_maturity


def test_open_outcomes_are_the_unsolved_groups_that_can_still_change() -> None:
    open_groups = {"under_investigation", "status_unknown"}
    expected = {o.label for o in outcome_groups() if o.group in open_groups}
    assert expected | {""} == OPEN_OUTCOMES
    assert not any(o.solved for o in outcome_groups() if o.label in OPEN_OUTCOMES)


UNDER = "Under investigation"


@pytest.mark.parametrize(
    ("current", "comparison", "comparable", "reason"),
    [
        ({"Under investigation": 40, "x": 960}, {"x": 1000}, True, None),
        ({"Under investigation": 60, "x": 940}, {"x": 1000}, False, "different maturity"),
        ({"Under investigation": 90, "x": 910}, {"Under investigation": 60, "x": 940}, True, None),
        ({UNDER: 110, "x": 890}, {UNDER: 80, "x": 920}, False, "not yet settled"),
        ({None: 30, "Status update unavailable": 31, "x": 939}, {"x": 1000}, False, "6.1%"),
        ({"Awaiting court outcome": 300, "x": 700}, {"x": 1000}, True, None),
    ],
)  # fmt: skip
def test_thresholds(
    current: dict[str | None, int],
    comparison: dict[str | None, int],
    comparable: bool,
    reason: str | None,
) -> None:
    found = compare_outcome_maturity(current, comparison)

    assert found.comparable is comparable
    if reason is None:
        assert found.reason is None
    else:
        assert found.reason is not None and reason in found.reason


def test_exactly_five_points_apart_is_still_comparable() -> None:
    found = compare_outcome_maturity({"Under investigation": 5, "x": 95}, {"x": 100})
    assert found.comparable and found.difference_points == 5.0


def test_a_window_without_crimes_is_not_compared() -> None:
    found = compare_outcome_maturity({}, {"x": 3})
    assert not found.comparable and found.current_open_share is None


def _essex_outcomes(shared_data: Path, year: int) -> Counter[str | None]:
    outcomes: Counter[str | None] = Counter()
    for month in range(1, 5):
        path = shared_data / "police_uk" / "essex" / f"{year}-{month:02d}-essex-street.csv.gz"
        with gzip.open(path, "rt", encoding="utf-8-sig") as handle:
            next(handle)
            for line in handle:
                fields = line.rstrip("\r\n").split(",")
                if fields[9] != "Anti-social behaviour":
                    outcomes[fields[10]] += 1
    return outcomes


@pytest.mark.realdata
def test_essex_jan_apr_2024_and_2025_are_of_different_vintages(shared_data: Path) -> None:
    then, now = _essex_outcomes(shared_data, 2024), _essex_outcomes(shared_data, 2025)
    assert then["Under investigation"] / sum(then.values()) == pytest.approx(0.267, abs=5e-4)
    assert now["Under investigation"] == 0

    found = compare_outcome_maturity(now, then)

    assert not found.comparable
    assert found.reason is not None and "different maturity" in found.reason
    assert found.comparison_open_share == pytest.approx(0.267, abs=5e-4)
    assert found.current_open_share == pytest.approx(0.032, abs=5e-4)
