"""Web users: add, change role, reset password, list. Every change is audited with its actor.

>>> from policeplan.config import load_settings
>>> import tempfile
>>> settings = load_settings(tempfile.mkdtemp(), {})
>>> add_user(settings, "ana", role="analyst", password="a long passphrase", actor="admin")
Account(name='ana', role='analyst', strands=(), active=True)
>>> [account.name for account in list_users(settings)]
['ana']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from policeplan.config import Settings
from policeplan.errors import InputError, RecordsError
from policeplan.records import USER_ROLES, User, WebSession, transaction, utc_now
from policeplan.web.security.passwords import check_new_password, hash_password

__all__ = ["Account", "add_user", "list_users", "reset_password", "set_role"]


@dataclass(frozen=True)
class Account:
    """A user as the app and `user list` show it (never the password hash)."""

    name: str
    role: str
    strands: tuple[str, ...]
    active: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "strands": list(self.strands),
            "active": self.active,
        }


def account_of(user: User) -> Account:
    return Account(user.name, user.role, tuple(user.strands.split()), user.active)


def _role(role: str) -> str:
    if role not in USER_ROLES:
        raise InputError(
            f"role {role!r} is not one of {', '.join(USER_ROLES)}; the public needs no account",
            field="role",
        )
    return role


def _strands(role: str, strands: Iterable[str]) -> str:
    codes = [code.strip().upper() for code in strands if code.strip()]
    if role == "lead" and not codes:
        raise InputError("a lead needs at least one strand code (--strand)", field="strand")
    if role != "lead" and codes:
        raise InputError(f"only a lead has strands, not a {role}", field="strand")
    return " ".join(codes)


def _find(session: Any, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise RecordsError(f"there is no user {name!r}; see policeplan user list")
    return user  # type: ignore[no-any-return]


def add_user(
    settings: Settings,
    name: str,
    *,
    role: str,
    password: str,
    strands: Iterable[str] = (),
    actor: str,
) -> Account:
    """A new user; RecordsError when the name is taken."""
    if not name.strip() or len(name) > 100:
        raise InputError("a user name has 1 to 100 characters", field="name")
    codes = _strands(_role(role), strands)
    hashed = hash_password(check_new_password(password))
    with transaction(settings, actor=actor) as session:
        if session.scalar(select(User).where(User.name == name)) is not None:
            raise RecordsError(f"user {name!r} already exists; use user set-role")
        user = User(
            name=name,
            role=role,
            strands=codes,
            password_hash=hashed,
            active=True,
            created_at=utc_now(),
            password_changed_at=utc_now(),
        )
        session.add(user)
        session.flush()
        return account_of(user)


def set_role(
    settings: Settings, name: str, *, role: str, strands: Iterable[str] = (), actor: str
) -> Account:
    """Change a user's role (and a lead's strands); their sessions end."""
    codes = _strands(_role(role), strands)
    with transaction(settings, actor=actor) as session:
        user = _find(session, name)
        user.role = role
        user.strands = codes
        session.flush()
        _end_sessions(session, user)
        return account_of(user)


def reset_password(settings: Settings, name: str, *, password: str, actor: str) -> Account:
    """A new password; the user's sessions end, so a stolen session stops working."""
    hashed = hash_password(check_new_password(password))
    with transaction(settings, actor=actor, reason="password reset") as session:
        user = _find(session, name)
        user.password_hash = hashed
        # The hash is never audited; the time of the change is.
        user.password_changed_at = utc_now()
        session.flush()
        _end_sessions(session, user)
        return account_of(user)


def list_users(settings: Settings) -> list[Account]:
    with transaction(settings) as session:
        return [account_of(u) for u in session.scalars(select(User).order_by(User.name))]


def _end_sessions(session: Any, user: User) -> None:
    for web_session in session.scalars(select(WebSession).where(WebSession.user_id == user.id)):
        session.delete(web_session)


def password_hash_of(settings: Settings, name: str) -> str | None:
    """The stored hash of an active user, None when there is no such active user."""
    with transaction(settings) as session:
        user = session.scalar(select(User).where(User.name == name[:100], User.active))
        return None if user is None else user.password_hash
