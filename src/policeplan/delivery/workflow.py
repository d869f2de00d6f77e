"""The approval workflow that strand updates and commitment narrative share.

A piece of narrative moves draft -> submitted -> approved. Only a draft can be edited; a
submitted one can be returned to draft; an approved one is final. The wording of the
refusals is defined here once, naming the record as the caller describes it
("the 2021-22Q2 update for DA").

    >>> check_transition("the 2021-22Q2 update for DA", "draft", "submitted")
    >>> check_editable("the 2021-22Q2 update for DA", "approved")
    Traceback (most recent call last):
    ...
    policeplan.errors.RecordsError: the 2021-22Q2 update for DA is approved; only a draft ...
"""

from __future__ import annotations

from policeplan.errors import RecordsError

__all__ = ["APPROVED", "DRAFT", "SUBMITTED", "TRANSITIONS", "check_editable", "check_transition"]

DRAFT, SUBMITTED, APPROVED = "draft", "submitted", "approved"
# state -> the states it may move to
TRANSITIONS: dict[str, frozenset[str]] = {
    DRAFT: frozenset({SUBMITTED}),
    SUBMITTED: frozenset({APPROVED, DRAFT}),
    APPROVED: frozenset(),
}


def check_editable(what: str, state: str) -> None:
    """Refuse to edit anything but a draft."""
    if state != DRAFT:
        raise RecordsError(
            f"{what} is {state}; only a draft can be edited"
            + (" (return it to draft first)" if state == SUBMITTED else "")
        )


def check_transition(what: str, state: str, target: str) -> None:
    """Refuse a move the workflow does not allow (e.g. approving a draft)."""
    if target not in TRANSITIONS[state]:
        raise RecordsError(f"{what} is {state}; it cannot become {target}")
