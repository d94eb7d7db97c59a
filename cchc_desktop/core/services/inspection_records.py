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
