"""SPC charts of real monthly series: limits from the data, refusal when a month is missing."""

from __future__ import annotations

import itertools
import statistics
from pathlib import Path

import pytest

from policeplan.indicators import SpcQuery
from policeplan.indicators.spc_series import spc_chart
from policeplan.store import Workspace
from tests.indicators.real_counts import count

pytestmark = pytest.mark.realdata
YEAR_2025 = [f"2025-{m:02d}" for m in range(1, 13)]


def test_essex_all_crime_chart_uses_mean_and_moving_range(
    real_workspace: Workspace, shared_data: Path
) -> None:
    values = [count(shared_data, "essex", [month])[0] for month in YEAR_2025]
    mean = statistics.fmean(values)
    moving_range = statistics.fmean(abs(b - a) for a, b in itertools.pairwise(values))

    chart = spc_chart(
        real_workspace, SpcQuery("all-crime", "essex", "2025-01", "2025-12")
    ).to_dict()

    assert [p["value"] for p in chart["points"]] == values
    assert chart["points"][0]["mean"] == pytest.approx(mean)
    assert chart["points"][0]["upper"] == pytest.approx(mean + 2.66 * moving_range)
    assert chart["direction"] == "down"


def test_missing_month_breaks_the_line_and_is_never_a_signal(real_workspace: Workspace) -> None:
    # Making Data Count: a month the workspace does not hold is a gap, never a zero.
    chart = spc_chart(
        real_workspace, SpcQuery("all-crime", "thames-valley", "2025-01", "2025-12")
    ).to_dict()
    missing = [p for p in chart["points"] if p["value"] is None]
    assert [p["month"] for p in missing] == ["2025-07"]
    assert missing[0]["special_cause"] is None and missing[0]["rules"] == []
    assert chart["segments"][0]["points"] == 11


def test_recalculation_starts_new_limits(real_workspace: Workspace) -> None:
    chart = spc_chart(
        real_workspace,
        SpcQuery("burglary", "kent", "2025-01", "2025-12", recalculate_from=("2025-07",)),
    ).to_dict()
    assert [(s["from"], s["to"]) for s in chart["segments"]] == [
        ("2025-01", "2025-06"),
        ("2025-07", "2025-12"),
    ]
