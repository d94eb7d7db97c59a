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
