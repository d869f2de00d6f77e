"""police.uk "Last outcome category" labels -> outcome group and policeplan's "solved" flag.

Solved = charged or summonsed (whatever the court later decided) or an out-of-court disposal.
The flag is policeplan's own grouping (`data/outcome_groups.csv`), modelled on the Home
Office outcomes framework (charge/summons and out-of-court disposals, outcome types 1-8):
neither the Home Office nor police.uk publishes a "solved" flag for these labels.
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
