"""Charts as declarative Vega-Lite definitions (built with Altair), rendered offline.

One builder per chart kind, each taking a small typed input (`inputs.py`) and returning
the Vega-Lite definition as a dict, with a title, axis titles with units and a text
alternative (`description`):

- `monthly_comparison_spec(MonthlySeries)`: monthly bars beside the same months a year earlier;
- `spc_spec(MdcChart, title=, unit=)`: the Making Data Count SPC chart;
- `funnel_spec(FunnelInput)`: funnel plot of the most similar group;
- `msg_ranking_spec(MsgRanking)`: bars of rates with rank ranges;
- `msg_positions_spec(PositionHistory)`: sparkline of MSG positions;
- `area_months_spec(AreaMonths)`: local policing area × month small multiples.

`save_chart(spec, path)` writes .svg, .png, .html (self-contained) or .vl.json; `to_svg`,
`to_png`, `to_html`, `to_vl_json` return the text or bytes. Nothing refers to the web.

>>> from policeplan.render.charts.examples import example_specs
>>> to_svg(example_specs()["msg_positions"]).startswith("<svg")
True
"""

from policeplan.render.charts.export import (
    external_addresses,
    save_chart,
    to_html,
    to_png,
    to_svg,
    to_vl_json,
)
from policeplan.render.charts.funnel import funnel_spec
from policeplan.render.charts.inputs import (
    AreaMonths,
    FunnelInput,
    FunnelLimit,
    FunnelPoint,
    MonthlySeries,
    MsgRanking,
    PositionHistory,
    RankedMember,
)
from policeplan.render.charts.monthly import monthly_comparison_spec
from policeplan.render.charts.msg_bars import msg_ranking_spec
from policeplan.render.charts.small_multiples import area_months_spec
from policeplan.render.charts.sparkline import msg_positions_spec
from policeplan.render.charts.spc import spc_spec
from policeplan.render.charts.theme import VegaLiteSpec

CHART_KINDS = (
    "monthly_comparison",
    "spc",
    "funnel",
    "msg_ranking",
    "msg_positions",
    "area_months",
)

__all__ = [
    "CHART_KINDS",
    "AreaMonths",
    "FunnelInput",
    "FunnelLimit",
    "FunnelPoint",
    "MonthlySeries",
    "MsgRanking",
    "PositionHistory",
    "RankedMember",
    "VegaLiteSpec",
    "area_months_spec",
    "external_addresses",
    "funnel_spec",
    "monthly_comparison_spec",
    "msg_positions_spec",
    "msg_ranking_spec",
    "save_chart",
    "spc_spec",
    "to_html",
    "to_png",
    "to_svg",
    "to_vl_json",
]
