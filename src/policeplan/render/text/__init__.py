"""Text views: each takes a typed result and returns the text a reader sees."""

from policeplan.render.text.breakdown import breakdown_text
from policeplan.render.text.card import card_text
from policeplan.render.text.delivery import (
    action_status_text,
    audit_text,
    import_text,
    summary_text,
    update_state_text,
)
from policeplan.render.text.indicator import indicator_text
from policeplan.render.text.msg import msg_text
from policeplan.render.text.msg_values import msg_values_text
from policeplan.render.text.plan import plan_loaded_text, plan_text
from policeplan.render.text.rejects import rejects_text
from policeplan.render.text.scorecard import scorecard_text
from policeplan.render.text.spc import spc_text
from policeplan.render.text.summary import plan_summary_text, summary_records
from policeplan.render.text.weights import weights_text

__all__ = [
    "action_status_text",
    "audit_text",
    "breakdown_text",
    "card_text",
    "import_text",
    "indicator_text",
    "msg_text",
    "msg_values_text",
    "plan_loaded_text",
    "plan_summary_text",
    "plan_text",
    "rejects_text",
    "scorecard_text",
    "spc_text",
    "summary_records",
    "summary_text",
    "update_state_text",
    "weights_text",
]
