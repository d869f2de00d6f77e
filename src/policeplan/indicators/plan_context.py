"""Which plan a computation runs against: the one loaded in the workspace, unless the
caller gives one (or none).

Every front end (the command line, reports, the web app) wants "the workspace's plan if
one is loaded": the plan names baselines, composite measures, the Most Similar Group and
the good direction of its indicators. Computations take `plan=LOADED_PLAN` by default.

    >>> resolve_plan(workspace, None) is None  # doctest: +SKIP
    True
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from policeplan.errors import DataError
from policeplan.plan import current_plan
from policeplan.plan.model import Plan
from policeplan.store import Workspace

__all__ = ["LOADED_PLAN", "PlanChoice", "loaded_plan", "resolve_plan"]


class _Loaded(Enum):
    LOADED_PLAN = "the workspace's plan, if one is loaded"


LOADED_PLAN = _Loaded.LOADED_PLAN
PlanChoice = Plan | None | Literal[_Loaded.LOADED_PLAN]


def loaded_plan(workspace: Workspace) -> Plan | None:
    """The workspace's plan, or None: most computations work without one."""
    try:
        return current_plan(workspace)
    except DataError:
        return None


def resolve_plan(workspace: Workspace, plan: PlanChoice) -> Plan | None:
    """`plan` itself, or the workspace's plan (if any) when it is `LOADED_PLAN`."""
    return loaded_plan(workspace) if plan is LOADED_PLAN else plan
