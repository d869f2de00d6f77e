"""Chart definitions: golden Vega-Lite JSON, titles and text alternatives, offline rendering.

Update the golden files with `UPDATE_GOLDEN=1 .venv/bin/pytest tests/render/test_charts.py`
and review the diff.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import pytest
from altair.vegalite.v6.schema.core import Root

from policeplan.months import months_between
from policeplan.render.charts import (
    CHART_KINDS,
    FunnelInput,
    external_addresses,
    funnel_spec,
    save_chart,
    spc_spec,
    to_html,
    to_svg,
    to_vl_json,
)
from policeplan.render.charts.examples import EXAMPLES, example_specs
from policeplan.render.icons import icon_data_url
from policeplan.stats.funnel import funnel_plot, rate_limits
from policeplan.stats.mdc_chart import mdc_chart

GOLDEN = Path(__file__).parent / "golden"


def test_every_chart_kind_has_an_example() -> None:
    assert tuple(EXAMPLES) == CHART_KINDS


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_chart_definition_matches_its_golden_file(kind: str) -> None:
    text = to_vl_json(EXAMPLES[kind]())
    golden = GOLDEN / f"{kind}.vl.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_chart_definition_is_valid_vega_lite(kind: str) -> None:
    Root.from_dict(EXAMPLES[kind](), validate=True)


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_chart_definition_is_deterministic(kind: str) -> None:
    assert to_vl_json(EXAMPLES[kind]()) == to_vl_json(EXAMPLES[kind]())


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_chart_has_title_and_text_alternative(kind: str) -> None:
    spec = EXAMPLES[kind]()

    assert spec["title"]["text"]
    assert len(spec["description"]) > 40


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_chart_definition_refers_to_nothing_outside_itself(kind: str) -> None:
    text = to_vl_json(EXAMPLES[kind]())

    assert "$schema" not in text
    assert external_addresses(text) == []
    assert "Liberation Sans, Arial, Helvetica, sans-serif" in text


AXIS_TITLES = {
    "monthly_comparison": ("Month", "Offences"),
    "spc": ("Month", "Offences"),
    "funnel": ("Population (people)", "Crimes per 1,000 people"),
    "msg_ranking": ("Crimes per 1,000 people", "Rank (1 = lowest rate), with plausible range"),
    "msg_positions": ("Month", "Position of 8"),
    "area_months": ("Month", "Offences"),
}


def test_every_kind_renders_offline_to_svg_with_axis_titles_and_no_web_address() -> None:
    for kind, spec in example_specs().items():
        svg = to_svg(spec)
        page = to_html(spec)
        assert svg.startswith("<svg"), kind
        assert f"<desc>{html.escape(spec['description'])}</desc>" in svg, kind
        for title in AXIS_TITLES[kind]:
            assert f">{title}</text>" in svg, (kind, title)
        assert external_addresses(svg) == [], kind
        assert external_addresses(page) == [], kind
        assert '"actions":false' in page
        # vega-embed reads the Vega version from this path: rewriting must keep it.
        assert "/schema/vega/" in page
        assert spec["description"].split(":")[0] in page


def test_save_chart_picks_the_format_from_the_file_name(tmp_path: Path) -> None:
    spec = EXAMPLES["msg_positions"]()

    assert json.loads(save_chart(spec, tmp_path / "c.vl.json").read_text()) == spec
    assert save_chart(spec, tmp_path / "c.svg").read_text().startswith("<svg")
    assert save_chart(spec, tmp_path / "c.png").read_bytes().startswith(b"\x89PNG")
    assert "<html" in save_chart(spec, tmp_path / "c.html").read_text()
    with pytest.raises(ValueError, match=r"\.svg, \.png"):
        save_chart(spec, tmp_path / "c.gif")


def test_spc_chart_shows_icons_target_rebase_and_coloured_points() -> None:
    spec = EXAMPLES["spc"]()
    text = to_vl_json(spec)

    assert icon_data_url("improvement_low") in text
    assert icon_data_url("fail") in text
    assert "Rebased: recording practice changed (example)" in text
    assert "target 380 (red dotted line)" in spec["title"]["subtitle"][0]
    assert '"Improvement"' in text and '"Concern"' in text
    assert "Special cause improvement" in spec["description"]


def test_spc_chart_with_trial_limits_has_no_icons_and_says_why() -> None:
    months = months_between("2025-01", "2025-08")
    chart = mdc_chart(months, [5.0, 6, 5, 7, 6, 5, 6, 7], direction="up")
    spec = spc_spec(chart, title="Short series", unit="offences")

    assert "data:image" not in to_vl_json(spec)
    assert spec["title"]["subtitle"][1].startswith("Trial limits: only 8 months since 2025-01")


def test_spc_chart_of_a_neutral_measure_uses_purple_not_blue_or_orange() -> None:
    months = months_between("2024-01", "2025-02")
    values = [10.0, 12, 11, 13, 12, 11, 12, 10, 11, 12, 13, 11, 12, 40]
    spec = spc_spec(mdc_chart(months, values), title="Calls", unit="calls")
    text = to_vl_json(spec)

    assert "#361475" in text
    assert '"Improvement"' not in text
    assert "neutral_high" not in text  # icons are embedded as pictures, named in the text
    assert "no improvement direction" in spec["description"]


def test_funnel_input_from_a_funnel_plot_uses_the_statistics_limits() -> None:
    plot = funnel_plot([("a", 90, 10_000), ("b", 110, 12_000), ("c", 160, 9_000)])
    funnel = FunnelInput.from_plot(plot, title="Burglary", highlight="c", steps=3)

    # Spread evenly on a log scale from 0.8 x the smallest to 1.1 x the largest population.
    middle_population = (7_200 * 13_200) ** 0.5
    assert [limit.population for limit in funnel.limits] == pytest.approx(
        [7_200, middle_population, 13_200]
    )
    lower_998, lower_95, upper_95, upper_998 = rate_limits(
        plot.group_rate, funnel.limits[1].population
    )
    middle = funnel.limits[1]
    assert (middle.lower_998, middle.lower_95, middle.upper_95, middle.upper_998) == (
        lower_998,
        lower_95,
        upper_95,
        upper_998,
    )
    assert [(p.name, p.outside) for p in funnel.points if p.highlighted] == [("c", "above 99.8")]
    assert (
        "c: 17.8 for 9,000 people, outside the funnel (above 99.8% limit)"
        in funnel_spec(funnel)["description"]
    )
