"""Roles and what each may do; every view asks these functions, never compares roles itself.

| role    | reads internal pages | changes delivery items  | approves, publishes | users |
|---------|----------------------|-------------------------|---------------------|-------|
| admin   | yes                  | no                      | no                  | yes   |
| analyst | yes                  | every strand            | yes                 | no    |
| lead    | yes                  | their own strands only  | no (submits)        | no    |
| panel   | yes                  | no                      | no                  | no    |
| public  | the published snapshot only (no account)                                 |

>>> lead = SignedIn("s", "lee", "lead", ("DA",), "t")
>>> can_change_strand(lead, "DA"), can_change_strand(lead, "DCF"), can_approve(lead)
(True, False, False)
"""

from __future__ import annotations

from policeplan.web.security.sessions import SignedIn

__all__ = [
    "ROLE_DESCRIPTIONS",
    "can_approve",
    "can_change_strand",
    "can_generate_reports",
    "can_import_data",
    "can_manage_users",
    "can_publish",
    "can_read_internal",
    "can_write_commitments",
]

ROLE_DESCRIPTIONS = {
    "admin": "users and settings",
    "analyst": "data, reports, every delivery item, approval and publishing",
    "lead": "their own strands' actions and updates, and submitting them",
    "panel": "reads everything internal, changes nothing",
}


def can_read_internal(user: SignedIn | None) -> bool:
    return user is not None


def can_change_strand(user: SignedIn | None, strand_code: str) -> bool:
    if user is None:
        return False
    if user.role == "analyst":
        return True
    return user.role == "lead" and strand_code.upper() in user.strands


def can_change_any_strand(user: SignedIn | None) -> bool:
    return user is not None and user.role in ("analyst", "lead")


def can_approve(user: SignedIn | None) -> bool:
    return user is not None and user.role == "analyst"


def can_publish(user: SignedIn | None) -> bool:
    return user is not None and user.role == "analyst"


def can_generate_reports(user: SignedIn | None) -> bool:
    return user is not None and user.role == "analyst"


def can_import_data(user: SignedIn | None) -> bool:
    return user is not None and user.role == "analyst"


def can_manage_users(user: SignedIn | None) -> bool:
    return user is not None and user.role == "admin"


def can_write_commitments(user: SignedIn | None) -> bool:
    """The plan's commitments are the PFCC office's: analysts write their narrative."""
    return user is not None and user.role == "analyst"
