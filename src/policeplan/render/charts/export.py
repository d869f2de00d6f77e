"""Render a Vega-Lite definition offline: SVG, PNG, self-contained HTML, or the JSON itself.

vl-convert runs Vega and Vega-Lite in an embedded JavaScript engine: no browser, no
network. The HTML export inlines the Vega, Vega-Lite and vega-embed scripts
(`bundle=True`), turns vega-embed's action menu off (it links to the online editor), and
rewrites every web address left in those scripts (error-message links, schema names, never
fetched) as `offline:` + its path, so the page refers to nothing outside itself.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import vl_convert

from policeplan.render.charts.theme import FONT, TEXT, VegaLiteSpec

VEGA_LITE_VERSION = "6.4"
# XML namespace names look like addresses but are names: SVG needs them.
NAMESPACES = (
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/2000/xmlns/",
    "http://www.w3.org/XML/1998/namespace",
)
_ADDRESS = re.compile(r"https?://[^\s\"'<>)`\\]+")
PAGE_STYLE = f"""
        body {{ font-family: {FONT}; color: {TEXT}; margin: 16px; }}
        .chart-description {{ max-width: 60em; font-size: 14px; line-height: 1.4; }}
"""
_HOST = re.compile(r"^https?://[^/]*")


def to_vl_json(spec: VegaLiteSpec) -> str:
    """The definition as stable, readable JSON (sorted keys, two-space indent)."""
    return json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def to_svg(spec: VegaLiteSpec) -> str:
    """The chart as an SVG document, its title and text alternative as `<title>` and `<desc>`."""
    svg = str(vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION))
    opening = svg.index(">") + 1
    label = (
        f"<title>{html.escape(_title_text(spec))}</title>"
        f"<desc>{html.escape(str(spec.get('description', '')))}</desc>"
    )
    return svg[: opening - 1] + ' role="img"' + svg[opening - 1 : opening] + label + svg[opening:]


def to_png(spec: VegaLiteSpec, *, scale: float = 2.0) -> bytes:
    """The chart as a PNG image (`scale` 2 suits print)."""
    return bytes(vl_convert.vegalite_to_png(spec, vl_version=VEGA_LITE_VERSION, scale=scale))


def to_html(spec: VegaLiteSpec) -> str:
    """A self-contained HTML page showing the chart, with its text alternative."""
    page = str(vl_convert.vegalite_to_html(spec, vl_version=VEGA_LITE_VERSION, bundle=True))
    page = page.replace(
        'const opts = {"renderer":"svg"}', 'const opts = {"renderer":"svg","actions":false}'
    )
    page = _ADDRESS.sub(_keep_namespace, page)
    title = _title_text(spec)
    description = html.escape(str(spec.get("description", "")))
    page = page.replace("<html>", '<html lang="en">', 1)
    page = page.replace("</style>", PAGE_STYLE + "    </style>", 1)
    page = page.replace("<title>Chart</title>", f"<title>{html.escape(title)}</title>", 1)
    return page.replace(
        '<div id="vega-chart"></div>',
        f'<div id="vega-chart" role="figure" aria-label="{description}"></div>\n'
        f'    <p class="chart-description">{description}</p>',
        1,
    )


def save_chart(spec: VegaLiteSpec, path: Path) -> Path:
    """Write the chart in the format its file name asks for: .svg, .png, .html or .vl.json."""
    name = path.name.lower()
    if name.endswith(".vl.json") or name.endswith(".json"):
        path.write_text(to_vl_json(spec), encoding="utf-8")
    elif name.endswith(".svg"):
        path.write_text(to_svg(spec), encoding="utf-8")
    elif name.endswith(".png"):
        path.write_bytes(to_png(spec))
    elif name.endswith(".html"):
        path.write_text(to_html(spec), encoding="utf-8")
    else:
        raise ValueError(f"{path}: give a file ending .svg, .png, .html or .vl.json")
    return path


def external_addresses(text: str) -> list[str]:
    """Web addresses in `text` other than XML namespace names (should be none).

    >>> external_addresses('<svg xmlns="http://www.w3.org/2000/svg"><a href="https://x.org"/>')
    ['https://x.org']
    """
    return [address for address in _ADDRESS.findall(text) if address not in NAMESPACES]


def _keep_namespace(match: re.Match[str]) -> str:
    """A namespace name as it is; any other address without its scheme and host.

    The path stays because vega-embed reads the Vega version from the compiled spec's
    `$schema` path (`.../schema/vega/v6.json`); the page works without the host.
    """
    address = match.group(0)
    if address in NAMESPACES:
        return address
    return "offline:" + _HOST.sub("", address)


def _title_text(spec: VegaLiteSpec) -> str:
    title = spec.get("title")
    if isinstance(title, dict):
        return str(title.get("text", "Chart"))
    return str(title or "Chart")
