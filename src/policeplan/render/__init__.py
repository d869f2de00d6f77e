"""The presentation layer: text views, Vega-Lite charts (`render.charts`) and the Making
Data Count icons (`render.icons`). Views turn the library's typed results into what a reader
sees: they take results (never dicts) and use the wording of `render.wording`, so the
command line, reports and the web app say the same thing in the same words.

    >>> from policeplan.render import indicator_text
    >>> print(indicator_text(result))  # doctest: +SKIP

Layers: library (`indicators/`, `delivery/`, `plan/`) -> `render/` -> `cli/`, `reports/`,
`web/`. Nothing here computes a number; nothing here reads the workspace.
"""

from policeplan.render import wording
from policeplan.render.text import (
    action_status_text,
    audit_text,
    breakdown_text,
    card_text,
    import_text,
    indicator_text,
    msg_text,
    msg_values_text,
    plan_loaded_text,
    plan_summary_text,
    plan_text,
    rejects_text,
    scorecard_text,
    spc_text,
    summary_text,
    update_state_text,
    weights_text,
)

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
    "summary_text",
    "update_state_text",
    "weights_text",
    "wording",
]
