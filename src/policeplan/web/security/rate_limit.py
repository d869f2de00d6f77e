"""Login rate limit: after 5 failures for one account, or from one address, within 15
minutes, further attempts are refused (even with the right password) until the window
passes. Failures are kept in the records store, so every server process shares them."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from policeplan.config import Settings
from policeplan.records import LoginAttempt, transaction, utc_now

__all__ = ["MAX_FAILURES", "WINDOW", "is_limited", "record_failure"]

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


def is_limited(settings: Settings, account: str, address: str, now: datetime | None = None) -> bool:
    since = (now or utc_now()) - WINDOW
    with transaction(settings) as session:
        by_account = session.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(LoginAttempt.at > since, LoginAttempt.account == account[:100])
        )
        by_address = session.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(LoginAttempt.at > since, LoginAttempt.address == address[:64])
        )
    return (by_account or 0) >= MAX_FAILURES or (by_address or 0) >= MAX_FAILURES


def record_failure(
    settings: Settings, account: str, address: str, now: datetime | None = None
) -> None:
    moment = now or utc_now()
    with transaction(settings) as session:
        # Old failures no longer count; dropping them keeps the table small.
        session.execute(delete(LoginAttempt).where(LoginAttempt.at <= moment - WINDOW))
        session.add(LoginAttempt(at=moment, account=account[:100], address=address[:64]))


def clear_failures(settings: Settings, account: str) -> None:
    """A successful login forgets the account's failures (not the address's)."""
    with transaction(settings) as session:
        session.execute(delete(LoginAttempt).where(LoginAttempt.account == account[:100]))
