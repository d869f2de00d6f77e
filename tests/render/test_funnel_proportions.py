"""The funnel plot of a proportion (a solved rate): points in per cent against their
denominators, binomial 95% and 99.8% limits around the pooled proportion and the 95%
limits widened by the between-force spread, each checked against scipy."""

from __future__ import annotations

import math

import pytest
from scipy.stats import binom

from policeplan.render.charts import funnel_spec
from policeplan.render.charts.inputs import FunnelInput
from policeplan.stats.proportion_funnel import proportion_funnel

MEMBERS = [("essex", 20_913, 143_676), ("kent", 22_539, 148_785), ("herts", 9_672, 86_937)]


def _layer_values(spec: dict[str, object], index: int) -> list[dict[str, object]]:
    layers = spec["layer"]
    assert isinstance(layers, list)
    return list(layers[index]["data"]["values"])


def test_points_limits_and_the_widened_limits_are_those_of_the_proportions() -> None:
    funnel = proportion_funnel(MEMBERS)
    chart = FunnelInput.from_proportions(funnel, title="All crime: solved rate",
                                         highlight="essex", names={"essex": "Essex"},
                                         steps=7)  # fmt: skip
    p0 = (20_913 + 22_539 + 9_672) / (143_676 + 148_785 + 86_937)
    assert chart.average == pytest.approx(p0 * 100)
    essex = next(p for p in chart.points if p.highlighted)
    assert (essex.name, essex.population) == ("Essex", 143_676)
    assert essex.rate == pytest.approx(20_913 / 143_676 * 100)
    # The grid runs from 0.8 × the smallest denominator to 1.1 × the largest.
    assert chart.limits[0].population == round(86_937 * 0.8)
    assert chart.limits[-1].population == round(148_785 * 1.1)
    for limit in chart.limits:
        n = int(limit.population)
        # Binomial 2.5% and 97.5% points (interpolated, so within one success of scipy's).
        assert limit.lower_95 * n / 100 == pytest.approx(binom.ppf(0.025, n, p0), abs=1)
        assert limit.upper_95 * n / 100 == pytest.approx(binom.ppf(0.975, n, p0), abs=1)
        spread = math.sqrt(p0 * (1 - p0) / n + funnel.tau**2)
        assert limit.adjusted_lower_95 == pytest.approx((p0 - 1.959964 * spread) * 100)
        assert limit.adjusted_upper_95 == pytest.approx((p0 + 1.959964 * spread) * 100)
        # Overdispersed members: the widened limits lie outside the binomial ones.
        assert (limit.adjusted_lower_95 or 0) < limit.lower_95
        assert (limit.adjusted_upper_95 or 0) > limit.upper_95

    spec = funnel_spec(chart)
    kinds = {row["limit"] for row in _layer_values(spec, 0)}
    assert kinds == {"95% limits", "99.8% limits",
                     "95% limits allowing for the spread between forces"}  # fmt: skip
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Crimes recorded"
    assert "solved rate (%) against crimes recorded" in str(spec["description"])
    assert "Essex: 14.6 for 143,676 crimes recorded" in str(spec["description"])


def test_a_rate_funnel_keeps_its_population_axis_and_two_limits() -> None:
    from policeplan.stats.funnel import funnel_plot

    chart = FunnelInput.from_plot(funnel_plot([("a", 90, 10_000), ("b", 110, 12_000)]),
                                  title="Burglary", highlight="a", steps=3)  # fmt: skip
    spec = funnel_spec(chart)
    assert {row["limit"] for row in _layer_values(spec, 0)} == {"95% limits", "99.8% limits"}
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Population (people)"
    assert " people, " in str(spec["description"])
