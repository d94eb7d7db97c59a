"""Reading the assessment inside an imported package: strictly, then re-scored by the council.

The package's signature proves who sent `data/assessment.json`, not that its content makes sense:
every answer must name an item of the round's framework and hold a value its rule accepts, every
document must be a file of the package, every link a known item.  The self-score the agency claims
is never trusted: the answers are scored again with the round's framework and compared.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import InvalidInput
from ..framework.model import Framework, Scorer
from ..package import format as fmt
from ..scoring.engine import Answer, ScoreSheet, self_assessment
from ..scoring.rules import parse_value, value_to_json
from .inspection_records import Note
from .inspection_scores import number_of

ASSESSMENT_FORMAT = "cchc-assessment"
ANSWER_KEYS = {"value", "not_applicable", "reason", "note"}
EVIDENCE_KEYS = {"sha256", "file_name", "size", "media_type", "doc_type", "number_symbol", "issue_date", "issuer",
                 "excerpt", "links"}
CITATION_KEYS = ("doc_type", "number_symbol", "issue_date", "issuer", "excerpt")
MAX_TEXT = 100_000  # one explanation or excerpt; a package is not a novel
MAX_REASONS = 12
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ParsedAnswer:
    code: str
    value_json: str | None  # as the agency workspace stores it (canonical JSON of the typed value)
    not_applicable: bool
    reason: str
    note: str


@dataclass(frozen=True)
class ParsedDocument:
    sha256: str
    file_name: str
    size: int
    media_type: str
    citation: Mapping[str, str]
    links: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ParsedAssessment:
    level: str
    answers: tuple[ParsedAnswer, ...]
    documents: tuple[ParsedDocument, ...]
    claimed: Mapping[str, Any]
    problems: int
    sheet: ScoreSheet  # recomputed with the round's framework


class AssessmentRefused(Exception):
    def __init__(self, notes: list[Note]) -> None:
        super().__init__("; ".join(n.en for n in notes))
        self.notes = notes


def _strict_json(data: bytes) -> Any:
    def no_dupes(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(pairs)

    def no_constants(name: str) -> Any:
        raise ValueError(f"invalid constant {name}")

    return json.loads(data.decode("utf-8"), object_pairs_hook=no_dupes, parse_constant=no_constants, parse_float=Decimal)


def _bad(vi: str, en: str) -> Note:
    return Note("assessment_invalid", f"Dữ liệu tự đánh giá trong gói không hợp lệ: {vi}", f"Invalid assessment data: {en}")


def _text(obj: dict[str, Any], key: str, where_vi: str, where_en: str, out: list[Note]) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        out.append(_bad(f"{where_vi}: “{key}” phải là chuỗi ký tự.", f"{where_en}: '{key}' must be a string."))
        return ""
    return value


def parse_assessment(data: bytes, fw: Framework, manifest: fmt.Manifest, evidence_sizes: Mapping[str, int]) -> ParsedAssessment:
    """Check `data/assessment.json` against the round's framework; AssessmentRefused lists why not.

    `evidence_sizes`: sha256 -> size of the evidence files the (verified) manifest lists.
    """
    try:
        doc = _strict_json(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise AssessmentRefused([_bad("không phải JSON UTF-8 hợp lệ.", "not valid UTF-8 JSON.")]) from None
    if not isinstance(doc, dict) or doc.get("format") != ASSESSMENT_FORMAT or doc.get("format_version") != 1:
        raise AssessmentRefused([_bad(f"không phải dữ liệu “{ASSESSMENT_FORMAT}” phiên bản 1.",
                                      f"not '{ASSESSMENT_FORMAT}' version 1.")])
    out: list[Note] = []
    agency, framework = doc.get("agency"), doc.get("framework")
    if not isinstance(agency, dict) or agency.get("code") != manifest.agency_code:
        out.append(_bad("mã cơ quan khác với tệp kê khai.", "the agency code differs from the manifest's."))
    if not isinstance(framework, dict) or framework.get("sha256") != manifest.framework_sha256:
        out.append(_bad("mã băm bộ tiêu chí khác với tệp kê khai.", "the framework hash differs from the manifest's."))
    if doc.get("year") != manifest.year:
        out.append(_bad("năm đánh giá khác với tệp kê khai.", "the year differs from the manifest's."))
    answers = _answers(doc.get("answers"), fw, out)
    documents = _documents(doc.get("evidence"), fw, evidence_sizes, out)
    claimed = doc.get("claimed_score")
    if not isinstance(claimed, dict) or not isinstance(claimed.get("items"), dict) \
            or number_of(claimed.get("final_points")) is None or number_of(claimed.get("percent")) is None:
        out.append(_bad("thiếu hoặc sai “claimed_score” (điểm tự chấm khai báo).", "'claimed_score' is missing or malformed."))
    problems = doc.get("problems")
    if not isinstance(problems, list):
        out.append(_bad("“problems” phải là một danh sách.", "'problems' must be a list."))
    if out:
        raise AssessmentRefused(out[:MAX_REASONS])
    level = agency.get("level") if isinstance(agency, dict) and isinstance(agency.get("level"), str) else fw.level.value
    sheet = rescore(fw, answers, documents)
    return ParsedAssessment(level, tuple(answers), tuple(documents), claimed, len(problems), sheet)  # type: ignore[arg-type]


def _answers(raw: Any, fw: Framework, out: list[Note]) -> list[ParsedAnswer]:
    if not isinstance(raw, dict):
        out.append(_bad("“answers” phải là một đối tượng theo mã tiêu chí.", "'answers' must be an object keyed by item code."))
        return []
    parsed = []
    for code, spec in raw.items():
        if len(out) >= MAX_REASONS:
            break
        if not fw.has_item(code):
            out.append(_bad(f"mã tiêu chí “{code[:40]}” không có trong bộ tiêu chí của đợt đánh giá.",
                            f"item '{code[:40]}' is not in the round's framework."))
            continue
        if not isinstance(spec, dict) or set(spec) != ANSWER_KEYS:
            out.append(_bad(f"tiêu chí {code}: câu trả lời sai cấu trúc.", f"item {code}: malformed answer."))
            continue
        item = fw.item(code)
        na = spec["not_applicable"]
        reason = _text(spec, "reason", f"tiêu chí {code}", f"item {code}", out)
        note = _text(spec, "note", f"tiêu chí {code}", f"item {code}", out)
        if not isinstance(na, bool):
            out.append(_bad(f"tiêu chí {code}: “not_applicable” phải là true/false.", f"item {code}: 'not_applicable' must be a boolean."))
            continue
        if na and item.na_mode is None:
            out.append(_bad(f"tiêu chí {code} không cho phép “không áp dụng”.", f"item {code} does not allow not applicable."))
            continue
        value_json = None
        if spec["value"] is not None:
            if na or not item.is_leaf or item.scorer in (Scorer.COUNCIL, Scorer.SURVEY):
                out.append(_bad(f"tiêu chí {code}: cơ quan không được nhập giá trị cho mục này.",
                                f"item {code}: the agency cannot enter a value here."))
                continue
            try:
                value_json = json.dumps(value_to_json(parse_value(item, spec["value"])), ensure_ascii=False)
            except InvalidInput as exc:
                out.append(_bad(exc.vi, exc.en))
                continue
        parsed.append(ParsedAnswer(code, value_json, na, reason, note))
    return parsed


def _documents(raw: Any, fw: Framework, sizes: Mapping[str, int], out: list[Note]) -> list[ParsedDocument]:
    if not isinstance(raw, list):
        out.append(_bad("“evidence” phải là một danh sách tài liệu.", "'evidence' must be a list."))
        return []
    docs: list[ParsedDocument] = []
    seen: set[str] = set()
    for n, ev in enumerate(raw, 1):
        if len(out) >= MAX_REASONS:
            break
        vi, en = f"tài liệu thứ {n}", f"document {n}"
        if not isinstance(ev, dict) or set(ev) != EVIDENCE_KEYS:
            out.append(_bad(f"{vi} sai cấu trúc.", f"{en} is malformed."))
            continue
        sha = ev["sha256"]
        if not isinstance(sha, str) or sha not in sizes:
            out.append(_bad(f"{vi} không có tệp tương ứng trong gói.", f"{en} has no file in the package."))
            continue
        if sha in seen:
            out.append(_bad(f"{vi} được khai hai lần.", f"{en} is listed twice."))
            continue
        seen.add(sha)
        if ev["size"] != sizes[sha] or type(ev["size"]) is not int:
            out.append(_bad(f"{vi}: dung lượng khác với tệp trong gói.", f"{en}: the size differs from the file's."))
            continue
        file_name = _text(ev, "file_name", vi, en, out)
        media_type = _text(ev, "media_type", vi, en, out)[:128]
        citation = {k: _text(ev, k, vi, en, out) for k in CITATION_KEYS}
        if citation["issue_date"] and not _DATE.match(citation["issue_date"]):
            out.append(_bad(f"{vi}: ngày ban hành không đúng dạng yyyy-mm-dd.", f"{en}: the issue date is not yyyy-mm-dd."))
        links = ev["links"]
        if not isinstance(links, list):
            out.append(_bad(f"{vi}: “links” phải là một danh sách.", f"{en}: 'links' must be a list."))
            continue
        parsed_links: list[tuple[str, str]] = []
        for link in links:
            code = link.get("code") if isinstance(link, dict) else None
            pages = link.get("pages") if isinstance(link, dict) else None
            if not isinstance(link, dict) or set(link) != {"code", "pages"} or not isinstance(code, str) \
                    or not isinstance(pages, str) or len(pages) > MAX_TEXT:
                out.append(_bad(f"{vi}: liên kết sai cấu trúc.", f"{en}: malformed link."))
                break
            if not fw.has_item(code):
                out.append(_bad(f"{vi} gắn với mã tiêu chí “{code[:40]}” không có trong bộ tiêu chí.",
                                f"{en} is linked to '{code[:40]}', not in the framework."))
                break
            if any(c == code for c, _ in parsed_links):
                out.append(_bad(f"{vi} gắn hai lần với tiêu chí {code}.", f"{en} is linked twice to {code}."))
                break
            parsed_links.append((code, pages))
        docs.append(ParsedDocument(sha, file_name, sizes[sha], media_type or "application/octet-stream", citation,
                                   tuple(parsed_links)))
    return docs


def rescore(fw: Framework, answers: list[ParsedAnswer], documents: list[ParsedDocument]) -> ScoreSheet:
    """The self-assessment score of these answers under `fw` (the agency's own computation)."""
    counts: dict[str, int] = {}
    for d in documents:
        for code, _ in d.links:
            counts[code] = counts.get(code, 0) + 1
    return self_assessment(fw, typed_answers(fw, answers, counts))


def typed_answers(fw: Framework, answers: Iterable[Any], evidence_counts: Mapping[str, int]) -> dict[str, Answer]:
    """Engine answers from stored ones (anything with code or item_code, value_json, not_applicable,
    reason, note): the same conversion at import and whenever the council scores a package again."""
    typed: dict[str, Answer] = {}
    for a in answers:
        code = getattr(a, "code", None) or a.item_code
        value = None
        if a.value_json is not None:
            value = parse_value(fw.item(code), json.loads(a.value_json, parse_float=Decimal))
        typed[code] = Answer(code, value, a.not_applicable, a.reason, a.note, evidence_counts.get(code, 0))
    for code, n in evidence_counts.items():
        typed.setdefault(code, Answer(code, evidence_count=n))
    return typed
