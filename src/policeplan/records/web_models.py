"""Web app records: users (with a role), server-side sessions and failed login attempts.

Roles, from most to least power: admin (users, settings), analyst (data, reports, every
delivery item, approve, publish), lead (their own strands only, submit), panel (read
everything internal). Anonymous visitors ("public") are not users: they see only the
published snapshot. A user is disabled, never deleted; role and strand changes are audited.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from policeplan.records.models import Audited, Base, _in
from policeplan.records.types import UTCDateTime

__all__ = ["USER_ROLES", "LoginAttempt", "User", "WebSession"]

USER_ROLES = ("admin", "analyst", "lead", "panel")


class User(Audited):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", USER_ROLES), name="role"),)
    audit_entity = "user"
    # The password hash is a secret: never copied into the audit log.
    unaudited: ClassVar[frozenset[str]] = frozenset({"id", "version", "password_hash"})

    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16), active_history=True)
    # Strand codes a lead may change, separated by spaces ("" for other roles).
    strands: Mapped[str] = mapped_column(Text, default="", active_history=True)
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True, active_history=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), active_history=True)

    @property
    def audit_ref(self) -> str:
        return self.name


class WebSession(Base):
    """A signed-in browser: the cookie holds only `id`, a random token."""

    __tablename__ = "web_sessions"
    __table_args__ = (Index("ix_web_sessions_user_id", "user_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LoginAttempt(Base):
    """A failed login, kept for the rate limit (per account and per address)."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    account: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(64))
