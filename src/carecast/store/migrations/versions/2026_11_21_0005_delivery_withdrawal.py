"""delivery withdrawal

Revision ID: 0005
Revises: 0004
Created: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carecast.store.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("withdraw_at", carecast.store.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("withdrawn_at", carecast.store.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(
            batch_op.f("ix_deliveries_withdraw_at"), ["withdraw_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliveries_withdraw_at"))
        batch_op.drop_column("withdrawn_at")
        batch_op.drop_column("withdraw_at")
