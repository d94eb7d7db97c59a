"""The council imports an agency's rebuttal (giải trình): the texts per disputed item and new evidence.

`inspection_import` verifies the package completely (signature bound to the agency, every byte,
the round's framework) while its evidence streams into temporary files, then hands a package of
kind "rebuttal" here.  Then, strictly: `data/rebuttal.json` must parse (every item a leaf of the
round's framework, every document a file of the package linked only to disputed items); it must
answer a result package **this council issued to that agency** (table `issued_results`); the
agency's result must not be final yet; and the sequence continues the agency's package chain (no
replay, no conflict).  Everything is stored in ONE transaction: the package row (kind "rebuttal",
`assessment` = rebuttal.json as signed), one `rebuttal_items` row per item, the documents, and the
evidence files renamed into the store last.  Afterwards `round_of(agency)` is 2: appraisals go to
round 2 and `rebuttal_texts(agency)` shows the texts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import UserFacingError
from ..package import format as fmt
from ..package.reader import PackageReport
from ..package.result_format import REBUTTAL, DataInvalid, RebuttalDocument, parse_rebuttal
from ..signing.api import Verdict
from ..storage.orm import (
    AgencyRow,
    EvidenceFileRow,
    IssuedResultRow,
    PackageEvidenceRow,
    PackageRow,
    RebuttalItemRow,
)
from .inspection_records import IMPORTED, REFUSED, ImportResult, Note
from .inspection_staging import StagingSink, read_manifest_bytes

if TYPE_CHECKING:
    from .inspection import InspectionWorkspace


class _Refused(Exception):
    def __init__(self, *notes: Note) -> None:
        super().__init__("; ".join(n.en for n in notes))
        self.notes = notes


def import_rebuttal(ws: InspectionWorkspace, path: Path, report: PackageReport, allow_unknown: bool,
                    sink: StagingSink) -> ImportResult:
    """Refuse (nothing stored) or store the rebuttal package in one transaction; see the module doc."""
    m = report.manifest
    if report.verdict is Verdict.INVALID or m is None or report.manifest_sha256 is None:
        return _refused(path, [Note(f.code, f.vi, f.en) for f in report.findings], m)
    notes: list[Note] = []
    if report.verdict is Verdict.UNKNOWN:
        if not allow_unknown:
            return _refused(path, [Note(
                "revocation_unknown",
                "Chưa nhập: chữ ký hợp lệ nhưng chưa kiểm tra được chứng thư của người ký có bị thu hồi hay không "
                "(thư mục tin cậy của đợt đánh giá không có danh sách thu hồi CRL còn hiệu lực). Hãy bổ sung CRL mới "
                "nhất của CA rồi nhập lại, hoặc chủ động cho phép nhập khi chưa kiểm tra được thu hồi "
                "(--allow-unknown-revocation).",
                "Not imported: the signature is valid, but whether the signer's certificate was revoked cannot be "
                "decided (no current CRL in the round's trust folder). Add the CA's latest CRL and import again, or "
                "explicitly allow it (--allow-unknown-revocation).",
            )] + [Note(f.code, f.vi, f.en) for f in report.findings], m)
        notes.append(Note("revocation_unchecked",
                          "Đã nhập theo yêu cầu dù chưa kiểm tra được tình trạng thu hồi chứng thư của người ký.",
                          "Imported on request although the signer certificate's revocation status could not be checked."))
    try:
        if m.kind != "rebuttal":
            raise _Refused(Note("wrong_kind", f"Đây là gói loại “{m.kind}”, không phải bản giải trình.",
                                f"This is a '{m.kind}' package, not a rebuttal."))
        if m.year != ws.year:
            raise _Refused(Note("wrong_year", f"Gói là bản giải trình năm {m.year}, đợt đánh giá này là năm {ws.year}.",
                                f"The rebuttal is for {m.year}; this round is {ws.year}."))
        sizes = {f.sha256: f.size for f in m.files if f.path.startswith(fmt.EVIDENCE_PREFIX)}
        try:
            doc = parse_rebuttal(report.data[REBUTTAL], ws.framework, sizes)
        except DataInvalid as exc:
            raise _Refused(Note("rebuttal_invalid", exc.vi, exc.en)) from None
        if (doc.agency_code, doc.year, doc.framework_sha256) != (m.agency_code, m.year, m.framework_sha256):
            raise _Refused(Note("rebuttal_invalid",
                                "Dữ liệu giải trình không khớp với tệp kê khai (cơ quan, năm hoặc bộ tiêu chí).",
                                "The rebuttal data does not match the manifest (agency, year or framework)."))
        return _store(ws, path, report, doc, notes, sink)
    except _Refused as exc:
        return _refused(path, exc.notes, m)


def _refused(path: Path, notes: list[Note] | tuple[Note, ...], m: fmt.Manifest | None) -> ImportResult:
    return ImportResult(path, REFUSED, m.agency_code if m else None, m.agency_name if m else None,
                        m.sequence if m else None, None, tuple(notes))


def _check(s: Session, ws: InspectionWorkspace, m: fmt.Manifest, doc: RebuttalDocument) -> list[Note]:
    """Inside the transaction: the result it answers, the agency's state, the chain."""
    from .inspection_import import _chain, _Refuse

    issued = s.get(IssuedResultRow, doc.result_sha256)
    if issued is None or issued.agency_code != m.agency_code:
        raise _Refused(Note(
            "result_unknown",
            f"Bản giải trình trả lời kết quả thẩm định có mã băm {doc.result_sha256[:12]}… mà Hội đồng này chưa từng gửi "
            f"cho cơ quan “{m.agency_code}”. Hãy kiểm tra cơ quan đã nhận đúng tệp kết quả của đợt đánh giá này.",
            f"The rebuttal answers a result ({doc.result_sha256[:12]}…) this council never issued to '{m.agency_code}'.",
        ))
    agency = s.get(AgencyRow, m.agency_code)
    if agency is not None and agency.final_at:
        raise _Refused(Note(
            "already_final",
            f"Kết quả của cơ quan “{m.agency_code}” đã là kết quả cuối cùng (từ {agency.final_at}); không nhận thêm giải trình.",
            f"The result of '{m.agency_code}' is already final (since {agency.final_at}); no further rebuttal is taken.",
        ))
    notes: list[Note] = []
    latest = s.scalars(select(IssuedResultRow).where(IssuedResultRow.agency_code == m.agency_code)
                       .order_by(IssuedResultRow.sequence.desc()).limit(1)).first()
    if latest is not None and latest.manifest_sha256 != issued.manifest_sha256:
        notes.append(Note("older_result",
                          f"Bản giải trình trả lời kết quả lần {issued.sequence}, không phải kết quả mới nhất (lần {latest.sequence}).",
                          f"The rebuttal answers result {issued.sequence}, not the latest one ({latest.sequence})."))
    try:
        notes.extend(_chain(s, ws, m))
    except _Refuse as exc:
        raise _Refused(*exc.notes) from None
    return notes


def _store(ws: InspectionWorkspace, path: Path, report: PackageReport, doc: RebuttalDocument, notes: list[Note],
           sink: StagingSink) -> ImportResult:
    from ..signing.certutil import fingerprint

    m, sig = report.manifest, report.signature
    assert m is not None and sig is not None and sig.signer is not None and report.manifest_sha256 is not None
    sha = report.manifest_sha256
    items = doc.items
    documents = doc.evidence
    now = ws.now()
    created: list[str] = []
    try:
        with Session(ws.engine) as s, s.begin():
            notes = notes + _check(s, ws, m, doc)
            for d in documents:
                if s.get(EvidenceFileRow, d.sha256) is None:
                    s.add(EvidenceFileRow(sha256=d.sha256, size=d.size, media_type=d.media_type, added_at=now))
            s.flush()
            notes.append(Note(
                "rebuttal",
                f"Bản giải trình cho kết quả lần {doc.result_sequence}: {len(items)} tiêu chí ({', '.join(c for c, _ in items)}), "
                f"{len(documents)} tài liệu mới. Tiêu chí được thẩm định lại ở vòng 2.",
                f"Rebuttal of result {doc.result_sequence}: {len(items)} items ({', '.join(c for c, _ in items)}), "
                f"{len(documents)} new documents. Items are appraised again in round 2.",
            ))
            s.add(PackageRow(
                manifest_sha256=sha, agency_code=m.agency_code, agency_name=m.agency_name, sequence=m.sequence,
                previous_sha256=m.previous_sha256, kind="rebuttal", round=m.round, year=m.year,
                framework_sha256=m.framework_sha256, created_at=m.created_at, imported_at=now, imported_by=ws.actor,
                source_name=path.name, signer_subject=sig.signer.subject.rfc4514_string(),
                signer_fingerprint=fingerprint(sig.signer),
                signing_time=sig.signing_time.isoformat() if sig.signing_time else None,
                revocation=sig.revocation, verdict=report.verdict.value, manifest=read_manifest_bytes(path, sha),
                assessment=report.data[REBUTTAL], changelog=b"", claimed_score_json="{}", recomputed_score_json="{}",
                score_mismatch=False, chain_gap=any(n.code == "chain_gap" for n in notes), submitted_problems=0,
                notes_json=json.dumps([n.__dict__ for n in notes], ensure_ascii=False),
            ))
            s.flush()
            for code, text in items:
                s.add(RebuttalItemRow(manifest_sha256=sha, item_code=code, text=text))
            for d in documents:
                s.add(PackageEvidenceRow(
                    manifest_sha256=sha, sha256=d.sha256, file_name=d.file_name, size=d.size, media_type=d.media_type,
                    **d.citation, links_json=json.dumps([{"code": c, "pages": p} for c, p in d.links], ensure_ascii=False),
                ))
            s.flush()
            missing = [d.sha256 for d in documents if d.sha256 not in sink.staged and d.sha256 not in sink.present
                       and not ws.store.has(d.sha256)]
            if missing:  # cannot happen with a verified package; never store a row without its file
                raise UserFacingError("Thiếu tệp tài liệu của gói.", "A document's file is missing.")
            sink.commit([d.sha256 for d in documents], created)
    except _Refused:
        raise
    except BaseException:
        for f in created:
            ws.store.remove(f)
        raise
    own = ws.self_sheet(m.agency_code)
    return ImportResult(path, IMPORTED, m.agency_code, m.agency_name, m.sequence, sha, tuple(notes),
                        chain_gap=any(n.code == "chain_gap" for n in notes), final_points=own.final_points,
                        assessable_max=own.assessable_max, percent=own.percent)
