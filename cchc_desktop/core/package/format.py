"""Package format v1 (`.cchc`): names, limits and the manifest.  docs/package-format.md explains it.

A package is a ZIP whose every entry is listed, with size and SHA-256, in `manifest.json`; the
manifest's exact bytes are signed by a detached CMS in `manifest.p7s`.  The SHA-256 of the
manifest bytes identifies the package (and is what the next submission chains to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

FORMAT_NAME = "cchc-package"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = (1,)
KINDS = ("submission", "result", "rebuttal", "framework", "appraisal")

MANIFEST = "manifest.json"
SIGNATURE = "manifest.p7s"
ASSESSMENT = "data/assessment.json"
FRAMEWORK = "data/framework.json"
CHANGELOG = "data/changelog.jsonl"
EVIDENCE_PREFIX = "evidence/"
EVIDENCE_RE = re.compile(r"evidence/[0-9a-f]{64}")  # always used with fullmatch: "$" would allow a final newline
DATA_NAMES = (ASSESSMENT, FRAMEWORK, CHANGELOG)

# Limits against hostile packages: generous for real use, small enough to refuse a bomb early.
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_SIGNATURE_BYTES = 1024 * 1024
MAX_DATA_BYTES = 64 * 1024 * 1024  # one JSON entry
MAX_ENTRIES = 20_000
MAX_TOTAL_BYTES = 16 * 1024**3  # all entries, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for entries over 1 MB
SHA256_RE = re.compile(r"[0-9a-f]{64}")  # fullmatch only


def allowed_name(name: str) -> bool:
    return name in (MANIFEST, SIGNATURE) or name in DATA_NAMES or bool(EVIDENCE_RE.fullmatch(name))


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    kind: str
    agency_code: str
    agency_name: str
    year: int
    round: int
    sequence: int
    previous_sha256: str | None
    framework_id: str
    framework_sha256: str
    app_version: str
    created_at: str
    files: tuple[FileEntry, ...]
    format_version: int = FORMAT_VERSION

    def document(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "kind": self.kind,
            "agency": {"code": self.agency_code, "name": self.agency_name},
            "year": self.year,
            "round": self.round,
            "sequence": self.sequence,
            "previous_sha256": self.previous_sha256,
            "framework": {"id": self.framework_id, "sha256": self.framework_sha256},
            "app_version": self.app_version,
            "created_at": self.created_at,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
        }


class ManifestError(ValueError):
    """The manifest is not a v1 manifest; `code`, `vi`, `en` describe why."""

    def __init__(self, code: str, vi: str, en: str) -> None:
        super().__init__(en)
        self.code, self.vi, self.en = code, vi, en


def _req(doc: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = doc.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ManifestError(
            "manifest_malformed",
            f"Tệp kê khai (manifest) thiếu hoặc sai kiểu trường “{key}”.",
            f"The manifest lacks or mistypes '{key}'.",
        )
    return value


def parse_manifest(doc: Any) -> Manifest:
    """Check the shape strictly: every field present with its type; no guessing."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise ManifestError("not_a_package", "Đây không phải gói hồ sơ CCHC.", "Not a CCHC package.")
    version = doc.get("format_version")
    if type(version) is not int or version not in SUPPORTED_VERSIONS:
        raise ManifestError(
            "unsupported_version",
            f"Gói dùng định dạng phiên bản {version!r}, ứng dụng này chỉ đọc được phiên bản {', '.join(map(str, SUPPORTED_VERSIONS))}. "
            "Hãy cập nhật ứng dụng.",
            f"Package format version {version!r} is not supported; update the application.",
        )
    kind = _req(doc, "kind", str)
    if kind not in KINDS:
        raise ManifestError("manifest_malformed", f"Loại gói “{kind}” không hợp lệ.", f"Unknown package kind '{kind}'.")
    agency = _req(doc, "agency", dict)
    framework = _req(doc, "framework", dict)
    previous = doc.get("previous_sha256")
    if previous is not None and not (isinstance(previous, str) and SHA256_RE.fullmatch(previous)):
        raise ManifestError("manifest_malformed", "Mã băm của lần nộp trước không hợp lệ.", "Invalid previous_sha256.")
    files = []
    for f in _req(doc, "files", list):
        if not isinstance(f, dict):
            raise ManifestError("manifest_malformed", "Danh sách tệp trong manifest sai định dạng.", "Malformed file list.")
        path, size, sha = f.get("path"), f.get("size"), f.get("sha256")
        if not isinstance(path, str) or type(size) is not int or size < 0 or not isinstance(sha, str) or not SHA256_RE.fullmatch(sha):
            raise ManifestError("manifest_malformed", "Một mục trong danh sách tệp sai định dạng.", "Malformed file entry.")
        files.append(FileEntry(path, size, sha))
    seq, rnd, year = _req(doc, "sequence", int), _req(doc, "round", int), _req(doc, "year", int)
    if seq < 1 or rnd < 1 or not 2000 <= year <= 2100:
        raise ManifestError("manifest_malformed", "Số thứ tự, vòng hoặc năm trong manifest không hợp lệ.", "Invalid sequence/round/year.")
    fw_sha = _req(framework, "sha256", str)
    if not SHA256_RE.fullmatch(fw_sha):
        raise ManifestError("manifest_malformed", "Mã băm bộ tiêu chí không hợp lệ.", "Invalid framework hash.")
    return Manifest(
        kind=kind,
        agency_code=_req(agency, "code", str),
        agency_name=_req(agency, "name", str),
        year=year,
        round=rnd,
        sequence=seq,
        previous_sha256=previous,
        framework_id=_req(framework, "id", str),
        framework_sha256=fw_sha,
        app_version=_req(doc, "app_version", str),
        created_at=_req(doc, "created_at", str),
        files=tuple(files),
        format_version=version,
    )
