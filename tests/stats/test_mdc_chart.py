"""The Making Data Count engine, including the edge cases NHSRplotthedots fixed.

Most charts fix their limits on ten baseline months alternating 12, 10 (`baseline_points=10`):
mean 11, every moving range 2, so the process limits are 11 ± 2.66 × 2 (5.68 and 16.32)
and two sigma is two thirds of that distance (7.4533 and 14.5467).
"""

from __future__ import annotations

import itertools

import pytest

from policeplan.errors import InputError
from policeplan.months import months_between, shift_month
from policeplan.stats.mdc_chart import MdcChart, Rebase, mdc_chart
from policeplan.stats.mdc_icons import AssuranceIcon, VariationIcon
from policeplan.stats.mdc_rules import RuleSet

BASELINE = [12.0, 10.0] * 5


def _months(count: int, first: str = "2023-01") -> list[str]:
    return months_between(first, shift_month(first, count - 1))


def _chart(values: list[float | None], **options: object) -> MdcChart:
    options.setdefault("baseline_points", 10)
    return mdc_chart(_months(len(values)), values, **options)  # type: ignore[arg-type]


def _flagged(chart: MdcChart, rule: str) -> list[int]:
    return [index for index, point in enumerate(chart.points) if rule in point.rules]


def test_limits_are_mean_plus_or_minus_266_mean_moving_ranges_two_thirds_for_two_sigma() -> None:
    values = [10.0, 12, 11, 13, 12, 11, 30, 12, 11, 10, 12, 11, 13]
    chart = mdc_chart(_months(len(values)), values)

    mean = sum(values) / len(values)
    moving_range = sum(abs(b - a) for a, b in itertools.pairwise(values)) / 12
    point = chart.points[0]
    assert point.mean == pytest.approx(mean)
    assert point.upper == pytest.approx(mean + 2.66 * moving_range)
    assert point.lower == pytest.approx(mean - 2.66 * moving_range)
    assert point.upper_2sigma == pytest.approx(mean + 2.66 * 2 / 3 * moving_range)
    assert point.lower_2sigma == pytest.approx(mean - 2.66 * 2 / 3 * moving_range)


def test_point_beyond_the_upper_limit_is_astronomical_but_a_point_on_it_is_not() -> None:
    chart = _chart([*BASELINE, 16.33, 11, 16.32], direction="down")

    assert _flagged(chart, "astronomical") == [10]
    assert chart.points[10].special_cause == "concern"
    assert chart.points[12].special_cause is None


def test_shift_of_seven_on_one_side_flags_all_seven_and_six_do_not() -> None:
    seven = _chart([*BASELINE, 12, 13, 12, 13, 12, 13, 12], direction="up")
    six = _chart([*BASELINE, 12, 13, 12, 13, 12, 13], direction="up")

    assert _flagged(seven, "shift") == list(range(10, 17))
    assert seven.variation_icon is VariationIcon.IMPROVEMENT_HIGH
    assert _flagged(six, "shift") == []


def test_shift_points_can_be_set_to_six() -> None:
    six = _chart([*BASELINE, 12, 13, 12, 13, 12, 13], rules=RuleSet(shift_points=6))

    assert _flagged(six, "shift") == list(range(10, 16))


def test_a_point_on_the_mean_ends_a_shift() -> None:
    chart = _chart([*BASELINE, 12, 13, 12, 11, 13, 12, 13, 12])

    assert _flagged(chart, "shift") == []


def test_trend_needs_seven_points_by_default_and_six_when_chosen() -> None:
    six_rising = [*BASELINE, 8, 9, 10, 11.5, 12, 13]

    assert _flagged(_chart(six_rising), "trend") == []
    six = _chart(six_rising, rules=RuleSet(trend_points=6))
    assert _flagged(six, "trend") == list(range(10, 16))


def test_equal_consecutive_values_break_a_trend() -> None:
    chart = _chart([*BASELINE, 7, 8, 9, 9, 10, 11.5, 12, 13])

    assert _flagged(chart, "trend") == []


def test_trend_crossing_the_mean_takes_the_trend_direction_not_the_side_of_the_mean() -> None:
    # NHSRplotthedots issue 171 / pull 180: a falling trend above the mean, where higher is
    # better, is concern, and a rising trend is improvement on both sides of the mean.
    rising = _chart([*BASELINE, 8, 9, 10, 10.5, 11.5, 12, 13], direction="up")
    falling = _chart([*BASELINE, 14, 13, 12, 11.5, 10.5, 10, 9], direction="up")

    assert _flagged(rising, "trend") == list(range(10, 17))
    assert {rising.points[i].special_cause for i in range(10, 17)} == {"improvement"}
    assert rising.points[10].value is not None and rising.points[10].value < 11
    assert {falling.points[i].special_cause for i in range(10, 17)} == {"concern"}
    assert falling.variation_icon is VariationIcon.CONCERN_LOW


def test_two_of_three_beyond_two_sigma_on_the_same_side_flags_only_those_two() -> None:
    chart = _chart([*BASELINE, 15, 12, 15.5, 11], direction="down")

    assert _flagged(chart, "two_of_three") == [10, 12]
    assert chart.points[11].special_cause is None
    assert chart.points[12].special_cause == "concern"


def test_two_of_three_on_opposite_sides_of_the_mean_is_no_signal() -> None:
    # NHSRplotthedots issue 143.
    chart = _chart([*BASELINE, 15, 11.5, 7, 11.5])

    assert _flagged(chart, "two_of_three") == []
    assert all(point.special_cause is None for point in chart.points)


def test_two_of_three_needs_all_three_points_on_the_same_side() -> None:
    # Two points beyond two sigma, the third below the mean: MDC November 2023 says no.
    chart = _chart([*BASELINE, 10, 15, 15.2, 10.5])

    assert _flagged(chart, "two_of_three") == []


def test_points_beyond_three_sigma_count_towards_two_of_three() -> None:
    # NHSRplotthedots issues 153 and 194: beyond 3 sigma, beyond 3 sigma, then between two and
    # three sigma: since November 2023 the third point is flagged too.
    chart = _chart([*BASELINE, 17, 17.5, 15, 11.5], direction="up")

    assert _flagged(chart, "astronomical") == [10, 11]
    assert _flagged(chart, "two_of_three") == [10, 11, 12]
    assert chart.points[12].special_cause == "improvement"


def test_a_point_both_improvement_and_concern_shows_improvement() -> None:
    # Seven points below the mean (a concerning shift when up is good) that also rise seven
    # times in a row (an improving trend).
    chart = _chart([*BASELINE, 6, 7, 8, 8.5, 9, 9.5, 10], direction="up")

    assert all({"shift", "trend"} <= set(chart.points[i].rules) for i in range(10, 17))
    assert {chart.points[i].special_cause for i in range(10, 17)} == {"improvement"}


def test_neutral_direction_gives_neutral_special_cause_never_improvement() -> None:
    high = _chart([*BASELINE, 17.0, 11, 12, 10, 12], direction="neutral")
    low = _chart([*BASELINE, 11, 12, 10, 12, 4.0], direction="neutral")

    assert high.points[10].special_cause == "neutral"
    assert high.points[10].icon("neutral") is VariationIcon.NEUTRAL_HIGH
    assert low.variation_icon is VariationIcon.NEUTRAL_LOW
    assert all(p.special_cause in (None, "neutral") for p in [*high.points, *low.points])


def test_missing_month_breaks_a_shift_and_is_never_flagged() -> None:
    # NHSRplotthedots issue 156: an NA made unexpected special causes.
    chart = _chart([*BASELINE, 12, 13, 12, 13, None, 12, 13, 12])

    assert _flagged(chart, "shift") == []
    assert chart.points[14].special_cause is None
    assert chart.points[14].rules == ()


def test_missing_month_breaks_a_trend_and_a_two_of_three_window() -> None:
    trend = _chart([*BASELINE, 7, 8, 9, None, 10, 11, 12, 13])
    window = _chart([*BASELINE, 15, None, 15.5, 11])

    assert _flagged(trend, "trend") == []
    assert _flagged(window, "two_of_three") == []


def test_missing_month_gives_no_moving_range() -> None:
    chart = mdc_chart(_months(5), [10.0, 12, None, 20, 21])

    # Moving ranges 2 and 1 only; the mean of the four values.
    assert chart.points[0].mean == pytest.approx(63 / 4)
    assert chart.groups[0].limits is not None
    assert chart.groups[0].limits.mean_moving_range == pytest.approx(1.5)


def test_latest_month_missing_gives_no_variation_icon_and_says_why() -> None:
    chart = _chart([*BASELINE, 11, 12, 10, None])

    assert chart.variation_icon is None
    assert chart.reason == "2023-14 has no value".replace("2023-14", chart.latest.month)


def test_constant_series_has_zero_width_limits_and_no_signal() -> None:
    chart = mdc_chart(_months(20), [0.1] * 20, direction="up", target=0.1)

    point = chart.points[0]
    assert point.upper == pytest.approx(point.lower)
    assert all(p.rules == () for p in chart.points)
    assert chart.variation_icon is VariationIcon.COMMON_CAUSE
    assert chart.assurance_icon is AssuranceIcon.HIT_AND_MISS


def test_fewer_than_thirteen_points_gives_trial_limits_and_no_icons() -> None:
    twelve = mdc_chart(_months(12), [*BASELINE, 11, 12], direction="up", target=5)
    thirteen = mdc_chart(_months(13), [*BASELINE, 11, 12, 10], direction="up", target=5)

    assert twelve.trial_limits
    assert (twelve.variation_icon, twelve.assurance_icon) == (None, None)
    assert twelve.reason == "only 12 months since 2023-01 (13 needed): the limits are trial"
    assert not thirteen.trial_limits
    assert thirteen.variation_icon is VariationIcon.COMMON_CAUSE
    assert thirteen.assurance_icon is AssuranceIcon.PASS


def test_assurance_pass_fail_and_hit_and_miss_by_direction() -> None:
    values = [*BASELINE, 11, 12, 10]

    def icon(target: float, direction: str) -> AssuranceIcon | None:
        return mdc_chart(_months(13), values, direction=direction, target=target).assurance_icon  # type: ignore[arg-type]

    limits = mdc_chart(_months(13), values).groups[0].limits
    assert limits is not None
    assert icon(limits.lower - 1, "up") is AssuranceIcon.PASS
    assert icon(limits.upper + 1, "up") is AssuranceIcon.FAIL
    assert icon(limits.upper + 1, "down") is AssuranceIcon.PASS
    assert icon(limits.lower - 1, "down") is AssuranceIcon.FAIL
    assert icon(limits.mean, "up") is AssuranceIcon.HIT_AND_MISS
    # A target exactly on a limit is within the limits.
    assert icon(limits.upper, "up") is AssuranceIcon.HIT_AND_MISS
    assert mdc_chart(_months(13), values, direction="neutral", target=1).assurance_icon is None


def test_assurance_uses_the_limits_of_the_latest_group_after_a_rebase() -> None:
    # NHSRplotthedots issue 172: twenty months failing a target of 90, then a rebased
    # process whose limits straddle it: hit and miss, not fail.
    before = [60.0, 65, 62, 68, 61, 66, 63, 67, 64, 60] * 2
    after = [88.0, 93, 90, 94, 87, 92, 89, 95, 91, 88, 93, 90, 92]
    months = _months(33)
    without = mdc_chart(months, before + after, direction="up", target=90)
    rebased = mdc_chart(
        months, before + after, direction="up", target=90, rebase=[Rebase(months[20], "new triage")]
    )

    assert rebased.groups[1].rebase_reason == "new triage"
    assert rebased.assurance_icon is AssuranceIcon.HIT_AND_MISS
    assert rebased.groups[0].limits is not None and rebased.groups[1].limits is not None
    assert rebased.groups[0].limits.upper < 90
    assert without.groups[0].limits is not None
    assert [p.mean for p in rebased.points][19:21] != [p.mean for p in without.points][19:21]


def test_rules_do_not_run_across_a_rebase() -> None:
    months = _months(26)
    values = [*BASELINE, 12, 11, 10, 12, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13]
    chart = mdc_chart(months, values, rebase=[months[16]], baseline_points=10)

    assert [g.first for g in chart.groups] == ["2023-01", months[16]]
    assert _flagged(chart, "shift") == []


def test_baseline_points_fix_limits_from_the_first_points_and_apply_them_onward() -> None:
    chart = _chart([*BASELINE, 30.0, 31.0, 11, 12, 10])

    group = chart.groups[0]
    assert (group.baseline_first, group.baseline_last) == ("2023-01", "2023-10")
    assert chart.points[12].mean == 11
    assert _flagged(chart, "astronomical") == [10, 11]
    assert [p.in_baseline for p in chart.points].count(True) == 10


def test_moving_range_screening_is_off_by_default_and_narrows_limits_when_on() -> None:
    values = [10.0, 11, 10, 11, 10, 11, 10, 40, 10, 11, 10, 11, 10, 11]
    plain = mdc_chart(_months(14), values)
    screened = mdc_chart(_months(14), values, rules=RuleSet(screen_moving_ranges=True))

    assert plain.groups[0].limits is not None and screened.groups[0].limits is not None
    assert plain.groups[0].limits.screened_out == 0
    assert screened.groups[0].limits.screened_out == 2
    assert screened.groups[0].limits.mean_moving_range == pytest.approx(1.0)
    assert screened.groups[0].limits.mean == plain.groups[0].limits.mean
    assert "astronomical" in screened.points[7].rules


def test_to_dict_keeps_the_spc_json_fields_and_adds_the_mdc_ones() -> None:
    chart = _chart([*BASELINE, 17, 11, 12], direction="down", target=20.0, rebase=["2023-06"])
    data = chart.to_dict()

    assert {"from", "to", "direction", "verdict", "points", "segments"} <= set(data)
    assert (data["variation_icon"], data["assurance_icon"], data["trial_limits"]) == (
        None,
        None,
        True,
    )
    assert data["rebase"] == ["2023-06"]
    assert data["rule_set"]["shift_points"] == 7
    point = data["points"][0]
    assert {"month", "value", "mean", "lower", "upper", "flags", "variation"} <= set(point)
    assert {"special_cause", "rules", "upper_2sigma", "lower_2sigma"} <= set(point)
    segment = data["segments"][0]
    assert {"from", "to", "baseline_from", "baseline_to", "mean", "lower", "upper"} <= set(segment)


def test_legacy_flags_and_verdict_words_match_the_older_chart() -> None:
    chart = _chart([*BASELINE, 12, 13, 12, 13, 12, 13, 12, 30], direction="down")

    assert chart.latest.to_dict()["flags"] == ["beyond limit", "shift".replace("shift", "run")]
    assert chart.verdict == "special cause concerning"


def test_rebase_month_outside_the_series_is_refused() -> None:
    with pytest.raises(InputError, match="rebase month 2030-01"):
        mdc_chart(_months(3), [1.0, 2.0, 3.0], rebase=["2030-01"])


def test_months_must_be_consecutive() -> None:
    with pytest.raises(InputError, match="consecutive"):
        mdc_chart(["2025-01", "2025-03"], [1.0, 2.0])


def test_trend_points_outside_two_to_twelve_are_refused() -> None:
    with pytest.raises(InputError, match="trend-points"):
        RuleSet(trend_points=1)
