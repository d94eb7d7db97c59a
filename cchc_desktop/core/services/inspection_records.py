"""Plain frozen records of the inspection (council) workspace: what leaves the services layer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

IMPORTED = "imported"
ALREADY_IMPORTED = "already_imported"
REFUSED = "refused"


@dataclass(frozen=True)
class Note:
    """One finding about a package: `code` is stable (--json, tests), `vi`/`en` are shown."""

    code: str
    vi: str
    en: str

    def text(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class ImportResult:
    """The outcome of importing one package file.

    `status`: imported | already_imported | refused.  For an imported package `notes` holds what
    the council should know (chain gap, score mismatch, revocation accepted unchecked); for a
    refused one, every reason.
    """

    source: Path
    status: str
    agency_code: str | None = None
    agency_name: str | None = None
    sequence: int | None = None
    manifest_sha256: str | None = None
    notes: tuple[Note, ...] = ()
    score_mismatch: bool = False
    chain_gap: bool = False
    claimed_points: Decimal | None = None
    final_points: Decimal | None = None  # recomputed with the round's framework
    assessable_max: Decimal | None = None
    percent: Decimal | None = None

    @property
    def ok(self) -> bool:
        return self.status in (IMPORTED, ALREADY_IMPORTED)

    def reasons(self, lang: str = "vi") -> list[str]:
        return [n.text(lang) for n in self.notes]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(n.code for n in self.notes)


@dataclass(frozen=True)
class AgencyRecord:
    code: str
    name: str
    level: str
    expected: bool


@dataclass(frozen=True)
class ImportedPackage:
    """A package stored in the workspace (verified when it was imported)."""

    manifest_sha256: str
    agency_code: str
    agency_name: str
    sequence: int
    previous_sha256: str | None
    year: int
    round: int
    created_at: str
    imported_at: str
    imported_by: str
    source_name: str
    signer_subject: str
    signer_fingerprint: str
    signing_time: str | None
    revocation: str
    verdict: str
    claimed_score: Mapping[str, Any]
    recomputed_score: Mapping[str, Any]
    score_mismatch: bool
    chain_gap: bool
    submitted_problems: int
    notes: tuple[Note, ...] = field(default=())


@dataclass(frozen=True)
class PackageAnswer:
    item_code: str
    value_json: str | None
    not_applicable: bool
    reason: str
    note: str


@dataclass(frozen=True)
class PackageDocument:
    """A cited document of an imported package; its bytes are in the workspace's evidence store."""

    sha256: str
    file_name: str
    size: int
    media_type: str
    doc_type: str
    number_symbol: str
    issue_date: str
    issuer: str
    excerpt: str
    links: tuple[tuple[str, str], ...]  # (item code, pages)


# ---------------------------------------------------------------- appraisal, dashboard, ranking

# Dashboard statuses (stable codes for --json and tests; the GUI shows STATUS_NAMES).
NOT_SUBMITTED = "not_submitted"
SUBMITTED = "submitted"
IN_APPRAISAL = "in_appraisal"
APPRAISED = "appraised"
REBUTTAL = "rebuttal"
FINAL = "final"
STATUSES = (NOT_SUBMITTED, SUBMITTED, IN_APPRAISAL, APPRAISED, REBUTTAL, FINAL)
STATUS_NAMES = {
    NOT_SUBMITTED: ("Chưa nộp", "Not submitted"),
    SUBMITTED: ("Đã nộp", "Submitted"),
    IN_APPRAISAL: ("Đang thẩm định", "In appraisal"),
    APPRAISED: ("Đã thẩm định", "Appraised"),
    REBUTTAL: ("Giải trình", "Rebuttal"),
    FINAL: ("Kết quả cuối cùng", "Final"),
}


@dataclass(frozen=True)
class AgencyOverview:
    """One row of the council's dashboard."""

    code: str
    name: str
    expected: bool
    status: str
    round: int  # 1, or 2 once a rebuttal was imported
    package_sha256: str | None  # the submission being appraised
    self_points: Decimal | None
    self_percent: Decimal | None
    final_points: Decimal | None  # self overlaid by appraisals and survey
    applicable_max: Decimal | None
    percent: Decimal | None  # the index
    appraised: int  # leaves appraised (any round)
    to_appraise: int  # leaves the council appraises (agency- and council-scored)
    disagreements: int  # appraised leaves whose points differ from the self points
    open_conflicts: int
    surveyed: bool  # survey points merged for every survey leaf


@dataclass(frozen=True)
class ConflictRecord:
    id: int
    agency_code: str
    item_code: str
    round: int
    current: Any  # scoring.appraisal.Appraisal or None
    incoming: Any  # scoring.appraisal.Appraisal
    origin: str
