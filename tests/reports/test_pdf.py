"""The PDF: it opens, has a sensible number of pages, is tagged with a title, and its text
holds the report's tables. Needs WeasyPrint's Pango and poppler-utils (installed by
.ci/run); skipped with the reason when this machine lacks them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from policeplan.render.html import cell_text
from policeplan.reports import REPORT_KINDS, ReportQuery, build_report, write_report
from policeplan.store import Workspace
from tests.reports.conftest import GENERATED_AT, QUARTER

PAGES = {
    "strategy-quarterly": (8, 30),
    "plan-quarterly": (8, 30),
    "progress": (3, 12),
    "deep-dive": (4, 20),
    "national-measures": (2, 10),
}


def _needs_tools() -> None:
    for tool in ("pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing (Debian package poppler-utils; .ci/run installs it)")
    try:
        import weasyprint  # noqa: F401
    except OSError as exc:
        pytest.skip(f"WeasyPrint cannot load its system libraries: {exc}")


@pytest.mark.slow
@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_pdf_opens_is_tagged_and_holds_the_tables(
    report_workspace: Workspace, out: Path, kind: str
) -> None:
    _needs_tools()
    report = build_report(report_workspace, ReportQuery(kind, QUARTER, generated_at=GENERATED_AT))
    path = write_report(report, "pdf", out / f"{kind}.pdf")

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    fields = dict(re.findall(r"^([A-Za-z ]+):\s+(.*)$", info.stdout, flags=re.MULTILINE))
    low, high = PAGES[kind]
    assert low <= int(fields["Pages"]) <= high
    assert fields["Tagged"] == "yes"
    assert fields["Title"] == f"{report.title}: {QUARTER}"
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "SYNTHETIC DEMO DATA" in text
    assert re.search(r"Page 2 of \d+", text)
    flat = " ".join(text.split())
    for table in report.tables():
        assert " ".join(table.caption.split()) in flat
        for row in table.rows:
            # Every row's figures appear, in order, close together (text cells may wrap).
            figures = [cell_text(c) for c in row if c.format != "text"]
            assert re.search(r".{0,300}?".join(re.escape(f) for f in figures), text, re.S), row
