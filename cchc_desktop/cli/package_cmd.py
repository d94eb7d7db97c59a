"""`cchc package export` and `cchc package verify`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import Context
from .keys_cmd import get_passphrase

EXIT_INVALID = 1
EXIT_UNKNOWN = 3  # every check passed but revocation could not be decided offline


def _progress_printer(ctx: Context):  # type: ignore[no-untyped-def]
    """A percentage on stderr when a person is watching; silent in scripts."""
    if not sys.stderr.isatty():
        return lambda done, total, label="": None
    last = [-1]

    def report(done: int, total: int, label: str = "") -> None:
        pct = int(done * 100 / total) if total else 100
        if pct != last[0]:
            last[0] = pct
            sys.stderr.write(f"\r{ctx.tr('Đang xuất', 'Exporting')} {pct:3d}%")
            sys.stderr.flush()
            if pct == 100:
                sys.stderr.write("\n")

    return report


def export(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.agency import AgencyWorkspace
    from ..core.services.export import export_submission
    from ..core.signing.keys import load_pkcs12

    with AgencyWorkspace.open(args.dir) as ws:
        signer = load_pkcs12(Path(args.key), get_passphrase(ctx, new=False))
        result = export_submission(ws, Path(args.output), signer, allow_problems=args.allow_problems,
                                   progress=_progress_printer(ctx))
    pkg = result.package
    mb = pkg.size / (1024 * 1024)
    ctx.out(ctx.tr(
        f"Đã xuất lần nộp thứ {result.sequence}: {pkg.path} ({mb:.1f} MB)",
        f"Exported submission {result.sequence}: {pkg.path} ({mb:.1f} MB)",
    ))
    ctx.out(f"  SHA-256 manifest: {pkg.manifest_sha256}")
    if result.previous_sha256:
        ctx.out(ctx.tr(f"  Nối tiếp lần nộp trước: {result.previous_sha256}", f"  Follows the previous submission: {result.previous_sha256}"))
    if result.with_problems:
        ctx.out(ctx.tr(f"  Nộp kèm {result.with_problems} vấn đề chưa xử lý (đã ghi trong gói).",
                       f"  Submitted with {result.with_problems} open problems (listed in the package)."))
    if mb > 25:
        ctx.out(ctx.tr("  Lưu ý: gói lớn hơn 25 MB, có thể không gửi được qua thư điện tử; hãy dùng USB.",
                       "  Note: over 25 MB, e-mail may refuse it; use a USB stick."))
    return 0


def report_document(report: Any, lang: str) -> dict[str, Any]:
    m = report.manifest
    sig = report.signature
    return {
        "file": str(report.path),
        "verdict": report.verdict.value,
        "findings": [{"code": f.code, "fatal": f.fatal, "message": f.en if lang == "en" else f.vi} for f in report.findings],
        "manifest_sha256": report.manifest_sha256,
        "package": None if m is None else {
            "kind": m.kind, "agency_code": m.agency_code, "agency_name": m.agency_name, "year": m.year,
            "round": m.round, "sequence": m.sequence, "previous_sha256": m.previous_sha256,
            "framework_id": m.framework_id, "framework_sha256": m.framework_sha256, "created_at": m.created_at,
            "files": len(m.files), "bytes": sum(f.size for f in m.files),
        },
        "signer": None if sig is None or sig.signer is None else {
            "subject": sig.signer.subject.rfc4514_string(),
            "agency_code": sig.agency_code,
            "signing_time": sig.signing_time.isoformat() if sig.signing_time else None,
            "revocation": sig.revocation,
        },
    }


def verify(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.package.reader import verify_package
    from ..core.signing.api import Verdict
    from ..core.signing.trust import load_trust

    trust = load_trust(Path(args.trust))
    report = verify_package(Path(args.package), trust)
    if args.json:
        ctx.json(report_document(report, ctx.lang))
    else:
        m = report.manifest
        head = {
            Verdict.VALID: ctx.tr("HỢP LỆ", "VALID"),
            Verdict.INVALID: ctx.tr("KHÔNG HỢP LỆ", "INVALID"),
            Verdict.UNKNOWN: ctx.tr("CHƯA XÁC ĐỊNH ĐƯỢC", "UNKNOWN"),
        }[report.verdict]
        ctx.out(f"{head}: {report.path}")
        if m is not None:
            ctx.out(ctx.tr(
                f"  Cơ quan: {m.agency_name} (mã {m.agency_code}) · năm {m.year} · lần nộp {m.sequence} · {len(m.files)} tệp",
                f"  Agency: {m.agency_name} (code {m.agency_code}) · year {m.year} · submission {m.sequence} · {len(m.files)} files",
            ))
        sig = report.signature
        if sig is not None and sig.signer is not None:
            ctx.out(ctx.tr(f"  Người ký: {sig.signer.subject.rfc4514_string()}", f"  Signer: {sig.signer.subject.rfc4514_string()}"))
        for f in report.findings:
            ctx.out(f"  - {f.en if ctx.lang == 'en' else f.vi}")
    if report.verdict is Verdict.VALID:
        return 0
    return EXIT_UNKNOWN if report.verdict is Verdict.UNKNOWN else EXIT_INVALID
