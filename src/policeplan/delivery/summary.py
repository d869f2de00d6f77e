"""The delivery-plan progress table: actions per strand by status, as at the end of a quarter.

Counts follow the reference report's table: `ongoing` includes "in progress", and `at_risk`
counts the flagged actions *inside* ongoing (so complete + ongoing + not_started = total).
Dropped actions have left the plan: they are counted in `dropped`, not in `total`.

The table is rebuilt from the audit log as it stood at the end of the quarter (midnight UTC
at the start of the next quarter), so a past quarter's table does not change when actions
move on later. Pass `as_of` to count at another moment (e.g. a reporting deadline): a
date counts everything recorded by the end of that day (UTC).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select

from policeplan.delivery.quarters import Quarter
from policeplan.errors import InputError
from policeplan.records import AuditEntry, transaction
from policeplan.store import Workspace

__all__ = [
    "COUNTS",
    "COUNT_HEADINGS",
    "DeliverySummary",
    "StrandCounts",
    "delivery_summary",
    "end_of_day",
    "parse_as_of",
    "quarter_end",
]

COUNTS = ("total", "complete", "ongoing", "at_risk", "not_started", "dropped")
# The column headings of the report's progress table, one per count.
COUNT_HEADINGS = dict(
    zip(COUNTS, ("Total", "Complete", "Ongoing", "At risk", "Not started", "Dropped"), strict=True)
)
_FIELDS = {"action": ("strand_id", "status", "at_risk"), "strand": ("name", "lead", "source")}
EXAMPLE_PREFIX = "example:"


@dataclass(frozen=True)
class StrandCounts:
    """One strand's actions by status (keys of `counts`: COUNTS)."""

    strand: str
    lead: str
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"strand": self.strand, "lead": self.lead, **{k: self.counts[k] for k in COUNTS}}


@dataclass(frozen=True)
class DeliverySummary:
    """The progress table of a quarter as recorded before `as_of`."""

    quarter: Quarter
    as_of: datetime
    strands: list[StrandCounts]
    total: dict[str, int]
    first_record: datetime | None
    includes_example_data: bool

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape printed by `policeplan delivery summary --json`."""
        return {
            "quarter": self.quarter.key,
            "quarter_label": self.quarter.label,
            "months": self.quarter.months,
            "as_of": self.as_of.isoformat(),
            "strands": [s.to_dict() for s in self.strands],
            "total": dict(self.total),
            "includes_example_data": self.includes_example_data,
        }


def quarter_end(quarter: Quarter) -> datetime:
    """The first instant after the quarter, in UTC.

    >>> quarter_end(Quarter.parse("2021-22Q2")).isoformat()
    '2021-10-01T00:00:00+00:00'
    """
    return datetime.combine((quarter + 1).first_day, time(), tzinfo=UTC)


def end_of_day(day: date) -> datetime:
    """The last instant of `day`, in UTC: what "as of 31 October" means.

    >>> end_of_day(date(2021, 10, 31)).isoformat()
    '2021-10-31T23:59:59.999999+00:00'
    """
    return datetime.combine(day, time.max, tzinfo=UTC)


def parse_as_of(text: str) -> datetime:
    """A date written YYYY-MM-DD, as the end of that day (UTC); InputError on `as_of`.

    >>> parse_as_of("2021-10-31").isoformat()
    '2021-10-31T23:59:59.999999+00:00'
    """
    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError as exc:
        raise InputError(f"{text!r} is not a date like 2021-10-31", field="as_of") from exc
    return end_of_day(day)


def delivery_summary(
    workspace: Workspace, quarter: Quarter, *, as_of: datetime | date | None = None
) -> DeliverySummary:
    """Count actions per strand by status as they stood at `as_of` (default: quarter end;
    a date means the end of that day, UTC)."""
    if isinstance(as_of, datetime):
        moment = as_of
    elif isinstance(as_of, date):
        moment = end_of_day(as_of)
    else:
        moment = quarter_end(quarter)
    query = (
        select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.field, AuditEntry.new_value)
        .where(AuditEntry.at < moment, AuditEntry.entity.in_(_FIELDS))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    state: dict[tuple[str, int], dict[str, str | None]] = {}
    with transaction(workspace.settings) as session:
        for entity, entity_id, name, value in session.execute(query):
            if name in _FIELDS[entity]:
                state.setdefault((entity, entity_id), {})[name] = value
        first = session.scalar(select(AuditEntry.at).order_by(AuditEntry.id).limit(1))
    strands = {key[1]: values for key, values in state.items() if key[0] == "strand"}
    counts: dict[int, Counter[str]] = {strand_id: Counter() for strand_id in strands}
    for (entity, _), values in state.items():
        if entity == "action" and values.get("strand_id") is not None:
            strand_id = int(str(values["strand_id"]))
            counts.setdefault(strand_id, Counter()).update(_count(values))
    rows = [
        StrandCounts(
            strand=str(strands[sid].get("name")),
            lead=str(strands[sid].get("lead") or ""),
            counts={k: counts[sid][k] for k in COUNTS},
        )
        for sid in sorted(strands)
    ]
    total = {k: sum(row.counts[k] for row in rows) for k in COUNTS}
    example = any(str(s.get("source") or "").startswith(EXAMPLE_PREFIX) for s in strands.values())
    return DeliverySummary(quarter, moment, rows, total, first, example)


def _count(values: dict[str, str | None]) -> Counter[str]:
    status = values.get("status")
    kind = {"not started": "not_started"}.get(str(status), str(status))
    counted: Counter[str] = Counter({kind: 1})
    if kind != "dropped":
        counted["total"] += 1
    if kind == "ongoing" and values.get("at_risk") == "true":
        counted["at_risk"] += 1
    return counted
