"""mention triage

Revision ID: 0006
Revises: 0005
Created: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("category", sa.String(length=30), nullable=True))
        batch_op.add_column(
            sa.Column("contains_phi", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("confidence", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("actions", sa.JSON(), server_default=sa.text("'[]'"), nullable=False)
        )
        batch_op.add_column(sa.Column("public_reply", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("phi", sa.JSON(), server_default=sa.text("'[]'"), nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_mentions_category"), ["category"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentions_category"))
        batch_op.drop_column("phi")
        batch_op.drop_column("public_reply")
        batch_op.drop_column("actions")
        batch_op.drop_column("confidence")
        batch_op.drop_column("contains_phi")
        batch_op.drop_column("category")
