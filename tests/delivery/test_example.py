"""The bundled Essex example: nine strands, 325 actions, labelled as example data."""

from __future__ import annotations

from policeplan.delivery import EXAMPLE_SOURCE, list_actions, list_risks, list_strands, seed_example
from policeplan.store import Workspace


def test_seeding_loads_nine_strands_and_325_actions_labelled_as_example(
    sqlite_workspace: Workspace,
) -> None:
    result = seed_example(sqlite_workspace)

    assert (result.created, result.strands, result.actions) == (True, 9, 325)
    assert "example data" in result.label
    actions = list_actions(sqlite_workspace)
    assert len(actions) == 325
    assert {a.source for a in actions} == {EXAMPLE_SOURCE}
    assert all("synthetic" in a.title for a in actions if not a.at_risk)
    assert {s.source for s in list_strands(sqlite_workspace)} == {EXAMPLE_SOURCE}


def test_seeding_twice_adds_nothing_the_second_time(sqlite_workspace: Workspace) -> None:
    seed_example(sqlite_workspace)

    again = seed_example(sqlite_workspace)

    assert (again.created, again.actions) == (False, 325)
    assert len(list_actions(sqlite_workspace)) == 325


def test_the_fraud_risk_from_the_report_is_recorded_against_its_strand(
    sqlite_workspace: Workspace,
) -> None:
    seed_example(sqlite_workspace)

    (risk,) = list_risks(sqlite_workspace)
    (flagged,) = [a for a in list_actions(sqlite_workspace) if a.at_risk]

    assert (risk.strand, risk.status) == ("DCF", "open")
    assert "Serious Crime Prevention Orders" in risk.description
    assert flagged.strand == "DCF" and "Intelligence Review" in (flagged.reason or "")
