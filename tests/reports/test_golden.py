"""Each report kind, built on the fixed report workspace at a fixed clock, renders exactly
its golden HTML file. Regenerate after an intended change and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/reports/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policeplan.render.html import report_html
from policeplan.reports import REPORT_KINDS, ReportQuery, build_report
from policeplan.store import Workspace
from tests.reports.conftest import GENERATED_AT, QUARTER

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_report_html_matches_its_golden_file(report_workspace: Workspace, kind: str) -> None:
    report = build_report(report_workspace, ReportQuery(kind, QUARTER, generated_at=GENERATED_AT))
    html = report_html(report)
    golden = GOLDEN / f"{kind}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")
