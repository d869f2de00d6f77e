"""Tables of the delivery records: the progress summary, the action list, the risk register.

>>> from policeplan.delivery import RiskRecord
>>> risks_table([RiskRecord(1, "DA", "Too few staff", "Recruit", "Supt", "high",
...                         "open")]).rows[0][:3]
(1, 'DA', 'high')
"""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.delivery import ActionRecord, DeliverySummary, RiskRecord
from policeplan.delivery.summary import COUNT_HEADINGS, COUNTS
from policeplan.render.tables.table import COUNT, Cell, Table, table

__all__ = ["actions_table", "risks_table", "summary_table"]


def summary_table(summary: DeliverySummary) -> Table:
    """Actions per strand by status, with a Total row (the report's progress table)."""
    heads = [COUNT_HEADINGS[k] for k in COUNTS]
    named = [(s.strand, s.lead, s.counts) for s in summary.strands]
    rows: list[tuple[Cell, ...]] = [
        (strand, lead, *(counts[k] for k in COUNTS))
        for strand, lead, counts in [*named, ("Total", "", summary.total)]
    ]
    return table(
        f"Delivery {summary.quarter.label}",
        ("Strand", "Lead", *heads),
        rows,
        dict.fromkeys(heads, COUNT),
    )


def actions_table(actions: Sequence[ActionRecord]) -> Table:
    """One row per action: the fields `delivery action list --json` gives."""
    return table(
        "Actions",
        ("Action", "Strand", "Title", "Owner", "Due quarter", "Status", "At risk", "Reason",
         "Indicators"),
        [
            (a.ref, a.strand, a.title, a.owner, a.due_quarter, a.status, a.at_risk, a.reason,
             "; ".join(a.indicators))
            for a in actions
        ],
    )  # fmt: skip


def risks_table(risks: Sequence[RiskRecord]) -> Table:
    """One row per risk: number, strand, rating, status, owner, description, mitigation."""
    return table(
        "Risks",
        ("Risk", "Strand", "Rating", "Status", "Owner", "Description", "Mitigation"),
        [(r.id, r.strand, r.rating, r.status, r.owner, r.description, r.mitigation) for r in risks],
    )
