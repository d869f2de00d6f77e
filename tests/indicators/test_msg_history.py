"""The MSG position at each of the last N quarter ends (`msg --history N`), gaps shown, on
the real police.uk sample: each position is the rank of Essex's rate (or solved rate)
among the members ranked now, counted independently from the raw files."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.indicators import MsgQuery
from policeplan.indicators.msg import msg_comparison
from policeplan.indicators.msg_solved import msg_solved_rate
from policeplan.reference import population_for
from policeplan.render import msg_text, msg_values_text
from policeplan.store import Workspace
from tests.indicators.real_counts import count
from tests.indicators.test_msg_solved import PEERS

QUARTERS = {
    "2025-03": ["2025-01", "2025-02", "2025-03"],
    "2025-06": ["2025-04", "2025-05", "2025-06"],
    "2025-12": ["2025-10", "2025-11", "2025-12"],
}


def _query(statistic: str) -> MsgQuery:
    return MsgQuery("all-crime", "essex", to="2025-12", months=3, group=PEERS,
                    statistic=statistic, history=6)  # fmt: skip


@pytest.mark.realdata
def test_rate_positions_at_quarter_ends_match_an_independent_count_with_gaps(
    shared_data: Path, real_workspace: Workspace
) -> None:
    result = msg_comparison(real_workspace, _query("rate"), plan=None)
    ranked = [m.force.slug for m in result.members]
    history = result.to_dict()["history"]

    assert [p["to"] for p in history] == [
        "2024-09", "2024-12", "2025-03", "2025-06", "2025-09", "2025-12"
    ]  # fmt: skip
    # 2024-07 to 2024-12 are not held at all; Thames Valley lacks 2025-07.
    assert [p["rank"] is None for p in history] == [True, True, False, False, True, False]
    assert history[4]["note"] == "incomplete or no population: Thames Valley"
    for position in history:
        if position["rank"] is None:
            continue
        months = QUARTERS[position["to"]]
        rates = {
            f: count(shared_data, f, months)[0] / population_for(f, 2025).population for f in ranked
        }
        expected = 1 + sum(r < rates["essex"] for r in rates.values())
        assert (position["rank"], position["of"]) == (expected, len(ranked))
    assert (
        "Position at the last 6 quarter ends (oldest first): 2024-09: gap, 2024-12: gap, "
        "2025-03:" in msg_text(result).replace("\n  ", " ")
    )


@pytest.mark.realdata
def test_solved_rate_positions_at_quarter_ends_match_an_independent_count(
    shared_data: Path, real_workspace: Workspace
) -> None:
    result = msg_solved_rate(real_workspace, _query("solved-rate"), plan=None)
    ranked = [m.force.slug for m in result.members]
    history = result.to_dict()["history"]

    assert [p["rank"] is None for p in history] == [True, True, False, False, True, False]
    for position in history:
        if position["rank"] is None:
            continue
        solved = {}
        for force in ranked:
            crimes, solved_crimes = count(shared_data, force, QUARTERS[position["to"]])
            solved[force] = solved_crimes / crimes
        expected = 1 + sum(r > solved["essex"] for r in solved.values())
        assert position["rank"] == expected
    assert "2025-09: gap" in msg_values_text(result).replace("\n  ", " ")
