"""Sign-ins and sign-outs in the audit log: who, when, from which address, and how it went.

An entry per event, entity "user", field "sign-in" or "sign-out", the outcome as the new
value ("signed in", "wrong name or password", "refused: too many failures", "signed out")
and the address as the reason. The password is never recorded; an unknown name is
recorded as typed (entity id 0), so guessing shows up too.
"""

from __future__ import annotations

from sqlalchemy import select

from policeplan.config import Settings
from policeplan.records import AuditEntry, User, transaction, utc_now

__all__ = ["SIGNED_IN", "SIGNED_OUT", "TOO_MANY", "WRONG_PASSWORD", "audit_sign_in"]

SIGNED_IN = "signed in"
SIGNED_OUT = "signed out"
WRONG_PASSWORD = "wrong name or password"
TOO_MANY = "refused: too many failures"


def audit_sign_in(settings: Settings, name: str, address: str, outcome: str) -> None:
    field = "sign-out" if outcome == SIGNED_OUT else "sign-in"
    with transaction(settings) as session:
        user_id = session.scalar(select(User.id).where(User.name == name))
        session.add(
            AuditEntry(
                at=utc_now(),
                actor=name[:200],
                operation=field,
                entity="user",
                entity_id=int(user_id or 0),
                entity_ref=name[:200],
                field=field,
                old_value=None,
                new_value=outcome,
                reason=f"from {address}",
            )
        )
