"""The look shared by every chart: fonts, colours, sizes; and the finishing of a spec.

Fonts are a system-safe family list (no web font is ever fetched); the colours are the
Making Data Count ones for special causes and a grey scale for everything else.
"""

from __future__ import annotations

from typing import Any

import altair as alt

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
IMPROVEMENT = "#289de0"
CONCERN = "#fab428"
COMMON_CAUSE = "#7b7d7d"
NEUTRAL = "#361475"
HIGHLIGHT = "#1d5a8c"
MUTED = "#a6a6a6"
TEXT = "#262626"
TARGET = "#de1b1b"
LIGHT = "#d9d9d9"

VegaLiteSpec = dict[str, Any]

CONFIG: dict[str, Any] = {
    "font": FONT,
    "background": "white",
    "padding": 12,
    "view": {"stroke": None},
    "title": {
        "fontSize": 16,
        "anchor": "start",
        "color": TEXT,
        "subtitleFontSize": 12,
        "subtitleColor": "#595959",
        "offset": 10,
    },
    "axis": {
        "labelFontSize": 11,
        "titleFontSize": 12,
        "titleColor": TEXT,
        "labelColor": TEXT,
        "gridColor": "#ececec",
        "domainColor": "#8c8c8c",
        "tickColor": "#8c8c8c",
        "titleFontWeight": "normal",
    },
    "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom"},
    "header": {"labelFontSize": 12, "titleFontSize": 12},
}


def finish(chart: alt.TopLevelMixin, description: str) -> VegaLiteSpec:
    """The chart as a Vega-Lite dict with the shared config and its text alternative.

    `$schema` is dropped: it is a web address, and nothing here may refer outside itself.
    Altair's schema validation is skipped here (it took two thirds of the time of a chart);
    the tests validate every chart kind against the Vega-Lite schema instead.
    """
    spec: VegaLiteSpec = chart.to_dict(validate=False)
    spec.pop("$schema", None)
    spec["config"] = CONFIG
    spec["description"] = description
    return spec


def month_date(month: str) -> str:
    """`2025-03` as the ISO date Vega-Lite reads as a UTC month: `2025-03-01`.

    >>> month_date("2025-03")
    '2025-03-01'
    """
    return f"{month}-01"


def number(value: float) -> str:
    """A number as a reader sees it: thousands separated, at most one decimal; below 1,
    three significant figures (a homicide rate per 1,000 is 0.0137, not 0.0).

    >>> number(1234.0), number(12.345), number(0.013745)
    ('1,234', '12.3', '0.0137')
    """
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:,.1f}"
