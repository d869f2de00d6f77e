"""Text views of the delivery plan: the progress table (`delivery summary`), the audit
log (`delivery audit`) and an import's changes (`delivery import`).

    >>> from policeplan.delivery import AuditRecord
    >>> from datetime import datetime, UTC
    >>> entry = AuditRecord(datetime(2021, 10, 1, 9, tzinfo=UTC), "analyst", "update",
    ...                     "action", "DA-002", "status", "not started", "ongoing", None)
    >>> audit_text([entry])
    "2021-10-01 09:00  analyst  action DA-002  status: 'not started' -> 'ongoing'"
"""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.delivery import AuditRecord, DeliverySummary, ImportResult
from policeplan.delivery.summary import COUNT_HEADINGS, COUNTS

__all__ = ["audit_text", "import_text", "summary_text"]

# Records known to a reader by what they link, not by a reference of their own.
_LINK_RECORDS = {"strand priority", "action indicator", "quarterly update"}


def summary_text(summary: DeliverySummary) -> str:
    """The progress table as text, like section 5.0 of the quarterly report."""
    heads = [COUNT_HEADINGS[k] for k in COUNTS]
    width = max([len("Total"), *(len(s.strand) for s in summary.strands)])
    lines = [
        f"Delivery plan progress, {summary.quarter}"
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
    """One line per change: when, who, which record, the field and its old and new value,
    without internal ids or empty values."""
    if not entries:
        return "No changes recorded."
    return "\n".join(_audit_line(entry) for entry in entries)


def _audit_line(entry: AuditRecord) -> str:
    record = entry.entity if entry.entity in _LINK_RECORDS else f"{entry.entity} {entry.ref}"
    old = entry.old_label or entry.old_value
    new = entry.new_label or entry.new_value
    if old is None and new is None:
        change = "cleared"
    elif old is None:
        change = f"{new!r}"
    elif new is None:
        change = f"{old!r} -> (none)"
    else:
        change = f"{old!r} -> {new!r}"
    why = f"  ({entry.reason})" if entry.reason else ""
    return f"{entry.at:%Y-%m-%d %H:%M}  {entry.actor}  {record}  {entry.field_label}: {change}{why}"


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
