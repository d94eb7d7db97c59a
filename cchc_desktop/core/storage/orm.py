"""The workspace database tables (SQLAlchemy 2.0 typed ORM).

ORM objects never leave the storage layer: repositories turn rows into frozen dataclasses.
Schema changes go through an Alembic revision in `migrations/versions/`.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Workspace-wide settings: role, agency, year, limits (domain settings live here, not QSettings)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FrameworkRow(Base):
    """A framework in its canonical form, so a workspace never depends on files outside it."""

    __tablename__ = "frameworks"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    framework_id: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    canonical: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[str] = mapped_column(String(40))


class AssessmentRow(Base):
    """One agency's assessment for one year."""

    __tablename__ = "assessments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    framework_sha256: Mapped[str] = mapped_column(ForeignKey("frameworks.sha256"))
    agency_code: Mapped[str] = mapped_column(String(64))
    agency_name: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="draft")  # draft | submitted
    submission_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[str] = mapped_column(String(40))


class AnswerRow(Base):
    __tablename__ = "answers"
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    value_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    na_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[str] = mapped_column(String(40))


class EvidenceFileRow(Base):
    """A file in the content-addressed store (one row per distinct content)."""

    __tablename__ = "evidence_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(128))
    added_at: Mapped[str] = mapped_column(String(40))


class EvidenceDocumentRow(Base):
    """A cited document of an assessment; one document can back many items (links)."""

    __tablename__ = "evidence_documents"
    __table_args__ = (UniqueConstraint("assessment_id", "sha256"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_files.sha256"))
    file_name: Mapped[str] = mapped_column(Text)
    doc_type: Mapped[str] = mapped_column(Text, default="")
    number_symbol: Mapped[str] = mapped_column(Text, default="")
    issue_date: Mapped[str] = mapped_column(String(10), default="")
    issuer: Mapped[str] = mapped_column(Text, default="")
    excerpt: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[str] = mapped_column(String(40))


class EvidenceLinkRow(Base):
    __tablename__ = "evidence_links"
    __table_args__ = (UniqueConstraint("document_id", "item_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("evidence_documents.id", ondelete="CASCADE"))
    item_code: Mapped[str] = mapped_column(String(64))
    pages: Mapped[str] = mapped_column(Text, default="")  # the page/section that proves the point


class ChangeLogRow(Base):
    """Append-only record of every change (triggers refuse UPDATE and DELETE)."""

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(Text)
    assessment_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    item_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    old_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class SubmissionRow(Base):
    """An exported package, kept verbatim: what was submitted can always be shown again."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("assessment_id", "sequence"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    manifest: Mapped[bytes] = mapped_column(LargeBinary)
    assessment: Mapped[bytes] = mapped_column(LargeBinary)
    file_name: Mapped[str] = mapped_column(Text)
    with_problems: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(40))


class CarriedItemRow(Base):
    """An item whose explanation and evidence were carried over from the previous year's assessment:
    "to confirm" (cần xác nhận) until the user confirms it or edits the item (the row is then deleted)."""

    __tablename__ = "carried_items"
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    from_year: Mapped[int] = mapped_column(Integer)
    note: Mapped[bool] = mapped_column(Boolean, default=False)  # an explanation was carried
    documents: Mapped[int] = mapped_column(Integer, default=0)  # evidence documents carried
    created_at: Mapped[str] = mapped_column(String(40))


# ---------------------------------------------------------------- inspection (council) workspace


class AgencyRow(Base):
    """An agency of the round: on the expected list, or known because it submitted."""

    __tablename__ = "agencies"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(16))
    expected: Mapped[bool] = mapped_column(Boolean, default=False)
    final_at: Mapped[str | None] = mapped_column(String(40), nullable=True)  # the council closed it


class PackageRow(Base):
    """An imported (verified) submission package; manifest, assessment and change log kept verbatim."""

    __tablename__ = "packages"
    __table_args__ = (UniqueConstraint("agency_code", "sequence"),)
    manifest_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"))
    agency_name: Mapped[str] = mapped_column(Text)
    sequence: Mapped[int] = mapped_column(Integer)
    previous_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    round: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    framework_sha256: Mapped[str] = mapped_column(ForeignKey("frameworks.sha256"))
    created_at: Mapped[str] = mapped_column(String(40))  # from the manifest
    imported_at: Mapped[str] = mapped_column(String(40))
    imported_by: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(Text)  # the file name it was imported from
    signer_subject: Mapped[str] = mapped_column(Text)
    signer_fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the certificate
    signing_time: Mapped[str | None] = mapped_column(String(40), nullable=True)
    revocation: Mapped[str] = mapped_column(String(16))  # good | unknown
    verdict: Mapped[str] = mapped_column(String(16))  # valid | unknown (imported on request)
    manifest: Mapped[bytes] = mapped_column(LargeBinary)
    assessment: Mapped[bytes] = mapped_column(LargeBinary)
    changelog: Mapped[bytes] = mapped_column(LargeBinary)
    claimed_score_json: Mapped[str] = mapped_column(Text)
    recomputed_score_json: Mapped[str] = mapped_column(Text)
    score_mismatch: Mapped[bool] = mapped_column(Boolean, default=False)
    chain_gap: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_problems: Mapped[int] = mapped_column(Integer, default=0)
    notes_json: Mapped[str] = mapped_column(Text, default="[]")  # [{"code", "vi", "en"}] found at import


class PackageAnswerRow(Base):
    __tablename__ = "package_answers"
    manifest_sha256: Mapped[str] = mapped_column(ForeignKey("packages.manifest_sha256", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    value_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class PackageEvidenceRow(Base):
    """A document of an imported package: its citation and the items it backs (bytes in the store)."""

    __tablename__ = "package_evidence"
    manifest_sha256: Mapped[str] = mapped_column(ForeignKey("packages.manifest_sha256", ondelete="CASCADE"), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_files.sha256"), primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(128))
    doc_type: Mapped[str] = mapped_column(Text, default="")
    number_symbol: Mapped[str] = mapped_column(Text, default="")
    issue_date: Mapped[str] = mapped_column(String(10), default="")
    issuer: Mapped[str] = mapped_column(Text, default="")
    excerpt: Mapped[str] = mapped_column(Text, default="")
    links_json: Mapped[str] = mapped_column(Text, default="[]")  # [{"code", "pages"}]


# ---------------------------------------------------------------- appraisal (migration 0005)


class _AppraisalColumns:
    points: Mapped[str | None] = mapped_column(String(40), nullable=True)  # decimal text; None: N/A
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(Text)
    appraised_at: Mapped[str] = mapped_column(String(40))
    package_sha256: Mapped[str] = mapped_column(String(64))  # the package that was appraised
    origin: Mapped[str] = mapped_column(String(64), default="local")  # or an appraisal package's hash


class AppraisalRow(_AppraisalColumns, Base):
    """The current appraisal of one leaf of one agency in one round (1, or 2 after a rebuttal)."""

    __tablename__ = "appraisals"
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    round: Mapped[int] = mapped_column(Integer, primary_key=True)


class AppraisalLogRow(Base):
    """Append-only history of appraisals (triggers refuse UPDATE and DELETE on SQLite)."""

    __tablename__ = "appraisal_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency_code: Mapped[str] = mapped_column(String(64))
    item_code: Mapped[str] = mapped_column(String(64))
    round: Mapped[int] = mapped_column(Integer)
    before_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    after_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    actor: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(40))
    origin: Mapped[str] = mapped_column(String(64))


class AppraisalConflictRow(_AppraisalColumns, Base):
    """An incoming appraisal (from another reviewer's package) that differs from the current one."""

    __tablename__ = "appraisal_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"))
    item_code: Mapped[str] = mapped_column(String(64))
    round: Mapped[int] = mapped_column(Integer)
    found_at: Mapped[str] = mapped_column(String(40))
    resolved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    resolution: Mapped[str | None] = mapped_column(String(16), nullable=True)  # kept_current | took_incoming


class SurveyPointRow(Base):
    __tablename__ = "survey_points"
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    points: Mapped[str] = mapped_column(String(40))
    source_name: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[str] = mapped_column(String(40))


class ReviewerRow(Base):
    __tablename__ = "reviewers"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    unit: Mapped[str] = mapped_column(Text, default="")


class ReviewerFieldRow(Base):
    __tablename__ = "reviewer_fields"
    reviewer: Mapped[str] = mapped_column(ForeignKey("reviewers.name", ondelete="CASCADE"), primary_key=True)
    field_code: Mapped[str] = mapped_column(String(64), primary_key=True)


class IssuedResultRow(Base):
    """A signed result package the council made for an agency (its data kept as signed)."""

    __tablename__ = "issued_results"
    manifest_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"))
    round: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(Text)
    percent: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[str] = mapped_column(String(40))
    document: Mapped[bytes] = mapped_column(LargeBinary)


class RebuttalItemRow(Base):
    """One disputed item of an imported rebuttal package (giải trình)."""

    __tablename__ = "rebuttal_items"
    manifest_sha256: Mapped[str] = mapped_column(ForeignKey("packages.manifest_sha256", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------- agency: results and rebuttals (migration 0006)


class ReceivedResultRow(Base):
    """A result package of the council, imported (verified) by the agency; kept as signed."""

    __tablename__ = "received_results"
    __table_args__ = (UniqueConstraint("assessment_id", "sequence"),)
    manifest_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    sequence: Mapped[int] = mapped_column(Integer)
    round: Mapped[int] = mapped_column(Integer)
    final: Mapped[bool] = mapped_column(Boolean)
    submission_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(Text)
    manifest: Mapped[bytes] = mapped_column(LargeBinary)
    document: Mapped[bytes] = mapped_column(LargeBinary)
    signer_subject: Mapped[str] = mapped_column(Text)
    signer_fingerprint: Mapped[str] = mapped_column(String(64))
    signing_time: Mapped[str | None] = mapped_column(String(40), nullable=True)
    revocation: Mapped[str] = mapped_column(String(16))
    imported_at: Mapped[str] = mapped_column(String(40))
    notes_json: Mapped[str] = mapped_column(Text, default="[]")


class RebuttalDraftRow(Base):
    """The agency's rebuttal text (giải trình) for one item of one received result."""

    __tablename__ = "rebuttal_drafts"
    result_sha256: Mapped[str] = mapped_column(ForeignKey("received_results.manifest_sha256", ondelete="CASCADE"),
                                               primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(40))


class RebuttalEvidenceRow(Base):
    """A new evidence document attached to a rebuttal item (the file is in the evidence store)."""

    __tablename__ = "rebuttal_evidence"
    __table_args__ = (UniqueConstraint("result_sha256", "item_code", "sha256"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    result_sha256: Mapped[str] = mapped_column(ForeignKey("received_results.manifest_sha256", ondelete="CASCADE"))
    item_code: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_files.sha256"))
    file_name: Mapped[str] = mapped_column(Text)
    doc_type: Mapped[str] = mapped_column(Text, default="")
    number_symbol: Mapped[str] = mapped_column(Text, default="")
    issue_date: Mapped[str] = mapped_column(String(10), default="")
    issuer: Mapped[str] = mapped_column(Text, default="")
    excerpt: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[str] = mapped_column(String(40))


class SentRebuttalRow(Base):
    """Marks a row of `submissions` (the agency's package chain) as a rebuttal package."""

    __tablename__ = "sent_rebuttals"
    manifest_sha256: Mapped[str] = mapped_column(ForeignKey("submissions.manifest_sha256", ondelete="CASCADE"),
                                                 primary_key=True)
    result_sha256: Mapped[str] = mapped_column(ForeignKey("received_results.manifest_sha256"))
    items: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(40))
