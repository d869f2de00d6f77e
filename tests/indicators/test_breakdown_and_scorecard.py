"""Breakdowns add up to their whole; a scorecard equals the indicators one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.indicators import BreakdownQuery, IndicatorQuery, ScorecardQuery
from policeplan.indicators.breakdown import breakdown
from policeplan.indicators.indicator import compute_indicator
from policeplan.indicators.measures import CRIME_MEASURES
from policeplan.indicators.scorecard import scorecard
from policeplan.store import Workspace
from tests.indicators.real_counts import street_rows

pytestmark = pytest.mark.realdata


def test_crime_types_add_up_to_all_crime(real_workspace: Workspace) -> None:
    query = BreakdownQuery("all-crime", "essex", "2025-04", 4, "last-year", "crime-type")
    parts = breakdown(real_workspace, query).to_dict()
    whole = compute_indicator(
        real_workspace, IndicatorQuery("all-crime", "essex", "2025-04", 4, "last-year")
    )

    assert len(parts["rows"]) == 13
    assert sum(row["current"] for row in parts["rows"]) == whole.to_dict()["current"]["count"]
    assert sum(row["comparison"] for row in parts["rows"]) == whole.to_dict()["comparison"]["count"]


def test_districts_match_lsoa_name_prefixes(real_workspace: Workspace, shared_data: Path) -> None:
    months = ["2025-01", "2025-02", "2025-03", "2025-04"]
    expected = sum(
        1
        for month in months
        for row in street_rows(shared_data, "essex", month)
        if row["Crime type"] == "Shoplifting" and row["LSOA name"].startswith("Harlow ")
    )
    query = BreakdownQuery("shoplifting", "essex", "2025-04", 4, "last-year", "district")
    parts = breakdown(real_workspace, query).to_dict()
    harlow = next(row for row in parts["rows"] if row["part"] == "Harlow")
    assert harlow["current"] == expected
    # 14 districts, then the crimes in none of them (issue #9 item 8).
    assert len(parts["rows"]) == 15
    assert parts["rows"][-1]["part"] == "No location / unknown district"


def test_scorecard_equals_each_indicator_computed_alone(real_workspace: Workspace) -> None:
    card = scorecard(real_workspace, ScorecardQuery("hampshire", "2025-06", 3, "previous"))

    assert [r.measure for r in card.indicators] == list(CRIME_MEASURES)
    for result in card.indicators:
        alone = compute_indicator(
            real_workspace, IndicatorQuery(result.measure, "hampshire", "2025-06", 3)
        )
        assert result.to_dict() == alone.to_dict()
