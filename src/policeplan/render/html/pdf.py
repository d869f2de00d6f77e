"""Reports as PDF: the report's HTML printed by WeasyPrint, tagged for accessibility.

The PDF/UA-1 variant tags the structure (headings, tables with their header cells, figures
with their alt text); the title and language come from the HTML's `<title>` and `lang`;
headings become bookmarks; the running header (report title, "SYNTHETIC DEMO DATA" for a
demo workspace) and page numbers come from the `@page` rules of the stylesheet.
"""

from __future__ import annotations

from policeplan.errors import ConfigurationError
from policeplan.render.document import Report
from policeplan.render.html import report_html

__all__ = ["PDF_VARIANT", "report_pdf"]

PDF_VARIANT = "pdf/ua-1"


def report_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    try:
        from weasyprint import HTML  # imported late: loading Pango takes a moment
    except OSError as exc:  # the system's Pango library is missing
        raise ConfigurationError(
            f"PDF needs the Pango text library ({exc}); on Debian: "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0"
        ) from exc
    document = HTML(string=report_html(report), base_url=None)
    data = document.write_pdf(pdf_variant=PDF_VARIANT)
    assert isinstance(data, bytes)
    return data
