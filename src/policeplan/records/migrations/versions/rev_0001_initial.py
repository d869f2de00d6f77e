"""Initial records schema: strands, actions, quarterly updates, risks, links, audit log.

Also installs triggers that refuse DELETE on every records table and any change to the
audit log, so "nothing is ever hard-deleted" holds even for someone with a SQL prompt.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

NEVER_DELETED = (
    "strands",
    "strand_priorities",
    "actions",
    "action_indicators",
    "quarterly_updates",
    "risks",
)
REFUSAL = "policeplan records are never deleted and the audit log is append-only"


def _versioned() -> list[sa.Column[int]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("operation", sa.String(length=16), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("entity_ref", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_entity", "audit_log", ["entity", "entity_id"])
    op.create_table(
        "strands",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("lead", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        *_versioned(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strands")),
        sa.UniqueConstraint("code", name=op.f("uq_strands_code")),
        sa.UniqueConstraint("name", name=op.f("uq_strands_name")),
    )
    op.create_table(
        "actions",
        sa.Column("ref", sa.String(length=40), nullable=False),
        sa.Column("strand_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_quarter", sa.String(length=10), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("at_risk", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        *_versioned(),
        sa.CheckConstraint(
            "NOT at_risk OR status = 'ongoing'", name=op.f("ck_actions_at_risk_only_ongoing")
        ),
        sa.CheckConstraint(
            "status IN ('not started', 'ongoing', 'complete', 'dropped')",
            name=op.f("ck_actions_status"),
        ),
        sa.CheckConstraint(
            "NOT at_risk OR reason IS NOT NULL", name=op.f("ck_actions_at_risk_has_reason")
        ),
        sa.ForeignKeyConstraint(
            ["strand_id"], ["strands.id"], name=op.f("fk_actions_strand_id_strands")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
        sa.UniqueConstraint("ref", name=op.f("uq_actions_ref")),
    )
    op.create_index("ix_actions_strand_id", "actions", ["strand_id"])
    op.create_table(
        "quarterly_updates",
        sa.Column("strand_id", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.String(length=10), nullable=False),
        sa.Column("achieved", sa.Text(), nullable=False),
        sa.Column("scheduled", sa.Text(), nullable=False),
        sa.Column("insight", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        *_versioned(),
        sa.CheckConstraint(
            "state IN ('draft', 'submitted', 'approved')", name=op.f("ck_quarterly_updates_state")
        ),
        sa.ForeignKeyConstraint(
            ["strand_id"], ["strands.id"], name=op.f("fk_quarterly_updates_strand_id_strands")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarterly_updates")),
        sa.UniqueConstraint("strand_id", "quarter", name=op.f("uq_quarterly_updates_strand_id")),
    )
    op.create_table(
        "risks",
        sa.Column("strand_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("mitigation", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("rating", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        *_versioned(),
        sa.CheckConstraint("rating IN ('low', 'medium', 'high')", name=op.f("ck_risks_rating")),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_risks_status")),
        sa.ForeignKeyConstraint(
            ["strand_id"], ["strands.id"], name=op.f("fk_risks_strand_id_strands")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risks")),
    )
    op.create_table(
        "strand_priorities",
        sa.Column("strand_id", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(length=300), nullable=False),
        sa.Column("linked", sa.Boolean(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["strand_id"], ["strands.id"], name=op.f("fk_strand_priorities_strand_id_strands")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strand_priorities")),
        sa.UniqueConstraint("strand_id", "priority", name=op.f("uq_strand_priorities_strand_id")),
    )
    op.create_table(
        "action_indicators",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=200), nullable=False),
        sa.Column("linked", sa.Boolean(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["action_id"], ["actions.id"], name=op.f("fk_action_indicators_action_id_actions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_indicators")),
        sa.UniqueConstraint("action_id", "indicator", name=op.f("uq_action_indicators_action_id")),
    )
    _create_guards()


def downgrade() -> None:
    _drop_guards()
    op.drop_table("action_indicators")
    op.drop_table("strand_priorities")
    op.drop_table("risks")
    op.drop_table("quarterly_updates")
    op.drop_index("ix_actions_strand_id", table_name="actions")
    op.drop_table("actions")
    op.drop_table("strands")
    op.drop_index("ix_audit_log_entity", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")


def _create_guards() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION policeplan_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '% on % refused: {REFUSAL}', TG_OP, TG_TABLE_NAME; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
            "ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION policeplan_refuse_change()"
        )
        for table in NEVER_DELETED:
            op.execute(
                f"CREATE TRIGGER {table}_never_deleted BEFORE DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION policeplan_refuse_change()"
            )
        return
    for operation in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{operation.lower()} BEFORE {operation} ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{operation} on audit_log refused: {REFUSAL}'); END"
        )
    for table in NEVER_DELETED:
        op.execute(
            f"CREATE TRIGGER {table}_never_deleted BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'DELETE on {table} refused: {REFUSAL}'); END"
        )


def _drop_guards() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        for table in NEVER_DELETED:
            op.execute(f"DROP TRIGGER {table}_never_deleted ON {table}")
        op.execute("DROP FUNCTION policeplan_refuse_change()")
        return
    op.execute("DROP TRIGGER audit_log_no_update")
    op.execute("DROP TRIGGER audit_log_no_delete")
    for table in NEVER_DELETED:
        op.execute(f"DROP TRIGGER {table}_never_deleted")
