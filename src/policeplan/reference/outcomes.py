"""police.uk "Last outcome category" labels -> outcome group and the Home Office "solved" flag.

Solved = charged or summonsed (whatever the court later decided) or an out-of-court disposal.
A label not in the table keeps its crime, is grouped "unmapped" and is reported by the import.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from policeplan.reference._files import read_table

UNMAPPED = "unmapped"


@dataclass(frozen=True)
class OutcomeGroup:
    label: str
    group: str
    solved: bool


@cache
def outcome_groups() -> tuple[OutcomeGroup, ...]:
    return tuple(
        OutcomeGroup(row["outcome_label"], row["outcome_group"], row["solved"] == "true")
        for row in read_table("outcome_groups.csv")
    )
