"""Text views of the delivery plan: the progress table (`delivery summary`), the audit
log (`delivery audit`) and an import's changes (`delivery import`).

    >>> from policeplan.delivery import AuditRecord
    >>> from datetime import datetime, UTC
    >>> entry = AuditRecord(datetime(2021, 10, 1, 9, tzinfo=UTC), "analyst", "update",
    ...                     "action", "DA-002", "status", "not started", "ongoing", None)
    >>> audit_text([entry])
    "2021-10-01 09:00:00  analyst  action DA-002 update: status 'not started' -> 'ongoing'"
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from policeplan.delivery import (
    ActionRecord,
    AuditRecord,
    DeliverySummary,
    ImportResult,
    UpdateRecord,
)
from policeplan.delivery.summary import COUNT_HEADINGS, COUNTS
from policeplan.render.text._common import wrapped

__all__ = [
    "action_status_text",
    "audit_text",
    "import_text",
    "summary_text",
    "update_state_text",
]

# Records known to a reader by what they link, not by a reference of their own.
_LINK_RECORDS = {"strand priority", "action indicator", "quarterly update"}


def summary_text(summary: DeliverySummary) -> str:
    """The progress table as text, like section 5.0 of the quarterly report."""
    heads = [COUNT_HEADINGS[k] for k in COUNTS]
    width = max([len("Total"), *(len(s.strand) for s in summary.strands)])
    lines = [
        f"Delivery plan progress, {summary.quarter.described()}"
        f" — as recorded before {summary.as_of:%d %B %Y %H:%M} UTC",
        f"{'Strand':<{width}}  " + "  ".join(heads),
    ]
    for name, counts in [*((s.strand, s.counts) for s in summary.strands),
                         ("Total", summary.total)]:  # fmt: skip
        lines.append(
            f"{name:<{width}}  "
            + "  ".join(f"{counts[k]:>{len(h)}}" for k, h in zip(COUNTS, heads, strict=True))
        )
    if not summary.strands and summary.first_record is not None:
        lines.append(
            "(nothing was recorded by then; the first record is from "
            f"{summary.first_record:%d %B %Y})"
        )
    if summary.includes_example_data:
        lines.append(
            "Includes example data (Essex Crime Prevention Strategy 2018-21; synthetic actions)."
        )
    lines.append("Ongoing includes the actions at risk; dropped actions are not in the total.")
    return "\n".join(lines)


def audit_text(entries: Sequence[AuditRecord]) -> str:
    """The audit log, one line per change to a record (the fields changed together on one
    line): when, who, which record, each field with its old and new value, and why;
    without internal ids or empty values."""
    if not entries:
        return "No changes recorded."
    lines = []
    for _, group in groupby(entries, key=_change_key):
        changed = list(group)
        first = changed[0]
        record = first.entity if first.entity in _LINK_RECORDS else f"{first.entity} {first.ref}"
        verb = "created" if first.operation == "create" else first.operation
        fields = "; ".join(
            part for part in (_field_change(entry) for entry in changed) if part is not None
        )
        why = f"  (why: {first.reason})" if first.reason else ""
        lines += wrapped(
            f"{first.at:%Y-%m-%d %H:%M:%S}  {first.actor}  {record} {verb}: {fields}{why}"
        )
    return "\n".join(lines)


def _change_key(entry: AuditRecord) -> tuple[object, ...]:
    return (entry.at, entry.actor, entry.operation, entry.entity, entry.ref, entry.reason)


def _field_change(entry: AuditRecord) -> str | None:
    """'status: 'not started' -> 'ongoing'', or None for a field not worth a reader's time
    (an empty value on creation, the record's own reference, the reason shown as why)."""
    old = entry.old_label or entry.old_value
    new = entry.new_label or entry.new_value
    name = entry.field_label.replace("_", " ")
    if entry.operation == "create":
        if not new or new == entry.ref or entry.field == "reason":
            return None
        return f"{name} {_shown(new)}"
    if entry.field == "reason" and new == entry.reason:
        return None
    return f"{name} {_shown(old)} -> {_shown(new)}"


def _shown(value: str | None) -> str:
    if value is None or value == "":
        return "(none)"
    return {"true": "yes", "false": "no"}.get(value, repr(value))


def import_text(result: ImportResult) -> str:
    """Each action created or updated (with its changed fields), lead changes, a summary."""
    lines = []
    for change in result.created + result.updated:
        verb = "new" if change.kind == "create" else "update"
        lines.append(f"row {change.line}: {verb} {change.ref}")
        if change.kind == "update":
            for name, (old, new) in change.changes.items():
                lines.append(f"    {name}: {old!r} -> {new!r}")
    for code, (old, new) in result.lead_changes.items():
        lines.append(f"strand {code}: lead {old!r} -> {new!r}")
    lines.append(result.summary_line() + (" (dry run: nothing changed)" if result.dry_run else ""))
    return "\n".join(lines)


def action_status_text(action: ActionRecord) -> str:
    """'DA-002: ongoing (at risk)'."""
    return f"{action.ref}: {action.status}{' (at risk)' if action.at_risk else ''}"


def update_state_text(update: UpdateRecord) -> str:
    """'DA Q2 2021/22 (July–September 2021): update submitted'."""
    return f"{update.strand} {update.quarter_label}: update {update.state}"
