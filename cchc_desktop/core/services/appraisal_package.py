"""A reviewer's appraisals as a signed package (kind "appraisal", `data/appraisals.json`, v1).

A reviewer works on his own copy of the round (the same framework, trust and submissions), then
exports what he appraised, signed with his council certificate; the main workspace imports the
package like any other (`inspection_merge.import_appraisal_package`).  docs/several-reviewers.md
describes the document; the parser is strict (exact keys and types, decimal strings, hashes, ISO
times) because a signature proves who wrote a file, not that its content makes sense.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import __version__
from ..errors import InvalidInput, UserFacingError
from ..framework.canonical import number_text
from ..framework.model import Framework
from ..package.result_format import APPRAISALS
from ..progress import ProgressCallback, no_progress
from ..scoring.appraisal import Appraisal
from ..storage.orm import AppraisalRow
from ..storage.records import nfc

if TYPE_CHECKING:
    from ..signing.api import Signer
    from .inspection import InspectionWorkspace

FORMAT = "cchc-appraisals"
VERSION = 1
KIND = "appraisal"
ALL_AGENCIES = "*"  # the manifest's agency code: the package is about the round, not one agency
MAX_APPRAISALS = 200_000
MAX_REASON = 20_000
MAX_NAME = 200
SHA256_RE = re.compile(r"[0-9a-f]{64}")
NUMBER_RE = re.compile(r"(0|[1-9][0-9]{0,11})(\.[0-9]{1,8})?")
DOC_KEYS = {"format", "format_version", "year", "framework", "exported_at", "exported_by", "fields", "appraisals"}
ENTRY_KEYS = {"agency", "submission_sha256", "item", "round", "points", "not_applicable", "reason", "reviewer",
              "appraised_at"}


@dataclass(frozen=True)
class IncomingAppraisal:
    """One appraisal another reviewer made: of which agency's which submission."""

    agency_code: str
    submission_sha256: str
    appraisal: Appraisal


@dataclass(frozen=True)
class AppraisalsDocument:
    year: int
    framework_id: str
    framework_sha256: str
    exported_at: str
    exported_by: str
    fields: tuple[str, ...] | None
    appraisals: tuple[IncomingAppraisal, ...]


@dataclass(frozen=True)
class ExportedAppraisals:
    path: Path
    manifest_sha256: str
    count: int
    agencies: tuple[str, ...]
    fields: tuple[str, ...] | None


class AppraisalsInvalid(UserFacingError):
    """`data/appraisals.json` is not what version 1 says; `problems` lists (vi, en), at most 12."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems[:12]
        super().__init__("Dữ liệu thẩm định trong gói không hợp lệ: " + "; ".join(p[0] for p in self.problems),
                         "The appraisal data in the package is invalid: " + "; ".join(p[1] for p in self.problems))


# ---------------------------------------------------------------- time


def parse_time(text: str) -> _dt.datetime | None:
    """An ISO 8601 time as an aware datetime (a time without offset is UTC); None if not one."""
    try:
        t = _dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return t if t.tzinfo is not None else t.replace(tzinfo=_dt.timezone.utc)


# ---------------------------------------------------------------- the document


def field_of(fw: Framework, code: str) -> str:
    """The field (top-level item) an item belongs to; an adjustment (bonus/penalty) is its own."""
    while (parent := fw.parent_of(code)) is not None:
        code = parent.code
    return code


def document(ws: InspectionWorkspace, rows: Sequence[AppraisalRow], fields: tuple[str, ...] | None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": VERSION,
        "year": ws.year,
        "framework": {"id": ws.framework.id, "sha256": ws.framework.sha256},
        "exported_at": ws.now(),
        "exported_by": ws.actor,
        "fields": None if fields is None else list(fields),
        "appraisals": [
            {"agency": r.agency_code, "submission_sha256": r.package_sha256, "item": r.item_code, "round": r.round,
             "points": r.points, "not_applicable": bool(r.not_applicable), "reason": r.reason, "reviewer": r.reviewer,
             "appraised_at": r.appraised_at}
            for r in rows
        ],
    }


def _strict_json(data: bytes) -> Any:
    def no_dupes(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ValueError("duplicate key")
        return dict(pairs)

    def no_constants(name: str) -> Any:
        raise ValueError(f"invalid constant {name}")

    return json.loads(data.decode("utf-8"), object_pairs_hook=no_dupes, parse_constant=no_constants)


def parse_document(data: bytes) -> AppraisalsDocument:
    """`data/appraisals.json`, strictly; AppraisalsInvalid says every problem found (up to 12)."""
    problems: list[tuple[str, str]] = []

    def bad(vi: str, en: str) -> None:
        problems.append((vi, en))

    try:
        doc = _strict_json(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise AppraisalsInvalid([("không phải JSON UTF-8 hợp lệ (hoặc có khóa trùng)", "not valid UTF-8 JSON (or a key twice)")])
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise AppraisalsInvalid([(f"không phải tài liệu “{FORMAT}”", f"not a '{FORMAT}' document")])
    if doc.get("format_version") != VERSION or type(doc.get("format_version")) is not int:
        raise AppraisalsInvalid([(f"phiên bản {doc.get('format_version')!r} chưa được hỗ trợ; hãy cập nhật ứng dụng",
                                  f"version {doc.get('format_version')!r} is not supported; update the application")])
    if set(doc) != DOC_KEYS:
        raise AppraisalsInvalid([(f"các trường không đúng ({', '.join(sorted(set(doc) ^ DOC_KEYS))})",
                                  f"wrong keys ({', '.join(sorted(set(doc) ^ DOC_KEYS))})")])
    year, fw, rows = doc["year"], doc["framework"], doc["appraisals"]
    if type(year) is not int or not 2000 <= year <= 2100:
        bad("năm không hợp lệ", "invalid year")
    if not (isinstance(fw, dict) and set(fw) == {"id", "sha256"} and isinstance(fw["id"], str)
            and isinstance(fw["sha256"], str) and SHA256_RE.fullmatch(fw["sha256"])):
        bad("bộ tiêu chí (framework) sai định dạng", "malformed framework")
        fw = {"id": "", "sha256": ""}
    for key in ("exported_at", "exported_by"):
        if not isinstance(doc[key], str) or len(doc[key]) > MAX_NAME:
            bad(f"trường “{key}” sai kiểu", f"'{key}' mistyped")
    fields = doc["fields"]
    if fields is not None and not (isinstance(fields, list) and all(isinstance(f, str) and 0 < len(f) <= 64 for f in fields)):
        bad("danh sách lĩnh vực sai định dạng", "malformed field list")
        fields = None
    if not isinstance(rows, list) or len(rows) > MAX_APPRAISALS:
        raise AppraisalsInvalid(problems + [("danh sách thẩm định sai định dạng hoặc quá dài", "malformed or too long appraisal list")])
    out: list[IncomingAppraisal] = []
    seen: set[tuple[str, str, int]] = set()
    for n, e in enumerate(rows, 1):
        where_vi, where_en = f"mục {n}", f"entry {n}"
        if not isinstance(e, dict) or set(e) != ENTRY_KEYS:
            bad(f"{where_vi}: các trường không đúng", f"{where_en}: wrong keys")
            continue
        agency, sha, item, rnd = e["agency"], e["submission_sha256"], e["item"], e["round"]
        points, na, reason, reviewer, at = e["points"], e["not_applicable"], e["reason"], e["reviewer"], e["appraised_at"]
        ok = True
        if not (isinstance(agency, str) and 0 < len(agency) <= 64 and isinstance(item, str) and 0 < len(item) <= 64):
            bad(f"{where_vi}: mã cơ quan hoặc mã tiêu chí sai", f"{where_en}: bad agency or item code")
            ok = False
        if not (isinstance(sha, str) and SHA256_RE.fullmatch(sha)):
            bad(f"{where_vi}: mã băm hồ sơ nộp sai", f"{where_en}: bad submission hash")
            ok = False
        if type(rnd) is not int or not 1 <= rnd <= 9:
            bad(f"{where_vi}: vòng thẩm định sai", f"{where_en}: bad round")
            ok = False
        if type(na) is not bool or (na and points is not None) or (
                not na and not (isinstance(points, str) and NUMBER_RE.fullmatch(points))):
            bad(f"{where_vi}: điểm phải là chuỗi số thập phân không âm (hoặc null khi không áp dụng)",
                f"{where_en}: points must be a non-negative decimal string (null when not applicable)")
            ok = False
        if not (isinstance(reason, str) and len(reason) <= MAX_REASON and isinstance(reviewer, str)
                and 0 < len(reviewer) <= MAX_NAME):
            bad(f"{where_vi}: lý do hoặc người thẩm định sai", f"{where_en}: bad reason or reviewer")
            ok = False
        if not (isinstance(at, str) and len(at) <= 40 and parse_time(at) is not None):
            bad(f"{where_vi}: thời điểm thẩm định không phải thời gian ISO 8601", f"{where_en}: appraised_at is not an ISO 8601 time")
            ok = False
        if not ok:
            continue
        key = (agency, item, rnd)
        if key in seen:
            bad(f"{where_vi}: tiêu chí {item} của {agency} (vòng {rnd}) xuất hiện hai lần",
                f"{where_en}: item {item} of {agency} (round {rnd}) appears twice")
            continue
        seen.add(key)
        value = None if na else Decimal(points)
        out.append(IncomingAppraisal(nfc(agency), sha, Appraisal(nfc(item), value, na, nfc(reason), nfc(reviewer), rnd, at)))
    if problems:
        raise AppraisalsInvalid(problems)
    return AppraisalsDocument(year, fw["id"], fw["sha256"], doc["exported_at"], doc["exported_by"],
                              None if fields is None else tuple(fields), tuple(out))


# ---------------------------------------------------------------- export


def _check_signer(signer: Signer) -> None:
    from ..signing.certutil import agency_code_of, is_ca, is_council_signer

    cert = signer.certificate
    if is_council_signer(cert) or is_ca(cert):
        return
    code = agency_code_of(cert)
    what_vi = f"chứng thư của cơ quan {code}" if code else "một chứng thư không phải của Hội đồng thẩm định"
    what_en = f"the certificate of agency {code}" if code else "a certificate that is not the council's"
    raise UserFacingError(
        f"Khóa này mang {what_vi}: gói thẩm định chỉ ký được bằng chứng thư Hội đồng thẩm định do CA của tỉnh cấp "
        "(cchc ca issue --role council). Không có gì được xuất.",
        f"This key holds {what_en}: an appraisal package must be signed with a council certificate issued by the "
        "province CA (cchc ca issue --role council). Nothing was exported.",
    )


def selected_fields(fw: Framework, fields: Iterable[str] | None) -> tuple[str, ...] | None:
    if fields is None:
        return None
    wanted = tuple(dict.fromkeys(f.strip() for f in fields if f.strip()))
    known = {f.code for f in fw.fields} | {a.code for a in fw.adjustments}
    unknown = [f for f in wanted if f not in known]
    if unknown or not wanted:
        raise InvalidInput(
            f"“{', '.join(unknown) or '(trống)'}” không phải lĩnh vực của bộ tiêu chí (các lĩnh vực: "
            f"{', '.join(f.code for f in fw.fields)}).",
            f"'{', '.join(unknown) or '(empty)'}' are not fields of the framework (fields: {', '.join(f.code for f in fw.fields)}).")
    return wanted


def export_appraisals(ws: InspectionWorkspace, out: Path | str, signer: Signer, fields: Iterable[str] | None = None,
                      progress: ProgressCallback = no_progress) -> ExportedAppraisals:
    """Write the workspace's current appraisals (all, or those of `fields`) as a signed package."""
    from ..package import format as fmt
    from ..package.writer import write_package

    _check_signer(signer)
    chosen = selected_fields(ws.framework, fields)
    with Session(ws.engine) as s:
        rows = list(s.scalars(select(AppraisalRow).order_by(AppraisalRow.agency_code, AppraisalRow.item_code,
                                                            AppraisalRow.round)))
        s.expunge_all()
    if chosen is not None:
        rows = [r for r in rows if field_of(ws.framework, r.item_code) in chosen]
    if not rows:
        which = "" if chosen is None else f" thuộc lĩnh vực {', '.join(chosen)}"
        which_en = "" if chosen is None else f" in fields {', '.join(chosen)}"
        raise InvalidInput(f"Chưa có kết quả thẩm định nào{which} để xuất. Không có gì được xuất.",
                           f"There is no appraisal{which_en} to export. Nothing was exported.")
    data = (json.dumps(document(ws, rows, chosen), ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")
    header = fmt.Manifest(
        kind=KIND, agency_code=ALL_AGENCIES, agency_name=ws.actor, year=ws.year, round=max(r.round for r in rows),
        sequence=1, previous_sha256=None, framework_id=ws.framework.id, framework_sha256=ws.framework.sha256,
        app_version=__version__, created_at=ws.now(), files=(),
    )
    written = write_package(Path(out), header, {APPRAISALS: data}, [], signer, progress)
    return ExportedAppraisals(written.path, written.manifest_sha256, len(rows),
                              tuple(sorted({r.agency_code for r in rows})), chosen)


def points_text(a: Appraisal) -> str:
    return "N/A" if a.not_applicable else number_text(a.points) if a.points is not None else "—"
