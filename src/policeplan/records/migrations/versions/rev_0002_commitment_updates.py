"""Commitment narrative: one row per plan commitment, quarter and local policing area.

Same workflow and guards as the strand updates of 0001: a CHECK on the state and a trigger
that refuses DELETE, on SQLite and PostgreSQL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLE = "commitment_updates"
REFUSAL = "policeplan records are never deleted and the audit log is append-only"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("commitment", sa.String(length=40), nullable=False),
        sa.Column("quarter", sa.String(length=10), nullable=False),
        sa.Column("lpa", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "state IN ('draft', 'submitted', 'approved')", name=op.f("ck_commitment_updates_state")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_updates")),
        sa.UniqueConstraint(
            "commitment", "quarter", "lpa", name=op.f("uq_commitment_updates_commitment")
        ),
    )
    op.create_index("ix_commitment_updates_quarter", TABLE, ["quarter"])
    if op.get_bind().dialect.name == "postgresql":
        # policeplan_refuse_change() was created by 0001.
        op.execute(
            f"CREATE TRIGGER {TABLE}_never_deleted BEFORE DELETE OR TRUNCATE ON {TABLE} "
            "FOR EACH STATEMENT EXECUTE FUNCTION policeplan_refuse_change()"
        )
    else:
        op.execute(
            f"CREATE TRIGGER {TABLE}_never_deleted BEFORE DELETE ON {TABLE} "
            f"BEGIN SELECT RAISE(ABORT, 'DELETE on {TABLE} refused: {REFUSAL}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER {TABLE}_never_deleted ON {TABLE}")
    else:
        op.execute(f"DROP TRIGGER {TABLE}_never_deleted")
    op.drop_index("ix_commitment_updates_quarter", table_name=TABLE)
    op.drop_table(TABLE)
