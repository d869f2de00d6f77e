"""Reports as one self-contained HTML file, and as an accessible PDF drawn from it.

`report_html(report)` fills a Jinja2 template (autoescaped: narrative a person wrote is
shown as written, never interpreted) with the report's sections; styles sit in a `<style>`
element and charts are SVG images in `data:` addresses, so the file refers to nothing
outside itself and uses the system's fonts. `report_pdf(report)` prints the same HTML
with WeasyPrint, tagged as PDF/UA-1 (see `pdf.py`).
"""

from __future__ import annotations

import base64
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from policeplan.render.document import BulletList, Chart, Icons, Report, Table
from policeplan.render.html.numbers import cell_text, is_numeric

__all__ = ["cell_text", "report_html"]


def svg_uri(svg: str) -> str:
    """An SVG document as a `data:` address, for an `<img>` with alt text."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("policeplan.render.html", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.tests.update(
        table=lambda b: isinstance(b, Table),
        chart=lambda b: isinstance(b, Chart),
        bullets=lambda b: isinstance(b, BulletList),
        icons=lambda b: isinstance(b, Icons),
    )
    environment.globals.update(cell_text=cell_text, is_numeric=is_numeric, svg_uri=svg_uri)
    return environment


def report_html(report: Report) -> str:
    """The report as one HTML document (text)."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        generated_iso=report.generated_at.isoformat(),
        generated_text=report.generated_at.strftime("%-d %B %Y, %H:%M %Z").strip(),
    )
