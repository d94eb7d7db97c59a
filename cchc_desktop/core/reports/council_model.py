"""The plain data the council's reports are built from, and the round digest.  Pure: no database,
no files, no Qt.

Three outputs share it (`council_xlsx`, `council_pdf`, `agency_appraisal_pdf`); the use case that
reads a round and writes the files is `core.services.council_reports`.  docs/reports.md ("Council
reports") describes the outputs, the hash on every page and how to recompute the round digest.

The round digest
----------------
The publication PDF (and the workbook) carries the SHA-256 of a canonical JSON of the ranking:

    {"format": "cchc-round-digest", "format_version": 1, "framework_sha256": "<64 hex>",
     "ranking": [{"rank": 1, "agency_code": "…", "submission_sha256": "<64 hex>",
                  "final_points": "12.75", "applicable_max": "17", "index": "75"}, …]}

in ranking order (rank, then agency code), numbers as the shortest plain decimal strings (as in
every `--json` output), serialised with sorted keys, no spaces (`separators=(",", ":")`), UTF-8,
non-ASCII kept.  Anyone holding the round's figures (`cchc inspect rank --json` plus the
submissions' manifest hashes, or `cchc inspect export DIR --digest --json`) recomputes it.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..framework.canonical import number_text
from ..framework.model import Framework, Item, Level, Scorer
from ..scoring.appraisal import Appraisal, RankEntry
from ..scoring.engine import ScoreSheet
from .stamp import PageStamp

DIGEST_FORMAT = "cchc-round-digest"
DIGEST_VERSION = 1
DIGEST_LABEL = "Mã kiểm tra kết quả xếp hạng (SHA-256)"
ISSUED_LABEL = "Mã gói kết quả"
DRAFT_LABEL = "DỰ THẢO — chưa ban hành kết quả; mã gói hồ sơ"
DRAFT_NOTE = "Dự thảo — chưa ban hành kết quả"
DEFAULT_RECIPIENTS = ("UBND tỉnh (để báo cáo)", "Sở Nội vụ", "Các cơ quan, đơn vị được đánh giá")

LEVEL_SUBJECT = {
    Level.PROVINCIAL_AGENCY: "của các sở, ban, ngành",
    Level.DISTRICT: "của UBND các huyện, thị xã, thành phố",
    Level.COMMUNE: "của UBND các xã, phường",
}


def publication_title(year: int) -> str:
    return f"Kết quả xác định Chỉ số cải cách hành chính năm {year}"


def appraisal_title(year: int) -> str:
    return f"Kết quả thẩm định, xác định Chỉ số cải cách hành chính năm {year}"


@dataclass(frozen=True)
class CouncilReportOptions:
    """The heading, the signature and the recipients; all optional (defaults below)."""

    superior: str = "UBND TỈNH ……"  # printed above the body's name (cơ quan chủ quản)
    body: str = "HỘI ĐỒNG THẨM ĐỊNH"  # the issuing body
    place: str = ""  # địa danh of the date line; empty leaves dots to fill by hand
    symbol: str = "HĐTĐ"  # after "/BC-" in the number line
    authority: str = "TM. HỘI ĐỒNG THẨM ĐỊNH"  # above the signer's title; empty: none
    signer_title: str = "CHỦ TỊCH"
    signer: str = ""  # the name under the signature, when known
    recipients: tuple[str, ...] = DEFAULT_RECIPIENTS
    date: _dt.date | None = None  # default: today in Vietnam


@dataclass(frozen=True)
class LeafLine:
    """One leaf of one agency: its own claim next to the council's verdict."""

    item: Item
    self_points: Decimal | None  # None: no self points (council/survey leaf, unanswered, or N/A excluded)
    self_excluded: bool  # the agency declared it not applicable (mode exclude)
    appraisal: Appraisal | None  # the effective appraisal (latest round), None: not appraised
    final_points: Decimal | None  # None when the final sheet excludes it (not applicable)
    excluded: bool

    @property
    def note(self) -> str:
        """Why the appraised column says what it says, when the number alone would mislead."""
        item, a = self.item, self.appraisal
        if a is not None:
            return "Không áp dụng" if a.not_applicable else ""
        if item.scorer is Scorer.SURVEY:
            return "Điểm điều tra xã hội học"
        if item.scorer is Scorer.COUNCIL:
            return "Hội đồng chưa chấm"
        if self.self_excluded:
            return "Không áp dụng (chưa thẩm định)"
        if item.rule is not None and item.rule.kind in ("bonus", "penalty"):
            return "" if not self.self_points else "Chưa thẩm định, giữ điểm tự chấm"
        return "Chưa thẩm định, giữ điểm tự chấm"


@dataclass(frozen=True)
class AgencyStamp:
    """What every page of the agency's appraisal PDF carries: the issued result package's manifest
    hash, or (draft) the hash of the submission the council appraised."""

    issued: bool
    sha256: str
    result_sequence: int = 0  # the result package shown (issued)
    stale_sequence: int = 0  # a result was issued but the figures changed since (draft)

    def page_stamp(self, agency_code: str, year: int) -> PageStamp:
        head = f"Kết quả thẩm định Chỉ số CCHC năm {year} — {agency_code}"
        if self.issued:
            return PageStamp(ISSUED_LABEL, self.sha256, note=f"{head} — gói kết quả lần {self.result_sequence}")
        changed = f" — đã thay đổi sau gói kết quả lần {self.stale_sequence}" if self.stale_sequence else ""
        return PageStamp(DRAFT_LABEL, self.sha256, note=f"{head} — {DRAFT_NOTE}{changed}")


@dataclass(frozen=True)
class AgencyResult:
    """One ranked agency: figures, rank, leaf lines, stamp."""

    code: str
    name: str
    submission_sha256: str
    self_sheet: ScoreSheet  # the agency's own score (council and survey items pending)
    sheet: ScoreSheet  # the final score (appraisals and survey merged)
    entry: RankEntry
    appraised: int  # appraisable leaves appraised
    to_appraise: int
    status: str  # the dashboard status code
    leaves: tuple[LeafLine, ...]
    stamp: AgencyStamp
    ranked: int = 0  # agencies in the ranking (the N of "rank x/N")

    @property
    def complete(self) -> bool:
        return self.appraised >= self.to_appraise

    @property
    def rank_text(self) -> str:
        """"2", or "=2" when the rank is shared."""
        return f"={self.entry.rank}" if self.entry.tied_with else str(self.entry.rank)


@dataclass(frozen=True)
class FieldFigure:
    """A field's average over the ranked agencies (statistics())."""

    code: str
    title: str
    percent: Decimal
    agencies: int


@dataclass(frozen=True)
class CouncilReportData:
    framework: Framework
    year: int
    results: tuple[AgencyResult, ...]  # ranking order
    not_submitted: tuple[tuple[str, str], ...]  # (code, name) of expected agencies with no submission
    categories: tuple[tuple[str, int], ...]  # (category name, agencies), the framework's order
    fields: tuple[FieldFigure, ...]
    options: CouncilReportOptions
    date: _dt.date
    digest: str = ""
    digest_document: Mapping[str, Any] = field(default_factory=dict)

    def result(self, code: str) -> AgencyResult:
        for r in self.results:
            if r.code == code:
                return r
        raise KeyError(code)

    def page_stamp(self) -> PageStamp:
        return PageStamp(DIGEST_LABEL, self.digest,
                         note=f"{publication_title(self.year)} — {len(self.results)} cơ quan được xếp hạng")

    @property
    def level_subject(self) -> str:
        return LEVEL_SUBJECT.get(self.framework.level, "của các cơ quan, đơn vị")


# ---------------------------------------------------------------- the round digest


def digest_document(framework_sha256: str, results: tuple[AgencyResult, ...] | list[AgencyResult]) -> dict[str, Any]:
    """The canonical document the round digest hashes (see the module docstring)."""
    return {
        "format": DIGEST_FORMAT,
        "format_version": DIGEST_VERSION,
        "framework_sha256": framework_sha256,
        "ranking": [{
            "rank": r.entry.rank,
            "agency_code": r.code,
            "submission_sha256": r.submission_sha256,
            "final_points": number_text(r.entry.final_points),
            "applicable_max": number_text(r.entry.applicable_max),
            "index": number_text(r.entry.percent),
        } for r in sorted(results, key=lambda r: (r.entry.rank, r.code))],
    }


def canonical_bytes(doc: Mapping[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def digest_of(doc: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(doc)).hexdigest()


def percent_of(points: Decimal, applicable: Decimal) -> Decimal | None:
    from decimal import ROUND_HALF_UP

    if applicable <= 0:
        return None
    return (points * 100 / applicable).quantize(Decimal("0.01"), ROUND_HALF_UP)
