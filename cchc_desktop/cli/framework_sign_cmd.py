"""`cchc framework sign` and `cchc framework verify`: signed framework files (.cchc, kind "framework")."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..core.errors import UserFacingError
from .common import Context, load_form
from .keys_cmd import get_passphrase
from .package_cmd import EXIT_INVALID, EXIT_UNKNOWN


def _key_path(key: str) -> Path:
    """KEY.p12, or a CA folder (its ca.p12: the province signs with the CA key itself)."""
    path = Path(key).expanduser()
    if path.is_dir():
        if not (path / "ca.p12").is_file():
            raise UserFacingError(
                f"Thư mục “{path}” không có tệp khóa ca.p12. Hãy chỉ ra tệp khóa (.p12) của tỉnh.",
                f"'{path}' holds no ca.p12 key file. Give the province's key file (.p12).",
            )
        return path / "ca.p12"
    return path


def sign(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.package.framework_package import sign_framework
    from ..core.signing.certutil import common_name, fingerprint, is_ca, is_framework_signer
    from ..core.signing.keys import load_pkcs12

    fw = load_form(args.form, ctx)
    out = Path(args.output)
    if out.exists():
        raise UserFacingError(f"Tệp “{out}” đã tồn tại; không ghi đè. Không có gì thay đổi.",
                              f"'{out}' exists; it is never overwritten. Nothing was changed.")
    signer = load_pkcs12(_key_path(args.key), get_passphrase(ctx, new=False, what_vi="khóa của tỉnh",
                                                               what_en="the province key"))
    cert = signer.certificate
    if not (is_ca(cert) or is_framework_signer(cert)):
        raise UserFacingError(
            f"Chứng thư “{common_name(cert)}” trong tệp khóa không phải của tỉnh: bộ tiêu chí chỉ được ký bằng khóa CA của "
            "tỉnh (ca/ca.p12) hoặc bằng chứng thư ký bộ tiêu chí do CA cấp (cchc ca issue --framework-signer). "
            "Không có gì được tạo.",
            f"The certificate '{common_name(cert)}' in the key file is not the province's: a framework is signed with "
            "the province CA key (ca/ca.p12) or a framework-signing certificate the CA issued "
            "(cchc ca issue --framework-signer). Nothing was created.",
        )
    written = sign_framework(fw, out, signer)
    ctx.out(ctx.tr(f"Đã ký bộ tiêu chí: {written.path}", f"Framework signed: {written.path}"))
    ctx.out(ctx.tr(f"  Bộ tiêu chí: {fw.title} ({fw.id}) · năm {fw.year}", f"  Framework: {fw.title} ({fw.id}) · {fw.year}"))
    ctx.out(f"  SHA-256: {fw.sha256}")
    ctx.out(ctx.tr(f"  Người ký: {common_name(cert)} (dấu vân tay {fingerprint(cert)})",
                   f"  Signer: {common_name(cert)} (fingerprint {fingerprint(cert)})"))
    ctx.out(f"  SHA-256 manifest: {written.manifest_sha256}")
    if fw.sample:
        ctx.out(ctx.tr("  Lưu ý: bộ tiêu chí này ghi “sample”: true (bản mẫu), không phải bộ chính thức.",
                       "  Note: this framework says \"sample\": true; it is not an official one."))
    ctx.out(ctx.tr("Gửi tệp này cùng chứng thư của tỉnh (ca.crt) cho các cơ quan.",
                   "Send this file with the province certificate (ca.crt) to the agencies."))
    return 0


def verify_document(report: Any, lang: str) -> dict[str, Any]:
    """The `framework verify --json` shape (docs/cli.md)."""
    from ..core.package import format as fmt
    from ..core.package.framework_package import signer_info

    fw = None
    data = report.data.get(fmt.FRAMEWORK) if report.data else None
    if data is not None:
        from ..core.framework.load import parse_framework

        fw, _ = parse_framework(data)
    info = signer_info(report)
    return {
        "file": str(report.path),
        "verdict": report.verdict.value,
        "findings": [{"code": f.code, "fatal": f.fatal, "message": f.en if lang == "en" else f.vi} for f in report.findings],
        "manifest_sha256": report.manifest_sha256,
        "framework": None if fw is None else {
            "id": fw.id, "title": fw.title, "level": fw.level.value, "year": fw.year, "sample": fw.sample,
            "sha256": fw.sha256,
        },
        "signer": None if info is None else {
            "subject": info.subject, "common_name": info.common_name, "fingerprint": info.fingerprint,
            "role": info.role, "signing_time": info.signing_time, "revocation": info.revocation,
        },
    }


def verify(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.package.reader import verify_framework_package
    from ..core.signing.api import Verdict
    from ..core.signing.trust import load_trust

    trust = load_trust(Path(args.trust))
    report = verify_framework_package(Path(args.form), trust)
    doc = verify_document(report, ctx.lang)
    if args.json:
        ctx.json(doc)
    else:
        head = {
            Verdict.VALID: ctx.tr("HỢP LỆ", "VALID"),
            Verdict.INVALID: ctx.tr("KHÔNG HỢP LỆ", "INVALID"),
            Verdict.UNKNOWN: ctx.tr("CHƯA XÁC ĐỊNH ĐƯỢC", "UNKNOWN"),
        }[report.verdict]
        ctx.out(f"{head}: {report.path}")
        fw, signer = doc["framework"], doc["signer"]
        if fw is not None:
            sample = ctx.tr(", bản mẫu", ", sample") if fw["sample"] else ""
            ctx.out(ctx.tr(f"  Bộ tiêu chí: {fw['title']} ({fw['id']}{sample}) · năm {fw['year']}",
                           f"  Framework: {fw['title']} ({fw['id']}{sample}) · {fw['year']}"))
            ctx.out(f"  SHA-256: {fw['sha256']}")
        if signer is not None:
            ctx.out(ctx.tr(f"  Người ký: {signer['subject']}", f"  Signer: {signer['subject']}"))
        for f in report.findings:
            ctx.out(f"  - {f.en if ctx.lang == 'en' else f.vi}")
    if report.verdict is Verdict.VALID:
        return 0
    return EXIT_UNKNOWN if report.verdict is Verdict.UNKNOWN else EXIT_INVALID
