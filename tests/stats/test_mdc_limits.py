"""XmR limits and the icon functions on their own."""

from __future__ import annotations

import pytest

from policeplan.stats.mdc_icons import AssuranceIcon, VariationIcon, assurance_icon, variation_icon
from policeplan.stats.mdc_limits import xmr_limits


def test_limits_from_mean_and_mean_moving_range() -> None:
    limits = xmr_limits([10.0, 14.0, 12.0, 16.0])

    assert limits is not None
    assert limits.mean == 13
    assert limits.mean_moving_range == pytest.approx(10 / 3)
    assert limits.upper == pytest.approx(13 + 2.66 * 10 / 3)
    assert limits.lower_2sigma == pytest.approx(13 - 2.66 * 2 / 3 * 10 / 3)


def test_no_limits_without_two_consecutive_values() -> None:
    assert xmr_limits([1.0]) is None
    assert xmr_limits([1.0, None, 2.0, None]) is None


def test_screening_leaves_out_moving_ranges_above_3267_times_the_mean_once() -> None:
    values: list[float | None] = [10.0, 11.0] * 4 + [40.0, 10.0]
    limits = xmr_limits(values, screen=True)

    assert limits is not None
    # Moving ranges: seven 1s, 29, 30 -> mean 6.6; cut-off 21.56 drops 29 and 30.
    assert limits.screened_out == 2
    assert limits.mean_moving_range == 1
    assert limits.mean == pytest.approx(sum(v for v in values if v is not None) / 10)


def test_side_treats_rounding_error_of_the_mean_as_on_the_mean() -> None:
    limits = xmr_limits([0.1] * 3)

    assert limits is not None
    assert limits.side(0.1) == 0
    assert limits.beyond_limits(0.1) == 0


@pytest.mark.parametrize(
    ("cause", "direction", "signal", "icon"),
    [
        (None, "up", 0, VariationIcon.COMMON_CAUSE),
        ("improvement", "up", 1, VariationIcon.IMPROVEMENT_HIGH),
        ("improvement", "down", -1, VariationIcon.IMPROVEMENT_LOW),
        ("concern", "down", 1, VariationIcon.CONCERN_HIGH),
        ("concern", "up", -1, VariationIcon.CONCERN_LOW),
        ("neutral", "neutral", 1, VariationIcon.NEUTRAL_HIGH),
        ("neutral", "neutral", -1, VariationIcon.NEUTRAL_LOW),
    ],
)
def test_variation_icon(
    cause: str | None, direction: str, signal: int, icon: VariationIcon
) -> None:
    assert variation_icon(cause, direction, signal) is icon  # type: ignore[arg-type]


def test_assurance_icon_treats_a_target_on_a_limit_as_within() -> None:
    assert (
        assurance_icon(target=10, direction="up", lower=10, upper=20) is AssuranceIcon.HIT_AND_MISS
    )
    assert assurance_icon(target=9.9, direction="up", lower=10, upper=20) is AssuranceIcon.PASS
    assert assurance_icon(target=20.1, direction="down", lower=10, upper=20) is AssuranceIcon.PASS
    assert assurance_icon(target=9.9, direction="down", lower=10, upper=20) is AssuranceIcon.FAIL
