"""Commitment narrative as a spreadsheet (.xlsx or .csv): export, and import all-or-nothing.

One row per commitment, quarter and local policing area. `priority`, `commitment_text` and
`state` are written for the reader and ignored on import; `text` is the narrative. An import
creates drafts or edits drafts; a row whose narrative is submitted or approved must carry the
same text (it is then left alone), otherwise the whole file is refused. Exporting and
importing again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from policeplan.delivery.commitments import (
    find_commitment,
    find_commitment_update,
    narrative_name,
    parse_lpa,
    plan_commitments,
)
from policeplan.delivery.importing import RowProblem, _rejection
from policeplan.delivery.quarters import Quarter
from policeplan.delivery.spreadsheet import SheetLayout, read_rows, write_rows
from policeplan.delivery.workflow import DRAFT
from policeplan.errors import InputError
from policeplan.plan import current_plan
from policeplan.records import Clock, CommitmentUpdate, transaction, utc_now
from policeplan.store import Workspace

__all__ = ["COMMITMENT_SHEET", "NarrativeImport", "export_commitments", "import_commitments"]

COMMITMENT_SHEET = SheetLayout(
    columns=("commitment", "priority", "commitment_text", "quarter", "lpa", "text", "state"),
    required=("commitment", "quarter", "text"),
    sheet="commitments",
    aliases={"id": "commitment", "narrative": "text", "area": "lpa", "local_policing_area": "lpa"},
    what="commitment narratives",
)


@dataclass
class NarrativeImport:
    """What an import did (or, on a dry run, would do): one `ref` per row touched."""

    file: str
    dry_run: bool
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary_line(self) -> str:
        verb = "would create" if self.dry_run else "created"
        return (
            f"{verb} {len(self.created)} narrative(s), update {len(self.updated)}, "
            f"leave {self.unchanged} unchanged"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "dry_run": self.dry_run,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


@dataclass(frozen=True)
class _Row:
    line: int
    commitment: str
    quarter: str
    lpa: str
    text: str

    @property
    def ref(self) -> str:
        return f"{self.commitment} {self.quarter}" + (f" {self.lpa}" if self.lpa else "")


def import_commitments(
    workspace: Workspace, path: Path, *, actor: str, dry_run: bool = False, clock: Clock = utc_now
) -> NarrativeImport:
    """Check every row of `path`, then (unless `dry_run`) apply them in one transaction."""
    plan = current_plan(workspace)
    problems: list[RowProblem] = []
    rows: list[_Row] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in read_rows(path, COMMITMENT_SHEET):
        try:
            for required in COMMITMENT_SHEET.required:
                if not cells.get(required):
                    raise InputError("is empty", field=required)
            row = _Row(
                line,
                find_commitment(plan, cells["commitment"]).id,
                _quarter_key(cells["quarter"]),
                parse_lpa(plan, cells.get("lpa")),
                cells["text"].strip(),
            )
        except InputError as exc:
            problems.append(RowProblem(line, exc.field, exc.message))
            continue
        key = (row.commitment, row.quarter, row.lpa)
        if key in seen:
            problems.append(RowProblem(line, "commitment", f"repeats row {seen[key]}"))
            continue
        seen[key] = line
        rows.append(row)
    result = NarrativeImport(file=str(path), dry_run=dry_run)
    reason = f"import of {path.name}"
    with transaction(workspace.settings, actor=actor, clock=clock, reason=reason) as session:
        for row in rows:
            found = find_commitment_update(session, row.commitment, row.quarter, row.lpa)
            if found is not None and found.text == row.text:
                result.unchanged += 1
            elif found is not None and found.state != DRAFT:
                what = narrative_name(row.commitment, row.quarter, row.lpa)
                problems.append(
                    RowProblem(
                        row.line, "text", f"{what} is {found.state}; only a draft can change"
                    )
                )
            elif found is not None:
                result.updated.append(row.ref)
                if not dry_run:
                    found.text = row.text
            else:
                result.created.append(row.ref)
                if not dry_run:
                    session.add(
                        CommitmentUpdate(
                            commitment=row.commitment,
                            quarter=row.quarter,
                            lpa=row.lpa,
                            text=row.text,
                            state=DRAFT,
                        )
                    )
        if problems:
            raise _rejection(path, problems)
    return result


def _quarter_key(text: str) -> str:
    try:
        return Quarter.parse(text).key
    except InputError as exc:
        raise InputError(exc.message, field="quarter") from exc


def export_commitments(workspace: Workspace, path: Path, *, quarter: str | None = None) -> int:
    """Write every piece of narrative (or one quarter's); returns the number of rows."""
    plan = current_plan(workspace)
    known = {c.id: c for c in plan_commitments(plan)}
    query = select(CommitmentUpdate)
    if quarter is not None:
        query = query.where(CommitmentUpdate.quarter == Quarter.parse(quarter).key)
    with transaction(workspace.settings) as session:
        stored = list(session.scalars(query))
    rows = []
    for row in sorted(stored, key=lambda r: (r.quarter, _position(r.commitment), r.lpa)):
        commitment = known.get(row.commitment)
        rows.append(
            {
                "commitment": row.commitment,
                "priority": "" if commitment is None else commitment.priority_title,
                "commitment_text": "" if commitment is None else commitment.text,
                "quarter": row.quarter,
                "lpa": row.lpa,
                "text": row.text,
                "state": row.state,
            }
        )
    return write_rows(path, rows, COMMITMENT_SHEET)


def _position(commitment: str) -> tuple[int, int]:
    priority, number = commitment[1:].split("-C")
    return int(priority), int(number)
