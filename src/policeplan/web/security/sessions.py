"""Server-side sessions: the cookie carries only a random id; the row says who and until when.

Logging in always makes a new id (and deletes any session the browser had), so an id
planted before login is worthless after it (session fixation).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from policeplan.config import Settings
from policeplan.records import User, WebSession, transaction, utc_now

__all__ = ["SESSION_COOKIE", "SignedIn", "end_session", "load_session", "start_session"]

SESSION_COOKIE = "pp_session"


@dataclass(frozen=True)
class SignedIn:
    """The user behind a request's session, and the session's CSRF token."""

    session_id: str
    name: str
    role: str
    strands: tuple[str, ...]
    csrf_token: str


def start_session(
    settings: Settings, user_name: str, *, lifetime: timedelta, old_session: str | None
) -> SignedIn:
    """A fresh session for a user who just proved their password; the old one is gone."""
    now = utc_now()
    with transaction(settings) as session:
        if old_session:
            session.execute(delete(WebSession).where(WebSession.id == old_session))
        user = session.scalars(select(User).where(User.name == user_name)).one()
        row = WebSession(
            id=secrets.token_urlsafe(32),
            user_id=user.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            expires_at=now + lifetime,
        )
        session.add(row)
        return SignedIn(row.id, user.name, user.role, tuple(user.strands.split()), row.csrf_token)


def load_session(
    settings: Settings, session_id: str | None, *, now: datetime | None = None
) -> SignedIn | None:
    """The signed-in user, or None when the id is missing, unknown, expired or the user
    was disabled."""
    if not session_id or len(session_id) > 64:
        return None
    moment = now or utc_now()
    with transaction(settings) as session:
        found = session.execute(
            select(WebSession, User)
            .join(User, User.id == WebSession.user_id)
            .where(WebSession.id == session_id)
        ).one_or_none()
        if found is None:
            return None
        row, user = found
        if row.expires_at <= moment or not user.active:
            return None
        return SignedIn(row.id, user.name, user.role, tuple(user.strands.split()), row.csrf_token)


def end_session(settings: Settings, session_id: str | None) -> None:
    if session_id:
        with transaction(settings) as session:
            session.execute(delete(WebSession).where(WebSession.id == session_id))
