"""The HTML map: self-contained, escaped, outlines drawn, basemap off by default."""

from __future__ import annotations

import pytest

from policeplan.hotspots import HotspotQuery, hotspot_analysis
from policeplan.reference.boundaries import outlines_for
from policeplan.render.hotspot_map import hotspot_html
from policeplan.store import Workspace


@pytest.mark.realdata
def test_map_draws_cells_over_the_essex_districts_and_works_offline(
    essex_2025: Workspace,
) -> None:
    result = hotspot_analysis(essex_2025, HotspotQuery("violent-crime", "essex", "2025-12", top=10))
    page = hotspot_html(result)
    assert page.count('class="area"') == 14  # one per district
    assert page.count("<rect") == sum(1 for c in result.cells if c.count or c.hot)
    assert "<script" not in page and "<img" not in page
    # Tiles get an image only under the ticked box: nothing is fetched by default.
    assert all(
        line.startswith("#basemap:checked")
        for line in page.splitlines()
        if "tile.openstreetmap.org" in line
    )
    assert '<input type="checkbox" id="basemap">' in page  # not checked


@pytest.mark.realdata
def test_text_in_the_page_is_escaped(essex_2025: Workspace) -> None:
    result = hotspot_analysis(essex_2025, HotspotQuery("robbery", "essex", "2025-12", top=3))
    sneaky = type(result)(**{**result.__dict__, "measure_title": "<b>Robbery & co</b>"})
    page = hotspot_html(sneaky)
    assert "<b>Robbery" not in page and "&lt;b&gt;Robbery &amp; co&lt;/b&gt;" in page


def test_other_forces_fall_back_to_their_force_area_outline() -> None:
    kent = outlines_for("kent")
    assert kent.kind == "force area" and len(kent.shapes) == 1
    assert kent.source is not None and "Police Force Areas" in kent.source
    assert outlines_for("btp").kind == "none"
