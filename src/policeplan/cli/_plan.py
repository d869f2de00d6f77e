"""The plan a command runs against, when the workspace has one."""

from __future__ import annotations

from policeplan.errors import DataError
from policeplan.plan import current_plan
from policeplan.plan.model import Plan
from policeplan.store import Workspace


def plan_if_loaded(workspace: Workspace) -> Plan | None:
    """The workspace's plan, or None: most commands work without one."""
    try:
        return current_plan(workspace)
    except DataError:
        return None
