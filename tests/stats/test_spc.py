from collections.abc import Sequence

import pytest

from policeplan.stats import (
    BEYOND_LIMIT,
    RUN,
    TREND,
    TWO_OF_THREE,
    SpcPoint,
    Variation,
    xmr_chart,
)

# Ten baseline months alternating 12, 10: mean 11, every moving range 2, so the
# process limits are 11 ± 2.66 × 2 = 5.68 and 16.32, and two sigma is
# 2 × 2 / 1.128 = 3.546 either side of the mean (7.454 and 14.546).
BASELINE = [12.0, 10.0] * 5


def _flagged(points: Sequence[SpcPoint], rule: str) -> list[int]:
    return [point.index for point in points if rule in point.flags]


def test_limits_are_mean_plus_or_minus_266_mean_moving_ranges() -> None:
    values = [10, 12, 11, 13, 12, 11, 30]
    chart = xmr_chart(values)

    mean = 99 / 7
    mean_moving_range = (2 + 1 + 2 + 1 + 1 + 19) / 6
    limits = chart.segments[0]
    assert limits.mean == pytest.approx(mean)
    assert limits.mean_moving_range == pytest.approx(mean_moving_range)
    assert limits.upper == pytest.approx(mean + 2.66 * mean_moving_range)
    assert limits.lower == pytest.approx(mean - 2.66 * mean_moving_range)
    assert limits.sigma == pytest.approx(mean_moving_range / 1.128)
    assert all(point.upper == pytest.approx(limits.upper) for point in chart.points)


def test_point_above_upper_limit_is_flagged_and_concerning_when_down_is_good() -> None:
    chart = xmr_chart([*BASELINE, 17.0], baseline=(0, 10), direction="down")

    assert chart.segments[0].upper == pytest.approx(16.32)
    assert _flagged(chart.points, BEYOND_LIMIT) == [10]
    assert chart.latest.variation is Variation.CONCERNING
    assert chart.variation is Variation.CONCERNING


def test_stable_series_has_no_signals() -> None:
    values = [10, 12, 9, 11, 10, 13, 9, 11, 12, 10, 11, 9, 12, 10, 11]
    chart = xmr_chart(values, direction="up")

    assert all(point.flags == () for point in chart.points)
    assert all(point.variation is Variation.COMMON_CAUSE for point in chart.points)
    assert chart.variation is Variation.COMMON_CAUSE


def test_run_of_seven_above_the_mean_flags_all_seven_points() -> None:
    chart = xmr_chart([*BASELINE, 12, 13, 12, 13, 12, 13, 12], baseline=(0, 10))

    assert _flagged(chart.points, RUN) == list(range(10, 17))
    assert _flagged(chart.points, BEYOND_LIMIT) == []
    assert _flagged(chart.points, TWO_OF_THREE) == []


def test_run_of_six_is_not_a_signal() -> None:
    chart = xmr_chart([*BASELINE, 12, 13, 12, 13, 12, 13], baseline=(0, 10))

    assert _flagged(chart.points, RUN) == []


def test_run_verdict_flips_with_the_good_direction() -> None:
    values = [*BASELINE, 12, 13, 12, 13, 12, 13, 12]

    higher_is_better = xmr_chart(values, baseline=(0, 10), direction="up")
    lower_is_better = xmr_chart(values, baseline=(0, 10), direction="down")
    no_direction = xmr_chart(values, baseline=(0, 10))

    assert higher_is_better.variation is Variation.IMPROVING
    assert lower_is_better.variation is Variation.CONCERNING
    assert no_direction.variation is Variation.NEITHER
    assert higher_is_better.points[9].variation is Variation.COMMON_CAUSE


def test_six_increasing_points_are_a_trend() -> None:
    chart = xmr_chart([*BASELINE, 8, 9, 10, 11.5, 12, 13], baseline=(0, 10), direction="up")

    assert _flagged(chart.points, TREND) == list(range(10, 16))
    assert _flagged(chart.points, RUN) == []
    assert chart.variation is Variation.IMPROVING


def test_six_decreasing_points_are_a_concerning_trend_when_up_is_good() -> None:
    chart = xmr_chart([*BASELINE, 14, 13, 12, 11.5, 10, 9], baseline=(0, 10), direction="up")

    assert _flagged(chart.points, TREND) == list(range(10, 16))
    assert chart.variation is Variation.CONCERNING


def test_equal_consecutive_values_break_a_trend() -> None:
    chart = xmr_chart([*BASELINE, 8, 9, 9, 10, 11.5, 12, 13], baseline=(0, 10))

    assert _flagged(chart.points, TREND) == []


def test_two_of_three_beyond_two_sigma_on_one_side_flags_those_two() -> None:
    chart = xmr_chart([*BASELINE, 15, 11, 15.5, 11], baseline=(0, 10), direction="down")

    assert _flagged(chart.points, TWO_OF_THREE) == [10, 12]
    assert _flagged(chart.points, BEYOND_LIMIT) == []
    assert chart.points[12].variation is Variation.CONCERNING
    assert chart.points[11].variation is Variation.COMMON_CAUSE


def test_two_beyond_two_sigma_on_opposite_sides_is_no_signal() -> None:
    chart = xmr_chart([*BASELINE, 15, 11, 7], baseline=(0, 10))

    assert _flagged(chart.points, TWO_OF_THREE) == []


def test_recalculating_from_a_step_change_computes_each_segment_separately() -> None:
    before = [10, 12, 11, 9, 10, 12, 11, 10]
    after = [20, 22, 21, 19, 20, 22, 21, 20]
    chart = xmr_chart([*before, *after], recalculate_from=[8], direction="down")

    first, second = chart.segments
    assert (first.start, first.end, second.start, second.end) == (0, 8, 8, 16)
    assert first.mean == pytest.approx(85 / 8)
    assert second.mean == pytest.approx(165 / 8)
    # Moving ranges within each segment only: 2,1,2,1,2,1,1 in both.
    assert first.mean_moving_range == pytest.approx(10 / 7)
    assert second.mean_moving_range == pytest.approx(10 / 7)
    assert chart.points[8].mean == pytest.approx(165 / 8)
    assert all(point.flags == () for point in chart.points)


def test_without_recalculation_a_step_change_is_a_special_cause() -> None:
    before = [10, 12, 11, 9, 10, 12, 11, 10]
    after = [20, 22, 21, 19, 20, 22, 21, 20]
    chart = xmr_chart([*before, *after], direction="down")

    assert _flagged(chart.points, RUN) == list(range(16))
    assert chart.variation is Variation.CONCERNING


def test_baseline_points_fix_limits_from_the_first_points_of_a_segment() -> None:
    chart = xmr_chart([*BASELINE, 30.0, 31.0], baseline_points=10)

    limits = chart.segments[0]
    assert (limits.baseline_start, limits.baseline_end) == (0, 10)
    assert limits.mean == 11
    assert _flagged(chart.points, BEYOND_LIMIT) == [10, 11]


def test_baseline_needs_two_points() -> None:
    with pytest.raises(ValueError, match="at least 2 baseline points"):
        xmr_chart([1.0, 2.0, 3.0], baseline=(0, 1))


def test_recalculation_index_must_be_inside_the_series() -> None:
    with pytest.raises(ValueError, match="recalculate_from"):
        xmr_chart([1.0, 2.0, 3.0], recalculate_from=[3])


def test_trend_length_can_be_set_to_seven_as_nhsrplotthedots_counts() -> None:
    six_rising = [*BASELINE, 8, 9, 10, 11.5, 12, 13]

    assert _flagged(xmr_chart(six_rising, baseline=(0, 10), trend_length=7).points, TREND) == []
    assert _flagged(xmr_chart(six_rising, baseline=(0, 10)).points, TREND) == list(range(10, 16))
