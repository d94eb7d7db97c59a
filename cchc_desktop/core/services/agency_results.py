"""The agency receives its result and answers it: import, view, rebuttal (giải trình), export.

- **Import** (`import_result`): the result package is verified completely (kind "result", signed by
  the council or the province CA - never an agency -, this agency's code, year and framework, and it
  must answer one of this workspace's own submissions); nothing is written unless all of it holds.
  It is kept as signed (table `received_results`).
- **Rebuttal drafts**: per disputed leaf a text, and new evidence files (stored once by hash in the
  workspace's evidence store, with a citation, like the self-assessment's evidence).  They never
  touch the self-assessment: the submitted answers stay frozen.
- **Export** (`export_rebuttal`): a signed package of kind "rebuttal" that continues the agency's
  package chain (sequence n+1, previous = the last package's hash; it is a row of `submissions` and
  of `sent_rebuttals`), holding data/rebuttal.json and the new evidence files.  Recorded first,
  then published under its final name, like a submission (export.reconcile_pending_export finishes
  an interrupted one when the workspace next opens).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import __version__
from ..errors import EvidenceError, InvalidInput, UserFacingError
from ..package import format as fmt
from ..package.result_format import (
    MAX_TEXT,
    REBUTTAL,
    RESULT,
    DataInvalid,
    RebuttalDocument,
    RebuttalDocumentEntry,
    ResultDocument,
    dump,
    parse_result,
    rebuttal_json,
)
from ..progress import CancelToken, ProgressCallback, no_progress
from ..signing.api import Signer, TrustStore, Verdict
from ..storage.orm import (
    ChangeLogRow,
    EvidenceFileRow,
    RebuttalDraftRow,
    RebuttalEvidenceRow,
    ReceivedResultRow,
    SentRebuttalRow,
    SubmissionRow,
)
from ..storage.records import Citation, nfc
from . import workspace as ws_mod
from .inspection_records import Note

if TYPE_CHECKING:
    from .agency import AgencyWorkspace

IMPORTED = "imported"
ALREADY_IMPORTED = "already_imported"


class ResultRefused(UserFacingError):
    """The result file was not imported; `notes` says why (stable codes).  Nothing was written."""

    def __init__(self, notes: list[Note]) -> None:
        self.notes = tuple(notes)
        super().__init__(
            "Không nhận kết quả thẩm định: " + " ".join(n.vi for n in notes) + " Không có gì thay đổi.",
            "The result was not imported: " + " ".join(n.en for n in notes) + " Nothing was changed.",
        )

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(n.code for n in self.notes)


@dataclass(frozen=True)
class ReceivedResult:
    """A council result kept in the workspace (verified when imported)."""

    manifest_sha256: str
    sequence: int
    round: int
    final: bool
    submission_sha256: str
    file_name: str
    imported_at: str
    signer_subject: str
    signer_fingerprint: str
    signing_time: str | None
    revocation: str
    notes: tuple[Note, ...]
    document: ResultDocument


@dataclass(frozen=True)
class ResultImport:
    status: str  # imported | already_imported
    result: ReceivedResult

    @property
    def notes(self) -> tuple[Note, ...]:
        return self.result.notes


@dataclass(frozen=True)
class RebuttalEvidence:
    id: int
    item_code: str
    sha256: str
    file_name: str
    size: int
    media_type: str
    citation: Citation
    pages: str


@dataclass(frozen=True)
class SentRebuttal:
    manifest_sha256: str
    sequence: int
    result_sha256: str
    items: int
    file_name: str
    created_at: str


@dataclass(frozen=True)
class ResultView:
    """A received result with the rebuttal being written for it (what the results window shows)."""

    result: ReceivedResult
    drafts: dict[str, str]  # item code -> rebuttal text
    evidence: tuple[RebuttalEvidence, ...]
    sent: tuple[SentRebuttal, ...]  # rebuttals already exported for this result
    latest: bool  # the newest result received (only it can be answered)
    can_rebut: bool  # latest, not final, the current year

    def evidence_for(self, code: str) -> tuple[RebuttalEvidence, ...]:
        return tuple(e for e in self.evidence if e.item_code == code)


@dataclass(frozen=True)
class RebuttalExport:
    path: Path
    manifest_sha256: str
    size: int
    sequence: int
    previous_sha256: str | None
    result_sha256: str
    items: tuple[str, ...]
    documents: int


# ---------------------------------------------------------------- import


def _note(code: str, vi: str, en: str) -> Note:
    return Note(code, vi, en)


def _own_submissions(s: Session, ws: AgencyWorkspace) -> list[SubmissionRow]:
    """This year's submissions (not rebuttals), by sequence."""
    rebuttals = set(s.scalars(select(SentRebuttalRow.manifest_sha256)))
    rows = s.scalars(select(SubmissionRow).where(SubmissionRow.assessment_id == ws.assessment_id)
                     .order_by(SubmissionRow.sequence))
    return [r for r in rows if r.manifest_sha256 not in rebuttals]


def import_result(
    ws: AgencyWorkspace,
    path: Path | str,
    trust: TrustStore,
    allow_unknown_revocation: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ResultImport:
    """Verify the council's result file and keep it; ResultRefused (nothing written) says why not."""
    from ..package.reader import verify_council_package
    from ..signing.certutil import fingerprint

    ws._check_writable()
    path = Path(path)
    report = verify_council_package(path, trust, kinds=("result",), progress=progress, cancel=cancel)
    if report.verdict is Verdict.INVALID or report.manifest is None:
        raise ResultRefused([_note(f.code, f.vi, f.en) for f in report.findings] or [_note(
            "invalid", "Tệp kết quả không hợp lệ.", "The result file is invalid.")])
    notes: list[Note] = []
    if report.verdict is Verdict.UNKNOWN:
        if not allow_unknown_revocation:
            raise ResultRefused([_note(
                "revocation_unknown",
                "Chữ ký hợp lệ nhưng chưa kiểm tra được chứng thư của Hội đồng có bị thu hồi hay không (không có danh sách "
                "thu hồi CRL còn hiệu lực của tỉnh). Hãy lấy tệp ca.crl mới nhất của Sở Nội vụ, hoặc chủ động cho phép "
                "(--allow-unknown-revocation).",
                "The signature is valid but whether the council's certificate was revoked cannot be checked (no current "
                "CRL of the province). Get the latest ca.crl, or allow it explicitly (--allow-unknown-revocation).",
            )])
        notes.append(_note("revocation_unchecked", "Đã nhận dù chưa kiểm tra được tình trạng thu hồi chứng thư của Hội đồng.",
                           "Imported although the council certificate's revocation could not be checked."))
    m, info = report.manifest, ws.info()
    refusals: list[Note] = []
    if m.agency_code != info.agency_code:
        refusals.append(_note(
            "wrong_agency",
            f"Đây là kết quả của cơ quan “{m.agency_name}” (mã {m.agency_code}), không phải của cơ quan này (mã {info.agency_code}).",
            f"This result is for '{m.agency_name}' (code {m.agency_code}), not for this agency ({info.agency_code})."))
    if m.year != info.year:
        refusals.append(_note("wrong_year", f"Kết quả là của năm {m.year}, không gian làm việc đang ở năm {info.year}.",
                              f"The result is for {m.year}; this workspace is at {info.year}."))
    if m.framework_sha256 != ws.framework.sha256:
        refusals.append(_note(
            "wrong_framework",
            f"Kết quả chấm theo bộ tiêu chí khác ({m.framework_id}, mã băm {m.framework_sha256[:12]}…) với bộ tiêu chí cơ "
            f"quan đã tự đánh giá ({ws.framework.id}).",
            f"The result uses another framework ({m.framework_id}) than this assessment ({ws.framework.id})."))
    if refusals:
        raise ResultRefused(refusals)
    try:
        doc = parse_result(report.data[RESULT], ws.framework)
    except DataInvalid as exc:
        raise ResultRefused([_note("result_invalid", exc.vi, exc.en)]) from None
    if (doc.agency_code, doc.year, doc.framework_sha256, doc.round, doc.sequence, doc.submission_sha256) != (
            m.agency_code, m.year, m.framework_sha256, m.round, m.sequence, m.previous_sha256):
        raise ResultRefused([_note(
            "result_invalid", "Dữ liệu kết quả không khớp với tệp kê khai (cơ quan, năm, bộ tiêu chí, vòng, số thứ tự "
            "hoặc lần nộp được trả lời).",
            "The result data does not match the manifest (agency, year, framework, round, sequence or submission).")])
    sha = report.manifest_sha256
    assert sha is not None and report.signature is not None and report.signature.signer is not None
    with Session(ws.engine) as s:
        done = s.get(ReceivedResultRow, sha)
        if done is not None:
            return ResultImport(ALREADY_IMPORTED, _received(done))
        submissions = _own_submissions(s, ws)
        by_sha = {r.manifest_sha256: r for r in submissions}
        answered = by_sha.get(doc.submission_sha256)
        if answered is None:
            raise ResultRefused([_note(
                "not_our_submission",
                f"Kết quả này trả lời lần nộp {doc.submission_sequence} (mã băm {doc.submission_sha256[:12]}…), không phải "
                "hồ sơ do không gian làm việc này đã xuất. Hãy kiểm tra lại tệp với Hội đồng thẩm định.",
                f"This result answers submission {doc.submission_sequence} ({doc.submission_sha256[:12]}…), which this "
                "workspace did not export. Check the file with the council.")])
        if answered is not submissions[-1]:
            notes.append(_note(
                "older_submission",
                f"Kết quả này trả lời lần nộp {answered.sequence}, không phải lần nộp mới nhất ({submissions[-1].sequence}) "
                "của cơ quan: Hội đồng có thể chưa nhận lần nộp mới nhất.",
                f"This result answers submission {answered.sequence}, not the latest one ({submissions[-1].sequence}): the "
                "council may not have received the latest."))
        if doc.rebuttal_sha256 is not None and s.get(SentRebuttalRow, doc.rebuttal_sha256) is None:
            notes.append(_note("unknown_rebuttal", "Kết quả nêu một bản giải trình không có trong không gian làm việc này.",
                               "The result refers to a rebuttal this workspace did not export."))
        rows = {r.sequence: r for r in s.scalars(select(ReceivedResultRow)
                                                .where(ReceivedResultRow.assessment_id == ws.assessment_id))}
    if doc.sequence in rows:
        raise ResultRefused([_note(
            "conflict", f"Đã nhận một kết quả khác cũng là kết quả lần {doc.sequence} (tệp “{rows[doc.sequence].file_name}”). "
            "Hãy hỏi Hội đồng thẩm định bản nào đúng.",
            f"Another result with sequence {doc.sequence} was imported ('{rows[doc.sequence].file_name}'). Ask the council.")])
    newest = max(rows, default=0)
    if doc.sequence < newest:
        raise ResultRefused([_note(
            "replay", f"Đây là kết quả lần {doc.sequence}, cũ hơn kết quả lần {newest} đã nhận; không nhận lại bản cũ.",
            f"This is result {doc.sequence}, older than result {newest} already imported; not imported.")])
    sig = report.signature
    now = ws_mod.stamp(ws._clock)
    with Session(ws.engine) as s, s.begin():
        s.add(ReceivedResultRow(
            manifest_sha256=sha, assessment_id=ws.assessment_id, sequence=doc.sequence, round=doc.round, final=doc.final,
            submission_sha256=doc.submission_sha256, file_name=nfc(path.name), manifest=_manifest_bytes(path, sha),
            document=report.data[RESULT], signer_subject=sig.signer.subject.rfc4514_string(),
            signer_fingerprint=fingerprint(sig.signer),
            signing_time=sig.signing_time.isoformat() if sig.signing_time else None, revocation=sig.revocation,
            imported_at=now, notes_json=json.dumps([n.__dict__ for n in notes], ensure_ascii=False),
        ))
        _log(s, ws, "import_result", {"manifest_sha256": sha, "sequence": doc.sequence, "round": doc.round,
                                      "final": doc.final, "file": path.name})
    with Session(ws.engine) as s:
        row = s.get(ReceivedResultRow, sha)
        assert row is not None
        return ResultImport(IMPORTED, _received(row))


def _manifest_bytes(path: Path, sha: str) -> bytes:
    from .inspection_staging import read_manifest_bytes

    return read_manifest_bytes(path, sha)


def _log(s: Session, ws: AgencyWorkspace, action: str, new: object, item: str | None = None) -> None:
    """A row of the workspace's change log.  Not `ws._log`: results and rebuttals are not edits of the
    self-assessment, so they must not start the next submission."""
    s.add(ChangeLogRow(at=ws_mod.stamp(ws._clock), actor=ws.actor, assessment_id=ws.assessment_id, item_code=item,
                       action=action, old_json=None, new_json=json.dumps(new, ensure_ascii=False, default=str)))


def _received(row: ReceivedResultRow) -> ReceivedResult:
    return ReceivedResult(
        manifest_sha256=row.manifest_sha256, sequence=row.sequence, round=row.round, final=row.final,
        submission_sha256=row.submission_sha256, file_name=row.file_name, imported_at=row.imported_at,
        signer_subject=row.signer_subject, signer_fingerprint=row.signer_fingerprint, signing_time=row.signing_time,
        revocation=row.revocation, notes=tuple(Note(n["code"], n["vi"], n["en"]) for n in json.loads(row.notes_json)),
        document=parse_result(row.document),
    )


# ---------------------------------------------------------------- reading


def received_results(ws: AgencyWorkspace) -> list[ReceivedResult]:
    """The results received for the open year, oldest first."""
    with Session(ws.engine) as s:
        q = select(ReceivedResultRow).where(ReceivedResultRow.assessment_id == ws.assessment_id) \
            .order_by(ReceivedResultRow.sequence)
        return [_received(r) for r in s.scalars(q)]


def latest_result(ws: AgencyWorkspace) -> ReceivedResult | None:
    results = received_results(ws)
    return results[-1] if results else None


def sent_rebuttals(ws: AgencyWorkspace) -> list[SentRebuttal]:
    with Session(ws.engine) as s:
        q = (select(SentRebuttalRow, SubmissionRow).join(SubmissionRow, SubmissionRow.manifest_sha256 == SentRebuttalRow.manifest_sha256)
             .where(SubmissionRow.assessment_id == ws.assessment_id).order_by(SubmissionRow.sequence))
        return [SentRebuttal(r.manifest_sha256, sub.sequence, r.result_sha256, r.items, sub.file_name, r.created_at)
                for r, sub in s.execute(q)]


def result_view(ws: AgencyWorkspace, manifest_sha256: str | None = None) -> ResultView | None:
    """A received result (default: the latest) with its rebuttal drafts; None when there is none."""
    results = received_results(ws)
    if not results:
        return None
    result = results[-1] if manifest_sha256 is None else next((r for r in results if r.manifest_sha256 == manifest_sha256), None)
    if result is None:
        raise InvalidInput("Không có kết quả thẩm định này trong không gian làm việc.", "No such result in the workspace.")
    with Session(ws.engine) as s:
        drafts = {r.item_code: r.text for r in s.scalars(select(RebuttalDraftRow)
                                                         .where(RebuttalDraftRow.result_sha256 == result.manifest_sha256))}
        files = {f.sha256: f for f in s.scalars(select(EvidenceFileRow))}
        evidence = tuple(
            RebuttalEvidence(r.id, r.item_code, r.sha256, r.file_name, files[r.sha256].size, files[r.sha256].media_type,
                             Citation(r.doc_type, r.number_symbol, r.issue_date, r.issuer, r.excerpt), r.pages)
            for r in s.scalars(select(RebuttalEvidenceRow).where(RebuttalEvidenceRow.result_sha256 == result.manifest_sha256)
                               .order_by(RebuttalEvidenceRow.id)))
    latest = result is results[-1]
    sent = tuple(r for r in sent_rebuttals(ws) if r.result_sha256 == result.manifest_sha256)
    return ResultView(result, drafts, evidence, sent, latest, latest and not result.final and not ws.read_only)


TRUST_META = "results_trust"


def remembered_trust(ws: AgencyWorkspace) -> Path | None:
    """The province certificate (file or folder) last used to import a result, if it still exists."""
    with Session(ws.engine) as s:
        value = ws_mod.read_meta(s).get(TRUST_META)
    return Path(value) if value and Path(value).exists() else None


def remember_trust(ws: AgencyWorkspace, path: Path | str) -> None:
    with Session(ws.engine) as s, s.begin():
        ws_mod.write_meta(s, **{TRUST_META: str(Path(path))})


# ---------------------------------------------------------------- rebuttal drafts


def _answerable(ws: AgencyWorkspace, item_code: str | None = None) -> ReceivedResult:
    """The result a rebuttal answers: the latest one, if it is not final; the item must be one of its leaves."""
    ws._check_writable()
    result = latest_result(ws)
    if result is None:
        raise InvalidInput("Chưa nhận kết quả thẩm định nào nên chưa có gì để giải trình. Hãy nhập tệp kết quả của Hội đồng trước.",
                           "No result has been received, so there is nothing to answer. Import the council's result first.")
    if result.final:
        raise InvalidInput(
            f"Kết quả lần {result.sequence} là kết quả cuối cùng (sau giải trình) nên không giải trình thêm được.",
            f"Result {result.sequence} is the final one (after the rebuttal): no further rebuttal is possible.")
    if item_code is not None:
        try:
            result.document.item(item_code)
        except KeyError:
            raise InvalidInput(f"“{item_code}” không phải tiêu chí chấm điểm trong kết quả thẩm định.",
                               f"'{item_code}' is not a scored item of the result.") from None
    return result


def check_rebuttal_input(ws: AgencyWorkspace, item_code: str, text: str | None, files: list[Path]) -> None:
    """Refuse, before anything is written, what `set_rebuttal_text` / `add_rebuttal_evidence` would refuse
    (so a command doing both changes nothing on a bad input)."""
    _answerable(ws, nfc(item_code))
    if text is not None and len(nfc(text)) > MAX_TEXT:
        raise InvalidInput(f"Nội dung giải trình quá dài (tối đa {MAX_TEXT} ký tự).",
                           f"The rebuttal text is too long ({MAX_TEXT} characters at most).")
    for f in files:
        try:
            size = Path(f).stat().st_size
        except OSError as exc:
            raise EvidenceError(f"Không đọc được tệp “{Path(f).name}”: {exc.strerror or exc}. Không có gì thay đổi.",
                                f"Cannot read '{Path(f).name}': {exc.strerror or exc}. Nothing was changed.") from None
        if not Path(f).is_file() or size == 0 or size > ws.evidence_limit:
            ws.store.add(Path(f), ws.evidence_limit)  # raises the store's own message (not a file, empty, too large)


def set_rebuttal_text(ws: AgencyWorkspace, item_code: str, text: str) -> None:
    """Write (or, with an empty text, withdraw) the rebuttal text of one item of the latest result."""
    item_code, text = nfc(item_code), nfc(text)
    result = _answerable(ws, item_code)
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"Nội dung giải trình quá dài (tối đa {MAX_TEXT} ký tự).",
                           f"The rebuttal text is too long ({MAX_TEXT} characters at most).")
    with Session(ws.engine) as s, s.begin():
        row = s.get(RebuttalDraftRow, (result.manifest_sha256, item_code))
        before = None if row is None else row.text
        if before == (text or None):
            return
        if not text:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(RebuttalDraftRow(result_sha256=result.manifest_sha256, item_code=item_code, text=text,
                                   updated_at=ws_mod.stamp(ws._clock)))
        else:
            row.text, row.updated_at = text, ws_mod.stamp(ws._clock)
        _log(s, ws, "rebuttal_text", {"result": result.manifest_sha256, "text": text}, item_code)


def add_rebuttal_evidence(
    ws: AgencyWorkspace,
    item_code: str,
    source: Path | str,
    citation: Citation | None = None,
    pages: str = "",
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> RebuttalEvidence:
    """Store a new evidence file (once, by hash) for a rebuttal item, with its citation."""
    item_code = nfc(item_code)
    result = _answerable(ws, item_code)
    citation = (citation or Citation()).normalised()
    stored = ws.store.add(Path(source), ws.evidence_limit, progress, cancel)
    now = ws_mod.stamp(ws._clock)
    with Session(ws.engine) as s, s.begin():
        if s.get(EvidenceFileRow, stored.sha256) is None:
            s.add(EvidenceFileRow(sha256=stored.sha256, size=stored.size, media_type=stored.media_type, added_at=now))
            s.flush()
        dup = s.scalars(select(RebuttalEvidenceRow).where(
            RebuttalEvidenceRow.result_sha256 == result.manifest_sha256, RebuttalEvidenceRow.item_code == item_code,
            RebuttalEvidenceRow.sha256 == stored.sha256)).first()
        if dup is not None:
            raise EvidenceError(f"Tài liệu “{Path(source).name}” đã được đính kèm cho giải trình tiêu chí {item_code}.",
                                f"'{Path(source).name}' is already attached to the rebuttal of {item_code}.")
        row = RebuttalEvidenceRow(result_sha256=result.manifest_sha256, item_code=item_code, sha256=stored.sha256,
                                  file_name=nfc(Path(source).name), pages=nfc(pages), added_at=now, **citation.__dict__)
        s.add(row)
        s.flush()
        _log(s, ws, "rebuttal_evidence", {"result": result.manifest_sha256, "sha256": stored.sha256,
                                          "file": row.file_name, **citation.__dict__}, item_code)
        return RebuttalEvidence(row.id, item_code, stored.sha256, row.file_name, stored.size, stored.media_type, citation,
                                row.pages)


def remove_rebuttal_evidence(ws: AgencyWorkspace, evidence_id: int) -> None:
    """Detach a rebuttal document (the file stays in the store: other items or years may use it)."""
    result = _answerable(ws)
    with Session(ws.engine) as s, s.begin():
        row = s.get(RebuttalEvidenceRow, evidence_id)
        if row is None or row.result_sha256 != result.manifest_sha256:
            raise EvidenceError("Tài liệu này không còn trong phần giải trình.", "No such rebuttal document.")
        s.delete(row)
        _log(s, ws, "rebuttal_evidence_removed", {"result": result.manifest_sha256, "sha256": row.sha256}, row.item_code)


# ---------------------------------------------------------------- export


def rebuttal_document(ws: AgencyWorkspace) -> tuple[RebuttalDocument, ReceivedResult, list[RebuttalEvidence]]:
    """The rebuttal as it would be exported now (refused while there is nothing to send)."""
    result = _answerable(ws)
    view = result_view(ws, result.manifest_sha256)
    assert view is not None
    order = {item.code: n for n, item in enumerate(ws.framework.walk())}
    items = tuple(sorted(view.drafts.items(), key=lambda kv: order.get(kv[0], 10**9)))
    if not items:
        raise InvalidInput("Chưa có nội dung giải trình nào: hãy ghi giải trình cho ít nhất một tiêu chí.",
                           "There is no rebuttal text yet: write one for at least one item.")
    orphans = sorted({e.item_code for e in view.evidence} - set(view.drafts))
    if orphans:
        raise InvalidInput(
            f"Tài liệu giải trình gắn với tiêu chí {', '.join(orphans)} nhưng tiêu chí đó chưa có nội dung giải trình. "
            "Hãy ghi nội dung hoặc gỡ tài liệu.",
            f"Rebuttal documents are attached to {', '.join(orphans)}, which has no rebuttal text. Write it or remove them.")
    by_sha: dict[str, list[RebuttalEvidence]] = {}
    for e in view.evidence:
        by_sha.setdefault(e.sha256, []).append(e)
    entries = tuple(
        RebuttalDocumentEntry(sha, docs[0].file_name, docs[0].size, docs[0].media_type, dict(docs[0].citation.__dict__),
                              tuple((d.item_code, d.pages) for d in docs))
        for sha, docs in by_sha.items())
    info, doc = ws.info(), result.document
    rebuttal = RebuttalDocument(
        agency_code=info.agency_code, agency_name=info.agency_name, year=info.year, framework_id=ws.framework.id,
        framework_sha256=ws.framework.sha256, result_sha256=result.manifest_sha256, result_sequence=doc.sequence,
        result_round=doc.round, submission_sha256=doc.submission_sha256, items=items, evidence=entries)
    return rebuttal, result, list(view.evidence)


def export_rebuttal(
    ws: AgencyWorkspace,
    out: Path | str,
    signer: Signer,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> RebuttalExport:
    """Sign and write the rebuttal of the latest result as package n+1 of the agency's chain."""
    from ..package.writer import EvidenceSource, write_package
    from ..signing.certutil import agency_code_of, common_name
    from .export import reconcile_pending_export

    rebuttal, result, _evidence = rebuttal_document(ws)
    info = ws.info()
    code = agency_code_of(signer.certificate)
    if code != info.agency_code:
        raise UserFacingError(
            f"Chứng thư “{common_name(signer.certificate)}” trong tệp khóa không phải của cơ quan {info.agency_code}"
            + (f" (nó mang mã {code})" if code else " (nó không gắn với cơ quan nào)")
            + ": bản giải trình phải do chính cơ quan ký. Không có gì được tạo.",
            f"The certificate '{common_name(signer.certificate)}' is not agency {info.agency_code}'s: a rebuttal is "
            "signed by the agency itself. Nothing was created.")
    out = Path(out)
    reconcile_pending_export(ws)
    with Session(ws.engine) as s:
        last = s.scalars(select(SubmissionRow).where(SubmissionRow.assessment_id == ws.assessment_id)
                         .order_by(SubmissionRow.sequence.desc())).first()
        if last is None:  # cannot happen: a result answers one of our submissions
            raise InvalidInput("Chưa có lần nộp nào.", "Nothing was submitted yet.")
        sequence, previous = last.sequence + 1, last.manifest_sha256
    data = dump(rebuttal_json(rebuttal))
    sources = [EvidenceSource(e.sha256, ws.store.path_of(e.sha256), e.size) for e in rebuttal.evidence]
    now = ws_mod.stamp(ws._clock)
    header = fmt.Manifest(
        kind="rebuttal", agency_code=info.agency_code, agency_name=info.agency_name, year=info.year,
        round=result.round, sequence=sequence, previous_sha256=previous, framework_id=ws.framework.id,
        framework_sha256=ws.framework.sha256, app_version=__version__, created_at=now, files=(),
    )
    written = write_package(out, header, {REBUTTAL: data}, sources, signer, progress, cancel, publish=False)
    pending = {"part": str(written.path), "final": str(out), "manifest_sha256": written.manifest_sha256}
    try:
        # Record first, publish second (export.py): the pending export is finished when the workspace
        # next opens, so a package under its final name is always recorded.
        with Session(ws.engine) as s, s.begin():
            s.add(SubmissionRow(assessment_id=ws.assessment_id, sequence=sequence, manifest_sha256=written.manifest_sha256,
                                manifest=written.manifest_bytes, assessment=data, file_name=out.name, with_problems=0,
                                created_at=now))
            s.flush()
            s.add(SentRebuttalRow(manifest_sha256=written.manifest_sha256, result_sha256=result.manifest_sha256,
                                  items=len(rebuttal.items), created_at=now))
            _log(s, ws, "export_rebuttal", {"sequence": sequence, "manifest_sha256": written.manifest_sha256,
                                            "result": result.manifest_sha256, "items": [c for c, _ in rebuttal.items],
                                            "file": out.name})
            ws_mod.write_meta(s, pending_export=json.dumps(pending, ensure_ascii=False))
    except BaseException:
        written.path.unlink(missing_ok=True)
        raise
    reconcile_pending_export(ws)
    if not out.exists():
        raise UserFacingError(f"Không ghi được gói giải trình “{out}”; hãy thử lại.", f"Could not write '{out}'; try again.")
    return RebuttalExport(out, written.manifest_sha256, out.stat().st_size, sequence, previous, result.manifest_sha256,
                          tuple(c for c, _ in rebuttal.items), len(rebuttal.evidence))

