"""Initial workspace schema: meta, frameworks, assessments, answers, evidence, change log.

Revision ID: 0001
Revises:
"""

from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "frameworks",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("framework_id", sa.String(200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("canonical", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False, unique=True),
        sa.Column("framework_sha256", sa.String(64), sa.ForeignKey("frameworks.sha256"), nullable=False),
        sa.Column("agency_code", sa.String(64), nullable=False),
        sa.Column("agency_name", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("submission_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "answers",
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_code", sa.String(64), primary_key=True),
        sa.Column("value_json", sa.Text(), nullable=True),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("na_reason", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "evidence_files",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(128), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "evidence_documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("evidence_files.sha256"), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("doc_type", sa.Text(), nullable=False),
        sa.Column("number_symbol", sa.Text(), nullable=False),
        sa.Column("issue_date", sa.String(10), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("assessment_id", "sha256"),
    )
    op.create_table(
        "evidence_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("evidence_documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_code", sa.String(64), nullable=False),
        sa.Column("pages", sa.Text(), nullable=False),
        sa.UniqueConstraint("document_id", "item_code"),
    )
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("item_code", sa.String(64), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("old_json", sa.Text(), nullable=True),
        sa.Column("new_json", sa.Text(), nullable=True),
    )
    # The change log is evidence of who changed what: the database itself refuses to rewrite it.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log "
            "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END"
        )
        op.execute(
            "CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log "
            "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END"
        )
    else:  # PostgreSQL (a council round shared on the LAN): the same refusal, TRUNCATE included
        op.execute(PG_APPEND_ONLY_FUNCTION)
        for statement in pg_append_only_triggers("change_log"):
            op.execute(statement)


# PostgreSQL only: one function raising "<table> is append-only", used by every append-only log.
PG_APPEND_ONLY_FUNCTION = (
    "CREATE OR REPLACE FUNCTION cchc_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation'; END $$"
)


def pg_append_only_triggers(table: str) -> list[str]:
    """PostgreSQL triggers refusing UPDATE, DELETE and TRUNCATE of `table` (uses cchc_append_only)."""
    return [
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION cchc_append_only()",
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION cchc_append_only()",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION cchc_append_only()",
    ]


def downgrade() -> None:
    for table in ("change_log", "evidence_links", "evidence_documents", "evidence_files", "answers", "assessments", "frameworks", "meta"):
        op.drop_table(table)
