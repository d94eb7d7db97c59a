"""Helpers of the inspection tests: keys, packages built by hand, workspace snapshots."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509

from cchc_desktop import __version__
from cchc_desktop.core.framework.canonical import canonical_bytes
from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.package.writer import EvidenceSource, WrittenPackage, write_package
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.export import _changelog_lines, assessment_document
from cchc_desktop.core.signing.cms import SoftwareSigner

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "mini_framework.json"
PASSPHRASE = "mat-khau-thu-nghiem"
EVIDENCE_A = b"%PDF-1.4\n% Quyet dinh ban hanh ke hoach CCHC 2026\n"
EVIDENCE_B = b"%PDF-1.4\n% Bao cao kiem tra cua tinh\n" + bytes(range(256)) * 8


@dataclass(frozen=True)
class Keys:
    """Everything signed in the tests, made once per session (EC keys: fast)."""

    ca_pem: bytes
    crl_pem: bytes
    a: SoftwareSigner  # XA-001, issued by the province CA
    b: SoftwareSigner  # XA-002, issued by the province CA
    rogue: SoftwareSigner  # XA-001, issued by a CA nobody trusts


def make_keys() -> Keys:
    from cchc_desktop.core.signing.ca import init_ca, issue
    from cchc_desktop.core.signing.keys import create_agency_key, load_pkcs12_bytes

    def ca(name: str) -> tuple[SoftwareSigner, bytes, bytes]:
        p12, pem, crl = init_ca(name, PASSPHRASE, "ec")
        return load_pkcs12_bytes(p12, PASSPHRASE), pem, crl

    def agency(ca_signer: SoftwareSigner, code: str, name: str) -> SoftwareSigner:
        p12, _cert, csr = create_agency_key(code, name, PASSPHRASE, "ec")
        own = load_pkcs12_bytes(p12, PASSPHRASE)
        cert = x509.load_pem_x509_certificate(issue(ca_signer.private_key, ca_signer.certificate, csr))
        return SoftwareSigner(own.private_key, cert, [ca_signer.certificate])

    province, ca_pem, crl_pem = ca("Sở Nội vụ tỉnh Thử Nghiệm")
    other, _pem, _crl = ca("CA không được tin cậy")
    return Keys(ca_pem, crl_pem, agency(province, "XA-001", "UBND xã Một"), agency(province, "XA-002", "UBND xã Hai"),
                agency(other, "XA-001", "Kẻ mạo danh"))


def build_package(
    ws: AgencyWorkspace,
    out: Path,
    signer: SoftwareSigner,
    mutate: Callable[[dict[str, Any]], None] | None = None,
    sequence: int = 1,
    previous: str | None = None,
    agency_code: str | None = None,
) -> WrittenPackage:
    """A submission written with the real writer and signer, its assessment changed by `mutate`."""
    doc = assessment_document(ws, ws.score())
    if mutate is not None:
        mutate(doc)
    info = ws.info()
    data = {
        fmt.ASSESSMENT: json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8"),
        fmt.FRAMEWORK: canonical_bytes(ws.framework),
        fmt.CHANGELOG: _changelog_lines(ws),
    }
    evidence = [EvidenceSource(d.sha256, ws.store.path_of(d.sha256), d.size)
                for d in {d.sha256: d for d in ws.documents()}.values()]
    header = fmt.Manifest(
        kind="submission", agency_code=agency_code or info.agency_code, agency_name=info.agency_name, year=info.year,
        round=1, sequence=sequence, previous_sha256=previous, framework_id=info.framework_id,
        framework_sha256=info.framework_sha256, app_version=__version__, created_at="2026-03-02T08:30:00.000+00:00",
        files=(),
    )
    return write_package(out, header, data, evidence, signer)


def snapshot(folder: Path) -> dict[str, Any]:
    """Every row of every table and every file of a workspace folder (database files aside)."""
    con = sqlite3.connect(folder / "workspace.sqlite")
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        rows = {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in sorted(tables)}
    finally:
        con.close()
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith("workspace.sqlite")
    }
    return {"rows": rows, "files": files}


def evidence_files(folder: Path) -> dict[str, bytes]:
    """The content-addressed files of the store (temporary ones excluded), by name."""
    root = folder / "evidence"
    return {p.name: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".tmp" not in p.parts}


def answers_doc(evidence_dir: Path) -> dict[str, Any]:
    """An answers file for the mini framework: every rule kind, N/A, notes, two documents (one shared)."""
    (evidence_dir / "qd-ke-hoach.pdf").write_bytes(EVIDENCE_A)
    (evidence_dir / "bao-cao.pdf").write_bytes(EVIDENCE_B)
    cite = {"file": str(evidence_dir / "qd-ke-hoach.pdf"), "doc_type": "Quyết định", "number_symbol": "12/QĐ-UBND",
            "issue_date": "15/01/2026", "issuer": "UBND xã Một", "excerpt": "Ban hành Kế hoạch CCHC năm 2026", "pages": "1-2"}
    report = {"file": str(evidence_dir / "bao-cao.pdf"), "doc_type": "Báo cáo", "number_symbol": "45/BC-UBND",
              "issue_date": "2026-09-30", "issuer": "UBND xã Một", "excerpt": "Kết quả kiểm tra", "pages": "4"}
    return {"format": "cchc-answers", "format_version": 1, "answers": {
        "1.1.1": {"value": "cham", "note": "Ban hành chậm 5 ngày", "evidence": [cite]},
        "1.1.2": {"value": 90},
        "1.2": {"value": 1},
        "1.3": {"value": True},
        "1.4": {"value": 1.5},
        "2.1": {"not_applicable": True, "reason": "Năm 2026 không phát sinh hồ sơ"},
        "2.2": {"not_applicable": True, "reason": "Không có khiếu nại"},
        "2.3": {"note": "Đã được tỉnh kiểm tra tháng 9", "evidence": [dict(cite, pages="3"), report]},
        "T.1": {"value": 1},
        "T.2": {"value": 0.5},
    }}
