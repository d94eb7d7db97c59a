"""Next year from last year: a new assessment in the same agency workspace, built from the last one.

For every item whose code AND title (NFC, whitespace-normalised) are the same in both frameworks,
the explanation (thuyết minh) and the evidence documents (the same content-addressed files, with
their citations and pages) are carried over, and the item is marked "to confirm" (cần xác nhận)
until the user confirms it or edits it.  Values (results, not-applicable claims) are never carried:
a new year needs new results.  The earlier year stays in the workspace, readable
(`AgencyWorkspace.open(folder, year=...)`); the workspace then opens on the new year.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import WorkspaceError
from ..framework.model import Framework
from ..storage.orm import AnswerRow, AssessmentRow, CarriedItemRow, ChangeLogRow, EvidenceDocumentRow, EvidenceLinkRow
from ..storage.records import FrameworkTrust
from . import workspace as ws_mod

if TYPE_CHECKING:
    from .agency import AgencyWorkspace


@dataclass(frozen=True)
class CarryOverResult:
    from_year: int
    year: int
    carried: tuple[str, ...]  # item codes marked "to confirm"
    notes: int  # explanations carried
    documents: int  # distinct evidence documents carried
    links: int  # (document, item) links carried
    not_carried: tuple[str, ...]  # items with content last year whose code or title changed


def normalised_title(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def matching_codes(old: Framework, new: Framework) -> set[str]:
    """Codes present in both frameworks with the same title (NFC, white space collapsed)."""
    before = {i.code: normalised_title(i.title) for i in old.walk()}
    return {i.code for i in new.walk() if before.get(i.code) == normalised_title(i.title)}


def start_next_year(ws: "AgencyWorkspace", framework: Framework, trust: FrameworkTrust | None = None) -> CarryOverResult:
    """Create `framework.year`'s assessment from the current one, in one transaction; then switch
    the workspace to it.  Refuses (changing nothing) an earlier or equal year, another level."""
    ws._check_writable()
    old_fw = ws.framework
    from_year = old_fw.year
    year = framework.year
    if year <= from_year:
        raise WorkspaceError(
            f"Bộ tiêu chí “{framework.title}” dành cho năm {year}; năm mới phải sau năm hiện tại ({from_year}). "
            "Không có gì thay đổi.",
            f"The framework is for {year}; the new year must come after the current one ({from_year}). Nothing changed.",
        )
    if framework.level != old_fw.level:
        raise WorkspaceError(
            f"Bộ tiêu chí “{framework.title}” dành cho cấp “{framework.level.value}”, còn cơ quan này đánh giá ở cấp "
            f"“{old_fw.level.value}”. Không có gì thay đổi.",
            f"The framework is for level '{framework.level.value}', this agency is assessed at "
            f"'{old_fw.level.value}'. Nothing changed.",
        )
    trust = trust or FrameworkTrust.unsigned_for(framework.sample)
    same = matching_codes(old_fw, framework)
    notes = {code: st.note for code, st in ws._states.items() if st.note and code in same}
    docs = ws.documents()
    had_content = {code for code, st in ws._states.items() if st.note} | {c for d in docs for c, _ in d.links}
    not_carried = tuple(c for c in (i.code for i in old_fw.walk()) if c in had_content and c not in same)
    clock = ws._clock
    now = ws_mod.stamp(clock)
    per_code: dict[str, int] = {}
    n_docs = n_links = 0
    with Session(ws.engine) as s, s.begin():
        if s.scalars(select(AssessmentRow.id).where(AssessmentRow.year == year)).first() is not None:
            raise WorkspaceError(f"Không gian làm việc đã có năm {year}.", f"The workspace already has {year}.")
        old = s.get(AssessmentRow, ws.assessment_id)
        assert old is not None
        ws_mod.store_framework(s, framework, clock)
        s.flush()
        row = AssessmentRow(year=year, framework_sha256=framework.sha256, agency_code=old.agency_code,
                            agency_name=old.agency_name, state="draft", submission_seq=0, created_at=now)
        s.add(row)
        s.flush()
        for code, note in notes.items():
            s.add(AnswerRow(assessment_id=row.id, item_code=code, value_json=None, not_applicable=False, na_reason="",
                            note=note, updated_at=now))
        for d in docs:
            links = [(c, p) for c, p in d.links if c in same]
            if not links:
                continue
            doc = EvidenceDocumentRow(assessment_id=row.id, sha256=d.sha256, file_name=d.file_name, added_at=now,
                                      **d.citation.__dict__)
            s.add(doc)
            s.flush()
            n_docs += 1
            for code, pages in links:
                s.add(EvidenceLinkRow(document_id=doc.id, item_code=code, pages=pages))
                per_code[code] = per_code.get(code, 0) + 1
                n_links += 1
        carried = tuple(i.code for i in framework.walk() if i.code in notes or i.code in per_code)
        for code in carried:
            s.add(CarriedItemRow(assessment_id=row.id, item_code=code, from_year=from_year, note=code in notes,
                                 documents=per_code.get(code, 0), created_at=now))
        ws_mod.write_meta(s, current_year=str(year), **ws_mod.trust_meta(trust, year))
        s.add(ChangeLogRow(
            at=now, actor=ws.actor, assessment_id=row.id, item_code=None, action="start_year",
            old_json=json.dumps({"year": from_year, "framework_sha256": old_fw.sha256}),
            new_json=json.dumps({"year": year, "framework_sha256": framework.sha256, "framework_trust": trust.status,
                                 "carried": list(carried), "not_carried": list(not_carried)}, ensure_ascii=False),
        ))
    ws._load()
    return CarryOverResult(from_year, year, carried, len(notes), n_docs, n_links, not_carried)
