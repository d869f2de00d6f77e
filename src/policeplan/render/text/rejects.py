"""The text view of rejected rows (`policeplan rejects`).

>>> from policeplan.store.rejects import RejectList
>>> rejects_text(RejectList(total=0, by_field={}, rows=()))
'No rejected rows.'
"""

from __future__ import annotations

from policeplan.store.rejects import RejectList

__all__ = ["rejects_text"]


def rejects_text(found: RejectList) -> str:
    """How many rows were rejected, by field, then the first ones with their raw line."""
    if not found.total:
        return "No rejected rows."
    fields = ", ".join(f"{field} {n:,}" for field, n in found.by_field.items())
    lines = [f"{found.total:,} rejected rows (by field: {fields}); the first {len(found.rows)}:"]
    for reject in found.rows:
        lines.append(
            f"  {reject.file}, line {reject.line}, field {reject.field!r}: {reject.reason}"
        )
        if reject.raw is not None:
            lines.append(f"    {reject.raw}")
    return "\n".join(lines)
