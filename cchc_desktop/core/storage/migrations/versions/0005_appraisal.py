"""Appraisal council: appraisals (an overlay, never a change to the signed answers), their log,
conflicts between reviewers, survey points, reviewers and their fields, issued results, rebuttals.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _appraisal_columns() -> list[sa.Column]:
    return [
        sa.Column("points", sa.String(40), nullable=True),  # decimal text; NULL when not applicable
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("appraised_at", sa.String(40), nullable=False),
        sa.Column("package_sha256", sa.String(64), nullable=False),  # the package that was appraised
        sa.Column("origin", sa.String(64), nullable=False),  # "local" or the appraisal package's manifest hash
    ]


def upgrade() -> None:
    op.create_table(
        "appraisals",
        sa.Column("agency_code", sa.String(64), sa.ForeignKey("agencies.code"), primary_key=True),
        sa.Column("item_code", sa.String(64), primary_key=True),
        sa.Column("round", sa.Integer(), primary_key=True),
        *_appraisal_columns(),
    )
    op.create_table(
        "appraisal_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("agency_code", sa.String(64), nullable=False),
        sa.Column("item_code", sa.String(64), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=True),
        sa.Column("after_json", sa.Text(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("origin", sa.String(64), nullable=False),
    )
    op.create_table(
        "appraisal_conflicts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("agency_code", sa.String(64), sa.ForeignKey("agencies.code"), nullable=False),
        sa.Column("item_code", sa.String(64), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        *_appraisal_columns(),
        sa.Column("found_at", sa.String(40), nullable=False),
        sa.Column("resolved_at", sa.String(40), nullable=True),
        sa.Column("resolution", sa.String(16), nullable=True),  # kept_current | took_incoming
    )
    op.create_table(
        "survey_points",
        sa.Column("agency_code", sa.String(64), sa.ForeignKey("agencies.code"), primary_key=True),
        sa.Column("item_code", sa.String(64), primary_key=True),
        sa.Column("points", sa.String(40), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "reviewers",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("unit", sa.Text(), nullable=False),  # e.g. Sở Tư pháp
    )
    op.create_table(
        "reviewer_fields",
        sa.Column("reviewer", sa.String(200), sa.ForeignKey("reviewers.name", ondelete="CASCADE"), primary_key=True),
        sa.Column("field_code", sa.String(64), primary_key=True),
    )
    op.create_table(
        "issued_results",
        sa.Column("manifest_sha256", sa.String(64), primary_key=True),
        sa.Column("agency_code", sa.String(64), sa.ForeignKey("agencies.code"), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("percent", sa.String(40), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("document", sa.LargeBinary(), nullable=False),  # data/result.json as signed
    )
    op.create_table(
        "rebuttal_items",
        sa.Column("manifest_sha256", sa.String(64), sa.ForeignKey("packages.manifest_sha256", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("item_code", sa.String(64), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
    )
    with op.batch_alter_table("agencies") as batch:
        # "final" (kết quả cuối cùng) is the council's decision, not derivable from the appraisals.
        batch.add_column(sa.Column("final_at", sa.String(40), nullable=True))
    # The log is append-only, as the agency's change log is.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE TRIGGER appraisal_log_no_update BEFORE UPDATE ON appraisal_log "
                   "BEGIN SELECT RAISE(ABORT, 'appraisal_log is append-only'); END")
        op.execute("CREATE TRIGGER appraisal_log_no_delete BEFORE DELETE ON appraisal_log "
                   "BEGIN SELECT RAISE(ABORT, 'appraisal_log is append-only'); END")
    else:  # PostgreSQL: cchc_append_only() comes from 0001
        for what, timing in (("update", "FOR EACH ROW"), ("delete", "FOR EACH ROW"), ("truncate", "FOR EACH STATEMENT")):
            op.execute(f"CREATE TRIGGER appraisal_log_no_{what} BEFORE {what.upper()} ON appraisal_log "
                       f"{timing} EXECUTE FUNCTION cchc_append_only()")
        # Several reviewers share a PostgreSQL round: two of them may appraise the same leaf at the
        # same moment, each having seen no appraisal yet.  SQLite has one writer at a time; here the
        # second INSERT would fail on the primary key.  Instead it waits for the first (a lock per
        # leaf) and replaces its row: the last writer wins, and both changes stay in appraisal_log.
        op.execute(
            "CREATE OR REPLACE FUNCTION cchc_appraisals_last_writer_wins() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN "
            "PERFORM pg_advisory_xact_lock(hashtext('appraisals'), "
            "hashtext(NEW.agency_code || chr(31) || NEW.item_code || chr(31) || NEW.round::text)); "
            "DELETE FROM appraisals WHERE agency_code = NEW.agency_code AND item_code = NEW.item_code "
            "AND round = NEW.round; "
            "RETURN NEW; END $$"
        )
        op.execute("CREATE TRIGGER appraisals_last_writer_wins BEFORE INSERT ON appraisals FOR EACH ROW "
                   "EXECUTE FUNCTION cchc_appraisals_last_writer_wins()")


def downgrade() -> None:
    with op.batch_alter_table("agencies") as batch:
        batch.drop_column("final_at")
    for table in ("rebuttal_items", "issued_results", "reviewer_fields", "reviewers", "survey_points",
                  "appraisal_conflicts", "appraisal_log", "appraisals"):
        op.drop_table(table)
