"""Import a delivery plan from a spreadsheet: all rows or nothing, with a dry run.

Every row is checked first; if any row is bad, the error names each bad row and its reason
and nothing is changed. A dry run does the same checks and reports what *would* change.
Rows add new actions or update existing ones (matched on `action_id`); actions missing from
the file are left as they are (drop them explicitly — nothing is deleted by omission).
A strand not yet on record is created when the row gives its code, name and lead.

    >>> from pathlib import Path
    >>> from policeplan.config import load_settings
    >>> from policeplan.store import Workspace
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "plan.csv").write_text(
    ...     "action_id,strand_code,strand,strand_lead,title,status\\n"
    ...     "DA-1,DA,Domestic Abuse,Ch Supt Tom Simons,Refresh DA training,complete\\n")
    >>> workspace = Workspace(load_settings(folder / "ws", {}))
    >>> import_actions(workspace, folder / "plan.csv", actor="analyst", dry_run=True).summary_line()
    'would create 1 action(s), update 0, leave 0 unchanged; new strand(s): DA'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from policeplan.delivery.actions import create_action, set_indicator_link
from policeplan.delivery.exporting import action_row
from policeplan.delivery.quarters import Quarter
from policeplan.delivery.spreadsheet import read_rows, split_list
from policeplan.delivery.statuses import AT_RISK, check_action_state, normalise_status, parse_flag
from policeplan.delivery.strands import create_strand
from policeplan.errors import FileRejected, InputError
from policeplan.records import Action, Clock, Strand, transaction, utc_now
from policeplan.records.session import RecordsSession
from policeplan.store import Workspace

_COMPARED = (
    "strand_code",
    "title",
    "owner",
    "due_quarter",
    "status",
    "at_risk",
    "reason",
    "indicators",
)


@dataclass(frozen=True)
class RowProblem:
    line: int
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.line}" + (f", field {self.field!r}" if self.field else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ActionChange:
    line: int
    ref: str
    kind: str  # "create" or "update"
    changes: dict[str, tuple[str, str]]  # field -> (old, new)


@dataclass
class ImportResult:
    file: str
    dry_run: bool
    created: list[ActionChange] = field(default_factory=list)
    updated: list[ActionChange] = field(default_factory=list)
    unchanged: int = 0
    new_strands: list[str] = field(default_factory=list)
    lead_changes: dict[str, tuple[str, str]] = field(default_factory=dict)

    def summary_line(self) -> str:
        verb = "would create" if self.dry_run else "created"
        line = (
            f"{verb} {len(self.created)} action(s), update {len(self.updated)}, "
            f"leave {self.unchanged} unchanged"
        )
        if self.new_strands:
            line += f"; new strand(s): {', '.join(self.new_strands)}"
        return line

    def to_dict(self) -> dict[str, Any]:
        def change(c: ActionChange) -> dict[str, Any]:
            fields = {k: {"old": o, "new": n} for k, (o, n) in c.changes.items()}
            return {"row": c.line, "action_id": c.ref, "changes": fields}

        return {
            "file": self.file,
            "dry_run": self.dry_run,
            "created": [change(c) for c in self.created],
            "updated": [change(c) for c in self.updated],
            "unchanged": self.unchanged,
            "new_strands": self.new_strands,
            "lead_changes": {k: {"old": o, "new": n} for k, (o, n) in self.lead_changes.items()},
        }


@dataclass(frozen=True)
class _Planned:
    line: int
    values: dict[str, str]  # normalised cell text, as an export would write it
    status: str
    at_risk: bool


def import_actions(
    workspace: Workspace, path: Path, *, actor: str, dry_run: bool = False, clock: Clock = utc_now
) -> ImportResult:
    """Check every row of `path`, then (unless `dry_run`) apply them in one transaction."""
    problems: list[RowProblem] = []
    planned = _check_rows(read_rows(path), problems)
    result = ImportResult(file=str(path), dry_run=dry_run)
    with transaction(
        workspace.settings, actor=actor, clock=clock, reason=f"import of {path.name}"
    ) as session:
        strands = _resolve_strands(session, planned, problems, result)
        if problems:
            raise _rejection(path, problems)
        existing = {a.ref.lower(): a for a in session.scalars(select(Action))}
        for row in planned:
            action = existing.get(row.values["action_id"].lower())
            if action is None:
                changes = {k: ("", row.values[k]) for k in _COMPARED if row.values[k]}
                result.created.append(
                    ActionChange(row.line, row.values["action_id"], "create", changes)
                )
                if not dry_run:
                    _create(session, strands[row.line], row)
                continue
            current = action_row(action)
            changes = {
                k: (current[k], row.values[k]) for k in _COMPARED if current[k] != row.values[k]
            }
            if not changes:
                result.unchanged += 1
                continue
            result.updated.append(ActionChange(row.line, action.ref, "update", changes))
            if not dry_run:
                _update(session, action, strands[row.line], row)
        if not dry_run:
            session.flush()
    return result


def _check_rows(
    rows: list[tuple[int, dict[str, str]]], problems: list[RowProblem]
) -> list[_Planned]:
    planned: list[_Planned] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        ref = cells.get("action_id", "").lower()
        if ref and ref in seen:
            problems.append(RowProblem(line, "action_id", f"repeats row {seen[ref]}"))
            continue
        seen.setdefault(ref, line)
        try:
            planned.append(_check_row(line, cells))
        except InputError as exc:
            problems.append(RowProblem(line, exc.field, exc.message))
    return planned


def _check_row(line: int, cells: dict[str, str]) -> _Planned:
    values = {
        name: cells.get(name, "")
        for name in (
            "action_id",
            "strand_code",
            "strand",
            "strand_lead",
            "title",
            "owner",
            "reason",
        )
    }
    for required in ("action_id", "title", "status"):
        if not cells.get(required):
            raise InputError("is empty", field=required)
    if not (values["strand_code"] or values["strand"]):
        raise InputError("give the strand's code or name", field="strand_code")
    status = normalise_status(cells["status"], allow_at_risk=True)
    at_risk = status == AT_RISK or parse_flag(cells.get("at_risk", ""))
    status = "ongoing" if status == AT_RISK else status
    check_action_state(status, at_risk, values["reason"] or None)
    due = cells.get("due_quarter", "")
    values.update(
        due_quarter=_due_quarter(due),
        status=status,
        at_risk="yes" if at_risk else "no",
        indicators="; ".join(split_list(cells.get("indicators", ""))),
    )
    return _Planned(line, values, status, at_risk)


def _due_quarter(text: str) -> str:
    """The quarter's key; a bad value names the file's column, `due_quarter`."""
    if not text:
        return ""
    try:
        return Quarter.parse(text).key
    except InputError as exc:
        raise InputError(exc.message, field="due_quarter") from exc


def _resolve_strands(
    session: RecordsSession,
    planned: list[_Planned],
    problems: list[RowProblem],
    result: ImportResult,
) -> dict[int, Strand]:
    """Strand of each row (line -> Strand), creating new ones and noting lead changes."""
    by_key: dict[str, Strand] = {}
    for strand in session.scalars(select(Strand)):
        by_key[strand.code.lower()] = by_key[strand.name.lower()] = strand
    resolved: dict[int, Strand] = {}
    for row in planned:
        code, name, lead = (
            row.values["strand_code"],
            row.values["strand"],
            row.values["strand_lead"],
        )
        found = by_key.get(code.lower()) if code else by_key.get(name.lower())
        if found is None:
            if not (code and name and lead):
                problems.append(
                    RowProblem(
                        row.line,
                        "strand_code",
                        f"unknown strand {code or name!r}; "
                        "give strand_code, strand and strand_lead to add it",
                    )
                )
                continue
            strand = (
                create_strand(session, code=code, name=name, lead=lead)
                if not result.dry_run
                else Strand(code=code, name=name, lead=lead)
            )
            by_key[code.lower()] = by_key[name.lower()] = strand
            result.new_strands.append(code)
        else:
            strand = found
        if found is not None and lead and lead != strand.lead:
            previous = result.lead_changes.get(strand.code)
            if previous and previous[1] != lead:
                problems.append(
                    RowProblem(
                        row.line,
                        "strand_lead",
                        f"{strand.code} already has lead {previous[1]!r} earlier in the file",
                    )
                )
                continue
            result.lead_changes[strand.code] = (strand.lead, lead)
        row.values["strand_code"] = strand.code
        resolved[row.line] = strand
    if not result.dry_run and not problems:
        for code, (_, lead) in result.lead_changes.items():
            by_key[code.lower()].lead = lead
    return resolved


def _create(session: RecordsSession, strand: Strand, row: _Planned) -> None:
    create_action(
        session,
        strand,
        ref=row.values["action_id"],
        title=row.values["title"],
        owner=row.values["owner"],
        due_quarter=row.values["due_quarter"] or None,
        status=row.status,
        at_risk=row.at_risk,
        reason=row.values["reason"] or None,
        indicators=split_list(row.values["indicators"]),
    )


def _update(session: RecordsSession, action: Action, strand: Strand, row: _Planned) -> None:
    action.strand = strand
    action.title = row.values["title"]
    action.owner = row.values["owner"]
    action.due_quarter = row.values["due_quarter"] or None
    action.status = row.status
    action.at_risk = row.at_risk
    action.reason = row.values["reason"] or None
    wanted = set(split_list(row.values["indicators"]))
    for link in action.indicators:
        set_indicator_link(session, action, link.indicator, link.indicator in wanted)
    for indicator in wanted - {i.indicator for i in action.indicators}:
        set_indicator_link(session, action, indicator, True)


def _rejection(path: Path, problems: list[RowProblem]) -> FileRejected:
    problems.sort(key=lambda p: p.line)
    listed = "\n".join(f"  {p}" for p in problems)
    if len(problems) == 1:
        only = problems[0]
        return FileRejected(
            f"{only.message}; nothing was imported", file=path, line=only.line, field=only.field
        )
    return FileRejected(f"{len(problems)} bad rows; nothing was imported:\n{listed}", file=path)
