"""The delivery-plan records: strands, actions, quarterly updates, commitment narrative,
risks and the audit log.

Every table but the audit log carries a `version` column that SQLAlchemy checks on each
UPDATE, so two writers that read the same row cannot silently overwrite each other. Nothing
is ever deleted: an action is *dropped*, a risk *closed*, a link *unlinked*; the migration adds
database triggers that refuse DELETE (and any UPDATE of the audit log) as a second guard.

Vocabulary (values stored in the status columns):

    action status     not started | ongoing | complete | dropped   (+ at_risk flag, ongoing only)
    update state      draft -> submitted -> approved
    risk status       open | closed
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from policeplan.records.types import UTCDateTime

ACTION_STATUSES = ("not started", "ongoing", "complete", "dropped")
UPDATE_STATES = ("draft", "submitted", "approved")
RISK_STATUSES = ("open", "closed")
RISK_RATINGS = ("low", "medium", "high")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Audited(Base):
    """A record whose every change lands in the audit log (see `policeplan.records.session`)."""

    __abstract__ = True
    audit_entity: ClassVar[str]
    # Columns that are bookkeeping rather than content, so not audited.
    unaudited: ClassVar[frozenset[str]] = frozenset({"id", "version"})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (a declared_attr takes the class)
        # SQLAlchemy adds "WHERE version = <read version>" to every UPDATE and raises
        # StaleDataError when another writer got there first.
        return {"version_id_col": cls.__table__.c.version}

    @property
    def audit_ref(self) -> str:
        """The human-facing identifier written beside the numeric id in the audit log."""
        return str(self.id)

    def audited_values(self) -> dict[str, Any]:
        """Column name -> current value, for every audited column."""
        return {
            column.key: getattr(self, column.key)
            for column in self.__table__.columns
            if column.key not in self.unaudited
        }


class Strand(Audited):
    __tablename__ = "strands"
    audit_entity = "strand"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    lead: Mapped[str] = mapped_column(String(200), active_history=True)
    source: Mapped[str] = mapped_column(String(200), default="")

    priorities: Mapped[list[StrandPriority]] = relationship(back_populates="strand")
    actions: Mapped[list[Action]] = relationship(back_populates="strand")

    @property
    def audit_ref(self) -> str:
        return self.code


class StrandPriority(Audited):
    """A link from a strand to a Police and Crime Plan priority it delivers against."""

    __tablename__ = "strand_priorities"
    __table_args__ = (UniqueConstraint("strand_id", "priority"),)
    audit_entity = "strand priority"

    strand_id: Mapped[int] = mapped_column(ForeignKey("strands.id"))
    priority: Mapped[str] = mapped_column(String(300))
    linked: Mapped[bool] = mapped_column(Boolean, default=True, active_history=True)

    strand: Mapped[Strand] = relationship(back_populates="priorities")


class Action(Audited):
    __tablename__ = "actions"
    __table_args__ = (
        CheckConstraint(_in("status", ACTION_STATUSES), name="status"),
        CheckConstraint("NOT at_risk OR status = 'ongoing'", name="at_risk_only_ongoing"),
        CheckConstraint("NOT at_risk OR reason IS NOT NULL", name="at_risk_has_reason"),
        Index("ix_actions_strand_id", "strand_id"),
    )
    audit_entity = "action"

    ref: Mapped[str] = mapped_column(String(40), unique=True)
    strand_id: Mapped[int] = mapped_column(ForeignKey("strands.id"), active_history=True)
    title: Mapped[str] = mapped_column(Text, active_history=True)
    owner: Mapped[str] = mapped_column(String(200), default="", active_history=True)
    due_quarter: Mapped[str | None] = mapped_column(String(10), active_history=True)
    status: Mapped[str] = mapped_column(String(16), default="not started", active_history=True)
    at_risk: Mapped[bool] = mapped_column(Boolean, default=False, active_history=True)
    reason: Mapped[str | None] = mapped_column(Text, active_history=True)
    source: Mapped[str] = mapped_column(String(200), default="")

    strand: Mapped[Strand] = relationship(back_populates="actions")
    indicators: Mapped[list[ActionIndicator]] = relationship(back_populates="action")

    @property
    def audit_ref(self) -> str:
        return self.ref


class ActionIndicator(Audited):
    """A link from an action to an indicator it is meant to move (an indicator key)."""

    __tablename__ = "action_indicators"
    __table_args__ = (UniqueConstraint("action_id", "indicator"),)
    audit_entity = "action indicator"

    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"))
    indicator: Mapped[str] = mapped_column(String(200))
    linked: Mapped[bool] = mapped_column(Boolean, default=True, active_history=True)

    action: Mapped[Action] = relationship(back_populates="indicators")


class QuarterlyUpdate(Audited):
    __tablename__ = "quarterly_updates"
    __table_args__ = (
        UniqueConstraint("strand_id", "quarter"),
        CheckConstraint(_in("state", UPDATE_STATES), name="state"),
    )
    audit_entity = "quarterly update"

    strand_id: Mapped[int] = mapped_column(ForeignKey("strands.id"))
    quarter: Mapped[str] = mapped_column(String(10))
    achieved: Mapped[str] = mapped_column(Text, default="", active_history=True)
    scheduled: Mapped[str] = mapped_column(Text, default="", active_history=True)
    insight: Mapped[str] = mapped_column(Text, default="", active_history=True)
    state: Mapped[str] = mapped_column(String(16), default="draft", active_history=True)

    strand: Mapped[Strand] = relationship()


class CommitmentUpdate(Audited):
    """Narrative on one plan commitment (`P1-C2`, see `delivery.commitments`) for one
    quarter, force-wide (`lpa` empty) or for one local policing area. Same workflow as a
    strand's quarterly update."""

    __tablename__ = "commitment_updates"
    __table_args__ = (
        UniqueConstraint("commitment", "quarter", "lpa"),
        CheckConstraint(_in("state", UPDATE_STATES), name="state"),
        Index("ix_commitment_updates_quarter", "quarter"),
    )
    audit_entity = "commitment update"

    commitment: Mapped[str] = mapped_column(String(40))
    quarter: Mapped[str] = mapped_column(String(10))
    lpa: Mapped[str] = mapped_column(String(60), default="")
    text: Mapped[str] = mapped_column(Text, default="", active_history=True)
    state: Mapped[str] = mapped_column(String(16), default="draft", active_history=True)

    @property
    def audit_ref(self) -> str:
        return f"{self.commitment} {self.quarter}" + (f" {self.lpa}" if self.lpa else "")


class Risk(Audited):
    __tablename__ = "risks"
    __table_args__ = (
        CheckConstraint(_in("status", RISK_STATUSES), name="status"),
        CheckConstraint(_in("rating", RISK_RATINGS), name="rating"),
    )
    audit_entity = "risk"

    strand_id: Mapped[int] = mapped_column(ForeignKey("strands.id"))
    description: Mapped[str] = mapped_column(Text, active_history=True)
    mitigation: Mapped[str] = mapped_column(Text, default="", active_history=True)
    owner: Mapped[str] = mapped_column(String(200), default="", active_history=True)
    rating: Mapped[str] = mapped_column(String(16), default="medium", active_history=True)
    status: Mapped[str] = mapped_column(String(16), default="open", active_history=True)

    strand: Mapped[Strand] = relationship()


class AuditEntry(Base):
    """One changed field of one record: who, when, what, old and new value. Append-only."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_entity", "entity", "entity_id"),
        Index("ix_audit_log_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(200))
    operation: Mapped[str] = mapped_column(String(16))  # "create" or "update"
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    entity_ref: Mapped[str] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
