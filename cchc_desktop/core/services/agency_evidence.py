"""Evidence of the agency workspace: documents stored once by hash, cited, linked to many items.

A mixin of `AgencyWorkspace` (it uses the workspace's engine, store, undo log and change log).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..errors import EvidenceError
from ..progress import CancelToken, ProgressCallback, no_progress
from ..storage.orm import EvidenceDocumentRow, EvidenceFileRow, EvidenceLinkRow
from ..storage.records import Citation, EvidenceDocument, ItemEvidence, nfc
from . import workspace as ws
from .undo import UndoEntry


@dataclass(frozen=True)
class LinkStep:
    document_id: int
    code: str
    pages: str
    linked_after: bool


@dataclass(frozen=True)
class CitationStep:
    document_id: int
    before: Citation
    after: Citation


class EvidenceMixin:
    if TYPE_CHECKING:  # provided by AgencyWorkspace
        from sqlalchemy import Engine

        from ..framework.model import Framework
        from ..storage.evidence_store import EvidenceStore

        _engine: Engine
        framework: Framework
        store: EvidenceStore
        assessment_id: int
        _clock: Any
        _undo: Any
        evidence_limit: int

        def _log(self, s: Session, code: str | None, action: str, old: Any, new: Any) -> None: ...

        def _refresh_answer(self, code: str) -> None: ...

        def _check_writable(self) -> None: ...

    _docs: dict[int, EvidenceDocument]
    _links: dict[str, list[tuple[int, str]]]

    def evidence_for(self, code: str) -> list[ItemEvidence]:
        return [ItemEvidence(self._docs[d], pages) for d, pages in self._links.get(code, [])]

    def documents(self) -> list[EvidenceDocument]:
        """Documents that back at least one item (an unlinked one stays stored for redo only)."""
        return sorted((d for d in self._docs.values() if d.links), key=lambda d: d.id)

    def document(self, document_id: int) -> EvidenceDocument:
        try:
            return self._docs[document_id]
        except KeyError:
            raise EvidenceError("Tài liệu không còn trong không gian làm việc.", "No such document.") from None

    def evidence_path(self, document_id: int) -> Path:
        return self.store.path_of(self.document(document_id).sha256)

    def evidence_bytes(self) -> int:
        """Total size of the distinct evidence files: what the package will carry."""
        return sum({d.sha256: d.size for d in self.documents()}.values())

    def add_evidence(
        self,
        code: str,
        source: Path | str,
        citation: Citation | None = None,
        pages: str = "",
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> Changes:
        """Store a file (once, by hash) and attach it to an item with its citation."""
        self.framework.item(code)
        self._check_writable()
        citation = (citation or Citation()).normalised()
        stored = self.store.add(Path(source), self.evidence_limit, progress, cancel)
        existing = next((d for d in self._docs.values() if d.sha256 == stored.sha256), None)
        with Session(self._engine) as s, s.begin():
            if s.get(EvidenceFileRow, stored.sha256) is None:
                s.add(EvidenceFileRow(sha256=stored.sha256, size=stored.size, media_type=stored.media_type, added_at=ws.stamp(self._clock)))
                s.flush()  # no ORM relationships: flush in foreign-key order by hand
            if existing is None:
                doc = EvidenceDocumentRow(
                    assessment_id=self.assessment_id,
                    sha256=stored.sha256,
                    file_name=nfc(Path(source).name),
                    added_at=ws.stamp(self._clock),
                    **citation.__dict__,
                )
                s.add(doc)
                s.flush()
                doc_id = doc.id
                self._log(s, code, "add_document", None, {"document": doc_id, "sha256": stored.sha256, "file": doc.file_name, **citation.__dict__})
            else:
                doc_id = existing.id
            if any(d == doc_id for d, _ in self._links.get(code, [])):
                raise EvidenceError(
                    f"Tài liệu “{Path(source).name}” đã được đính kèm cho tiêu chí {code}.",
                    f"'{Path(source).name}' is already attached to {code}.",
                )
            self._write_link(s, doc_id, code, nfc(pages), True)
        self._reload_evidence()
        self._undo.record(UndoEntry(f"Đính kèm tài liệu cho {code}", f"Attach evidence to {code}", LinkStep(doc_id, code, nfc(pages), True)))
        return Changes(items=frozenset({code}), evidence=True, score=True)

    def link_evidence(self, code: str, document_id: int, pages: str = "") -> Changes:
        """Let an already stored document back one more item (stored once, cited many times)."""
        self.framework.item(code)
        self.document(document_id)
        if any(d == document_id for d, _ in self._links.get(code, [])):
            raise EvidenceError(f"Tài liệu này đã được đính kèm cho tiêu chí {code}.", f"Already attached to {code}.")
        return self._apply_link(LinkStep(document_id, code, nfc(pages), True), record=True)

    def unlink_evidence(self, code: str, document_id: int) -> Changes:
        pages = next((p for d, p in self._links.get(code, []) if d == document_id), None)
        if pages is None:
            raise EvidenceError(f"Tài liệu này không gắn với tiêu chí {code}.", f"Not attached to {code}.")
        return self._apply_link(LinkStep(document_id, code, pages, False), record=True)

    def update_citation(self, document_id: int, citation: Citation) -> Changes:
        before = self.document(document_id).citation
        after = citation.normalised()
        if before == after:
            return Changes()
        return self._apply_citation(CitationStep(document_id, before, after), record=True)

    def _is_linked(self, s: Session, document_id: int, code: str) -> bool:
        return (
            s.scalars(
                select(EvidenceLinkRow.id).where(EvidenceLinkRow.document_id == document_id, EvidenceLinkRow.item_code == code)
            ).first()
            is not None
        )

    def _write_link(self, s: Session, document_id: int, code: str, pages: str, link: bool) -> None:
        if link:
            s.add(EvidenceLinkRow(document_id=document_id, item_code=code, pages=pages))
            self._log(s, code, "link_evidence", None, {"document": document_id, "pages": pages})
        else:
            row = s.scalars(
                select(EvidenceLinkRow).where(EvidenceLinkRow.document_id == document_id, EvidenceLinkRow.item_code == code)
            ).one()
            s.delete(row)
            self._log(s, code, "unlink_evidence", {"document": document_id, "pages": pages}, None)

    def _apply_link(self, step: LinkStep, record: bool, reverse: bool = False) -> Changes:
        link = step.linked_after != reverse
        with Session(self._engine) as s, s.begin():
            self._write_link(s, step.document_id, step.code, step.pages, link)
        self._reload_evidence()
        if record:
            vi = f"Đính kèm tài liệu cho {step.code}" if step.linked_after else f"Gỡ tài liệu khỏi {step.code}"
            self._undo.record(UndoEntry(vi, f"Evidence of {step.code}", step))
        return Changes(items=frozenset({step.code}), evidence=True, score=True)

    def _apply_citation(self, step: CitationStep, record: bool, reverse: bool = False) -> Changes:
        target = step.before if reverse else step.after
        with Session(self._engine) as s, s.begin():
            row = s.get(EvidenceDocumentRow, step.document_id)
            if row is None:
                raise EvidenceError("Tài liệu không còn trong không gian làm việc.", "No such document.")
            for key, value in target.__dict__.items():
                setattr(row, key, value)
            self._log(s, None, "edit_citation", {"document": step.document_id, **step.before.__dict__}, {"document": step.document_id, **target.__dict__})
        self._reload_evidence()
        if record:
            self._undo.record(UndoEntry("Sửa trích dẫn tài liệu", "Edit citation", step))
        codes = frozenset(c for c, _ in self._docs[step.document_id].links)
        return Changes(items=codes, evidence=True)

    def _reload_evidence(self) -> None:
        """Evidence is small metadata: re-read it whole after each evidence edit (simple, consistent)."""
        with Session(self._engine) as s:
            files = {f.sha256: f for f in s.scalars(select(EvidenceFileRow))}
            links: dict[int, list[tuple[str, str]]] = {}
            by_code: dict[str, list[tuple[int, str]]] = {}
            for link in s.scalars(
                select(EvidenceLinkRow)
                .join(EvidenceDocumentRow)
                .where(EvidenceDocumentRow.assessment_id == self.assessment_id)
                .order_by(EvidenceLinkRow.id)
            ):
                links.setdefault(link.document_id, []).append((link.item_code, link.pages))
                by_code.setdefault(link.item_code, []).append((link.document_id, link.pages))
            docs = {}
            for d in s.scalars(select(EvidenceDocumentRow).where(EvidenceDocumentRow.assessment_id == self.assessment_id)):
                f = files[d.sha256]
                docs[d.id] = EvidenceDocument(
                    id=d.id,
                    sha256=d.sha256,
                    file_name=d.file_name,
                    size=f.size,
                    media_type=f.media_type,
                    citation=Citation(d.doc_type, d.number_symbol, d.issue_date, d.issuer, d.excerpt),
                    links=tuple(links.get(d.id, [])),
                )
        old_codes = set(getattr(self, "_links", {}))
        self._docs: dict[int, EvidenceDocument] = docs
        self._links: dict[str, list[tuple[int, str]]] = by_code
        for code in old_codes | set(by_code):
            if hasattr(self, "_answers"):
                self._refresh_answer(code)
