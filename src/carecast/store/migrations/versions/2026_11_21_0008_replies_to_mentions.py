"""replies to mentions

Revision ID: 0008
Revises: 0007
Created: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reply_account_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reply_to_remote", sa.String(length=200), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_posts_reply_account_id_accounts"),
            "accounts",
            ["reply_account_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_posts_reply_account_id_accounts"), type_="foreignkey"
        )
        batch_op.drop_column("reply_to_remote")
        batch_op.drop_column("reply_account_id")
