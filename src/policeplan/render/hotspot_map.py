"""A hotspot result as one self-contained HTML page: an SVG map of the cells over the
district (or force area) outlines, and the ranked table. It works offline: no script, no
web font, no tile unless the reader ticks "online basemap" (OpenStreetMap tiles, loaded
only then, through a CSS rule). Every text is escaped.

    >>> Path("hotspots.html").write_text(hotspot_html(result))   # doctest: +SKIP
"""

from __future__ import annotations

import math
from html import escape

import numpy as np

from policeplan.hotspots.projection import to_british_national_grid, to_wgs84
from policeplan.hotspots.result import HotspotCell, HotspotResult
from policeplan.reference.boundaries import Outlines, outlines_for
from policeplan.render.hotspot_text import (
    fdr_statement,
    p_text,
    stability_statement,
    weighting_label,
)

WIDTH_PX = 960
# Light to dark: quantiles of the non-zero cell values (see _classes).
COLOURS = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
QUANTILES = (0.5, 0.75, 0.9, 0.97)
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

Box = tuple[float, float, float, float]  # min easting, min northing, max easting, max northing


def hotspot_html(result: HotspotResult) -> str:
    """The whole page."""
    outlines = outlines_for(result.force)
    box = _extent(result, outlines)
    title = f"Hotspots: {result.measure_title}, {result.force}, {result.window.label()}"
    tiles, tile_css = _basemap_tiles(box)
    width, height = box[2] - box[0], box[3] - box[1]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{escape(title)}</title>",
            f"<style>{_CSS}{tile_css}</style></head><body>",
            f"<h1>{escape(title)}</h1>",
            _summary(result, outlines),
            '<input type="checkbox" id="basemap"> <label for="basemap">Online basemap '
            "(OpenStreetMap tiles, fetched from the internet; off by default)</label>",
            f'<div class="map" style="aspect-ratio: {width:.0f} / {height:.0f}">',
            f'<div class="tiles">{tiles}</div>',
            f'<svg viewBox="0 0 {width:.0f} {height:.0f}" preserveAspectRatio="none" '
            'xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-label="{escape(title)}">',
            _outline_paths(outlines, box, fill=True),
            _cell_rects(result, box),
            _outline_paths(outlines, box, fill=False),
            _rank_labels(result, box),
            "</svg></div>",
            _legend(result),
            _table(result),
            _caveats(result),
            _footer(outlines),
            "</body></html>",
        ]
    )


def hotspot_svg(result: HotspotResult) -> str:
    """The map alone as one standalone SVG document (styles inside, no script, no tile), for
    a printed report: cells over the outlines, hot cells outlined, top ranks labelled."""
    outlines = outlines_for(result.force)
    box = _extent(result, outlines)
    width, height = box[2] - box[0], box[3] - box[1]
    scale = width / WIDTH_PX  # metres per pixel: strokes in pixels without vector-effect
    title = f"Hotspots: {result.measure_title}, {result.force}, {result.window.label()}"
    style = (
        f".area{{fill:#fff;stroke:none}}.edge{{fill:none;stroke:#555;stroke-width:{scale:.0f}}}"
        f".cell{{stroke:none}}.hot{{stroke:#1a1a40;stroke-width:{1.2 * scale:.0f}}}"
        ".rank{font-weight:700;fill:#000;stroke:none}"  # print renderers lack paint-order
    )
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{WIDTH_PX}" height="{WIDTH_PX * height / width:.0f}" role="img">',
            f"<title>{escape(title)}</title><style>{style}</style>",
            f'<rect width="{width:.0f}" height="{height:.0f}" fill="#dfe8ef"/>',
            _outline_paths(outlines, box, fill=True),
            _cell_rects(result, box),
            _outline_paths(outlines, box, fill=False),
            _rank_labels(result, box),
            "</svg>",
        ]
    )


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1.5em;color:#222;
max-width:1100px}h1{font-size:1.35em}dl{display:grid;grid-template-columns:max-content auto;
gap:.2em 1em;font-size:.9em}
dt{font-weight:600}.map{position:relative;width:100%;max-width:%WIDTH%px;border:1px solid #999;
background:#dfe8ef;overflow:hidden;margin-top:.5em}.tiles,.map svg{position:absolute;inset:0;
width:100%;height:100%}.tile{position:absolute;background-size:100% 100%}
.area{fill:#fff;stroke:none}.edge{fill:none;stroke:#555;stroke-width:1.2;vector-effect:non-scaling-stroke}
.cell{stroke:none}.hot{stroke:#1a1a40;stroke-width:.7;vector-effect:non-scaling-stroke}
.rank{font-size:11px;font-weight:700;fill:#000;paint-order:stroke;stroke:#fff;stroke-width:3px}
#basemap:checked ~ .map .area{fill:none}#basemap:checked ~ .map .cell{fill-opacity:.75}
table{border-collapse:collapse;margin-top:1em;font-size:.85em}td,th{border-bottom:1px solid #ddd;
padding:.2em .6em;text-align:right}td.l,th.l{text-align:left}.legend span{display:inline-block;
width:1.2em;height:.9em;margin:0 .2em 0 .8em;vertical-align:middle;border:1px solid #999}
.notes{font-size:.85em;color:#444}
""".replace("%WIDTH%", str(WIDTH_PX))


def _extent(result: HotspotResult, outlines: Outlines) -> Box:
    grid = result.grid
    east = [
        float(grid.first_column * grid.cell_m),
        float((grid.first_column + grid.columns) * grid.cell_m),
    ]
    north = [float(grid.first_row * grid.cell_m), float((grid.first_row + grid.rows) * grid.cell_m)]
    for shape in outlines.shapes:
        for ring in shape.rings:
            e, n = to_british_national_grid([p[0] for p in ring], [p[1] for p in ring])
            east += [float(e.min()), float(e.max())]
            north += [float(n.min()), float(n.max())]
    margin = 0.02 * max(max(east) - min(east), max(north) - min(north))
    return (min(east) - margin, min(north) - margin, max(east) + margin, max(north) + margin)


def _outline_paths(outlines: Outlines, box: Box, fill: bool) -> str:
    paths = []
    for shape in outlines.shapes:
        parts = []
        for ring in shape.rings:
            e, n = to_british_national_grid([p[0] for p in ring], [p[1] for p in ring])
            points = " ".join(
                f"{x - box[0]:.0f},{box[3] - y:.0f}" for x, y in zip(e, n, strict=True)
            )
            parts.append(f"M{points}Z")
        css = "area" if fill else "edge"
        paths.append(
            f'<path class="{css}" fill-rule="evenodd" d="{" ".join(parts)}">'
            f"<title>{escape(shape.name)}</title></path>"
        )
    return "\n".join(paths)


def _classes(result: HotspotResult) -> list[float]:
    values = np.array([c.score for c in result.cells if c.score > 0])
    if values.size == 0:
        return [math.inf] * len(QUANTILES)
    return [float(np.quantile(values, q)) for q in QUANTILES]


def _colour(score: float, breaks: list[float]) -> str:
    return COLOURS[sum(score > b for b in breaks)]


def _cell_rects(result: HotspotResult, box: Box) -> str:
    breaks = _classes(result)
    size = result.cell_m
    rects = []
    for cell in result.cells:
        if cell.count == 0 and not cell.hot:
            continue
        x = cell.easting - size / 2 - box[0]
        y = box[3] - (cell.northing + size / 2)
        fill = _colour(cell.score, breaks) if cell.count else "none"
        css = "cell hot" if cell.hot else "cell"
        # Tooltips on hot cells only: thousands of titles would double the page.
        tip = f"<title>{escape(_cell_title(cell))}</title>" if cell.hot else ""
        rects.append(
            f'<rect class="{css}" x="{x:.0f}" y="{y:.0f}" width="{size}" height="{size}" '
            f'fill="{fill}">{tip}</rect>'
        )
    return "\n".join(rects)


def _cell_title(cell: HotspotCell) -> str:
    return (
        f"#{cell.rank} {cell.id} ({cell.district or 'no district'}): {cell.count:,} rows, "
        f"score {cell.score:,.1f}, z {cell.z:.2f}, adjusted p {p_text(cell.p_adjusted)}"
        f"{', hot' if cell.hot else ''}{f', {cell.pattern}' if cell.pattern else ''}"
    )


def _rank_labels(result: HotspotResult, box: Box) -> str:
    scale = (box[2] - box[0]) / WIDTH_PX  # metres per pixel at full width
    labels = []
    placed: list[tuple[float, float]] = []
    for cell in result.top_cells:
        x = cell.easting - box[0] + result.cell_m / 2 + 2 * scale
        y = box[3] - cell.northing
        # A label that would overprint a higher-ranked one is left out (the table has all).
        if any(abs(x - px) < 22 * scale and abs(y - py) < 12 * scale for px, py in placed):
            continue
        placed.append((x, y))
        labels.append(
            f'<text class="rank" x="{x:.0f}" y="{y:.0f}" '
            f'style="font-size:{11 * scale:.0f}px;stroke-width:{3 * scale:.0f}px">'
            f"{cell.rank}</text>"
        )
    return "\n".join(labels)


def _summary(result: HotspotResult, outlines: Outlines) -> str:
    c = result.concentration
    shares = ", ".join(
        f"top {label}: {'n/a' if c[key] is None else f'{c[key]:.1%}'}"
        for key, label in (("top_1pct", "1%"), ("top_5pct", "5%"), ("top_10pct", "10%"))
    )
    rows = [
        ("Cells", f"{result.cell_m} m squares on the British National Grid (EPSG:27700)"),
        ("Values", weighting_label(result)),
        (
            "Rows",
            f"{result.located_rows:,} located; excluded: {result.excluded_no_location:,} "
            f"with no location, {result.excluded_outside_area:,} outside the force's districts",
        ),
        ("Test", fdr_statement(result)),
        ("Concentration", f"share of the total in the highest cells: {shares}"),
        ("Stability", stability_statement(result) or "not computed"),
    ]
    if result.data_label:
        rows.insert(0, ("Data", result.data_label))
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return f"<dl>{items}</dl>"


def _legend(result: HotspotResult) -> str:
    breaks = _classes(result)
    bounds = [0.0, *breaks]
    parts = [
        f'<span style="background:{colour}"></span>'
        + escape(f"> {bounds[k]:,.0f}" if k else f"up to {breaks[0]:,.0f}")
        for k, colour in enumerate(COLOURS)
    ]
    return (
        f'<p class="legend">{escape(result.weights)} per cell:{"".join(parts)}'
        '<span style="background:#fff;border:2px solid #111"></span>hot (outlined); '
        "numbers: rank (labels that would overlap a higher rank are left out)</p>"
    )


def _table(result: HotspotResult) -> str:
    head = (
        '<tr><th>Rank</th><th class="l">Cell</th><th class="l">District</th><th>Count</th>'
        '<th>Score</th><th>z</th><th>Adjusted p</th><th class="l">Hot</th>'
        '<th class="l">Class</th><th>Lat, lon</th></tr>'
    )
    rows = [
        f"<tr><td>{cell.rank}</td><td class=l>{escape(cell.id)}</td>"
        f"<td class=l>{escape(cell.district or '-')}</td><td>{cell.count:,}</td>"
        f"<td>{cell.score:,.1f}</td><td>{cell.z:.2f}</td><td>{p_text(cell.p_adjusted)}</td>"
        f"<td class=l>{'yes' if cell.hot else 'no'}</td>"
        f"<td class=l>{escape(cell.pattern or '-')}</td>"
        f"<td>{cell.lat:.4f}, {cell.lon:.4f}</td></tr>"
        for cell in result.top_cells
    ]
    return f"<table>{head}{''.join(rows)}</table>"


def _caveats(result: HotspotResult) -> str:
    items = "".join(f"<li>{escape(caveat)}</li>" for caveat in result.caveats)
    return f'<ul class="notes">{items}</ul>'


def _footer(outlines: Outlines) -> str:
    notes = ["Contains public sector information licensed under the Open Government Licence "
             "v3.0 (source: data.police.uk)."]  # fmt: skip
    if outlines.source:
        notes.append(f"Outlines: {outlines.source}.")
    notes.append("Basemap, when shown: © OpenStreetMap contributors.")
    return f'<p class="notes">{" ".join(escape(n) for n in notes)}</p>'


def _basemap_tiles(box: Box) -> tuple[str, str]:
    """Tile divs positioned over the map, and the CSS that gives them images only when
    the basemap box is ticked (so nothing is fetched otherwise)."""
    lon, lat = to_wgs84([box[0], box[2]], [box[3], box[1]])
    west, east, north, south = float(lon[0]), float(lon[1]), float(lat[0]), float(lat[1])
    zoom = max(5, min(14, int(math.log2(6 * 360 / max(east - west, 1e-6)))))
    x0, x1 = _tile_x(west, zoom), _tile_x(east, zoom)
    y0, y1 = _tile_y(north, zoom), _tile_y(south, zoom)
    if (x1 - x0 + 1) * (y1 - y0 + 1) > 64:
        return "", ""
    divs, rules = [], []
    width, height = box[2] - box[0], box[3] - box[1]
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            # Corners NW, NE, SW, SE: a Web Mercator tile is a slightly rotated square on
            # the British National Grid, so it is placed by its centre, size and angle.
            west, east_ = _tile_lon(x, zoom), _tile_lon(x + 1, zoom)
            north, south = _tile_lat(y, zoom), _tile_lat(y + 1, zoom)
            e, n = to_british_national_grid(
                [west, east_, west, east_], [north, north, south, south]
            )
            w = (math.dist((e[0], n[0]), (e[1], n[1])) + math.dist((e[2], n[2]), (e[3], n[3]))) / 2
            h = (math.dist((e[0], n[0]), (e[2], n[2])) + math.dist((e[1], n[1]), (e[3], n[3]))) / 2
            angle = -math.degrees(math.atan2(n[1] - n[0], e[1] - e[0]))  # SVG y points down
            left = (float(e.mean()) - w / 2 - box[0]) / width * 100
            top = (box[3] - float(n.mean()) - h / 2) / height * 100
            name = f"t{zoom}-{x}-{y}"
            divs.append(
                f'<div class="tile {name}" style="left:{left:.3f}%;top:{top:.3f}%;'
                f"width:{w / width * 100:.3f}%;height:{h / height * 100:.3f}%;"
                f'transform:rotate({angle:.3f}deg)"></div>'
            )
            url = TILE_URL.format(z=zoom, x=x, y=y)
            rules.append(f"#basemap:checked ~ .map .{name}{{background-image:url({url})}}")
    return "".join(divs), "\n" + "\n".join(rules)


def _tile_x(lon: float, zoom: int) -> int:
    return int((lon + 180) / 360 * (1 << zoom))


def _tile_y(lat: float, zoom: int) -> int:
    rad = math.radians(lat)
    return int((1 - math.asinh(math.tan(rad)) / math.pi) / 2 * (1 << zoom))


def _tile_lon(x: int, zoom: int) -> float:
    return x / (1 << zoom) * 360 - 180


def _tile_lat(y: int, zoom: int) -> float:
    return float(math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / (1 << zoom))))))
