"""`cchc keys create`, `cchc keys show`, `cchc keys import-cert`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..core.errors import UserFacingError
from .common import Context

PASSPHRASE_ENV = "CCHC_PASSPHRASE"


def get_passphrase(ctx: Context, new: bool, what_vi: str = "tệp khóa", what_en: str = "the key file") -> str:
    """From the environment variable CCHC_PASSPHRASE, else asked (twice for a new file) without echo."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise UserFacingError(
            f"Cần mật khẩu của {what_vi}: đặt biến môi trường {PASSPHRASE_ENV} hoặc chạy lệnh trong cửa sổ dòng lệnh "
            "để nhập mật khẩu.",
            f"A passphrase for {what_en} is needed: set {PASSPHRASE_ENV} or run in a terminal to type it.",
        )
    import getpass

    first = getpass.getpass(ctx.tr(f"Mật khẩu {what_vi}: ", f"Passphrase for {what_en}: "))
    if new:
        second = getpass.getpass(ctx.tr("Nhập lại mật khẩu: ", "Repeat the passphrase: "))
        if first != second:
            raise UserFacingError("Hai lần nhập mật khẩu không giống nhau. Không có gì được tạo.",
                                  "The two passphrases differ. Nothing was created.")
    return first


def describe_certificate(ctx: Context, cert: object) -> None:
    from ..core.signing.certutil import agency_code_of, common_name, fingerprint, is_ca

    tr = ctx.tr
    c = cert  # x509.Certificate
    ctx.out(tr(f"  Tên: {common_name(c)}", f"  Name: {common_name(c)}"))  # type: ignore[arg-type]
    code = agency_code_of(c)  # type: ignore[arg-type]
    if code:
        ctx.out(tr(f"  Mã cơ quan: {code}", f"  Agency code: {code}"))
    if is_ca(c):  # type: ignore[arg-type]
        ctx.out(tr("  Loại: chứng thư CA", "  Kind: CA certificate"))
    ctx.out(tr(f"  Nơi cấp: {c.issuer.rfc4514_string()}", f"  Issuer: {c.issuer.rfc4514_string()}"))  # type: ignore[attr-defined]
    ctx.out(tr(f"  Số hiệu: {c.serial_number:x}", f"  Serial: {c.serial_number:x}"))  # type: ignore[attr-defined]
    ctx.out(tr(
        f"  Hiệu lực: {c.not_valid_before_utc:%d/%m/%Y} – {c.not_valid_after_utc:%d/%m/%Y}",  # type: ignore[attr-defined]
        f"  Valid: {c.not_valid_before_utc:%Y-%m-%d} to {c.not_valid_after_utc:%Y-%m-%d}",  # type: ignore[attr-defined]
    ))
    ctx.out(tr(f"  Dấu vân tay SHA-256: {fingerprint(c)}", f"  SHA-256 fingerprint: {fingerprint(c)}"))  # type: ignore[arg-type]


def create(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.signing.certutil import check_agency_code, check_name
    from ..core.signing.keys import check_new_passphrase, create_agency_key, key_file_paths, write_agency_key

    code = check_agency_code(args.agency_code)
    name = check_name(args.name)
    paths = key_file_paths(args.output)
    for p in paths:  # refuse before asking for a passphrase or making a key
        if p.exists():
            raise UserFacingError(
                f"Tệp “{p}” đã có; không ghi đè lên tệp khóa hoặc chứng thư đã có. Không có gì thay đổi.",
                f"'{p}' already exists; key and certificate files are never overwritten. Nothing was changed.",
            )
    passphrase = get_passphrase(ctx, new=True)
    check_new_passphrase(passphrase)
    p12, cert_pem, csr_pem = create_agency_key(code, name, passphrase, "ec" if args.ec else "rsa")
    p12_path, crt_path, csr_path = write_agency_key(paths[0], p12, cert_pem, csr_pem)
    from cryptography import x509

    ctx.out(ctx.tr(f"Đã tạo khóa của cơ quan “{name}” (mã {code}):", f"Key created for '{name}' (code {code}):"))
    ctx.out(ctx.tr(f"  Tệp khóa (giữ bí mật, nhớ mật khẩu): {p12_path}", f"  Key file (keep it secret): {p12_path}"))
    ctx.out(ctx.tr(f"  Chứng thư tự ký: {crt_path}", f"  Self-signed certificate: {crt_path}"))
    ctx.out(ctx.tr(f"  Yêu cầu cấp chứng thư (gửi Sở Nội vụ): {csr_path}",
                   f"  Certificate request (send to the province): {csr_path}"))
    describe_certificate(ctx, x509.load_pem_x509_certificate(cert_pem))
    ctx.out(ctx.tr(
        f"Bước tiếp theo: gửi tệp “{csr_path.name}” cho Sở Nội vụ để được cấp chứng thư, rồi chạy "
        f"cchc keys import-cert --key \"{p12_path}\" --cert CHUNG_THU.crt --chain ca.crt",
        f"Next: send '{csr_path.name}' to the province CA, then run "
        f"cchc keys import-cert --key \"{p12_path}\" --cert ISSUED.crt --chain ca.crt",
    ))
    return 0


def _read_cert(path: str) -> object:
    from ..core.signing.files import read_limited
    from ..core.signing.keys import load_certificate_bytes

    return load_certificate_bytes(read_limited(Path(path), "tệp chứng thư", "Certificate file"), path)


def show(args: argparse.Namespace, ctx: Context) -> int:
    cert = _read_cert(args.cert)
    ctx.out(ctx.tr(f"Chứng thư “{args.cert}”:", f"Certificate '{args.cert}':"))
    describe_certificate(ctx, cert)
    return 0


def import_cert(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.signing.certutil import issued_by
    from ..core.signing.keys import replace_certificate

    cert = _read_cert(args.cert)
    chain = [_read_cert(c) for c in (args.chain or [])]
    if chain and not any(issued_by(cert, c) for c in chain):  # type: ignore[arg-type]
        raise UserFacingError(
            f"Chứng thư “{args.cert}” không do chứng thư CA đã cho (--chain) cấp. Không có gì thay đổi.",
            f"'{args.cert}' was not issued by the given CA certificate (--chain). Nothing was changed.",
        )
    passphrase = get_passphrase(ctx, new=False)
    replace_certificate(args.key, passphrase, cert, chain)  # type: ignore[arg-type]
    ctx.out(ctx.tr(f"Đã đưa chứng thư vào tệp khóa “{args.key}”:", f"Certificate stored in key file '{args.key}':"))
    describe_certificate(ctx, cert)
    return 0
