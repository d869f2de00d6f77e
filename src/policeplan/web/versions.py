"""Record versions for forms: a form carries the version it was read at, and a save based
on an older version is refused ("changed by someone else"), with the typed text kept."""

from __future__ import annotations

from sqlalchemy import func, select

from policeplan.config import Settings
from policeplan.records import (
    Action,
    CommitmentUpdate,
    QuarterlyUpdate,
    Risk,
    Strand,
    transaction,
)

__all__ = ["action_version", "commitment_version", "risk_version", "update_version"]


def action_version(settings: Settings, ref: str) -> int | None:
    with transaction(settings) as session:
        return session.scalar(select(Action.version).where(func.lower(Action.ref) == ref.lower()))


def update_version(settings: Settings, strand_code: str, quarter_key: str) -> int:
    """The update's version, 0 when there is none yet."""
    with transaction(settings) as session:
        version = session.scalar(
            select(QuarterlyUpdate.version)
            .join(Strand, Strand.id == QuarterlyUpdate.strand_id)
            .where(Strand.code == strand_code, QuarterlyUpdate.quarter == quarter_key)
        )
        return int(version or 0)


def commitment_version(settings: Settings, commitment: str, quarter_key: str, lpa: str) -> int:
    """The commitment narrative's version, 0 when there is none yet."""
    with transaction(settings) as session:
        version = session.scalar(
            select(CommitmentUpdate.version).where(
                CommitmentUpdate.commitment == commitment,
                CommitmentUpdate.quarter == quarter_key,
                CommitmentUpdate.lpa == lpa,
            )
        )
        return int(version or 0)


def risk_version(settings: Settings, risk_id: int) -> int | None:
    with transaction(settings) as session:
        return session.scalar(select(Risk.version).where(Risk.id == risk_id))
