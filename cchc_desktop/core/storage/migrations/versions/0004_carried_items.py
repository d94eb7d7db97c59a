"""Next year from last year: items carried over from the previous year, "to confirm".

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "carried_items",
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_code", sa.String(64), primary_key=True),
        sa.Column("from_year", sa.Integer(), nullable=False),
        sa.Column("note", sa.Boolean(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("carried_items")
