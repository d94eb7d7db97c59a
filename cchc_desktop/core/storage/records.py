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
