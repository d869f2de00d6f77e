"""What narrative a report shows (approved only) and what it still lacks for the quarter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policeplan.delivery import UpdateRecord, list_strands, list_updates
from policeplan.delivery.commitments import (
    CommitmentUpdateRecord,
    PlanCommitment,
    list_commitment_updates,
)
from policeplan.delivery.workflow import APPROVED
from policeplan.periods import FinancialQuarter
from policeplan.render.document import BulletList, Paragraph, Section
from policeplan.store import Workspace

__all__ = [
    "NARRATIVE_NOTE",
    "CommitmentNarrative",
    "StrandNarrative",
    "commitment_narrative",
    "missing_section",
    "strand_narrative",
]

NARRATIVE_NOTE = (
    "Narrative: only approved updates appear, as their authors wrote them; what is missing "
    "or not yet approved is listed in its own section."
)


@dataclass(frozen=True)
class StrandNarrative:
    approved: dict[str, UpdateRecord]  # strand code -> approved update
    missing: tuple[str, ...]  # lines for the "still missing" list


def strand_narrative(workspace: Workspace, quarter: FinancialQuarter) -> StrandNarrative:
    updates = {u.strand: u for u in list_updates(workspace, quarter.key)}
    approved, missing = {}, []
    for strand in list_strands(workspace):
        update = updates.get(strand.code)
        if update is None:
            missing.append(f"{strand.name}: no update for {quarter.label}")
        elif update.state != APPROVED:
            missing.append(f"{strand.name}: update is {update.state}, not approved")
        else:
            approved[strand.code] = update
    return StrandNarrative(approved, tuple(missing))


@dataclass(frozen=True)
class CommitmentNarrative:
    approved: dict[
        str, tuple[CommitmentUpdateRecord, ...]
    ]  # commitment id -> approved, force first
    missing: tuple[str, ...]


def commitment_narrative(
    workspace: Workspace, quarter: FinancialQuarter, commitments: Sequence[PlanCommitment]
) -> CommitmentNarrative:
    records = list_commitment_updates(workspace, quarter.key)
    by_commitment: dict[str, list[CommitmentUpdateRecord]] = {}
    missing: list[str] = []
    for record in records:
        where = f"{record.lpa} LPA" if record.lpa else "force-wide"
        if record.state == APPROVED:
            by_commitment.setdefault(record.commitment, []).append(record)
        else:
            missing.append(
                f"{record.commitment} ({where}): narrative is {record.state}, not approved"
            )
    written = {r.commitment for r in records}
    unwritten: dict[str, list[str]] = {}
    for commitment in commitments:
        if commitment.id not in written:
            unwritten.setdefault(commitment.id.split("-")[0], []).append(commitment.id)
    # One line per priority: a plan has a hundred commitments.
    missing += [f"{', '.join(ids)}: no narrative for {quarter.label}" for ids in unwritten.values()]
    approved = {k: tuple(v) for k, v in by_commitment.items()}
    return CommitmentNarrative(approved, tuple(sorted(missing, key=_commitment_order)))


def _commitment_order(line: str) -> tuple[int, int, str]:
    ref = line.split(" ", 1)[0].rstrip(":,")
    priority, number = ref[1:].split("-C")
    return int(priority), int(number), line


def missing_section(quarter: FinancialQuarter, missing: Sequence[str]) -> Section:
    if not missing:
        blocks: tuple[Paragraph | BulletList, ...] = (
            Paragraph(f"All narrative for {quarter.label} is approved."),
        )
    else:
        blocks = (
            Paragraph(
                f"{len(missing)} item(s) of narrative for {quarter.label} are missing or not "
                "yet approved; the report leaves them out until they are approved.",
            ),
            BulletList(tuple(missing), style="missing"),
        )
    return Section("narrative-missing", "Narrative still missing or unapproved", blocks)
