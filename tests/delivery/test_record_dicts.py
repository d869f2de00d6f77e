"""Every delivery record has one `to_dict()`: its fields, tuples as lists, JSON-ready."""

from __future__ import annotations

import json

from policeplan.config import Settings
from policeplan.delivery import (
    add_action,
    add_risk,
    add_strand,
    list_actions,
    list_risks,
    list_strands,
    save_update,
)
from policeplan.store import Workspace


def test_records_turn_into_json_with_their_field_names(settings: Settings) -> None:
    workspace = Workspace(settings)
    add_strand(workspace, code="HC", name="Hate Crime", lead="Supt A", actor="analyst")
    add_action(workspace, ref="HC-001", strand="HC", title="Train call handlers",
               indicators=["hate-crime"], actor="analyst")  # fmt: skip
    update = save_update(workspace, "HC", "2021-22Q2", achieved="Trained 40", actor="analyst")
    add_risk(workspace, "HC", description="Funding ends", mitigation="Bid", owner="Supt A",
             rating="high", actor="analyst")  # fmt: skip

    [strand] = list_strands(workspace)
    [action] = list_actions(workspace)
    [risk] = list_risks(workspace)

    assert strand.to_dict() == {"code": "HC", "name": "Hate Crime", "lead": "Supt A",
                                "priorities": [], "source": ""}  # fmt: skip
    assert action.to_dict()["indicators"] == ["hate-crime"]
    assert action.to_dict()["ref"] == "HC-001" and action.to_dict()["status"] == "not started"
    assert update.to_dict()["quarter"] == "2021-22Q2"
    assert update.to_dict()["achieved"] == "Trained 40"
    assert risk.to_dict()["rating"] == risk.rating
    for record in (strand, action, update, risk):
        json.dumps(record.to_dict())
