"""The action-status vocabulary and its rules, shared by the services and the importer.

An action is *not started*, *ongoing*, *complete* or *dropped*. An ongoing action may also be
flagged *at risk*, with a reason; the reference report counts at-risk actions inside ongoing
(Digital Crime and Fraud: 43 = 27 complete + 16 ongoing, 1 of them at risk). A dropped
action needs a reason too. Nothing is deleted: dropping is how an action leaves the plan.

    >>> normalise_status("In progress")
    'ongoing'
    >>> parse_flag("Yes")
    True
"""

from __future__ import annotations

from policeplan.errors import InputError
from policeplan.records import ACTION_STATUSES

AT_RISK = "at risk"
# What people type or paste from Word tables, mapped to the stored status.
_SYNONYMS = {
    "not started": "not started",
    "not yet started": "not started",
    "ongoing": "ongoing",
    "in progress": "ongoing",
    "ongoing/in progress": "ongoing",
    "complete": "complete",
    "completed": "complete",
    "done": "complete",
    "dropped": "dropped",
    "withdrawn": "dropped",
    "at risk": AT_RISK,
}
_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0", ""}


def normalise_status(text: str, *, allow_at_risk: bool = False) -> str:
    """The stored status for `text` (case, spaces, `_`/`-` ignored); InputError if unknown."""
    key = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    status = _SYNONYMS.get(key)
    if status is None or (status == AT_RISK and not allow_at_risk):
        choices = [*ACTION_STATUSES, AT_RISK] if allow_at_risk else list(ACTION_STATUSES)
        raise InputError(
            f"{text!r} is not an action status; use one of: {', '.join(choices)}",
            field="status",
        )
    return status


def parse_flag(text: str) -> bool:
    """Read a yes/no cell."""
    key = text.strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise InputError(f"{text!r} is not yes or no", field="at_risk")


def check_action_state(status: str, at_risk: bool, reason: str | None) -> None:
    """Refuse combinations the plan does not allow, naming the field to fix.

    >>> try:
    ...     check_action_state("complete", True, "late")
    ... except InputError as exc:
    ...     print(exc.field, "-", exc.message)
    at_risk - only an ongoing action can be at risk; this one is complete
    """
    if status not in ACTION_STATUSES:
        raise InputError(f"{status!r} is not an action status", field="status")
    if at_risk and status != "ongoing":
        raise InputError(
            f"only an ongoing action can be at risk; this one is {status}", field="at_risk"
        )
    if at_risk and not (reason and reason.strip()):
        raise InputError("an action at risk needs a reason (what is blocking it)", field="reason")
    if status == "dropped" and not (reason and reason.strip()):
        raise InputError("a dropped action needs a reason (why it left the plan)", field="reason")
