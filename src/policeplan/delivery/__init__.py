"""Delivery-plan tracking: strands, actions, quarterly updates, risks, with a full audit trail.

Plain data in, plain data out; every change takes an explicit `actor` and is written to the
audit log of the records store (`policeplan.records`). Errors are `RecordsError` (the store
refused a change) or `InputError` (a value or file row is wrong, with file/line/field).

    >>> from policeplan.config import load_settings
    >>> from policeplan.store import Workspace
    >>> import tempfile
    >>> workspace = Workspace(load_settings(tempfile.mkdtemp(), {}))
    >>> _ = seed_example(workspace)
    >>> delivery_summary(workspace, Quarter.parse("2021-22Q2")).total["complete"]
    150
"""

from __future__ import annotations

from policeplan.delivery.actions import (
    ActionRecord,
    add_action,
    edit_action,
    get_action,
    link_indicator,
    list_actions,
    set_action_status,
)
from policeplan.delivery.audit import AuditRecord, audit_trail, audited_entities
from policeplan.delivery.example import EXAMPLE_SOURCE, SeedResult, seed_example
from policeplan.delivery.exporting import export_actions
from policeplan.delivery.importing import ImportResult, import_actions
from policeplan.delivery.links import link_plan_indicator, plan_indicator_ids
from policeplan.delivery.quarters import Quarter
from policeplan.delivery.reading import ActionHistory, action_history, find_actions
from policeplan.delivery.risks import (
    RiskRecord,
    add_risk,
    close_risk,
    list_risks,
    rate_risk,
    reopen_risk,
    update_risk,
)
from policeplan.delivery.strands import (
    StrandRecord,
    add_strand,
    link_priority,
    list_strands,
    set_strand_lead,
)
from policeplan.delivery.summary import DeliverySummary, StrandCounts, delivery_summary
from policeplan.delivery.updates import (
    UpdateRecord,
    approve_update,
    get_update,
    list_updates,
    return_update,
    save_update,
    submit_update,
)

__all__ = [
    "EXAMPLE_SOURCE",
    "ActionHistory",
    "ActionRecord",
    "AuditRecord",
    "DeliverySummary",
    "ImportResult",
    "Quarter",
    "RiskRecord",
    "SeedResult",
    "StrandCounts",
    "StrandRecord",
    "UpdateRecord",
    "action_history",
    "add_action",
    "add_risk",
    "add_strand",
    "approve_update",
    "audit_trail",
    "audited_entities",
    "close_risk",
    "delivery_summary",
    "edit_action",
    "export_actions",
    "find_actions",
    "get_action",
    "get_update",
    "import_actions",
    "link_indicator",
    "link_plan_indicator",
    "link_priority",
    "list_actions",
    "list_risks",
    "list_strands",
    "list_updates",
    "plan_indicator_ids",
    "rate_risk",
    "reopen_risk",
    "return_update",
    "save_update",
    "seed_example",
    "set_action_status",
    "set_strand_lead",
    "submit_update",
    "update_risk",
]
