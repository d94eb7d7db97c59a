"""Agency side of results and rebuttals: the council's results received (kept as signed), the
rebuttal drafts (giải trình) per result and item, their new evidence, and which exported packages
of the chain are rebuttals.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "received_results",
        sa.Column("manifest_sha256", sa.String(64), primary_key=True),
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),  # the council's result sequence for this agency
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.Column("submission_sha256", sa.String(64), nullable=False),  # the submission it answers
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("manifest", sa.LargeBinary(), nullable=False),  # manifest.json as signed
        sa.Column("document", sa.LargeBinary(), nullable=False),  # data/result.json as signed
        sa.Column("signer_subject", sa.Text(), nullable=False),
        sa.Column("signer_fingerprint", sa.String(64), nullable=False),
        sa.Column("signing_time", sa.String(40), nullable=True),
        sa.Column("revocation", sa.String(16), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.Column("notes_json", sa.Text(), nullable=False),
        sa.UniqueConstraint("assessment_id", "sequence"),
    )
    op.create_table(
        "rebuttal_drafts",
        sa.Column("result_sha256", sa.String(64), sa.ForeignKey("received_results.manifest_sha256", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("item_code", sa.String(64), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "rebuttal_evidence",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("result_sha256", sa.String(64), sa.ForeignKey("received_results.manifest_sha256", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("item_code", sa.String(64), nullable=False),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("evidence_files.sha256"), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("doc_type", sa.Text(), nullable=False),
        sa.Column("number_symbol", sa.Text(), nullable=False),
        sa.Column("issue_date", sa.String(10), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("pages", sa.Text(), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("result_sha256", "item_code", "sha256"),
    )
    op.create_table(
        "sent_rebuttals",
        # The package itself is a row of `submissions` (the agency's one package chain: sequence and
        # previous hash); this marks it as a rebuttal and says which result it answers.
        sa.Column("manifest_sha256", sa.String(64), sa.ForeignKey("submissions.manifest_sha256", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("result_sha256", sa.String(64), sa.ForeignKey("received_results.manifest_sha256"), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    for table in ("sent_rebuttals", "rebuttal_evidence", "rebuttal_drafts", "received_results"):
        op.drop_table(table)
