"""Export the delivery plan to .xlsx or .csv, in the shape `import_actions` reads back.

An exported file imported again changes nothing: the round trip is exact.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from policeplan.delivery.spreadsheet import join_list, write_rows
from policeplan.records import Action, Strand, transaction
from policeplan.store import Workspace


def action_row(action: Action) -> dict[str, str]:
    """One action as spreadsheet cells (the importer compares rows in this form)."""
    return {
        "action_id": action.ref,
        "strand_code": action.strand.code,
        "strand": action.strand.name,
        "strand_lead": action.strand.lead,
        "title": action.title,
        "owner": action.owner,
        "due_quarter": action.due_quarter or "",
        "status": action.status,
        "at_risk": "yes" if action.at_risk else "no",
        "reason": action.reason or "",
        "indicators": join_list(sorted(i.indicator for i in action.indicators if i.linked)),
    }


def export_actions(workspace: Workspace, path: Path) -> int:
    """Write every action, strands in order; returns the number of rows written.

    >>> from policeplan.config import load_settings
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> export_actions(Workspace(load_settings(folder, {})), folder / "plan.xlsx")
    0
    """
    with transaction(workspace.settings) as session:
        query = select(Action).join(Action.strand).order_by(Strand.id, Action.id)
        rows = [action_row(a) for a in session.scalars(query)]
    return write_rows(path, rows)
