"""The council issues results: one signed package (kind "result") per agency and issue.

A result carries, per leaf, the agency's self points next to the council's appraised points with
the reason and the reviewer, and per field and in total the self and final points, the applicable
maximum, the index, the category and the rank at the time of issue (data/result.json, see
core/package/result_format.py and docs/results-and-rebuttals.md).  It is bound to the submission it
answers: the manifest's `previous_sha256` is that submission's manifest hash.

Like the agency's export: the package is written under a temporary name, checked against the
round's own trust store (so a package nobody could verify is never issued), **recorded** (table
`issued_results`, the document kept as signed; the round-2 result marks the agency final) and only
then **published** under its final name.  A kill between the two is finished by
`reconcile_pending_result`, so a file under a final name is always recorded and a record whose file
never appeared is withdrawn.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ... import __version__
from ..errors import InvalidInput, UserFacingError
from ..framework.model import Scorer
from ..package import format as fmt
from ..package.result_format import (
    RESULT,
    ResultDocument,
    ResultField,
    ResultItem,
    ResultTotal,
    dump,
    num,
    result_json,
)
from ..progress import Cancelled, CancelToken, ProgressCallback, no_progress
from ..scoring.engine import inherited_na_mode, self_assessment, self_leaf
from ..signing.api import Signer, Verdict
from ..storage.orm import AgencyRow, IssuedResultRow, Meta, PackageRow
from . import workspace as ws_mod

if TYPE_CHECKING:
    from .inspection import InspectionWorkspace

PENDING_KEY = "pending_result"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class IssuedResult:
    """A result package that was issued (recorded and published)."""

    path: Path
    manifest_sha256: str
    size: int
    document: ResultDocument
    unappraised: tuple[str, ...]  # appraisable leaves the council has not appraised (the self points stand)

    @property
    def agency_code(self) -> str:
        return self.document.agency_code


@dataclass(frozen=True)
class IssuedRecord:
    """A row of `issued_results`: what the council sent, kept as signed."""

    manifest_sha256: str
    agency_code: str
    round: int
    sequence: int
    file_name: str
    percent: Decimal
    created_at: str
    document: bytes


@dataclass(frozen=True)
class IssueOutcome:
    """One agency of a batch: issued, or why not (the others are issued all the same)."""

    agency_code: str
    agency_name: str
    issued: IssuedResult | None
    error: UserFacingError | None

    @property
    def ok(self) -> bool:
        return self.issued is not None


def result_file_name(agency_code: str, year: int, sequence: int) -> str:
    return f"{agency_code}-{year}-ket-qua-{sequence}.cchc"


def check_council_key(cert: object) -> None:
    """Refuse, before anything is written, a key that may not sign results (an agency's above all)."""
    from ..signing.certutil import agency_code_of, common_name, role_of

    role = role_of(cert)  # type: ignore[arg-type]
    if role in ("council", "ca"):
        return
    code = agency_code_of(cert)  # type: ignore[arg-type]
    who = f"“{common_name(cert)}”" + (f" (cơ quan {code})" if code else "")  # type: ignore[arg-type]
    raise UserFacingError(
        f"Chứng thư {who} trong tệp khóa không được ký kết quả thẩm định: chỉ chứng thư Hội đồng thẩm định do CA "
        "của tỉnh cấp (cchc ca issue --role council) hoặc khóa CA của tỉnh mới ký được. Không có gì được tạo.",
        f"The certificate '{common_name(cert)}' in the key file may not sign results: only a council certificate the "  # type: ignore[arg-type]
        "province CA issued (cchc ca issue --role council) or the province CA key can. Nothing was created.",
    )


# ---------------------------------------------------------------- building the document


def _index(points: Decimal, applicable: Decimal) -> Decimal | None:
    return (points * 100 / applicable).quantize(CENT, ROUND_HALF_UP) if applicable > 0 else None


def next_sequence(ws: InspectionWorkspace, agency_code: str) -> int:
    with Session(ws.engine) as s:
        last = s.scalar(select(func.max(IssuedResultRow.sequence)).where(IssuedResultRow.agency_code == agency_code))
    return (last or 0) + 1


def build_result(ws: InspectionWorkspace, agency_code: str, issued_by: str) -> tuple[ResultDocument, tuple[str, ...]]:
    """The result document of an agency as the round stands now; also the leaves not appraised yet."""
    from .inspection_appraisal import appraisable

    fw = ws.framework
    with Session(ws.engine) as s:
        agency = s.get(AgencyRow, agency_code)
        if agency is None:
            raise InvalidInput(f"Không có cơ quan mã “{agency_code}” trong đợt đánh giá.", f"No agency '{agency_code}' in this round.")
        name = agency.name
        rebuttal = s.scalars(select(PackageRow).where(PackageRow.agency_code == agency_code, PackageRow.kind == "rebuttal")
                             .order_by(PackageRow.sequence.desc()).limit(1)).first()
        last = s.scalars(select(IssuedResultRow).where(IssuedResultRow.agency_code == agency_code)
                         .order_by(IssuedResultRow.sequence.desc()).limit(1)).first()
        rebuttal_ref = None if rebuttal is None else (rebuttal.manifest_sha256, rebuttal.sequence)
        previous = None if last is None else last.manifest_sha256
        sequence = (last.sequence if last else 0) + 1
    submission = ws.submission(agency_code)
    if submission is None:
        raise InvalidInput(
            f"Cơ quan “{agency_code}” chưa có hồ sơ nộp trong đợt này nên chưa có kết quả để gửi.",
            f"Agency '{agency_code}' has no submission in this round, so there is no result to send.")
    rnd = ws.round_of(agency_code)
    answers = ws.self_answers(agency_code)
    own = self_assessment(fw, answers)
    final = ws.final_sheet(agency_code)
    appraisals = ws.effective_appraisals(agency_code)
    ranking = ws.ranking()
    entry = next((e for e in ranking if e.agency_code == agency_code), None)
    items = []
    unappraised = []
    for item in fw.leaves():
        mine = self_leaf(fw, item, answers)
        a = appraisals.get(item.code)
        node = final.node(item.code)
        excluded = node.applicable_max == 0 and item.max_points > 0
        answer = answers.get(item.code)
        self_na = mine.excluded or inherited_na_mode(fw, item.code, answers) is not None or (
            answer is not None and answer.not_applicable and item.na_mode is not None)
        if a is None and appraisable(item):
            unappraised.append(item.code)
        items.append(ResultItem(
            code=item.code, title=item.title, max_points=item.max_points,
            scorer=(item.scorer or Scorer.AGENCY).value,
            self_points=None if (mine.points is None or not mine.known) else mine.points,
            self_not_applicable=self_na,
            appraised=a is not None,
            appraised_points=None if a is None else a.points,
            not_applicable=bool(a and a.not_applicable),
            final_points=None if excluded else node.points,
            excluded=excluded,
            reason="" if a is None else a.reason,
            reviewer="" if a is None else a.reviewer,
            round=None if a is None else a.round,
        ))
    fields = tuple(
        ResultField(f.code, fw.item(f.code).title, f.max_points, f.applicable_max, o.points, f.points,
                    _index(f.points, f.applicable_max))
        for f, o in zip(final.fields, own.fields)
    )
    cat = final.category
    total = ResultTotal(
        max_points=final.max_points, applicable_max=final.applicable_max, self_points=own.final_points,
        self_assessable_max=own.assessable_max, self_percent=own.percent, bonus=final.bonus, penalty=final.penalty,
        final_points=final.final_points, index=final.percent,
        category_key=None if cat is None else cat.key, category_name=None if cat is None else cat.name,
        rank=None if entry is None else entry.rank, ranked=len(ranking),
        tied_with=() if entry is None else entry.tied_with,
    )
    doc = ResultDocument(
        agency_code=agency_code, agency_name=name, year=ws.year, round=rnd, sequence=sequence, final=rnd >= 2,
        framework_id=fw.id, framework_sha256=fw.sha256,
        submission_sha256=submission.manifest_sha256, submission_sequence=submission.sequence,
        rebuttal_sha256=None if rebuttal_ref is None else rebuttal_ref[0],
        rebuttal_sequence=None if rebuttal_ref is None else rebuttal_ref[1],
        previous_result_sha256=previous, issued_at=ws.now(), issued_by=issued_by,
        items=tuple(items), fields=fields, total=total,
    )
    return doc, tuple(unappraised)


# ---------------------------------------------------------------- issuing


def issue_result(
    ws: InspectionWorkspace,
    agency_code: str,
    out: Path | str,
    signer: Signer,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> IssuedResult:
    """Sign and write the agency's result to `out` (never over an existing file); see the module doc."""
    from ..package.reader import verify_council_package
    from ..package.writer import write_package
    from ..signing.certutil import common_name

    reconcile_pending_result(ws)
    check_council_key(signer.certificate)
    out = Path(out)
    if out.exists():
        raise UserFacingError(f"Tệp “{out}” đã tồn tại. Hãy chọn tên khác; không ghi đè.",
                              f"'{out}' exists; choose another name (never overwritten).")
    doc, unappraised = build_result(ws, agency_code, common_name(signer.certificate))
    header = fmt.Manifest(
        kind="result", agency_code=doc.agency_code, agency_name=doc.agency_name, year=doc.year, round=doc.round,
        sequence=doc.sequence, previous_sha256=doc.submission_sha256, framework_id=doc.framework_id,
        framework_sha256=doc.framework_sha256, app_version=__version__, created_at=doc.issued_at, files=(),
    )
    document = dump(result_json(doc))
    written = write_package(out, header, {RESULT: document}, [], signer, progress, cancel, publish=False)
    pending = {"part": str(written.path), "final": str(out), "manifest_sha256": written.manifest_sha256,
               "agency_code": agency_code, "set_final": False}
    try:
        # A result nobody could verify with the round's trust (a key of another CA, a revoked
        # certificate) is never issued: the council learns it now, not from the agency.
        report = verify_council_package(written.path, ws.trust(), kinds=("result",))
        if report.verdict is Verdict.INVALID:
            raise UserFacingError(
                "Chưa phát hành kết quả: chữ ký trên gói không xác minh được bằng danh sách tin cậy của đợt đánh giá — "
                + "; ".join(report.reasons("vi")) + ". Không có gì được ghi.",
                "The result was not issued: its signature does not verify with the round's trust store — "
                + "; ".join(report.reasons("en")) + ". Nothing was written.",
            )
        with Session(ws.engine) as s, s.begin():
            s.add(IssuedResultRow(
                manifest_sha256=written.manifest_sha256, agency_code=agency_code, round=doc.round,
                sequence=doc.sequence, file_name=out.name, percent=num(doc.total.index) or "0", created_at=doc.issued_at,
                document=document,
            ))
            agency = s.get(AgencyRow, agency_code)
            if doc.final and agency is not None and agency.final_at is None:
                agency.final_at = doc.issued_at  # the round-2 result is the final one (kết quả cuối cùng)
                pending["set_final"] = True
            ws_mod.write_meta(s, **{PENDING_KEY: json.dumps(pending, ensure_ascii=False)})
    except BaseException:
        written.path.unlink(missing_ok=True)
        raise
    reconcile_pending_result(ws)
    if not _published(out, written.manifest_sha256):  # the name was taken meanwhile, the disk vanished...
        raise UserFacingError(f"Không ghi được gói kết quả “{out}”; kết quả chưa được phát hành, hãy thử lại.",
                              f"Could not write the result '{out}'; it was not issued. Try again.")
    return IssuedResult(out, written.manifest_sha256, out.stat().st_size, doc, unappraised)


def issue_results(
    ws: InspectionWorkspace,
    folder: Path | str,
    signer: Signer,
    agency_codes: Sequence[str] | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    on_result: Callable[[IssueOutcome], None] | None = None,
) -> list[IssueOutcome]:
    """Results for several agencies (default: every agency with a submission) into `folder`, named
    `result_file_name(...)`; one outcome per agency.  Cancelling stops between agencies (raises
    Cancelled; those issued before stay issued and recorded)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserFacingError(f"“{folder}” không phải một thư mục.", f"'{folder}' is not a folder.")
    check_council_key(signer.certificate)
    if agency_codes is None:
        agency_codes = [o.code for o in ws.overview() if o.package_sha256 is not None]
    names = {a.code: a.name for a in ws.agencies()}
    out: list[IssueOutcome] = []
    for n, code in enumerate(agency_codes):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(n, len(agency_codes), code)
        try:
            path = folder / result_file_name(code, ws.year, next_sequence(ws, code))
            outcome = IssueOutcome(code, names.get(code, code), issue_result(ws, code, path, signer, cancel=cancel), None)
        except Cancelled:
            raise
        except UserFacingError as exc:
            outcome = IssueOutcome(code, names.get(code, code), None, exc)
        out.append(outcome)
        if on_result is not None:
            on_result(outcome)
    progress(len(agency_codes), len(agency_codes), "")
    return out


def issued_results(ws: InspectionWorkspace, agency_code: str | None = None) -> list[IssuedRecord]:
    """The results issued so far, by agency and sequence."""
    reconcile_pending_result(ws)
    with Session(ws.engine) as s:
        q = select(IssuedResultRow).order_by(IssuedResultRow.agency_code, IssuedResultRow.sequence)
        if agency_code is not None:
            q = q.where(IssuedResultRow.agency_code == agency_code)
        return [IssuedRecord(r.manifest_sha256, r.agency_code, r.round, r.sequence, r.file_name, Decimal(r.percent),
                             r.created_at, r.document) for r in s.scalars(q)]


def _published(final: Path, manifest_sha256: str) -> bool:
    """`final` exists and is this package (not some other file that took the name meanwhile)."""
    try:
        with zipfile.ZipFile(final) as zf, zf.open(fmt.MANIFEST) as fh:
            data = fh.read(fmt.MAX_MANIFEST_BYTES + 1)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    return hashlib.sha256(data).hexdigest() == manifest_sha256


def reconcile_pending_result(ws: InspectionWorkspace) -> None:
    """Finish (or withdraw) an issue interrupted between recording and publishing (see module doc)."""
    from ..package.writer import publish_package

    with Session(ws.engine) as s:
        row = s.get(Meta, PENDING_KEY)
        if row is None:
            return
        pending = json.loads(row.value)
    part, final = Path(pending["part"]), Path(pending["final"])
    if not final.exists() and part.exists():
        try:
            publish_package(part, final)
        except (OSError, UserFacingError):
            pass  # e.g. the USB stick is gone: withdrawn below, the council issues again
    published = _published(final, pending["manifest_sha256"])
    with Session(ws.engine) as s, s.begin():
        if not published:
            issued = s.get(IssuedResultRow, pending["manifest_sha256"])
            if issued is not None:
                s.delete(issued)
            agency = s.get(AgencyRow, pending["agency_code"])
            if pending.get("set_final") and agency is not None:
                agency.final_at = None
        meta = s.get(Meta, PENDING_KEY)
        if meta is not None:
            s.delete(meta)
    if not published:
        part.unlink(missing_ok=True)

