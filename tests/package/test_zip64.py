"""Packages over 2 GiB: ZIP64 (docs/package-format.md: "ZIP64 when needed", up to 16 GiB declared).

zipfile switches to ZIP64 records at `zipfile.ZIP64_LIMIT` (2 GiB - 1): for sizes above it, and for
entries that START above it (their central-directory offset becomes 0xFFFFFFFF, the real offset
goes into a ZIP64 extra field, and the record's version becomes 4.5 while the local header stays
2.0).  Writing 2 GiB in a unit test is too slow, so these tests lower `zipfile.ZIP64_LIMIT` for the
test only: zipfile then writes, a few KB in, exactly the records it writes past 2 GiB.  Both
failures were also reproduced once at real size (evidence of 2**31 + 1 bytes: the package written
is refused as not_canonical; evidence of exactly 2**31 bytes: the writer raises RuntimeError).
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.package.writer import EvidenceSource, write_package
from cchc_desktop.core.signing.api import Verdict

from ..inspection.helpers import build_package

LIMIT = 6000  # every entry of the inspection tests' package is smaller; the package is ~16 KB


def test_package_with_entries_past_the_zip64_offset_limit_verifies(agency_folder, open_agency, keys, trust,
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    ws = open_agency(agency_folder())
    normal = build_package(ws, tmp_path / "normal.cchc", keys.a)
    assert verify_package(normal.path, trust).verdict is Verdict.VALID
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", LIMIT)
    big = build_package(ws, tmp_path / "zip64.cchc", keys.a)
    with zipfile.ZipFile(big.path) as zf:
        infos = zf.infolist()
    assert all(i.file_size < LIMIT for i in infos) and infos[-1].header_offset > LIMIT
    assert big.manifest_bytes == normal.manifest_bytes  # the same package; only its ZIP records are ZIP64
    report = verify_package(big.path, trust)
    assert report.verdict is Verdict.VALID, report.reasons("en")


def test_evidence_one_byte_over_the_zip64_size_limit_is_written(keys, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", LIMIT)
    data = bytes(range(256)) * (LIMIT // 256 + 1)
    data = data[:LIMIT + 1]  # at real size: 2**31 bytes
    src = tmp_path / "scan.pdf"
    src.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    header = fmt.Manifest(kind="submission", agency_code="XA-001", agency_name="UBND xã Một", year=2026, round=1,
                          sequence=1, previous_sha256=None, framework_id="test-mini", framework_sha256="0" * 64,
                          app_version="0.1.0", created_at="2026-03-02T08:30:00.000+00:00", files=())
    written = write_package(tmp_path / "p.cchc", header, {fmt.ASSESSMENT: b"{}"}, [EvidenceSource(sha, src, len(data))],
                            keys.a)
    with zipfile.ZipFile(written.path) as zf:
        assert zf.read(fmt.EVIDENCE_PREFIX + sha) == data
