"""The text view, against a reviewed golden file (real Essex 2025 robbery, 500 m cells).

To accept a deliberate change: POLICEPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/hotspots
and review the diff of tests/data/hotspots/.
"""

from __future__ import annotations

import os

import pytest

from policeplan.hotspots import HotspotQuery, hotspot_analysis
from policeplan.render.hotspot_text import hotspot_lines
from policeplan.store import Workspace
from tests.conftest import TEST_DATA

GOLDEN = TEST_DATA / "hotspots/essex-robbery-2025-500m.txt"


@pytest.mark.realdata
def test_text_view_matches_the_golden_file(essex_2025: Workspace) -> None:
    query = HotspotQuery("robbery", "essex", "2025-12", cell_m=500, top=8)
    text = "\n".join(hotspot_lines(hotspot_analysis(essex_2025, query))) + "\n"
    if os.environ.get("POLICEPLAN_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
