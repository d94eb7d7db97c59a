"""The plain data an agency report is built from, and the figures both outputs (and the GUI's
chart) derive from it.  Pure: no database, no files, no Qt."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..framework.codes import display_code
from ..framework.model import Framework, Item, Scorer
from ..scoring.engine import Answer, NodeScore, ScoreSheet
from ..storage.records import EvidenceDocument, WorkspaceInfo
from .stamp import PageStamp

CENT = Decimal("0.01")
DEFAULT_RECIPIENTS = ("Sở Nội vụ (Hội đồng thẩm định)",)
DRAFT_LABEL = "BẢN NHÁP — chưa xuất gói; mã nội dung"
EXPORTED_LABEL = "Mã gói"
# What "the same content" means for the draft/exported decision: the assessment as exported
# (services/export.py assessment_document) minus what is derived wording (problem messages) or
# bookkeeping; the score is kept because a report prints it.
CONTENT_KEYS = ("agency", "year", "framework", "answers", "evidence", "claimed_score")


def report_title(year: int) -> str:
    """The subject line (trích yếu) of the agency's report."""
    return f"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year}"


@dataclass(frozen=True)
class ReportStamp:
    """Whether the report shows an exported package (and which) or a draft."""

    exported: bool
    sha256: str  # the package's manifest SHA-256 when exported, else the content hash
    content_sha256: str
    sequence: int = 0  # the submission it shows (exported), 0 for a draft
    last_sequence: int = 0  # the newest submission of the year, 0 if none

    def page_stamp(self, agency_code: str, year: int) -> PageStamp:
        head = f"Báo cáo tự đánh giá Chỉ số CCHC năm {year} — {agency_code}"
        if self.exported:
            return PageStamp(EXPORTED_LABEL, self.sha256, note=f"{head} — gói nộp lần {self.sequence}")
        changed = f" — nội dung đã thay đổi sau gói nộp lần {self.last_sequence}" if self.last_sequence else ""
        return PageStamp(DRAFT_LABEL, self.sha256, note=head + changed)


@dataclass(frozen=True)
class ReportOptions:
    """What the person printing may set; all optional (blanks are left to fill by hand)."""

    superior: str = ""  # cơ quan chủ quản, above the agency's name
    place: str = ""  # địa danh of the date line
    signer: str = ""  # name under the signature
    difficulties: str = ""  # "Khó khăn, vướng mắc và đề xuất, kiến nghị"
    recipients: tuple[str, ...] = DEFAULT_RECIPIENTS
    date: _dt.date | None = None  # default: today in Vietnam


@dataclass(frozen=True)
class AgencyReportData:
    info: WorkspaceInfo
    framework: Framework
    sheet: ScoreSheet
    answers: Mapping[str, Answer]  # as entered
    effective: Mapping[str, Answer]  # with an N/A on a parent carried down (engine.effective_answers)
    documents: tuple[EvidenceDocument, ...]
    stamp: ReportStamp
    options: ReportOptions
    date: _dt.date

    def node(self, code: str) -> NodeScore:
        return self.sheet.node(code)


@dataclass(frozen=True)
class FieldPercent:
    """A field's self-score as a share of what the agency can score in it."""

    code: str
    display_code: str
    title: str
    points: Decimal
    assessable_max: Decimal
    applicable_max: Decimal
    percent: Decimal | None  # None: nothing self-scorable (a survey field, or all N/A)


def field_percents(framework: Framework, sheet: ScoreSheet) -> list[FieldPercent]:
    """Percent per field = points / assessable max × 100, rounded half-up to 0.01 like the total."""
    out = []
    for item in framework.fields:
        n = sheet.node(item.code)
        pct = (n.points * 100 / n.assessable_max).quantize(CENT, ROUND_HALF_UP) if n.assessable_max > 0 else None
        out.append(FieldPercent(item.code, display_code(item.code), item.title, n.points, n.assessable_max,
                                n.applicable_max, pct))
    return out


def content_sha256(assessment: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of an assessment document's content (CONTENT_KEYS).

    Computed the same way from the current workspace and from the assessment kept verbatim with a
    submission, so equal hashes mean "exactly what was exported".  Evidence and links are sorted:
    their order is storage detail (a document removed and attached again gets a new id)."""
    doc = {k: assessment.get(k) for k in CONTENT_KEYS}
    evidence = []
    for e in doc.get("evidence") or []:
        e = dict(e)
        e.pop("id", None)
        e["links"] = sorted(e.get("links") or [], key=lambda link: json.dumps(link, sort_keys=True, ensure_ascii=False))
        evidence.append(e)
    doc["evidence"] = sorted(evidence, key=lambda e: json.dumps(e, sort_keys=True, ensure_ascii=False))
    canon = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def is_adjustment(item: Item) -> bool:
    return item.rule is not None and item.rule.kind in ("bonus", "penalty")


def status_note(item: Item, answer: Answer | None, node: NodeScore) -> str:
    """Why a row's points are what they are, when the number alone would mislead (`answer`: the
    effective one, so that a leaf under a group declared not applicable says so)."""
    if answer is not None and answer.not_applicable and item.na_mode is not None:
        return "Không áp dụng"
    if item.is_leaf and item.scorer is Scorer.SURVEY:
        return "Điều tra XHH"
    if item.is_leaf and item.scorer is Scorer.COUNCIL:
        return "Hội đồng chấm"
    if not item.is_leaf and node.assessable_max == 0 and node.applicable_max > 0:
        return "Không tự chấm"
    if item.is_leaf and item.scorer is Scorer.AGENCY and not is_adjustment(item) and (answer is None or answer.value is None):
        return "Chưa nhập"
    return ""


PENDING_NOTES = ("Điều tra XHH", "Hội đồng chấm", "Không tự chấm")


def shown_points(node: NodeScore, note: str) -> Decimal | None:
    """The self-points to print, or None for "—": an item someone else scores, or one excluded
    as not applicable (its 0 would read as a failure)."""
    if note in PENDING_NOTES or (note == "Không áp dụng" and node.applicable_max == 0):
        return None
    return node.points


def evidence_rows(data: AgencyReportData) -> list[tuple[Item, EvidenceDocument, str]]:
    """(item, document, pages) in framework order; a document backing several items appears under each."""
    by_code: dict[str, list[tuple[EvidenceDocument, str]]] = {}
    for d in data.documents:
        for code, pages in d.links:
            by_code.setdefault(code, []).append((d, pages))
    return [(item, d, pages) for item in data.framework.walk() for d, pages in by_code.get(item.code, [])]


def lacking_evidence(data: AgencyReportData) -> list[tuple[Item, str]]:
    """Scored items with no evidence attached that need it (required, or a result or claim was
    entered), with the explanation the agency wrote ("" when there is none)."""
    out = []
    for item in data.framework.walk():
        a = data.answers.get(item.code)
        if a is not None and a.evidence_count:
            continue
        if not item.is_leaf:
            if a is not None and a.not_applicable and item.na_mode is not None:
                out.append((item, _explanation(a)))  # a whole group not applicable: listed once, here
            continue
        if item.scorer is Scorer.SURVEY:
            continue
        inherited = data.effective.get(item.code)
        if inherited is not None and inherited.not_applicable and not (a is not None and a.not_applicable):
            continue  # covered by its group's line
        claimed = a is not None and (a.not_applicable or (a.value is not None and not (is_adjustment(item) and a.value == 0)))
        # A bonus or penalty nobody claims needs no proof, whatever the framework requires of a claim.
        if claimed or (item.evidence.required and not is_adjustment(item)):
            out.append((item, _explanation(a)))
    return out


def _explanation(a: Answer | None) -> str:
    if a is None:
        return ""
    parts = []
    if a.not_applicable and a.na_reason.strip():
        parts.append(f"Không áp dụng: {a.na_reason.strip()}")
    if a.note.strip():
        parts.append(a.note.strip())
    return "\n".join(parts)
