"""The summary reproduces the reference report's delivery-plan table from the seeded example."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from policeplan.delivery import (
    Quarter,
    add_action,
    add_strand,
    delivery_summary,
    seed_example,
    set_action_status,
)
from policeplan.records import Clock
from policeplan.store import Workspace

# Typed by hand from section 5.0 of "Crime Prevention Strategy 2018-21: Quarterly Report
# Q2 2021/22" (Essex Police). Strand, Total, Complete, Ongoing/In progress, At risk.
REPORT_TABLE = """
Domestic Abuse                          37  13  24  0
Gangs and Knife Crime                   43  30  13  0
Night-Time Economy (NTE)                24  12  12  0
Child Abuse and Exploitation            23   3  20  0
Extremism and Radicalisation            15   1  14  0
Hate Crime                              35  16  19  0
Digital Crime and Fraud                 43  27  16  1
Dwelling Burglary and Street Robbery    81  33  48  0
Serious and Organised Crime             24  15   9  0
Total                                  325 150 175  1
"""
# From section 7.0 of the same report.
REPORT_LEADS = {
    "Domestic Abuse": "Chief Superintendent Tom Simons",
    "Gangs and Knife Crime": "Detective Superintendent Rob Kirby",
    "Night-Time Economy (NTE)": "Superintendent Stuart Weaver",
    "Child Abuse and Exploitation": "Detective Chief Superintendent Andy Packer",
    "Extremism and Radicalisation": "Superintendent Richard Melton",
    "Hate Crime": "Superintendent Richard Melton",
    "Digital Crime and Fraud": "Detective Chief Inspector Andy Clarkson",
    "Dwelling Burglary and Street Robbery": "Chief Superintendent Simon Anslow",
    "Serious and Organised Crime": "Detective Chief Inspector Lee Morton",
}
Q2 = Quarter.parse("2021-22Q2")


def report_rows() -> list[tuple[str, dict[str, int]]]:
    rows = []
    for line in REPORT_TABLE.strip().splitlines():
        *words, total, complete, ongoing, at_risk = line.split()
        counts = {"total": int(total), "complete": int(complete), "ongoing": int(ongoing)}
        rows.append((" ".join(words), counts | {"at_risk": int(at_risk)}))
    return rows


def test_the_typed_report_table_adds_up() -> None:
    *strands, (_, total) = report_rows()
    for key in ("total", "complete", "ongoing", "at_risk"):
        assert sum(counts[key] for _, counts in strands) == total[key]
    for _, counts in strands:
        assert counts["complete"] + counts["ongoing"] == counts["total"]


def test_summary_of_the_seeded_example_reproduces_the_report_table(workspace: Workspace) -> None:
    seed_example(workspace)

    summary = delivery_summary(workspace, Q2).to_dict()

    *strands, (_, total) = report_rows()
    got = [
        (row["strand"], {k: row[k] for k in ("total", "complete", "ongoing", "at_risk")})
        for row in summary["strands"]
    ]
    assert got == strands
    assert {k: summary["total"][k] for k in total} == total
    assert summary["total"]["not_started"] == summary["total"]["dropped"] == 0
    assert {row["strand"]: row["lead"] for row in summary["strands"]} == REPORT_LEADS
    assert summary["quarter"] == "2021-22Q2"
    assert summary["includes_example_data"] is True


def test_a_past_quarter_does_not_change_when_actions_move_on_later(workspace: Workspace) -> None:
    seed_example(workspace)
    october = datetime(2021, 10, 20, 10, 0, tzinfo=UTC)

    set_action_status(workspace, "DCF-028", "complete", actor="lead", clock=lambda: october)

    q2 = delivery_summary(workspace, Q2).total
    q3 = delivery_summary(workspace, Q2 + 1).total
    assert (q2["complete"], q2["ongoing"], q2["at_risk"]) == (150, 175, 1)
    assert (q3["complete"], q3["ongoing"], q3["at_risk"]) == (151, 174, 0)


def test_dropped_actions_leave_the_total_and_not_started_ones_count_in_it(
    workspace: Workspace, clock: Clock
) -> None:
    add_strand(workspace, code="HC", name="Hate Crime", lead="Supt", actor="a", clock=clock)
    for ref in ("HC-1", "HC-2", "HC-3"):
        add_action(workspace, ref=ref, strand="HC", title=ref, actor="a", clock=clock)
    set_action_status(
        workspace, "HC-2", "dropped", reason="merged into HC-3", actor="a", clock=clock
    )
    set_action_status(workspace, "HC-3", "at risk", reason="no funding", actor="a", clock=clock)

    (row,) = delivery_summary(workspace, Q2).to_dict()["strands"]

    assert row == {
        "strand": "Hate Crime",
        "lead": "Supt",
        "total": 2,
        "complete": 0,
        "ongoing": 1,
        "at_risk": 1,
        "not_started": 1,
        "dropped": 1,
    }


def test_a_strand_added_after_the_quarter_is_not_in_its_table(workspace: Workspace) -> None:
    later = datetime(2022, 1, 10, tzinfo=UTC)
    add_strand(
        workspace,
        code="VAWG",
        name="Violence against women and girls",
        lead="Supt",
        actor="a",
        clock=lambda: later,
    )

    assert delivery_summary(workspace, Q2).strands == []
    assert [s.strand for s in delivery_summary(workspace, Q2 + 2).strands] == [
        "Violence against women and girls"
    ]


@pytest.mark.parametrize("as_of_day", [datetime(2021, 10, 31, 23, 59, tzinfo=UTC)])
def test_as_of_counts_changes_made_up_to_a_reporting_deadline(
    workspace: Workspace, as_of_day: datetime
) -> None:
    seed_example(workspace)
    october = datetime(2021, 10, 20, 10, 0, tzinfo=UTC)
    set_action_status(workspace, "DA-014", "complete", actor="lead", clock=lambda: october)

    total = delivery_summary(workspace, Q2, as_of=as_of_day).total

    assert (total["complete"], total["ongoing"]) == (151, 174)
