"""Bulk entry from an answers file (`cchc assess fill --answers FILE`), all or nothing.

Everything is checked first - every value against its rule, every evidence file readable, not
empty and within the size limit, every citation date valid - and only then written, in one
transaction.  A single bad entry changes nothing and is reported with its item code.
The format is documented in docs/answers-format.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ..changes import Changes
from ..errors import EvidenceError, InvalidInput, UserFacingError
from ..scoring.rules import parse_value, value_to_json
from ..storage.orm import EvidenceDocumentRow, EvidenceFileRow
from ..storage.records import Citation, nfc
from . import workspace as ws
from .agency import AgencyWorkspace, AnswerState

FORMAT_NAME = "cchc-answers"
FORMAT_VERSION = 1
EVIDENCE_KEYS = {"file", "doc_type", "number_symbol", "issue_date", "issuer", "excerpt", "pages"}


@dataclass(frozen=True)
class EvidenceEntry:
    path: Path
    citation: Citation
    pages: str


@dataclass(frozen=True)
class Entry:
    code: str
    state: AnswerState | None  # None: leave the answer as it is (evidence only)
    evidence: tuple[EvidenceEntry, ...]


def _bad(vi: str, en: str) -> InvalidInput:
    return InvalidInput(vi, en)


def read_answers_file(path: Path) -> dict[str, Any]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UserFacingError(f"Không đọc được tệp “{path}”: {exc.strerror or exc}.", f"Cannot read '{path}'.") from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        raise _bad(f"Tệp “{path}” không phải văn bản UTF-8.", f"'{path}' is not UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise _bad(
            f"Tệp “{path}” lỗi cú pháp JSON ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}.",
            f"'{path}': JSON error at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise _bad(
            f"Tệp “{path}” không phải tệp kết quả nhập (cần \"format\": \"{FORMAT_NAME}\").",
            f"'{path}' is not an answers file (format must be '{FORMAT_NAME}').",
        )
    if doc.get("format_version") != FORMAT_VERSION:
        raise _bad(f"Phiên bản tệp {doc.get('format_version')} không được hỗ trợ.", "Unsupported answers file version.")
    if not isinstance(doc.get("answers"), dict):
        raise _bad("Tệp cần mục “answers” là một đối tượng theo mã tiêu chí.", "'answers' must be an object keyed by item code.")
    return doc


def _check_types(code: str, spec: dict[str, Any]) -> None:
    """JSON types the rest of the parser relies on: null is not the text "None", "no" is not true."""
    vi, en = f"Tiêu chí {code}", f"Item {code}"

    def text_or_absent(obj: dict[str, Any], key: str, wvi: str, wen: str) -> None:
        if key in obj and not isinstance(obj[key], str):
            raise _bad(
                f"{wvi}: “{key}” phải là chuỗi ký tự (để trống thì ghi \"\" hoặc bỏ khóa này).",
                f"{wen}: '{key}' must be a string (write \"\" or leave the key out).",
            )

    if "not_applicable" in spec and not isinstance(spec["not_applicable"], bool):
        raise _bad(
            f"{vi}: “not_applicable” phải là true hoặc false (đã ghi {spec['not_applicable']!r}).",
            f"{en}: 'not_applicable' must be true or false.",
        )
    text_or_absent(spec, "reason", vi, en)
    if spec.get("note") is not None:  # "note": null clears the explanation
        text_or_absent(spec, "note", vi, en)
    evidence = spec.get("evidence")
    if evidence is not None and not isinstance(evidence, list):
        raise _bad(f"{vi}: “evidence” phải là một danh sách tài liệu.", f"{en}: 'evidence' must be a list.")
    for n, ev in enumerate(evidence or [], 1):
        if isinstance(ev, dict):
            for key in EVIDENCE_KEYS - {"file"}:
                text_or_absent(ev, key, f"{vi}, tài liệu {n}", f"{en}, evidence {n}")


def _text(obj: dict[str, Any], key: str) -> str:
    return nfc(obj.get(key) or "")


def parse_entries(workspace: AgencyWorkspace, doc: dict[str, Any], base_dir: Path) -> list[Entry]:
    """Validate every entry against the framework; raise on the first bad one (nothing written)."""
    fw = workspace.framework
    entries = []
    for code, spec in doc["answers"].items():
        if not fw.has_item(code):
            raise _bad(f"Mã tiêu chí “{code}” không có trong bộ tiêu chí {fw.id}.", f"No item '{code}' in {fw.id}.")
        item = fw.item(code)
        if not isinstance(spec, dict):
            raise _bad(f"Tiêu chí {code}: giá trị phải là một đối tượng.", f"{code}: must be an object.")
        unknown = set(spec) - {"value", "not_applicable", "reason", "note", "evidence"}
        if unknown:
            raise _bad(f"Tiêu chí {code}: khóa không hỗ trợ: {', '.join(sorted(unknown))}.", f"{code}: unknown keys {sorted(unknown)}.")
        _check_types(code, spec)
        before = workspace.state_of(code)
        state = before
        if "value" in spec:
            if spec["value"] is None:
                state = AnswerState(None, False, "", state.note)
            else:
                workspace._editable_leaf(code)  # survey/council/inner items refuse values
                value = parse_value(item, spec["value"])
                state = AnswerState(json.dumps(value_to_json(value), ensure_ascii=False), False, "", state.note)
        if spec.get("not_applicable"):
            if item.na_mode is None:
                raise _bad(f"Tiêu chí {code} không cho phép “không áp dụng”.", f"{code} does not allow not applicable.")
            if "value" in spec and spec["value"] is not None:
                raise _bad(f"Tiêu chí {code}: không thể vừa có giá trị vừa “không áp dụng”.", f"{code}: value and N/A together.")
            state = AnswerState(None, True, _text(spec, "reason"), state.note)
        if "note" in spec:
            state = AnswerState(state.value_json, state.not_applicable, state.na_reason, _text(spec, "note"))
        evidence = []
        for n, ev in enumerate(spec.get("evidence") or [], 1):
            if not isinstance(ev, dict) or not isinstance(ev.get("file"), str):
                raise _bad(f"Tiêu chí {code}, tài liệu {n}: cần khóa “file”.", f"{code}, evidence {n}: 'file' is required.")
            bad_keys = set(ev) - EVIDENCE_KEYS
            if bad_keys:
                raise _bad(
                    f"Tiêu chí {code}, tài liệu {n}: khóa không hỗ trợ: {', '.join(sorted(bad_keys))}.",
                    f"{code}, evidence {n}: unknown keys {sorted(bad_keys)}.",
                )
            p = Path(ev["file"])
            p = p if p.is_absolute() else base_dir / p
            try:
                size = p.stat().st_size
            except OSError as exc:
                raise EvidenceError(
                    f"Tiêu chí {code}: không đọc được tệp “{ev['file']}”: {exc.strerror or exc}.", f"{code}: cannot read '{ev['file']}'."
                ) from None
            if not p.is_file():
                raise EvidenceError(f"Tiêu chí {code}: “{ev['file']}” không phải là tệp.", f"{code}: '{ev['file']}' is not a file.")
            if size == 0:
                raise EvidenceError(f"Tiêu chí {code}: tệp “{ev['file']}” rỗng (0 byte).", f"{code}: '{ev['file']}' is empty.")
            if size > workspace.evidence_limit:
                raise EvidenceError(
                    f"Tiêu chí {code}: tệp “{ev['file']}” vượt giới hạn dung lượng ({workspace.evidence_limit} byte).",
                    f"{code}: '{ev['file']}' exceeds the size limit.",
                )
            try:
                with p.open("rb") as fh:
                    fh.read(1)
            except OSError as exc:
                raise EvidenceError(f"Tiêu chí {code}: không đọc được tệp “{ev['file']}”: {exc.strerror or exc}.", f"{code}: cannot read.") from None
            citation = Citation(
                _text(ev, "doc_type"), _text(ev, "number_symbol"), _text(ev, "issue_date"), _text(ev, "issuer"), _text(ev, "excerpt")
            ).normalised()
            evidence.append(EvidenceEntry(p, citation, _text(ev, "pages")))
        entries.append(Entry(code, state if state != before else None, tuple(evidence)))
    return entries


def fill(workspace: AgencyWorkspace, answers_path: Path) -> Changes:
    """Apply an answers file to the workspace; all or nothing."""
    answers_path = Path(answers_path)
    workspace._check_writable()
    doc = read_answers_file(answers_path)
    entries = parse_entries(workspace, doc, answers_path.parent)
    # Files first: the store is content-addressed, so a failure later leaves only unreferenced
    # copies, never a reference without its file.
    stored = {}
    for e in entries:
        for ev in e.evidence:
            if ev.path not in stored:
                stored[ev.path] = workspace.store.add(ev.path, workspace.evidence_limit)
    codes = set()
    with Session(workspace.engine) as s, s.begin():
        docs_by_sha = {d.sha256: d.id for d in workspace.documents()}
        for e in entries:
            if e.state is not None:
                workspace._stage_answer(s, e.code, e.state, "fill")
                codes.add(e.code)
            for ev in e.evidence:
                sf = stored[ev.path]
                if s.get(EvidenceFileRow, sf.sha256) is None:
                    s.add(EvidenceFileRow(sha256=sf.sha256, size=sf.size, media_type=sf.media_type, added_at=ws.stamp(workspace._clock)))
                    s.flush()
                doc_id = docs_by_sha.get(sf.sha256)
                if doc_id is None:
                    row = EvidenceDocumentRow(
                        assessment_id=workspace.assessment_id, sha256=sf.sha256, file_name=nfc(ev.path.name),
                        added_at=ws.stamp(workspace._clock), **ev.citation.__dict__,
                    )
                    s.add(row)
                    s.flush()
                    doc_id = docs_by_sha[sf.sha256] = row.id
                    workspace._log(s, e.code, "add_document", None, {"document": doc_id, "sha256": sf.sha256, "file": row.file_name, **ev.citation.__dict__})
                if not workspace._is_linked(s, doc_id, e.code):
                    workspace._write_link(s, doc_id, e.code, ev.pages, True)
                codes.add(e.code)
    workspace._after_bulk_write()
    return Changes(items=frozenset(codes), evidence=True, score=True)
