"""Column types shared by the records models.

Timestamps are stored as naive UTC on every engine and handed back timezone-aware, so SQLite
(which has no time zones) and PostgreSQL compare and sort them the same way.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime, stored as naive UTC.

    >>> UTCDateTime().process_result_value(datetime(2021, 9, 30, 12), None).isoformat()
    '2021-09-30T12:00:00+00:00'
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(
        self, value: datetime | None, dialect: Dialect | None
    ) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"timestamp {value!r} has no time zone; records store UTC only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: datetime | None, dialect: Dialect | None
    ) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)
