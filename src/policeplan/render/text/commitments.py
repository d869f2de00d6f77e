"""Text views of commitment narrative: one line per state change, the quarter's list."""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.delivery.commitment_sheet import NarrativeImport
from policeplan.delivery.commitments import CommitmentUpdateRecord

FORCE_WIDE = "force-wide"


def _where(record: CommitmentUpdateRecord) -> str:
    return f"{record.lpa} LPA" if record.lpa else FORCE_WIDE


def commitment_state_text(record: CommitmentUpdateRecord) -> str:
    """'P1-C2 2021/22 Q3 (October–December 2021), North LPA: narrative approved'."""
    return f"{record.commitment} {record.quarter_label}, {_where(record)}: narrative {record.state}"


def commitment_list_text(records: Sequence[CommitmentUpdateRecord]) -> str:
    """Each piece of narrative with its state, then its text indented."""
    if not records:
        return "No commitment narrative recorded for this quarter."
    lines = []
    for record in records:
        lines.append(f"{record.commitment} ({_where(record)}) [{record.state}]")
        lines.extend(f"    {line}" for line in record.text.splitlines() or [""])
    return "\n".join(lines)


def narrative_import_text(result: NarrativeImport) -> str:
    lines = [result.summary_line()]
    lines += [f"  new: {ref}" for ref in result.created]
    lines += [f"  changed: {ref}" for ref in result.updated]
    return "\n".join(lines)
