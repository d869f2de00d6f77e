"""Text views of delivery records read back: the action list, one action with its history,
the risk register and one strand's quarterly update.

    >>> from policeplan.delivery import RiskRecord
    >>> print(risks_text([RiskRecord(1, "DA", "Too few staff", "Recruit", "Supt", "high",
    ...                              "open")]))
    Risk  Strand  Rating  Status  Owner  Description    Mitigation
    1     DA      high    open    Supt   Too few staff  Recruit
"""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.delivery import ActionHistory, ActionRecord, RiskRecord, UpdateRecord
from policeplan.render.text.delivery import audit_text

__all__ = ["action_list_text", "action_show_text", "risks_text", "update_text"]

ACTION_HEADINGS = ("Action", "Strand", "Status", "Due", "Owner", "Title")
RISK_HEADINGS = ("Risk", "Strand", "Rating", "Status", "Owner", "Description", "Mitigation")
UPDATE_PARTS = (
    ("achieved", "Delivery achieved this quarter"),
    ("scheduled", "Delivery scheduled next quarter"),
    ("insight", "Insight commentary"),
)


def _columns(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headings)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [headings, *rows]
    )


def _status(action: ActionRecord) -> str:
    return f"{action.status} (at risk)" if action.at_risk else action.status


def action_list_text(actions: Sequence[ActionRecord]) -> str:
    """One line per action; 'No actions.' when there are none."""
    if not actions:
        return "No actions."
    rows = [(a.ref, a.strand, _status(a), a.due_quarter or "", a.owner, a.title) for a in actions]
    return _columns(ACTION_HEADINGS, rows)


def action_show_text(shown: ActionHistory) -> str:
    """The action's fields, one per line, then its history as the audit log shows it."""
    a = shown.action
    lines = [
        f"{a.ref}: {a.title}",
        f"  strand: {a.strand}",
        f"  owner: {a.owner or '(none)'}",
        f"  due: {a.due_quarter or '(none)'}",
        f"  status: {_status(a)}" + (f" — {a.reason}" if a.reason else ""),
        f"  indicators: {', '.join(a.indicators) or '(none)'}",
    ]
    if a.source:
        lines.append(f"  source: {a.source}")
    lines += ["History:", audit_text(list(shown.history))]
    return "\n".join(lines)


def risks_text(risks: Sequence[RiskRecord]) -> str:
    """The risk register, one line per risk; 'No risks.' when there are none."""
    if not risks:
        return "No risks."
    rows = [
        (str(r.id), r.strand, r.rating, r.status, r.owner, r.description, r.mitigation)
        for r in risks
    ]
    return _columns(RISK_HEADINGS, rows)


def update_text(update: UpdateRecord) -> str:
    """A strand's quarterly update: its state, then each part under its heading."""
    lines = [f"{update.strand} {update.quarter_label}: {update.state}"]
    for field, heading in UPDATE_PARTS:
        lines += ["", f"{heading}:", getattr(update, field) or "(none)"]
    return "\n".join(lines)
