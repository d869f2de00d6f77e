"""The demo writes every report kind for the latest whole quarter it covers."""

from __future__ import annotations

from policeplan.reports import REPORT_KINDS
from policeplan.reports.demo_reports import latest_full_quarter, write_demo_reports
from policeplan.store import Workspace


def test_the_latest_whole_quarter_is_the_one_reported() -> None:
    assert latest_full_quarter("2024-01", "2025-12").label == "2025/26 Q3"
    assert latest_full_quarter("2024-01", "2026-02").label == "2025/26 Q3"
    assert latest_full_quarter("2024-01", "2026-03").label == "2025/26 Q4"
    assert latest_full_quarter("2025-11", "2026-02") is None


def test_every_report_kind_is_written_for_that_quarter(report_workspace: Workspace) -> None:
    seen = []
    written = write_demo_reports(
        report_workspace, "2024-01", "2025-12", on_written=seen.append, formats=("html",)
    )
    assert written.quarter is not None and written.quarter.label == "2025/26 Q3"
    assert written.folder == report_workspace.path / "reports"
    assert [p.name for p in written.paths] == [f"{kind}.html" for kind in REPORT_KINDS]
    assert list(written.paths) == seen
    for path in written.paths:
        text = path.read_text(encoding="utf-8")
        assert "Quarter 2025/26 Q3." in text and "SYNTHETIC DEMO DATA" in text
