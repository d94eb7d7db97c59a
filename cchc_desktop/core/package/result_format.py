"""The data of result and rebuttal packages: `data/result.json` and `data/rebuttal.json`, version 1.

A **result** (kết quả thẩm định, kind "result") is what the council sends an agency: per leaf the
self points, the appraised points with the reason and the reviewer, the final points; per field and
in total the self and final points, the applicable maximum, the index, the category and the rank.
A **rebuttal** (giải trình, kind "rebuttal") is the agency's answer to one result: per disputed
leaf a text, and new evidence documents linked to those leaves.  docs/results-and-rebuttals.md
describes both; the parsers here are strict (exact keys, exact types, decimal strings, every code a
leaf of the framework) because a signature proves who wrote a file, not that its content makes sense.

Numbers are JSON strings holding the exact decimal ("14.5", "0.25"), as everywhere in the project.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import UserFacingError
from ..framework.model import Framework

RESULT = "data/result.json"
REBUTTAL = "data/rebuttal.json"
APPRAISALS = "data/appraisals.json"  # a reviewer's appraisal package (services/appraisal_package.py)
DATA_NAMES = (RESULT, REBUTTAL, APPRAISALS)  # entries besides format.DATA_NAMES that the other kinds hold
RESULT_FORMAT = "cchc-result"
REBUTTAL_FORMAT = "cchc-rebuttal"
VERSION = 1
MAX_TEXT = 100_000  # one reason, one rebuttal text
MAX_NAME = 1_000
SHA256_RE = re.compile(r"[0-9a-f]{64}")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]{0,11})(\.[0-9]{1,8})?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_REASONS = 12

ITEM_KEYS = {"code", "title", "max", "scorer", "self_points", "self_not_applicable", "appraised", "appraised_points",
             "not_applicable", "final_points", "excluded", "reason", "reviewer", "round"}
FIELD_KEYS = {"code", "title", "max", "applicable_max", "self_points", "final_points", "index"}
TOTAL_KEYS = {"max", "applicable_max", "self_points", "self_assessable_max", "self_percent", "bonus", "penalty",
              "final_points", "index", "category", "rank", "ranked", "tied_with"}
RESULT_KEYS = {"format", "format_version", "agency", "year", "round", "sequence", "final", "framework", "answers",
               "previous_result_sha256", "issued_at", "issued_by", "items", "fields", "total"}
ANSWERS_KEYS = {"submission_sha256", "submission_sequence", "rebuttal_sha256", "rebuttal_sequence"}
REBUTTAL_KEYS = {"format", "format_version", "agency", "year", "framework", "result", "submission_sha256", "items",
                 "evidence"}
EVIDENCE_KEYS = {"sha256", "file_name", "size", "media_type", "doc_type", "number_symbol", "issue_date", "issuer",
                 "excerpt", "links"}
CITATION_KEYS = ("doc_type", "number_symbol", "issue_date", "issuer", "excerpt")


class DataInvalid(UserFacingError):
    """`data/result.json` or `data/rebuttal.json` is not what version 1 says; `problems` lists (vi, en)."""

    def __init__(self, what_vi: str, what_en: str, problems: list[tuple[str, str]]) -> None:
        self.problems = problems[:MAX_REASONS]
        super().__init__(
            f"{what_vi} trong gói không hợp lệ: " + "; ".join(p[0] for p in self.problems),
            f"{what_en} in the package is invalid: " + "; ".join(p[1] for p in self.problems),
        )


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class ResultItem:
    """One leaf of a result."""

    code: str
    title: str
    max_points: Decimal
    scorer: str  # agency | council | survey
    self_points: Decimal | None  # None: the agency gave none (council/survey leaf, unanswered, excluded)
    self_not_applicable: bool
    appraised: bool  # the council appraised this leaf (else the self points stand)
    appraised_points: Decimal | None  # None: not appraised, or appraised as not applicable
    not_applicable: bool  # appraised as not applicable
    final_points: Decimal | None  # None only when excluded
    excluded: bool  # not applicable with mode "exclude" in the final sheet
    reason: str
    reviewer: str
    round: int | None  # the appraisal's round

    @property
    def differs(self) -> bool:
        """The council's verdict differs from what the agency claimed (what a rebuttal usually disputes).

        A council-only leaf has no self points: it "differs" when the council gave less than the max."""
        if self.scorer == "survey" or not self.appraised:
            return False
        if self.scorer == "council":
            return self.final_points is not None and self.final_points < self.max_points
        self_excluded = self.self_not_applicable and self.self_points is None
        return (self.excluded, self.final_points) != (self_excluded, self.self_points)


@dataclass(frozen=True)
class ResultField:
    code: str
    title: str
    max_points: Decimal
    applicable_max: Decimal
    self_points: Decimal
    final_points: Decimal
    index: Decimal | None  # final points / applicable max x 100 (None when nothing applies)


@dataclass(frozen=True)
class ResultTotal:
    max_points: Decimal
    applicable_max: Decimal
    self_points: Decimal
    self_assessable_max: Decimal
    self_percent: Decimal
    bonus: Decimal
    penalty: Decimal
    final_points: Decimal
    index: Decimal
    category_key: str | None
    category_name: str | None
    rank: int | None  # None: not ranked
    ranked: int  # agencies in the ranking
    tied_with: tuple[str, ...]


@dataclass(frozen=True)
class ResultDocument:
    agency_code: str
    agency_name: str
    year: int
    round: int
    sequence: int
    final: bool
    framework_id: str
    framework_sha256: str
    submission_sha256: str
    submission_sequence: int
    rebuttal_sha256: str | None
    rebuttal_sequence: int | None
    previous_result_sha256: str | None
    issued_at: str
    issued_by: str
    items: tuple[ResultItem, ...]
    fields: tuple[ResultField, ...]
    total: ResultTotal

    def item(self, code: str) -> ResultItem:
        for i in self.items:
            if i.code == code:
                return i
        raise KeyError(code)


@dataclass(frozen=True)
class RebuttalDocumentEntry:
    """A new evidence document of a rebuttal (its bytes are `evidence/<sha256>` of the package)."""

    sha256: str
    file_name: str
    size: int
    media_type: str
    citation: Mapping[str, str]
    links: tuple[tuple[str, str], ...]  # (item code, pages)


@dataclass(frozen=True)
class RebuttalDocument:
    agency_code: str
    agency_name: str
    year: int
    framework_id: str
    framework_sha256: str
    result_sha256: str
    result_sequence: int
    result_round: int
    submission_sha256: str
    items: tuple[tuple[str, str], ...]  # (leaf code, text)
    evidence: tuple[RebuttalDocumentEntry, ...]


# ---------------------------------------------------------------- writing


def num(d: Decimal | None) -> str | None:
    from ..framework.canonical import number_text

    return None if d is None else number_text(d)


def dump(doc: dict[str, Any]) -> bytes:
    """The bytes of a data entry: UTF-8 JSON, sorted keys, one key per line (readable diffs)."""
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def result_json(r: ResultDocument) -> dict[str, Any]:
    t = r.total
    return {
        "format": RESULT_FORMAT, "format_version": VERSION,
        "agency": {"code": r.agency_code, "name": r.agency_name},
        "year": r.year, "round": r.round, "sequence": r.sequence, "final": r.final,
        "framework": {"id": r.framework_id, "sha256": r.framework_sha256},
        "answers": {"submission_sha256": r.submission_sha256, "submission_sequence": r.submission_sequence,
                    "rebuttal_sha256": r.rebuttal_sha256, "rebuttal_sequence": r.rebuttal_sequence},
        "previous_result_sha256": r.previous_result_sha256,
        "issued_at": r.issued_at, "issued_by": r.issued_by,
        "items": [{
            "code": i.code, "title": i.title, "max": num(i.max_points), "scorer": i.scorer,
            "self_points": num(i.self_points), "self_not_applicable": i.self_not_applicable,
            "appraised": i.appraised, "appraised_points": num(i.appraised_points), "not_applicable": i.not_applicable,
            "final_points": num(i.final_points), "excluded": i.excluded, "reason": i.reason, "reviewer": i.reviewer,
            "round": i.round,
        } for i in r.items],
        "fields": [{
            "code": f.code, "title": f.title, "max": num(f.max_points), "applicable_max": num(f.applicable_max),
            "self_points": num(f.self_points), "final_points": num(f.final_points), "index": num(f.index),
        } for f in r.fields],
        "total": {
            "max": num(t.max_points), "applicable_max": num(t.applicable_max), "self_points": num(t.self_points),
            "self_assessable_max": num(t.self_assessable_max), "self_percent": num(t.self_percent),
            "bonus": num(t.bonus), "penalty": num(t.penalty), "final_points": num(t.final_points), "index": num(t.index),
            "category": None if t.category_key is None else {"key": t.category_key, "name": t.category_name},
            "rank": t.rank, "ranked": t.ranked, "tied_with": list(t.tied_with),
        },
    }


def rebuttal_json(r: RebuttalDocument) -> dict[str, Any]:
    return {
        "format": REBUTTAL_FORMAT, "format_version": VERSION,
        "agency": {"code": r.agency_code, "name": r.agency_name}, "year": r.year,
        "framework": {"id": r.framework_id, "sha256": r.framework_sha256},
        "result": {"sha256": r.result_sha256, "sequence": r.result_sequence, "round": r.result_round},
        "submission_sha256": r.submission_sha256,
        "items": [{"code": code, "text": text} for code, text in r.items],
        "evidence": [{
            "sha256": e.sha256, "file_name": e.file_name, "size": e.size, "media_type": e.media_type, **e.citation,
            "links": [{"code": c, "pages": p} for c, p in e.links],
        } for e in r.evidence],
    }


# ---------------------------------------------------------------- strict reading


def strict_json(data: bytes) -> Any:
    """UTF-8 JSON with no duplicate key and no NaN/Infinity; floats refused later (numbers are strings)."""
    def no_dupes(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(pairs)

    def no_constants(name: str) -> Any:
        raise ValueError(f"invalid constant {name}")

    return json.loads(data.decode("utf-8"), object_pairs_hook=no_dupes, parse_constant=no_constants,
                      parse_float=Decimal)


class _Reader:
    """Collects problems instead of stopping at the first (at most MAX_REASONS are reported)."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def bad(self, vi: str, en: str) -> None:
        if len(self.problems) < MAX_REASONS:
            self.problems.append((vi, en))

    def obj(self, value: Any, keys: set[str], vi: str, en: str) -> dict[str, Any] | None:
        if not isinstance(value, dict) or set(value) != keys:
            self.bad(f"{vi} sai cấu trúc (cần đúng các khóa {', '.join(sorted(keys))})", f"{en} is malformed")
            return None
        return value

    def text(self, value: Any, vi: str, en: str, limit: int = MAX_TEXT, empty: bool = True) -> str:
        if not isinstance(value, str) or len(value) > limit or (not empty and not value.strip()):
            self.bad(f"{vi} phải là chuỗi ký tự" + ("" if empty else " khác rỗng"), f"{en} must be a{'' if empty else ' non-empty'} string")
            return ""
        return value

    def integer(self, value: Any, vi: str, en: str, lo: int = 0, hi: int = 10**9, null: bool = False) -> int | None:
        if value is None and null:
            return None
        if type(value) is not int or not lo <= value <= hi:
            self.bad(f"{vi} phải là số nguyên từ {lo} đến {hi}", f"{en} must be an integer {lo}-{hi}")
            return None
        return value

    def boolean(self, value: Any, vi: str, en: str) -> bool:
        if not isinstance(value, bool):
            self.bad(f"{vi} phải là true/false", f"{en} must be a boolean")
            return False
        return value

    def number(self, value: Any, vi: str, en: str, null: bool = False) -> Decimal | None:
        if value is None and null:
            return None
        if not isinstance(value, str) or not _NUMBER.fullmatch(value):
            self.bad(f"{vi} phải là số thập phân viết dạng chuỗi (ví dụ \"14.5\")", f"{en} must be a decimal string")
            return None
        try:
            return Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern allows only valid decimals
            self.bad(f"{vi} không phải số", f"{en} is not a number")
            return None

    def sha(self, value: Any, vi: str, en: str, null: bool = False) -> str | None:
        if value is None and null:
            return None
        if not isinstance(value, str) or not SHA256_RE.fullmatch(value):
            self.bad(f"{vi} phải là mã băm SHA-256 (64 ký tự hex)", f"{en} must be a SHA-256 hash")
            return None
        return value


def _head(doc: Any, fmt_name: str, keys: set[str], what_vi: str, what_en: str) -> dict[str, Any]:
    if not isinstance(doc, dict) or doc.get("format") != fmt_name:
        raise DataInvalid(what_vi, what_en, [(f"không phải dữ liệu “{fmt_name}”", f"not '{fmt_name}' data")])
    if doc.get("format_version") != VERSION or type(doc.get("format_version")) is not int:
        raise DataInvalid(what_vi, what_en, [(
            f"phiên bản định dạng {doc.get('format_version')!r} chưa được hỗ trợ; hãy cập nhật ứng dụng",
            f"format version {doc.get('format_version')!r} is not supported; update the application")])
    if set(doc) != keys:
        missing, extra = sorted(keys - set(doc)), sorted(set(doc) - keys)
        raise DataInvalid(what_vi, what_en, [(
            "sai cấu trúc" + (f"; thiếu {', '.join(missing)}" if missing else "") + (f"; thừa {', '.join(extra)[:200]}" if extra else ""),
            "malformed" + (f"; missing {', '.join(missing)}" if missing else "") + (f"; unexpected {', '.join(extra)[:200]}" if extra else ""),
        )])
    return doc


def parse_result(data: bytes, fw: Framework | None = None) -> ResultDocument:
    """`data/result.json` strictly; with `fw`, every leaf of the framework exactly once and its fields."""
    what = ("Dữ liệu kết quả thẩm định (data/result.json)", "The result data (data/result.json)")
    try:
        doc = strict_json(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise DataInvalid(*what, [("không phải JSON UTF-8 hợp lệ", "not valid UTF-8 JSON")]) from None
    doc = _head(doc, RESULT_FORMAT, RESULT_KEYS, *what)
    r = _Reader()
    agency = r.obj(doc["agency"], {"code", "name"}, "“agency”", "'agency'") or {}
    framework = r.obj(doc["framework"], {"id", "sha256"}, "“framework”", "'framework'") or {}
    answers = r.obj(doc["answers"], ANSWERS_KEYS, "“answers”", "'answers'") or {}
    items = []
    raw_items = doc["items"]
    if not isinstance(raw_items, list) or len(raw_items) > 10_000:
        r.bad("“items” phải là một danh sách", "'items' must be a list")
        raw_items = []
    for n, raw in enumerate(raw_items, 1):
        it = r.obj(raw, ITEM_KEYS, f"mục thứ {n} của “items”", f"item {n}")
        if it is None:
            continue
        code = r.text(it["code"], f"mục thứ {n}: “code”", f"item {n}: 'code'", 64, empty=False)
        w_vi, w_en = f"tiêu chí {code[:40]}", f"item {code[:40]}"
        items.append(ResultItem(
            code=code,
            title=r.text(it["title"], f"{w_vi}: “title”", f"{w_en}: 'title'", MAX_NAME),
            max_points=r.number(it["max"], f"{w_vi}: “max”", f"{w_en}: 'max'") or Decimal(0),
            scorer=_scorer(r, it["scorer"], w_vi, w_en),
            self_points=r.number(it["self_points"], f"{w_vi}: “self_points”", f"{w_en}: 'self_points'", null=True),
            self_not_applicable=r.boolean(it["self_not_applicable"], f"{w_vi}: “self_not_applicable”", f"{w_en}: 'self_not_applicable'"),
            appraised=r.boolean(it["appraised"], f"{w_vi}: “appraised”", f"{w_en}: 'appraised'"),
            appraised_points=r.number(it["appraised_points"], f"{w_vi}: “appraised_points”", f"{w_en}: 'appraised_points'", null=True),
            not_applicable=r.boolean(it["not_applicable"], f"{w_vi}: “not_applicable”", f"{w_en}: 'not_applicable'"),
            final_points=r.number(it["final_points"], f"{w_vi}: “final_points”", f"{w_en}: 'final_points'", null=True),
            excluded=r.boolean(it["excluded"], f"{w_vi}: “excluded”", f"{w_en}: 'excluded'"),
            reason=r.text(it["reason"], f"{w_vi}: “reason”", f"{w_en}: 'reason'"),
            reviewer=r.text(it["reviewer"], f"{w_vi}: “reviewer”", f"{w_en}: 'reviewer'", MAX_NAME),
            round=r.integer(it["round"], f"{w_vi}: “round”", f"{w_en}: 'round'", 1, 9, null=True),
        ))
    fields = []
    raw_fields = doc["fields"]
    if not isinstance(raw_fields, list) or len(raw_fields) > 1_000:
        r.bad("“fields” phải là một danh sách", "'fields' must be a list")
        raw_fields = []
    for n, raw in enumerate(raw_fields, 1):
        f = r.obj(raw, FIELD_KEYS, f"lĩnh vực thứ {n}", f"field {n}")
        if f is None:
            continue
        w_vi, w_en = f"lĩnh vực thứ {n}", f"field {n}"
        fields.append(ResultField(
            code=r.text(f["code"], f"{w_vi}: “code”", f"{w_en}: 'code'", 64, empty=False),
            title=r.text(f["title"], f"{w_vi}: “title”", f"{w_en}: 'title'", MAX_NAME),
            max_points=r.number(f["max"], f"{w_vi}: “max”", f"{w_en}: 'max'") or Decimal(0),
            applicable_max=r.number(f["applicable_max"], f"{w_vi}: “applicable_max”", f"{w_en}: 'applicable_max'") or Decimal(0),
            self_points=r.number(f["self_points"], f"{w_vi}: “self_points”", f"{w_en}: 'self_points'") or Decimal(0),
            final_points=r.number(f["final_points"], f"{w_vi}: “final_points”", f"{w_en}: 'final_points'") or Decimal(0),
            index=r.number(f["index"], f"{w_vi}: “index”", f"{w_en}: 'index'", null=True),
        ))
    t = r.obj(doc["total"], TOTAL_KEYS, "“total”", "'total'")
    total = ResultTotal(Decimal(0), Decimal(0), Decimal(0), Decimal(0), Decimal(0), Decimal(0), Decimal(0), Decimal(0),
                        Decimal(0), None, None, None, 0, ())
    if t is not None:
        cat = t["category"]
        if cat is not None and (not isinstance(cat, dict) or set(cat) != {"key", "name"}
                                or not all(isinstance(cat[k], str) and len(cat[k]) <= MAX_NAME for k in ("key", "name"))):
            r.bad("“total.category” sai cấu trúc", "'total.category' is malformed")
            cat = None
        tied = t["tied_with"]
        if not isinstance(tied, list) or not all(isinstance(c, str) and len(c) <= 64 for c in tied) or len(tied) > 10_000:
            r.bad("“total.tied_with” phải là danh sách mã cơ quan", "'total.tied_with' must be a list of codes")
            tied = []
        ranked = r.integer(t["ranked"], "“total.ranked”", "'total.ranked'", 0, 100_000) or 0
        total = ResultTotal(
            *(r.number(t[k], f"“total.{k}”", f"'total.{k}'") or Decimal(0) for k in (
                "max", "applicable_max", "self_points", "self_assessable_max", "self_percent", "bonus", "penalty",
                "final_points", "index")),
            category_key=None if cat is None else cat["key"], category_name=None if cat is None else cat["name"],
            rank=r.integer(t["rank"], "“total.rank”", "'total.rank'", 1, 100_000, null=True),
            ranked=ranked, tied_with=tuple(tied),
        )
    result = ResultDocument(
        agency_code=r.text(agency.get("code"), "“agency.code”", "'agency.code'", 64, empty=False),
        agency_name=r.text(agency.get("name"), "“agency.name”", "'agency.name'", MAX_NAME),
        year=r.integer(doc["year"], "“year”", "'year'", 2000, 2100) or 0,
        round=r.integer(doc["round"], "“round”", "'round'", 1, 9) or 1,
        sequence=r.integer(doc["sequence"], "“sequence”", "'sequence'", 1) or 1,
        final=r.boolean(doc["final"], "“final”", "'final'"),
        framework_id=r.text(framework.get("id"), "“framework.id”", "'framework.id'", MAX_NAME),
        framework_sha256=r.sha(framework.get("sha256"), "“framework.sha256”", "'framework.sha256'") or "",
        submission_sha256=r.sha(answers.get("submission_sha256"), "“answers.submission_sha256”", "'answers.submission_sha256'") or "",
        submission_sequence=r.integer(answers.get("submission_sequence"), "“answers.submission_sequence”",
                                      "'answers.submission_sequence'", 1) or 1,
        rebuttal_sha256=r.sha(answers.get("rebuttal_sha256"), "“answers.rebuttal_sha256”", "'answers.rebuttal_sha256'", null=True),
        rebuttal_sequence=r.integer(answers.get("rebuttal_sequence"), "“answers.rebuttal_sequence”",
                                    "'answers.rebuttal_sequence'", 1, null=True),
        previous_result_sha256=r.sha(doc["previous_result_sha256"], "“previous_result_sha256”", "'previous_result_sha256'", null=True),
        issued_at=r.text(doc["issued_at"], "“issued_at”", "'issued_at'", 40),
        issued_by=r.text(doc["issued_by"], "“issued_by”", "'issued_by'", MAX_NAME),
        items=tuple(items), fields=tuple(fields), total=total,
    )
    if fw is not None:
        _check_against_framework(r, result, fw)
    if r.problems:
        raise DataInvalid(*what, r.problems)
    return result


def _scorer(r: _Reader, value: Any, w_vi: str, w_en: str) -> str:
    if value in ("agency", "council", "survey"):
        return str(value)
    r.bad(f"{w_vi}: “scorer” không hợp lệ", f"{w_en}: invalid 'scorer'")
    return "agency"


def _check_against_framework(r: _Reader, result: ResultDocument, fw: Framework) -> None:
    leaves = [i.code for i in fw.leaves()]
    codes = [i.code for i in result.items]
    for it in result.items:
        code = it.code
        if not fw.has_item(code) or not fw.item(code).is_leaf:
            r.bad(f"mã “{code[:40]}” không phải tiêu chí chấm điểm của bộ tiêu chí", f"'{code[:40]}' is not a scored item of the framework")
            continue
        item = fw.item(code)
        if it.max_points != item.max_points or (item.scorer is not None and it.scorer != item.scorer.value):
            r.bad(f"tiêu chí {code}: điểm tối đa hoặc người chấm khác với bộ tiêu chí",
                  f"item {code}: the max or the scorer differs from the framework")
    if len(set(codes)) != len(codes):
        r.bad("một tiêu chí xuất hiện hai lần", "an item appears twice")
    missing = [c for c in leaves if c not in set(codes)]
    if missing:
        r.bad(f"thiếu tiêu chí {', '.join(missing[:10])}", f"items missing: {', '.join(missing[:10])}")
    if [f.code for f in result.fields] != [f.code for f in fw.fields]:
        r.bad("danh sách lĩnh vực khác với bộ tiêu chí", "the fields differ from the framework's")


def parse_rebuttal(data: bytes, fw: Framework, evidence_sizes: Mapping[str, int]) -> RebuttalDocument:
    """`data/rebuttal.json` strictly: every item a leaf of `fw` once, with a text; every document a
    file of the package (`evidence_sizes`: sha256 -> size from the verified manifest) linked only to
    those items; no file of the package left unexplained."""
    what = ("Dữ liệu giải trình (data/rebuttal.json)", "The rebuttal data (data/rebuttal.json)")
    try:
        doc = strict_json(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise DataInvalid(*what, [("không phải JSON UTF-8 hợp lệ", "not valid UTF-8 JSON")]) from None
    doc = _head(doc, REBUTTAL_FORMAT, REBUTTAL_KEYS, *what)
    r = _Reader()
    agency = r.obj(doc["agency"], {"code", "name"}, "“agency”", "'agency'") or {}
    framework = r.obj(doc["framework"], {"id", "sha256"}, "“framework”", "'framework'") or {}
    result = r.obj(doc["result"], {"sha256", "sequence", "round"}, "“result”", "'result'") or {}
    items: list[tuple[str, str]] = []
    raw_items = doc["items"]
    if not isinstance(raw_items, list) or not raw_items or len(raw_items) > 10_000:
        r.bad("“items” phải là danh sách có ít nhất một tiêu chí giải trình", "'items' must list at least one item")
        raw_items = []
    for n, raw in enumerate(raw_items, 1):
        it = r.obj(raw, {"code", "text"}, f"mục giải trình thứ {n}", f"rebuttal item {n}")
        if it is None:
            continue
        code = r.text(it["code"], f"mục giải trình thứ {n}: “code”", f"rebuttal item {n}: 'code'", 64, empty=False)
        text = r.text(it["text"], f"tiêu chí {code[:40]}: nội dung giải trình", f"item {code[:40]}: the text", empty=False)
        if code and not (fw.has_item(code) and fw.item(code).is_leaf):
            r.bad(f"mã “{code[:40]}” không phải tiêu chí chấm điểm của bộ tiêu chí",
                  f"'{code[:40]}' is not a scored item of the framework")
            continue
        if any(c == code for c, _ in items):
            r.bad(f"tiêu chí {code} được giải trình hai lần", f"item {code} appears twice")
            continue
        if code and text:
            items.append((code, text))
    evidence = _evidence(r, doc["evidence"], {c for c, _ in items}, evidence_sizes)
    rebuttal = RebuttalDocument(
        agency_code=r.text(agency.get("code"), "“agency.code”", "'agency.code'", 64, empty=False),
        agency_name=r.text(agency.get("name"), "“agency.name”", "'agency.name'", MAX_NAME),
        year=r.integer(doc["year"], "“year”", "'year'", 2000, 2100) or 0,
        framework_id=r.text(framework.get("id"), "“framework.id”", "'framework.id'", MAX_NAME),
        framework_sha256=r.sha(framework.get("sha256"), "“framework.sha256”", "'framework.sha256'") or "",
        result_sha256=r.sha(result.get("sha256"), "“result.sha256”", "'result.sha256'") or "",
        result_sequence=r.integer(result.get("sequence"), "“result.sequence”", "'result.sequence'", 1) or 1,
        result_round=r.integer(result.get("round"), "“result.round”", "'result.round'", 1, 9) or 1,
        submission_sha256=r.sha(doc["submission_sha256"], "“submission_sha256”", "'submission_sha256'") or "",
        items=tuple(items), evidence=tuple(evidence),
    )
    if r.problems:
        raise DataInvalid(*what, r.problems)
    return rebuttal


def _evidence(r: _Reader, raw: Any, codes: set[str], sizes: Mapping[str, int]) -> list[RebuttalDocumentEntry]:
    if not isinstance(raw, list) or len(raw) > 20_000:
        r.bad("“evidence” phải là một danh sách tài liệu", "'evidence' must be a list")
        return []
    out: list[RebuttalDocumentEntry] = []
    for n, ev in enumerate(raw, 1):
        vi, en = f"tài liệu thứ {n}", f"document {n}"
        e = r.obj(ev, EVIDENCE_KEYS, vi, en)
        if e is None:
            continue
        sha = e["sha256"]
        if not isinstance(sha, str) or sha not in sizes:
            r.bad(f"{vi} không có tệp tương ứng trong gói", f"{en} has no file in the package")
            continue
        if any(d.sha256 == sha for d in out):
            r.bad(f"{vi} được khai hai lần", f"{en} is listed twice")
            continue
        if type(e["size"]) is not int or e["size"] != sizes[sha]:
            r.bad(f"{vi}: dung lượng khác với tệp trong gói", f"{en}: the size differs from the file's")
            continue
        citation = {k: r.text(e[k], f"{vi}: “{k}”", f"{en}: '{k}'") for k in CITATION_KEYS}
        if citation["issue_date"] and not _DATE.fullmatch(citation["issue_date"]):
            r.bad(f"{vi}: ngày ban hành không đúng dạng yyyy-mm-dd", f"{en}: the issue date is not yyyy-mm-dd")
        links: list[tuple[str, str]] = []
        raw_links = e["links"]
        if not isinstance(raw_links, list) or not raw_links:
            r.bad(f"{vi}: “links” phải là danh sách tiêu chí mà tài liệu chứng minh", f"{en}: 'links' must list items")
            continue
        for link in raw_links:
            if not isinstance(link, dict) or set(link) != {"code", "pages"} or not isinstance(link["code"], str) \
                    or not isinstance(link["pages"], str) or len(link["pages"]) > MAX_TEXT:
                r.bad(f"{vi}: liên kết sai cấu trúc", f"{en}: malformed link")
                break
            if link["code"] not in codes:
                r.bad(f"{vi} gắn với tiêu chí “{link['code'][:40]}” không có trong phần giải trình",
                      f"{en} is linked to '{link['code'][:40]}', which the rebuttal does not dispute")
                break
            if any(c == link["code"] for c, _ in links):
                r.bad(f"{vi} gắn hai lần với tiêu chí {link['code']}", f"{en} is linked twice to {link['code']}")
                break
            links.append((link["code"], link["pages"]))
        out.append(RebuttalDocumentEntry(
            sha, r.text(e["file_name"], f"{vi}: “file_name”", f"{en}: 'file_name'", MAX_NAME), sizes[sha],
            (r.text(e["media_type"], f"{vi}: “media_type”", f"{en}: 'media_type'", 128) or "application/octet-stream"),
            citation, tuple(links)))
    unexplained = set(sizes) - {d.sha256 for d in out}
    if unexplained:
        r.bad(f"gói có {len(unexplained)} tệp tài liệu không được khai trong phần giải trình",
              f"the package holds {len(unexplained)} evidence files the rebuttal does not declare")
    return out
