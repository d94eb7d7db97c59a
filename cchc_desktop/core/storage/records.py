"""Plain frozen records that leave the storage layer (never ORM objects)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import EvidenceError

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


@dataclass(frozen=True)
class Citation:
    """How a document is cited: type, number/symbol (số ký hiệu), issue date, issuer, excerpt."""

    doc_type: str = ""  # e.g. Quyết định, Kế hoạch, Báo cáo, Công văn
    number_symbol: str = ""  # e.g. 3604/QĐ-UBND
    issue_date: str = ""  # ISO yyyy-mm-dd, or empty
    issuer: str = ""
    excerpt: str = ""  # trích yếu

    def normalised(self) -> "Citation":
        c = Citation(*(nfc(v) for v in (self.doc_type, self.number_symbol, self.issue_date, self.issuer, self.excerpt)))
        if c.issue_date:
            c = replace(c, issue_date=parse_date(c.issue_date))
        return c

    def summary(self) -> str:
        parts = [p for p in (self.doc_type, self.number_symbol) if p]
        head = " số ".join(parts) if len(parts) == 2 else "".join(parts)
        if self.issue_date:
            y, m, d = self.issue_date.split("-")
            head += f" ngày {d}/{m}/{y}"
        if self.issuer:
            head += f" của {self.issuer}"
        if self.excerpt:
            head += f" về {self.excerpt}" if head else self.excerpt
        return head.strip()


def parse_date(text: str) -> str:
    """Accept ISO (2026-01-15) or Vietnamese order (15/01/2026); return ISO or raise."""
    text = text.strip()
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if m:
        text = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if not _DATE_RE.match(text):
        raise EvidenceError(
            f"Ngày ban hành “{text}” không đúng dạng (dd/mm/yyyy, ví dụ 15/01/2026).",
            f"Issue date '{text}' is not a date (dd/mm/yyyy).",
        )
    import datetime as _dt

    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        raise EvidenceError(f"Ngày ban hành “{text}” không tồn tại.", f"Issue date '{text}' does not exist.") from None
    return text


@dataclass(frozen=True)
class EvidenceDocument:
    id: int
    sha256: str
    file_name: str
    size: int
    media_type: str
    citation: Citation
    links: tuple[tuple[str, str], ...]  # (item code, pages)


@dataclass(frozen=True)
class ItemEvidence:
    """A document as attached to one item."""

    document: EvidenceDocument
    pages: str


@dataclass(frozen=True)
class LogEntry:
    id: int
    at: str
    actor: str
    item_code: str | None
    action: str
    old_json: str | None
    new_json: str | None


TRUST_SIGNED, TRUST_UNSIGNED, TRUST_SAMPLE = "signed", "unsigned", "sample"


@dataclass(frozen=True)
class FrameworkTrust:
    """Where the framework of an assessment came from, as recorded in the workspace meta.

    `status`: "signed" (a signed framework file verified against the province certificate),
    "sample" (an unsigned framework marked as a sample) or "unsigned" (an unsigned file the user
    explicitly chose).  Anything but "signed" is shown with a warning that cannot be dismissed.
    """

    status: str = TRUST_UNSIGNED
    signer_subject: str = ""
    signer_fingerprint: str = ""
    package_sha256: str = ""  # manifest SHA-256 of the signed framework file
    verdict: str = ""  # valid | unknown (unknown: revocation not checked, accepted explicitly)
    signing_time: str = ""

    @property
    def verified(self) -> bool:
        return self.status == TRUST_SIGNED

    @classmethod
    def unsigned_for(cls, sample: bool) -> "FrameworkTrust":
        return cls(TRUST_SAMPLE if sample else TRUST_UNSIGNED)

    def meta(self) -> dict[str, str]:
        return {
            "framework_trust": self.status,
            "framework_signer_subject": self.signer_subject,
            "framework_signer_fingerprint": self.signer_fingerprint,
            "framework_package_sha256": self.package_sha256,
            "framework_verdict": self.verdict,
            "framework_signing_time": self.signing_time,
        }

    @classmethod
    def from_meta(cls, meta: dict[str, str], sample: bool) -> "FrameworkTrust":
        """Workspaces made before signed frameworks existed have no key: sample or unsigned."""
        status = meta.get("framework_trust")
        if status not in (TRUST_SIGNED, TRUST_UNSIGNED, TRUST_SAMPLE):
            return cls.unsigned_for(sample)
        return cls(status, meta.get("framework_signer_subject", ""), meta.get("framework_signer_fingerprint", ""),
                   meta.get("framework_package_sha256", ""), meta.get("framework_verdict", ""),
                   meta.get("framework_signing_time", ""))


@dataclass(frozen=True)
class CarriedMark:
    """An item carried over from an earlier year, "to confirm" (cần xác nhận)."""

    from_year: int
    note: bool  # its explanation was carried
    documents: int  # evidence documents carried

    def problem_texts(self, code: str, year: int) -> tuple[str, str]:
        what_vi = [w for w, on in (("thuyết minh", self.note), (f"{self.documents} tài liệu kiểm chứng", self.documents)) if on]
        what_en = [w for w, on in (("explanation", self.note), (f"{self.documents} evidence document(s)", self.documents)) if on]
        return (
            f"{code}: {' và '.join(what_vi) or 'nội dung'} mang sang từ năm {self.from_year}, cần xác nhận còn đúng "
            f"cho năm {year} (bấm “Xác nhận” hoặc sửa lại).",
            f"{code}: {' and '.join(what_en) or 'content'} carried over from {self.from_year}; confirm it still holds "
            f"for {year} (press Confirm, or edit it).",
        )


@dataclass(frozen=True)
class YearSummary:
    """One assessment year of an agency workspace (the current one and the earlier ones)."""

    year: int
    framework_sha256: str
    framework_id: str
    framework_title: str
    state: str
    submission_seq: int
    current: bool


@dataclass(frozen=True)
class WorkspaceInfo:
    folder: Path
    role: str  # agency | inspection
    agency_code: str
    agency_name: str
    level: str
    year: int
    framework_sha256: str
    framework_id: str
    framework_title: str
    framework_sample: bool
    state: str
    submission_seq: int
    framework_trust: str = TRUST_UNSIGNED  # signed | unsigned | sample (FrameworkTrust.status)
    framework_signer: str = ""  # the signer's subject when signed
    read_only: bool = False  # an earlier year, opened for reading
    to_confirm: int = 0  # items carried over from the previous year, not yet confirmed
