"""CSRF tokens: every POST carries a token that a page of ours put in the form.

Signed-in users: the token stored with their session. The login form (no session yet): a
random token in a SameSite=Strict, HttpOnly cookie that the form must repeat (double
submit). Comparisons take constant time.

>>> token_matches("abc", "abc"), token_matches("abc", "abd"), token_matches(None, "")
(True, False, False)
"""

from __future__ import annotations

import hmac
import secrets

__all__ = ["CSRF_FIELD", "LOGIN_CSRF_COOKIE", "new_token", "token_matches"]

CSRF_FIELD = "csrf_token"
LOGIN_CSRF_COOKIE = "pp_login_csrf"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_matches(expected: str | None, given: str | None) -> bool:
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())
