"""`cchc ca init | issue | revoke | crl`: the province's small certificate authority."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import UserFacingError
from .common import Context
from .keys_cmd import describe_certificate, get_passphrase


def _ca_passphrase(ctx: Context, new: bool) -> str:
    return get_passphrase(ctx, new, "khóa CA (ca.p12)", "the CA key (ca.p12)")


def init(args: argparse.Namespace, ctx: Context) -> int:
    from cryptography import x509

    from ..core.signing.ca import CA_FILES, init_ca, write_ca_folder
    from ..core.signing.certutil import check_name
    from ..core.signing.keys import check_new_passphrase

    folder = Path(args.output)
    name = check_name(args.name)
    taken = [folder / n for n in CA_FILES if (folder / n).exists()]
    if taken:
        raise UserFacingError(
            f"Thư mục “{folder}” đã có CA ({taken[0].name}); không ghi đè. Không có gì thay đổi.",
            f"'{folder}' already holds a CA ({taken[0].name}); it is never overwritten. Nothing was changed.",
        )
    passphrase = _ca_passphrase(ctx, new=True)
    check_new_passphrase(passphrase)
    p12, cert_pem, crl_pem = init_ca(name, passphrase, "ec" if args.ec else "rsa")
    paths = write_ca_folder(folder, p12, cert_pem, crl_pem)
    ctx.out(ctx.tr(f"Đã tạo CA “{name}” trong thư mục “{folder}”:", f"CA '{name}' created in '{folder}':"))
    ctx.out(ctx.tr(f"  Khóa CA (giữ bí mật, nhớ mật khẩu): {paths[0]}", f"  CA key (keep it secret): {paths[0]}"))
    ctx.out(ctx.tr(f"  Chứng thư CA (gửi Hội đồng thẩm định và các cơ quan): {paths[1]}",
                   f"  CA certificate (give it to the council and the agencies): {paths[1]}"))
    ctx.out(ctx.tr(f"  Danh sách thu hồi (CRL, cấp lại trước 30 ngày): {paths[2]}",
                   f"  Revocation list (CRL; re-sign within 30 days): {paths[2]}"))
    describe_certificate(ctx, x509.load_pem_x509_certificate(cert_pem))
    return 0


def issue(args: argparse.Namespace, ctx: Context) -> int:
    from cryptography import x509

    from ..core.signing import ca
    from ..core.signing.files import read_limited, write_new_files

    csr_pem = read_limited(Path(args.csr), "yêu cầu cấp chứng thư", "Certificate request")
    ca.load_csr(csr_pem, args.csr)  # a bad request is refused before the passphrase is asked
    out = Path(args.output)
    if out.exists():
        raise UserFacingError(f"Tệp “{out}” đã có; không ghi đè. Không có gì thay đổi.",
                              f"'{out}' already exists; it is never overwritten. Nothing was changed.")
    if not (1 <= args.days <= 3650):
        raise UserFacingError("--days phải từ 1 đến 3650.", "--days must be 1 to 3650.")
    role = _issue_role(args)
    if role != "agency" and args.agency_code:
        raise UserFacingError(
            f"--role {role} không dùng cùng --agency-code: chứng thư này không gắn với cơ quan nào.",
            f"--role {role} takes no --agency-code: the certificate binds no agency.",
        )
    signer = ca.load_ca_folder(args.ca, _ca_passphrase(ctx, new=False))
    if role != "agency":
        from ..core.signing.certutil import ROLE_URIS, common_name, pem

        request = ca.load_csr(csr_pem, args.csr)
        cert = ca.issue_role_certificate(signer.private_key, signer.certificate, request.public_key(),
                                         common_name(request), ROLE_URIS[role], args.days)
        cert_pem = pem(cert)
    else:
        cert_pem = ca.issue(signer.private_key, signer.certificate, csr_pem, args.agency_code, args.days)
        cert = x509.load_pem_x509_certificate(cert_pem)
    record = Path(args.ca) / "issued" / f"{cert.serial_number:x}.crt"
    record.parent.mkdir(exist_ok=True)
    write_new_files({out: cert_pem, record: cert_pem})
    ctx.out(ctx.tr(f"Đã cấp chứng thư: {out} (bản lưu của CA: {record})",
                   f"Certificate issued: {out} (CA's copy: {record})"))
    describe_certificate(ctx, cert)
    if role == "framework-signer":
        ctx.out(ctx.tr("  Loại: chứng thư ký bộ tiêu chí của tỉnh (cchc framework sign)",
                       "  Kind: the province's framework-signing certificate (cchc framework sign)"))
    elif role == "council":
        ctx.out(ctx.tr("  Loại: chứng thư Hội đồng thẩm định (ký gói kết quả: cchc inspect results; không ký được hồ sơ nộp)",
                       "  Kind: appraisal council certificate (signs result packages: cchc inspect results; "
                       "never a submission)"))
    return 0


def _issue_role(args: argparse.Namespace) -> str:
    """agency (default), council or framework-signer: `--role`, or the older `--framework-signer`."""
    role = getattr(args, "role", None)
    if getattr(args, "framework_signer", False):
        if role not in (None, "framework-signer"):
            raise UserFacingError(f"--framework-signer không dùng cùng --role {role}.",
                                  f"--framework-signer cannot be combined with --role {role}.")
        role = "framework-signer"
    return role or "agency"


def revoke(args: argparse.Namespace, ctx: Context) -> int:
    from cryptography import x509

    from ..core.signing import ca
    from ..core.signing.certutil import issued_by
    from ..core.signing.files import read_limited
    from ..core.signing.keys import load_certificate_bytes

    cert = None
    if args.cert:
        cert = load_certificate_bytes(read_limited(Path(args.cert), "tệp chứng thư", "Certificate file"), args.cert)
        serial = cert.serial_number
    else:
        try:
            serial = int(args.serial.replace(":", ""), 16)
        except ValueError:
            raise UserFacingError(f"Số hiệu “{args.serial}” không hợp lệ (cần số hex).",
                                  f"Invalid serial '{args.serial}' (hex expected).") from None
    crl_pem = ca.read_ca_crl(args.ca)
    signer = ca.load_ca_folder(args.ca, _ca_passphrase(ctx, new=False))
    if cert is not None and not issued_by(cert, signer.certificate):
        raise UserFacingError(f"Chứng thư “{args.cert}” không do CA này cấp. Không có gì thay đổi.",
                              f"'{args.cert}' was not issued by this CA. Nothing was changed.")
    new_crl = ca.revoke(signer.private_key, signer.certificate, crl_pem, serial, args.reason)
    ca.write_ca_crl(args.ca, new_crl)
    count = len(list(x509.load_pem_x509_crl(new_crl)))
    ctx.out(ctx.tr(
        f"Đã thu hồi chứng thư số hiệu {serial:x}. Danh sách thu hồi “{Path(args.ca) / 'ca.crl'}” đã cập nhật "
        f"({count} chứng thư bị thu hồi); hãy gửi tệp này cho Hội đồng thẩm định.",
        f"Certificate serial {serial:x} revoked. '{Path(args.ca) / 'ca.crl'}' updated ({count} revoked); "
        "give this file to the council.",
    ))
    return 0


def crl(args: argparse.Namespace, ctx: Context) -> int:
    from cryptography import x509

    from ..core.signing import ca

    crl_pem = ca.read_ca_crl(args.ca)
    signer = ca.load_ca_folder(args.ca, _ca_passphrase(ctx, new=False))
    new_crl = ca.refresh_crl(signer.private_key, signer.certificate, crl_pem)
    ca.write_ca_crl(args.ca, new_crl)
    nu = x509.load_pem_x509_crl(new_crl).next_update_utc
    ctx.out(ctx.tr(f"Đã ký lại danh sách thu hồi “{Path(args.ca) / 'ca.crl'}”, hiệu lực đến {nu:%d/%m/%Y}.",
                   f"Re-signed '{Path(args.ca) / 'ca.crl'}', valid until {nu:%Y-%m-%d}."))
    return 0
