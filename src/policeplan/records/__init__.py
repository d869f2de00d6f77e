"""The delivery-plan records store: SQLAlchemy models, Alembic migrations, audited transactions.

SQLite in the workspace by default (`records.sqlite`); PostgreSQL when the workspace config or
$POLICEPLAN_DATABASE_URL gives a postgresql:// URL. The schema is migrated automatically the
first time a process opens the store.

    >>> from policeplan.config import load_settings
    >>> import tempfile
    >>> settings = load_settings(tempfile.mkdtemp(), {})
    >>> with transaction(settings) as session:
    ...     session.scalars(select(Action)).all()
    []
"""

from __future__ import annotations

from sqlalchemy import select

from policeplan.records.engine import describe_url, dispose_engines, records_engine
from policeplan.records.migrate import current_revision, downgrade, head_revision, upgrade
from policeplan.records.models import (
    ACTION_STATUSES,
    RISK_RATINGS,
    RISK_STATUSES,
    UPDATE_STATES,
    Action,
    ActionIndicator,
    Audited,
    AuditEntry,
    Base,
    CommitmentUpdate,
    QuarterlyUpdate,
    Risk,
    Strand,
    StrandPriority,
)
from policeplan.records.session import Clock, RecordsSession, audit_text, transaction, utc_now
from policeplan.records.web_models import USER_ROLES, LoginAttempt, User, WebSession

__all__ = [
    "ACTION_STATUSES",
    "RISK_RATINGS",
    "RISK_STATUSES",
    "UPDATE_STATES",
    "USER_ROLES",
    "Action",
    "ActionIndicator",
    "AuditEntry",
    "Audited",
    "Base",
    "Clock",
    "CommitmentUpdate",
    "LoginAttempt",
    "QuarterlyUpdate",
    "RecordsSession",
    "Risk",
    "Strand",
    "StrandPriority",
    "User",
    "WebSession",
    "audit_text",
    "current_revision",
    "describe_url",
    "dispose_engines",
    "downgrade",
    "head_revision",
    "records_engine",
    "select",
    "transaction",
    "upgrade",
    "utc_now",
]
