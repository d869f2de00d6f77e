"""The "No Location" share differing between windows is reported (issue #8 item 14)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from policeplan.stats.unlocated import compare_unlocated_shares


def test_more_than_one_point_apart_is_reported() -> None:
    found = compare_unlocated_shares(230, 10_000, 120, 10_000)

    assert found.differs and found.difference_points == 1.1
    assert found.note is not None and "2.3%" in found.note and "1.2%" in found.note


def test_exactly_one_point_apart_is_not() -> None:
    found = compare_unlocated_shares(200, 10_000, 100, 10_000)

    assert not found.differs and found.note is None
    assert (found.current_share, found.comparison_share) == (0.02, 0.01)


def test_empty_windows_and_bad_counts() -> None:
    assert not compare_unlocated_shares(0, 0, 5, 10).differs
    with pytest.raises(ValueError):
        compare_unlocated_shares(11, 10, 0, 10)


def _unlocated(shared_data: Path, year: int) -> tuple[int, int]:
    unlocated = total = 0
    for month in range(1, 5):
        path = shared_data / "police_uk" / "essex" / f"{year}-{month:02d}-essex-street.csv.gz"
        with gzip.open(path, "rt", encoding="utf-8-sig") as handle:
            next(handle)
            for line in handle:
                fields = line.split(",")
                if fields[9] != "Anti-social behaviour":
                    total += 1
                    unlocated += fields[6] == "No Location"
    return unlocated, total


@pytest.mark.realdata
def test_essex_jan_apr_2025_against_2024_differs_by_about_one_and_a_half_points(
    shared_data: Path,
) -> None:
    now, then = _unlocated(shared_data, 2025), _unlocated(shared_data, 2024)
    assert (now, then) == ((661, 45_626), (1_394, 48_331))

    found = compare_unlocated_shares(*now, *then)

    assert found.differs and found.difference_points == -1.4
