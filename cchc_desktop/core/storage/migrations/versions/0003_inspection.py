"""Inspection (council) workspace: expected agencies, imported packages, their answers and evidence.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        # True: on the round's list of expected agencies.  No expected agency at all: anyone may submit.
        sa.Column("expected", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "packages",
        sa.Column("manifest_sha256", sa.String(64), primary_key=True),
        sa.Column("agency_code", sa.String(64), sa.ForeignKey("agencies.code"), nullable=False),
        sa.Column("agency_name", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("previous_sha256", sa.String(64), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("framework_sha256", sa.String(64), sa.ForeignKey("frameworks.sha256"), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.Column("imported_by", sa.Text(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("signer_subject", sa.Text(), nullable=False),
        sa.Column("signer_fingerprint", sa.String(64), nullable=False),
        sa.Column("signing_time", sa.String(40), nullable=True),
        sa.Column("revocation", sa.String(16), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("manifest", sa.LargeBinary(), nullable=False),
        sa.Column("assessment", sa.LargeBinary(), nullable=False),
        sa.Column("changelog", sa.LargeBinary(), nullable=False),
        sa.Column("claimed_score_json", sa.Text(), nullable=False),
        sa.Column("recomputed_score_json", sa.Text(), nullable=False),
        sa.Column("score_mismatch", sa.Boolean(), nullable=False),
        sa.Column("chain_gap", sa.Boolean(), nullable=False),
        sa.Column("submitted_problems", sa.Integer(), nullable=False),
        sa.Column("notes_json", sa.Text(), nullable=False),
        sa.UniqueConstraint("agency_code", "sequence"),
    )
    op.create_table(
        "package_answers",
        sa.Column("manifest_sha256", sa.String(64), sa.ForeignKey("packages.manifest_sha256", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("item_code", sa.String(64), primary_key=True),
        sa.Column("value_json", sa.Text(), nullable=True),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_table(
        "package_evidence",
        sa.Column("manifest_sha256", sa.String(64), sa.ForeignKey("packages.manifest_sha256", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("evidence_files.sha256"), primary_key=True),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(128), nullable=False),
        sa.Column("doc_type", sa.Text(), nullable=False),
        sa.Column("number_symbol", sa.Text(), nullable=False),
        sa.Column("issue_date", sa.String(10), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("links_json", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in ("package_evidence", "package_answers", "packages", "agencies"):
        op.drop_table(table)
