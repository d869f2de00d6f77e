"""A chart as a page shows it: the server's SVG (shown without JavaScript) and its
Vega-Lite definition as JSON (drawn interactively by `static/charts.js`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from policeplan.web.chart_process import render_svg

__all__ = ["PageChart", "page_chart"]


@dataclass(frozen=True)
class PageChart:
    title: str
    svg: str
    description: str
    spec: str


def page_chart(spec: dict[str, Any], title: str) -> PageChart:
    """The chart rendered to SVG in the chart worker, with its text alternative."""
    description = str(spec.get("description", title))
    return PageChart(title, render_svg(spec), description, json.dumps(spec, separators=(",", ":")))
