"""Merging other reviewers' appraisals into the main workspace, and deciding their conflicts.

Reviewers appraise on their own copies of the round and send signed appraisal packages
(`appraisal_package.py`); the main workspace imports them with `cchc inspect import`.  Rules
(docs/several-reviewers.md):

- The whole package is refused, nothing stored, when any appraisal is not acceptable: the agency's
  submission it appraised is unknown here, the item is not a leaf the council appraises, the value
  is one the item's rule cannot give, or a reason is missing where the points differ from the
  agency's own.
- An appraisal of an older submission of the agency (it re-submitted since the reviewer's copy
  was made), or of a round this workspace has not reached, is skipped and reported, the others are
  merged: the reviewer appraises the latest submission again.
- No current appraisal: it is stored (origin = the package's manifest hash, with its log row).
  The same appraisal: nothing.  The same reviewer's newer version of his own appraisal: it
  replaces his older one.  Anything else that gives other points: a conflict, never an
  overwrite; `resolve_conflict` keeps the current one or takes the incoming one (written and logged).
  Other points agreeing with the current ones (another reviewer, another reason): nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..framework.canonical import number_text
from ..scoring.appraisal import Appraisal, appraised_leaf, check_appraisal
from ..scoring.engine import self_leaf
from ..storage.orm import AppraisalConflictRow, AppraisalLogRow, AppraisalRow, PackageRow
from .appraisal_package import AppraisalsInvalid, IncomingAppraisal, parse_document, parse_time
from .inspection_appraisal import AppraisalStep, appraisable, appraisal_of, put_appraisal
from .inspection_records import ALREADY_IMPORTED, IMPORTED, REFUSED, ConflictRecord, ImportResult, Note

if TYPE_CHECKING:
    from ..package.reader import PackageReport
    from .inspection import InspectionWorkspace
    from .inspection_staging import StagingSink

KEEP_CURRENT = "current"
KEEP_INCOMING = "incoming"
RESOLUTIONS = {KEEP_CURRENT: "kept_current", KEEP_INCOMING: "took_incoming"}
SUPERSEDED = "superseded"  # the same reviewer sent a newer version of the disputed appraisal


class MergeRefused(Exception):
    def __init__(self, notes: Sequence[Note]) -> None:
        super().__init__("; ".join(n.en for n in notes))
        self.notes = tuple(notes)


@dataclass(frozen=True)
class MergeOutcome:
    stored: int = 0  # no current appraisal: stored
    updated: int = 0  # the same reviewer's newer version replaced his older one
    unchanged: int = 0  # identical, agreeing, or older than what is here
    conflicts: int = 0  # new open conflicts
    skipped: tuple[Note, ...] = ()  # appraisals of an older submission / a round not reached

    @property
    def changed(self) -> bool:
        return bool(self.stored or self.updated or self.conflicts)


def _same(a: Appraisal, b: Appraisal) -> bool:
    return (a.points, a.not_applicable, a.reason, a.reviewer, a.at) == (b.points, b.not_applicable, b.reason,
                                                                        b.reviewer, b.at)


def _verdict(a: Appraisal) -> tuple[object, bool]:
    return (None if a.not_applicable else a.points, a.not_applicable)


def _newer(a: Appraisal, b: Appraisal) -> bool:
    ta, tb = parse_time(a.at), parse_time(b.at)
    return ta is not None and tb is not None and ta > tb


def _shown(a: Appraisal) -> str:
    return "không áp dụng" if a.not_applicable else number_text(a.points) if a.points is not None else "—"


# ---------------------------------------------------------------- checking


def check_incoming(ws: InspectionWorkspace, items: Sequence[IncomingAppraisal]
                   ) -> tuple[list[IncomingAppraisal], list[Note]]:
    """(the appraisals to merge, notes of those skipped); MergeRefused when any is unacceptable."""
    fw = ws.framework
    refusals: list[Note] = []
    keep: list[IncomingAppraisal] = []
    skipped: list[Note] = []
    with Session(ws.engine) as s:
        subs: dict[str, list[PackageRow]] = {}
        for row in s.scalars(select(PackageRow).where(PackageRow.kind == "submission").order_by(PackageRow.sequence)):
            subs.setdefault(row.agency_code, []).append(row)
        rebutted = set(s.scalars(select(PackageRow.agency_code).where(PackageRow.kind == "rebuttal")))
    answers_cache: dict[str, dict[str, object]] = {}
    for inc in items:
        a = inc.appraisal
        where_vi, where_en = f"{inc.agency_code} / {a.code}", f"{inc.agency_code} / {a.code}"
        chain = subs.get(inc.agency_code, [])
        known = next((p for p in chain if p.manifest_sha256 == inc.submission_sha256), None)
        if known is None:
            refusals.append(Note(
                "unknown_submission",
                f"{where_vi}: thẩm định một hồ sơ nộp ({inc.submission_sha256[:12]}…) mà không gian làm việc này không có. "
                "Hãy nhập hồ sơ nộp đó trước (hoặc kiểm tra hai bên có cùng đợt đánh giá).",
                f"{where_en}: appraises a submission ({inc.submission_sha256[:12]}…) this workspace does not have. "
                "Import that submission first (or check both sides hold the same round)."))
            continue
        if not fw.has_item(a.code) or not appraisable(fw.item(a.code)):
            refusals.append(Note(
                "unknown_item",
                f"{where_vi}: “{a.code}” không phải tiêu chí Hội đồng thẩm định trong bộ tiêu chí {fw.id}.",
                f"{where_en}: '{a.code}' is not an item the council appraises in framework {fw.id}."))
            continue
        item = fw.item(a.code)
        try:
            check_appraisal(item, a.points, a.not_applicable)
        except InvalidInput as exc:
            refusals.append(Note("invalid_value", exc.vi, exc.en))
            continue
        if not a.reason:
            if inc.agency_code not in answers_cache:
                answers_cache[inc.agency_code] = ws.self_answers(inc.agency_code)  # type: ignore[attr-defined]
            own = self_leaf(fw, item, answers_cache[inc.agency_code])  # type: ignore[arg-type]
            mine = appraised_leaf(item, a)
            if (mine.excluded, mine.points) != (own.excluded, own.points):
                refusals.append(Note(
                    "reason_missing",
                    f"{where_vi}: điểm thẩm định ({_shown(a)}) khác điểm tự chấm nhưng không có lý do.",
                    f"{where_en}: the appraised points ({_shown(a)}) differ from the self points but no reason is given."))
                continue
        latest = chain[-1]
        current_round = 2 if inc.agency_code in rebutted else 1
        if known is not latest:
            skipped.append(Note(
                "stale_submission",
                f"{where_vi}: bỏ qua — thẩm định lần nộp {known.sequence}, nhưng cơ quan đã nộp lần {latest.sequence}; "
                "người thẩm định cần thẩm định lại trên hồ sơ mới nhất.",
                f"{where_en}: skipped — appraises submission {known.sequence}, but the agency has submitted "
                f"{latest.sequence} since; the reviewer should appraise the latest one."))
        elif a.round > current_round:
            skipped.append(Note(
                "round_not_reached",
                f"{where_vi}: bỏ qua — thẩm định vòng {a.round}, nhưng không gian làm việc này chưa nhập giải trình "
                "của cơ quan (đang ở vòng 1). Hãy nhập gói giải trình rồi nhập lại gói thẩm định này.",
                f"{where_en}: skipped — a round {a.round} appraisal, but this workspace has not imported the agency's "
                "rebuttal (round 1). Import the rebuttal, then this package again."))
        else:
            keep.append(inc)
    if refusals:
        raise MergeRefused(refusals)
    return keep, skipped


# ---------------------------------------------------------------- merging


def merge_appraisals(ws: InspectionWorkspace, items: Sequence[IncomingAppraisal], origin: str) -> MergeOutcome:
    """Merge other reviewers' appraisals, all in one transaction (see the module's rules)."""
    keep, skipped = check_incoming(ws, items)
    now = ws.now()
    stored = updated = unchanged = conflicts = 0
    with Session(ws.engine) as s, s.begin():
        for inc in keep:
            a = inc.appraisal
            key = (inc.agency_code, a.code, a.round)
            row = s.get(AppraisalRow, key)
            current = None if row is None else appraisal_of(row)
            if current is None:
                put_appraisal(s, AppraisalStep(*key, None, a, inc.submission_sha256), ws.actor, now, origin)
                stored += 1
                continue
            if _same(current, a):
                unchanged += 1
                continue
            if current.reviewer == a.reviewer:
                if _newer(a, current):
                    put_appraisal(s, AppraisalStep(*key, current, a, inc.submission_sha256), ws.actor, now, origin)
                    updated += 1
                else:
                    unchanged += 1  # his own older (or same-time) version: what is here stands
                continue
            if _verdict(current) == _verdict(a):
                unchanged += 1  # another reviewer agrees
                continue
            if _record_conflict(s, inc, origin, now):
                conflicts += 1
            else:
                unchanged += 1
    return MergeOutcome(stored, updated, unchanged, conflicts, tuple(skipped))


def _record_conflict(s: Session, inc: IncomingAppraisal, origin: str, now: str) -> bool:
    """Add an open conflict unless the same one is open; the same reviewer's older open ones go."""
    a = inc.appraisal
    q = select(AppraisalConflictRow).where(
        AppraisalConflictRow.agency_code == inc.agency_code, AppraisalConflictRow.item_code == a.code,
        AppraisalConflictRow.round == a.round, AppraisalConflictRow.resolved_at.is_(None),
        AppraisalConflictRow.reviewer == a.reviewer)
    for old in s.scalars(q):
        mine = appraisal_of(old)
        if _same(mine, a) or not _newer(a, mine):
            return False  # already open, or he sent a newer one before
        old.resolved_at, old.resolution = now, SUPERSEDED
    s.add(AppraisalConflictRow(
        agency_code=inc.agency_code, item_code=a.code, round=a.round,
        points=None if a.points is None or a.not_applicable else number_text(a.points), not_applicable=a.not_applicable,
        reason=a.reason, reviewer=a.reviewer, appraised_at=a.at, package_sha256=inc.submission_sha256, origin=origin,
        found_at=now, resolved_at=None, resolution=None))
    return True


# ---------------------------------------------------------------- conflicts


def _record(s: Session, row: AppraisalConflictRow) -> ConflictRecord:
    cur = s.get(AppraisalRow, (row.agency_code, row.item_code, row.round))
    return ConflictRecord(row.id, row.agency_code, row.item_code, row.round,
                          None if cur is None else appraisal_of(cur), appraisal_of(row), row.origin)


def conflicts(ws: InspectionWorkspace, agency: str | None = None) -> list[ConflictRecord]:
    """Open conflicts (by agency, item, round, then id), each with the current appraisal as it is now."""
    with Session(ws.engine) as s:
        q = (select(AppraisalConflictRow).where(AppraisalConflictRow.resolved_at.is_(None))
             .order_by(AppraisalConflictRow.agency_code, AppraisalConflictRow.item_code, AppraisalConflictRow.round,
                       AppraisalConflictRow.id))
        if agency is not None:
            q = q.where(AppraisalConflictRow.agency_code == agency)
        return [_record(s, row) for row in s.scalars(q)]


def resolve_conflict(ws: InspectionWorkspace, conflict_id: int, keep: str) -> ConflictRecord:
    """Decide an open conflict: keep the current appraisal, or take the incoming one (written as the
    current appraisal, with its log row, origin = the package it came from).  Returns the conflict."""
    if keep not in RESOLUTIONS:
        raise InvalidInput(f"Cách giải quyết “{keep}” không hợp lệ: chọn “current” (giữ bản hiện tại) hoặc “incoming” "
                           "(lấy bản mới nhận).", f"Invalid resolution '{keep}': choose 'current' or 'incoming'.")
    now = ws.now()
    with Session(ws.engine) as s, s.begin():
        row = s.get(AppraisalConflictRow, conflict_id, with_for_update=ws.shared)  # type: ignore[attr-defined]
        if row is None:
            raise InvalidInput(f"Không có xung đột số {conflict_id}. Xem danh sách: cchc inspect conflicts DIR.",
                               f"There is no conflict {conflict_id}. List them: cchc inspect conflicts DIR.")
        if row.resolved_at is not None:
            raise InvalidInput(f"Xung đột số {conflict_id} đã được giải quyết lúc {row.resolved_at} ({row.resolution}).",
                               f"Conflict {conflict_id} was resolved at {row.resolved_at} ({row.resolution}).")
        record = _record(s, row)
        if keep == KEEP_INCOMING:
            step = AppraisalStep(row.agency_code, row.item_code, row.round, record.current, record.incoming,
                                 row.package_sha256)
            put_appraisal(s, step, ws.actor, now, row.origin)
        row.resolved_at, row.resolution = now, RESOLUTIONS[keep]
    return record


# ---------------------------------------------------------------- the package


def _refused(path: Path, notes: Sequence[Note], report: PackageReport) -> ImportResult:
    m = report.manifest
    return ImportResult(path, REFUSED, m.agency_code if m else None, m.agency_name if m else None,
                        m.sequence if m else None, None, tuple(notes))


def _already(ws: InspectionWorkspace, sha: str) -> bool:
    with Session(ws.engine) as s:
        return (s.scalars(select(AppraisalLogRow.id).where(AppraisalLogRow.origin == sha).limit(1)).first() is not None
                or s.scalars(select(AppraisalConflictRow.id).where(AppraisalConflictRow.origin == sha).limit(1)).first()
                is not None)


def import_appraisal_package(ws: InspectionWorkspace, path: Path, report: PackageReport, allow_unknown: bool,
                             sink: StagingSink) -> ImportResult:
    """A reviewer's appraisal package, verified by the reader (signature, bytes, framework, council
    signer): check its document, then merge it in one transaction, or refuse it whole."""
    from ..signing.api import Verdict
    from ..signing.certutil import common_name, is_ca, is_council_signer
    from .appraisal_package import APPRAISALS

    findings = tuple(Note(f.code, f.vi, f.en) for f in report.findings)
    m, sig = report.manifest, report.signature
    if report.verdict is Verdict.INVALID or m is None or sig is None or sig.signer is None:
        return _refused(path, findings, report)
    notes: list[Note] = []
    if report.verdict is Verdict.UNKNOWN:
        if not allow_unknown:
            return _refused(path, (Note(
                "revocation_unknown",
                "Chưa nhập: chữ ký hợp lệ nhưng chưa kiểm tra được chứng thư của người ký có bị thu hồi hay không (thư mục "
                "tin cậy của đợt đánh giá không có CRL còn hiệu lực). Hãy bổ sung CRL mới nhất của CA rồi nhập lại, hoặc "
                "cho phép nhập khi chưa kiểm tra được thu hồi (--allow-unknown-revocation).",
                "Not imported: the signature is valid, but the signer certificate's revocation cannot be decided (no "
                "current CRL). Add the CA's latest CRL and import again, or allow it (--allow-unknown-revocation).",
            ),) + findings, report)
        notes.append(Note("revocation_unchecked",
                          "Đã nhập theo yêu cầu dù chưa kiểm tra được tình trạng thu hồi chứng thư của người ký.",
                          "Imported on request although the signer certificate's revocation could not be checked."))
    signer = sig.signer
    if not (is_council_signer(signer) or is_ca(signer)):  # the reader checks it too; never merge otherwise
        return _refused(path, (Note(
            "not_council_signer",
            f"Gói thẩm định được ký bằng chứng thư “{common_name(signer)}”, không phải chứng thư Hội đồng thẩm định.",
            f"The appraisal package is signed with '{common_name(signer)}', not a council certificate."),), report)
    listed = {f.path for f in m.files}
    if listed != {APPRAISALS}:
        return _refused(path, (Note(
            "unexpected_entry", f"Gói thẩm định chỉ được chứa {APPRAISALS}.",
            f"An appraisal package holds exactly {APPRAISALS}."),), report)
    if m.year != ws.year:
        return _refused(path, (Note("wrong_year", f"Gói là kết quả thẩm định năm {m.year}, đợt đánh giá này là năm {ws.year}.",
                                    f"The package is for {m.year}; this round is {ws.year}."),), report)
    try:
        doc = parse_document(report.data[APPRAISALS])
    except AppraisalsInvalid as exc:
        return _refused(path, [Note("appraisals_invalid", vi, en) for vi, en in exc.problems], report)
    if doc.framework_sha256 != ws.framework.sha256 or doc.framework_sha256 != m.framework_sha256 or doc.year != m.year:
        return _refused(path, (Note("framework_mismatch",
                                    "Dữ liệu thẩm định ghi bộ tiêu chí hoặc năm khác với gói / đợt đánh giá này.",
                                    "The appraisal data names another framework or year than the package / round."),),
                        report)
    sha = report.manifest_sha256
    assert sha is not None
    if _already(ws, sha):
        return ImportResult(path, ALREADY_IMPORTED, m.agency_code, m.agency_name, m.sequence, sha, (Note(
            "already_imported", "Gói thẩm định này đã được nhập trước đây; không nhập lại.",
            "This appraisal package was imported before; not imported again."),))
    try:
        outcome = merge_appraisals(ws, doc.appraisals, sha)
    except MergeRefused as exc:
        return _refused(path, exc.notes, report)
    who = common_name(signer)
    summary = Note(
        "appraisals_merged",
        f"Gói thẩm định của {who} ({doc.exported_by}, {len(doc.appraisals)} kết quả): {outcome.stored} mới, "
        f"{outcome.updated} cập nhật, {outcome.unchanged} không đổi, {outcome.conflicts} xung đột cần quyết định"
        + (" (xem: cchc inspect conflicts DIR)" if outcome.conflicts else "")
        + (f", {len(outcome.skipped)} bỏ qua" if outcome.skipped else "") + ".",
        f"Appraisal package of {who} ({doc.exported_by}, {len(doc.appraisals)} appraisals): {outcome.stored} new, "
        f"{outcome.updated} updated, {outcome.unchanged} unchanged, {outcome.conflicts} conflicts to decide"
        + (" (see: cchc inspect conflicts DIR)" if outcome.conflicts else "")
        + (f", {len(outcome.skipped)} skipped" if outcome.skipped else "") + ".",
    )
    return ImportResult(path, IMPORTED, m.agency_code, m.agency_name, m.sequence, sha,
                        (summary, *outcome.skipped, *notes))
