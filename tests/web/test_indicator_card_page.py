"""The indicator page of a measure with no monthly police.uk counts of its own (a solved
rate, a loaded per-force measure): the card's page, with the group's values table, on the
real sample."""

from __future__ import annotations

import pytest

from policeplan.indicators import MsgQuery
from policeplan.indicators.msg_compare import compare_with_group
from policeplan.indicators.msg_values import ValueComparison
from policeplan.store import Workspace
from policeplan.web.indicator_page import build_indicator_page
from tests.indicators.test_card_msg import ranked  # noqa: F401  (the fixture)


@pytest.mark.slow
def test_solved_rate_page_shows_the_card_and_the_group(ranked: Workspace) -> None:  # noqa: F811
    page = build_indicator_page(ranked, "essex", "all-crime-solved-rate", "2025-12")
    engine = compare_with_group(
        ranked, MsgQuery("all-crime", "essex", to="2025-12", statistic="solved-rate")
    )
    assert isinstance(engine, ValueComparison)
    assert page.title == "All crime solved rate" and not page.has_hotspots
    assert page.headline == "14.6% in 2025-01 to 2025-12"
    assert page.card.msg is not None
    assert page.card.msg.startswith("3rd of 8 (plausible range 3rd to 3rd); 14.6% against")
    assert "+0.6 points (+852 solved crimes)" in page.card.msg
    table = page.tables["msg"]
    assert [row[0] for row in table.rows] == [m.force.short_name for m in engine.members]
    essex = next(row for row in table.rows if row[0] == "Essex")
    assert essex[1:4] == ("20,913", "143,676", "14.6%") and essex[5] == "3rd of 8"


@pytest.mark.slow
def test_loaded_measure_page_ranks_its_quarter(ranked: Workspace) -> None:  # noqa: F811
    page = build_indicator_page(ranked, "essex", "sickness-police-officers", "2025-09")
    assert page.headline == "4.2% in 2025-07 to 2025-09"
    rows = page.tables["msg"].rows
    assert [row[0] for row in rows][:3] == ["Sussex", "Hertfordshire", "Essex"]  # lowest first
    assert page.card.msg is not None and page.card.msg.startswith("3rd of 8")
