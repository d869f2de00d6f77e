"""Linking an action to the plan indicator it is meant to move, checked against the plan.

When the workspace has a plan loaded (`policeplan plan load`), an indicator id must be one of
its indicators (or the measure an indicator reports); without a plan any id is kept as given.
Unlinking is never checked: an id the plan no longer has can always be unlinked.

>>> from policeplan.config import load_settings
>>> from policeplan.store import Workspace
>>> from policeplan.delivery.strands import add_strand
>>> from policeplan.delivery.actions import add_action
>>> import tempfile
>>> workspace = Workspace(load_settings(tempfile.mkdtemp(), {}))
>>> _ = add_strand(workspace, code="DA", name="Domestic Abuse", lead="Supt", actor="a")
>>> _ = add_action(workspace, ref="DA-1", strand="DA", title="DARA", actor="a")
>>> link_plan_indicator(workspace, "DA-1", "domestic-abuse", actor="a").indicators
('domestic-abuse',)
"""

from __future__ import annotations

import difflib

from policeplan.delivery.actions import ActionRecord, link_indicator
from policeplan.errors import InputError
from policeplan.plan.storage import PLAN_FILE, current_plan
from policeplan.records import Clock, utc_now
from policeplan.store import Workspace


def plan_indicator_ids(workspace: Workspace) -> tuple[str, ...] | None:
    """The indicator ids (and measures) of the loaded plan; None when no plan is loaded."""
    if not (workspace.path / PLAN_FILE).is_file():
        return None
    plan = current_plan(workspace)
    ids = {indicator.id for _, indicator in plan.indicators}
    ids |= {indicator.measure for _, indicator in plan.indicators if indicator.measure}
    return tuple(sorted(ids))


def link_plan_indicator(
    workspace: Workspace,
    ref: str,
    indicator: str,
    *,
    linked: bool = True,
    actor: str,
    clock: Clock = utc_now,
) -> ActionRecord:
    """Link (or unlink) action `ref` and `indicator`, audited; InputError names an indicator
    the loaded plan does not have, with the nearest ids."""
    wanted = indicator.strip()
    if not wanted:
        raise InputError("give an indicator id", field="indicator")
    known = plan_indicator_ids(workspace) if linked else None
    if known is not None and wanted not in known:
        close = difflib.get_close_matches(wanted, known, n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise InputError(
            f"{wanted!r} is not an indicator of the loaded plan{hint}", field="indicator"
        )
    return link_indicator(workspace, ref, wanted, linked=linked, actor=actor, clock=clock)
