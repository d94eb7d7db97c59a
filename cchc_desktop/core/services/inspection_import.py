"""Importing submission packages into the council's workspace: verify everything, then store it all.

Per package, in this order: the package is verified completely (signature, signer bound to the
agency, every byte's hash, format, the round's framework) while its evidence streams into
temporary files of the store; its assessment is read strictly and re-scored; the sequence is
checked against what was imported before (no replays); and only then, in one transaction, the rows
are written and the evidence files renamed to their content address.  A refused package leaves
nothing: its temporary files are removed and no row is written.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import UserFacingError
from ..package import format as fmt
from ..package.reader import PackageReport, verify_package
from ..progress import Cancelled, CancelToken, ProgressCallback, no_progress
from ..signing.api import TrustStore, Verdict
from ..storage.orm import AgencyRow, EvidenceFileRow, PackageAnswerRow, PackageEvidenceRow, PackageRow
from .inspection_assessment import AssessmentRefused, ParsedAssessment, parse_assessment
from .inspection_records import ALREADY_IMPORTED, IMPORTED, REFUSED, ImportResult, Note
from .inspection_scores import number_of, score_differences, score_document
from .inspection_staging import (
    StagingSink,
    expand_paths,
    file_size,
    read_manifest_bytes,
)

if TYPE_CHECKING:
    from .inspection import InspectionWorkspace


# Package kinds other than "submission" the council imports: kind -> (module, function).  The
# function gets (ws, path, report, allow_unknown_revocation, sink) of a package whose signature,
# bytes and framework were verified, and returns an ImportResult (refused, or stored in one transaction).
OTHER_KINDS: dict[str, tuple[str, str]] = {
    "rebuttal": ("inspection_rebuttal", "import_rebuttal"),
    "appraisal": ("inspection_merge", "import_appraisal_package"),
}


class ImportCancelled(Cancelled):
    """The user cancelled: the package in progress left nothing; `results` holds those done before."""

    def __init__(self, results: list[ImportResult]) -> None:
        super().__init__()
        self.results = results


class _Refuse(Exception):
    def __init__(self, *notes: Note) -> None:
        super().__init__("; ".join(n.en for n in notes))
        self.notes = notes


def _already(ws: InspectionWorkspace, path: Path, sha: str) -> ImportResult | None:
    with Session(ws.engine) as s:
        row = s.get(PackageRow, sha)
        if row is None:
            return None
        return ImportResult(path, ALREADY_IMPORTED, row.agency_code, row.agency_name, row.sequence, sha, (Note(
            "already_imported",
            f"Gói này (lần nộp {row.sequence} của {row.agency_code}) đã được nhập lúc {row.imported_at}; không nhập lại.",
            f"This package (submission {row.sequence} of {row.agency_code}) was imported at {row.imported_at}; not imported again.",
        ),))


def import_packages(
    ws: InspectionWorkspace,
    paths: Sequence[Path | str],
    allow_unknown_revocation: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    on_result: Callable[[ImportResult], None] | None = None,
) -> list[ImportResult]:
    """Import packages one by one, each in its own transaction; one result per package file.

    `paths`: package files and folders (a folder stands for its `*.cchc` files, sorted).
    `on_result` sees each result as soon as it is known (the CLI prints it at once).
    Cancelling raises ImportCancelled (with the results so far); the package in progress left nothing.
    """
    items = expand_paths(paths)
    trust = ws.trust()
    sizes = [file_size(p) for p, _ in items]
    total, base = sum(sizes), 0
    results: list[ImportResult] = []
    for (path, problem), size in zip(items, sizes):
        def sub(done: int, _total: int, label: str = "", _base: int = base, _name: str = path.name) -> None:
            progress(_base + done, total, f"{_name}: {label}" if label else _name)

        try:
            if cancel is not None:
                cancel.raise_if_cancelled()
            if problem is not None:
                result = ImportResult(path, REFUSED, notes=(problem,))
            else:
                result = _import_one(ws, path, trust, allow_unknown_revocation, sub, cancel)
        except Cancelled:
            raise ImportCancelled(results) from None
        results.append(result)
        if on_result is not None:
            on_result(result)
        base += size
        progress(base, total, path.name)
    return results


def _import_one(ws: InspectionWorkspace, path: Path, trust: TrustStore, allow_unknown: bool, progress: ProgressCallback,
                cancel: CancelToken | None) -> ImportResult:
    # No shortcut on the manifest hash: a tampered copy of an imported package keeps its manifest,
    # and must be reported as refused, not as "already imported".  Verify first, always.
    sink = StagingSink(ws.store)
    manifest: fmt.Manifest | None = None
    try:
        report = verify_package(path, trust, {ws.framework.sha256: ws.framework}, sink, progress, cancel)
        manifest = report.manifest
        if sink.error is not None:
            raise UserFacingError(
                f"Không ghi được tài liệu vào không gian làm việc: {sink.error.strerror or sink.error}. "
                "Gói chưa được nhập; hãy giải phóng dung lượng ổ đĩa rồi nhập lại.",
                f"Cannot write evidence into the workspace: {sink.error.strerror or sink.error}. Not imported.",
            )
        if report.verdict is not Verdict.INVALID and report.manifest_sha256 is not None:
            done = _already(ws, path, report.manifest_sha256)
            if done is not None:
                return done
        other = OTHER_KINDS.get(manifest.kind) if manifest is not None and report.verdict is not Verdict.INVALID else None
        if other is not None:
            # Rebuttals (giải trình) and reviewers' appraisal packages: their own modules.
            module, func = other
            handler = getattr(importlib.import_module(f"{__package__}.{module}"), func)
            return handler(ws, path, report, allow_unknown, sink)
        accepted = _accept(ws, path, report, allow_unknown)
        if isinstance(accepted, ImportResult):
            return accepted
        return _store(ws, path, report, accepted, sink)
    except (_Refuse, AssessmentRefused) as refusal:
        return _refused(path, tuple(refusal.notes), manifest)
    except Cancelled:
        raise
    except (UserFacingError, OSError, SQLAlchemyError) as exc:
        if isinstance(exc, UserFacingError):
            note = Note("write_failed", exc.vi, exc.en)
        else:
            text = getattr(exc, "strerror", None) or str(exc)
            note = Note("write_failed", f"Không lưu được gói vào không gian làm việc ({text}); không có gì thay đổi.",
                        f"Cannot store the package in the workspace ({text}); nothing was changed.")
        return _refused(path, (note,), manifest)
    finally:
        sink.abort_all()


def _refused(path: Path, notes: Sequence[Note], manifest: fmt.Manifest | None) -> ImportResult:
    return ImportResult(path, REFUSED, manifest.agency_code if manifest else None, manifest.agency_name if manifest else None,
                        manifest.sequence if manifest else None, None, tuple(notes))


@dataclass(frozen=True)
class _Accepted:
    assessment: ParsedAssessment
    notes: tuple[Note, ...]


def _accept(ws: InspectionWorkspace, path: Path, report: PackageReport, allow_unknown: bool) -> _Accepted | ImportResult:
    """The package-level checks that need no database: verdict, kind, year, assessment."""
    findings = tuple(Note(f.code, f.vi, f.en) for f in report.findings)
    if report.verdict is Verdict.INVALID or report.manifest is None:
        return _refused(path, findings, report.manifest)
    manifest = report.manifest
    notes: list[Note] = []
    if report.verdict is Verdict.UNKNOWN:
        if not allow_unknown:
            return _refused(path, (Note(
                "revocation_unknown",
                "Chưa nhập: chữ ký hợp lệ nhưng chưa kiểm tra được chứng thư của người ký có bị thu hồi hay không "
                "(thư mục tin cậy của đợt đánh giá không có danh sách thu hồi CRL còn hiệu lực). Hãy bổ sung CRL mới "
                "nhất của CA rồi nhập lại, hoặc chủ động cho phép nhập khi chưa kiểm tra được thu hồi "
                "(--allow-unknown-revocation).",
                "Not imported: the signature is valid, but whether the signer's certificate was revoked cannot be "
                "decided (no current CRL in the round's trust folder). Add the CA's latest CRL and import again, or "
                "explicitly allow it (--allow-unknown-revocation).",
            ),) + findings, manifest)
        notes.append(Note(
            "revocation_unchecked",
            "Đã nhập theo yêu cầu dù chưa kiểm tra được tình trạng thu hồi chứng thư của người ký.",
            "Imported on request although the signer certificate's revocation status could not be checked.",
        ))
    if manifest.kind != "submission":
        return _refused(path, (Note("wrong_kind", f"Đây là gói loại “{manifest.kind}”, không phải hồ sơ tự đánh giá nộp cho Hội đồng.",
                                    f"This is a '{manifest.kind}' package, not a submission."),), manifest)
    if manifest.year != ws.year:
        return _refused(path, (Note("wrong_year", f"Gói là hồ sơ năm {manifest.year}, đợt đánh giá này là năm {ws.year}.",
                                    f"The package is for {manifest.year}; this round is {ws.year}."),), manifest)
    sizes = {f.sha256: f.size for f in manifest.files if f.path.startswith(fmt.EVIDENCE_PREFIX)}
    parsed = parse_assessment(report.data[fmt.ASSESSMENT], ws.framework, manifest, sizes)
    mismatch = score_differences(parsed.claimed, parsed.sheet)
    if mismatch is not None:
        notes.append(mismatch)
    return _Accepted(parsed, tuple(notes))


def _chain(s: Session, ws: InspectionWorkspace, m: fmt.Manifest) -> list[Note]:
    """Refuse replays and conflicts; a missing or different previous link is only noted."""
    expected = s.scalars(select(AgencyRow).where(AgencyRow.expected.is_(True)).limit(1)).first()
    agency = s.get(AgencyRow, m.agency_code)
    if expected is not None and (agency is None or not agency.expected):
        raise _Refuse(Note("agency_not_expected",
                           f"Cơ quan “{m.agency_code}” ({m.agency_name}) không có trong danh sách cơ quan của đợt đánh giá.",
                           f"Agency '{m.agency_code}' ({m.agency_name}) is not on this round's list."))
    rows = {r.sequence: r for r in s.scalars(select(PackageRow).where(PackageRow.agency_code == m.agency_code))}
    same = rows.get(m.sequence)
    if same is not None:
        raise _Refuse(Note("conflict",
                           f"Xung đột: đã nhập một gói khác cũng là lần nộp {m.sequence} của {m.agency_code} (từ “{same.source_name}”) "
                           "nhưng nội dung khác. Hãy liên hệ cơ quan để xác định bản đúng.",
                           f"Conflict: another package, also submission {m.sequence} of {m.agency_code} "
                           f"(from '{same.source_name}'), was imported with different content."))
    newest = max(rows, default=0)
    if m.sequence < newest:
        raise _Refuse(Note("replay",
                           f"Gói cũ: đây là lần nộp {m.sequence}, nhưng lần nộp {newest} mới hơn của {m.agency_code} đã được "
                           "nhập. Không nhập lại bản cũ (chống phát lại).",
                           f"Replay: this is submission {m.sequence}, but the newer submission {newest} of "
                           f"{m.agency_code} is already imported."))
    if rows:
        prev = rows.get(m.sequence - 1)
        if prev is None or prev.manifest_sha256 != m.previous_sha256:
            what_vi = "chưa được nhập" if prev is None else "khác với gói đã nhập"
            what_en = "was not imported" if prev is None else "differs from the one imported"
            return [Note("chain_gap",
                         f"Đứt chuỗi nộp: lần nộp trước ({m.sequence - 1}) mà gói này dẫn chiếu {what_vi}. "
                         "Gói vẫn xác thực và đã được nhập; hãy hỏi cơ quan về lần nộp còn thiếu.",
                         f"Chain gap: the previous submission ({m.sequence - 1}) this package refers to {what_en}. "
                         "The package is authentic and was imported.")]
    return []


def _store(ws: InspectionWorkspace, path: Path, report: PackageReport, acc: _Accepted, sink: StagingSink) -> ImportResult:
    m = report.manifest
    sig = report.signature
    assert m is not None and sig is not None and sig.signer is not None and report.manifest_sha256 is not None
    from ..signing.certutil import fingerprint

    parsed, sheet = acc.assessment, acc.assessment.sheet
    now = ws.now()
    created: list[str] = []
    try:
        with Session(ws.engine) as s, s.begin():
            notes = list(acc.notes) + _chain(s, ws, m)
            if s.get(AgencyRow, m.agency_code) is None:
                s.add(AgencyRow(code=m.agency_code, name=m.agency_name, level=parsed.level, expected=False))
            for d in parsed.documents:
                if s.get(EvidenceFileRow, d.sha256) is None:
                    s.add(EvidenceFileRow(sha256=d.sha256, size=d.size, media_type=d.media_type, added_at=now))
            s.flush()  # no ORM relationships: parents first, by hand
            s.add(PackageRow(
                manifest_sha256=report.manifest_sha256, agency_code=m.agency_code, agency_name=m.agency_name,
                sequence=m.sequence, previous_sha256=m.previous_sha256, kind=m.kind, round=m.round, year=m.year,
                framework_sha256=m.framework_sha256, created_at=m.created_at, imported_at=now, imported_by=ws.actor,
                source_name=path.name, signer_subject=sig.signer.subject.rfc4514_string(),
                signer_fingerprint=fingerprint(sig.signer),
                signing_time=sig.signing_time.isoformat() if sig.signing_time else None,
                revocation=sig.revocation, verdict=report.verdict.value, manifest=read_manifest_bytes(path, report.manifest_sha256),
                assessment=report.data[fmt.ASSESSMENT], changelog=report.data.get(fmt.CHANGELOG, b""),
                claimed_score_json=json.dumps(parsed.claimed, ensure_ascii=False, default=str, sort_keys=True),
                recomputed_score_json=json.dumps(score_document(sheet), ensure_ascii=False, sort_keys=True),
                score_mismatch=any(n.code == "score_mismatch" for n in notes),
                chain_gap=any(n.code == "chain_gap" for n in notes), submitted_problems=parsed.problems,
                notes_json=json.dumps([n.__dict__ for n in notes], ensure_ascii=False),
            ))
            s.flush()
            for a in parsed.answers:
                s.add(PackageAnswerRow(manifest_sha256=report.manifest_sha256, item_code=a.code, value_json=a.value_json,
                                       not_applicable=a.not_applicable, reason=a.reason, note=a.note))
            for d in parsed.documents:
                s.add(PackageEvidenceRow(
                    manifest_sha256=report.manifest_sha256, sha256=d.sha256, file_name=d.file_name, size=d.size,
                    media_type=d.media_type, **d.citation,
                    links_json=json.dumps([{"code": c, "pages": p} for c, p in d.links], ensure_ascii=False),
                ))
            s.flush()
            missing = [d.sha256 for d in parsed.documents if d.sha256 not in sink.staged and d.sha256 not in sink.present
                       and not ws.store.has(d.sha256)]
            if missing:  # cannot happen with a verified package; never store a row without its file
                raise UserFacingError("Thiếu tệp tài liệu của gói.", "A document's file is missing.")
            # Files last, inside the transaction: if the commit fails, the new files are removed again.
            sink.commit([d.sha256 for d in parsed.documents], created)
    except BaseException:
        for sha in created:
            ws.store.remove(sha)
        raise
    return ImportResult(
        path, IMPORTED, m.agency_code, m.agency_name, m.sequence, report.manifest_sha256, tuple(notes),
        score_mismatch=any(n.code == "score_mismatch" for n in notes), chain_gap=any(n.code == "chain_gap" for n in notes),
        claimed_points=number_of(parsed.claimed.get("final_points")), final_points=sheet.final_points, assessable_max=sheet.assessable_max,
        percent=sheet.percent,
    )
