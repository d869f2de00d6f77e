"""The bundled Essex example: Crime Prevention Strategy 2018-21 as at Q2 2021/22.

Loads the nine thematic strands and their leads from the Q2 2021/22 quarterly report, and a
seeded set of 325 actions that reproduces the report's status table per strand (150 complete,
175 ongoing, 1 of them at risk). The strands and counts are real; the individual actions are
synthetic and say so, because the report publishes counts only. Everything is recorded as
made at the end of September 2021, so `delivery summary --quarter 2021-22Q2` gives the table.

    >>> from policeplan.config import load_settings
    >>> from policeplan.store import Workspace
    >>> import tempfile
    >>> seed_example(Workspace(load_settings(tempfile.mkdtemp(), {}))).actions
    325
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any

from sqlalchemy import select

from policeplan.delivery.actions import create_action
from policeplan.delivery.quarters import Quarter
from policeplan.delivery.risks import create_risk
from policeplan.delivery.strands import create_strand
from policeplan.records import Action, Strand, transaction
from policeplan.records.session import RecordsSession
from policeplan.store import Workspace

EXAMPLE_FILE = "essex_crime_prevention_2018_21.json"
EXAMPLE_SOURCE = "example: Essex Crime Prevention Strategy 2018-21"
EXAMPLE_ACTOR = "policeplan example data"
# Due quarters handed out in turn: completed actions over the life of the strategy so far,
# ongoing ones over the rest of 2021/22.
_COMPLETE_DUE = [Quarter(2018, 3) + n for n in range(12)]
_ONGOING_DUE = [Quarter(2021, 3), Quarter(2021, 4)]


@dataclass(frozen=True)
class SeedResult:
    created: bool  # False when the example was already in the workspace
    strands: int
    actions: int
    label: str


def load_example() -> dict[str, Any]:
    """The example's data file, as a dict."""
    text = (
        resources.files("policeplan.delivery")
        .joinpath("example_data")
        .joinpath(EXAMPLE_FILE)
        .read_text("utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


def seed_example(workspace: Workspace) -> SeedResult:
    """Load the example into the workspace's records store; does nothing the second time."""
    data = load_example()
    recorded_at = datetime.fromisoformat(data["recorded_at"])
    with transaction(workspace.settings, actor=EXAMPLE_ACTOR, clock=lambda: recorded_at) as session:
        already = session.scalars(select(Strand).where(Strand.source == EXAMPLE_SOURCE)).all()
        if already:
            count = session.scalars(select(Action.id).where(Action.source == EXAMPLE_SOURCE)).all()
            return SeedResult(False, len(already), len(count), data["label"])
        actions = sum(_seed_strand(session, spec, data) for spec in data["strands"])
        for risk in data["risks"]:
            strand = session.scalars(select(Strand).where(Strand.code == risk["strand"])).one()
            create_risk(
                session,
                strand,
                description=risk["description"],
                mitigation=risk["mitigation"],
                owner=risk["owner"],
                rating=risk["rating"],
            )
    return SeedResult(True, len(data["strands"]), actions, data["label"])


def _seed_strand(session: RecordsSession, spec: dict[str, Any], data: dict[str, Any]) -> int:
    strand = create_strand(
        session,
        code=spec["code"],
        name=spec["name"],
        lead=spec["lead"],
        priorities=spec["priorities"],
        source=EXAMPLE_SOURCE,
    )
    at_risk = [a for a in data["at_risk_actions"] if a["strand"] == spec["code"]]
    total = int(spec["complete"]) + int(spec["ongoing"])
    for number in range(1, total + 1):
        complete = number <= spec["complete"]
        flagged = at_risk.pop(0) if not complete and at_risk else None
        due = _COMPLETE_DUE[number % len(_COMPLETE_DUE)] if complete else _ONGOING_DUE[number % 2]
        create_action(
            session,
            strand,
            ref=f"{spec['code']}-{number:03d}",
            title=flagged["title"]
            if flagged
            else f"{spec['name']}: example action {number} of {total} (synthetic)",
            owner=spec["lead"],
            due_quarter=due.key,
            status="complete" if complete else "ongoing",
            at_risk=flagged is not None,
            reason=flagged["reason"] if flagged else None,
            source=EXAMPLE_SOURCE,
        )
    return total
