"""Passwords hashed with argon2id (argon2-cffi's defaults, RFC 9106 low-memory profile).

>>> hashed = hash_password("correct horse battery staple")
>>> hashed.startswith("$argon2id$")
True
>>> verify_password(hashed, "correct horse battery staple"), verify_password(hashed, "nope")
(True, False)
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from policeplan.errors import InputError

__all__ = ["MIN_PASSWORD_LENGTH", "check_new_password", "hash_password", "verify_password"]

MIN_PASSWORD_LENGTH = 12
_HASHER = PasswordHasher()
# Verified when the account does not exist, so a missing account takes as long as a
# wrong password (no user-name probing by timing).
_DUMMY_HASH = _HASHER.hash("policeplan: no such account")


def check_new_password(password: str) -> str:
    """The password, if long enough; InputError on `password` otherwise."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(
            f"the password has {len(password)} characters; use at least {MIN_PASSWORD_LENGTH}",
            field="password",
        )
    return password


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(hashed: str | None, password: str) -> bool:
    """True when `password` matches; a None hash (no such account) is checked against a
    dummy so it costs the same time."""
    try:
        return _HASHER.verify(hashed or _DUMMY_HASH, password) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(hashed: str) -> bool:
    return _HASHER.check_needs_rehash(hashed)
