"""A small certificate authority for the province: issue agency certificates, revoke them.

The CA lives in a folder: `ca.p12` (its key, passphrase-protected), `ca.crt` (its certificate:
what the council trusts) and `ca.crl` (the revocation list, valid for CRL_DAYS and re-signed on
every change or by `refresh_crl`).  Certificates are issued from agencies' requests (`.csr`):
the request's signature is checked and the agency code comes from its SAN URI or UID.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from ..errors import UserFacingError
from .certutil import (
    agency_code_of,
    agency_subject,
    check_agency_code,
    check_name,
    common_name,
    is_ca,
    pem,
    spki,
    utcnow,
)
from .cms import SoftwareSigner
from .files import read_limited, replace_file, write_new_files
from .keys import agency_extensions, check_new_passphrase, encrypt_pkcs12, generate_private_key, load_pkcs12

CA_DAYS = 3650
CRL_DAYS = 30
CA_FILES = ("ca.p12", "ca.crt", "ca.crl")

REASONS = {
    "unspecified": x509.ReasonFlags.unspecified,
    "key-compromise": x509.ReasonFlags.key_compromise,
    "affiliation-changed": x509.ReasonFlags.affiliation_changed,
    "superseded": x509.ReasonFlags.superseded,
    "cessation-of-operation": x509.ReasonFlags.cessation_of_operation,
    "certificate-hold": x509.ReasonFlags.certificate_hold,
}


def _ski(cert: x509.Certificate) -> x509.AuthorityKeyIdentifier:
    try:
        ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        return x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski)
    except x509.ExtensionNotFound:
        return x509.AuthorityKeyIdentifier.from_issuer_public_key(cert.public_key())  # type: ignore[arg-type]


def _check_ca(ca_key: object, ca_cert: x509.Certificate) -> None:
    if not is_ca(ca_cert):
        raise UserFacingError("Chứng thư này không phải chứng thư của một CA (thiếu basicConstraints CA:TRUE).",
                              "This certificate is not a CA certificate (no basicConstraints CA:TRUE).")
    if spki(ca_key.public_key()) != spki(ca_cert.public_key()):  # type: ignore[attr-defined]
        raise UserFacingError("Khóa của CA không khớp với chứng thư CA.", "The CA key does not match the CA certificate.")


def make_crl(ca_key: object, ca_cert: x509.Certificate, revoked: list[x509.RevokedCertificate], number: int,
             now: _dt.datetime | None = None) -> x509.CertificateRevocationList:
    now = now or utcnow()
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(now - _dt.timedelta(minutes=5))
        .next_update(now + _dt.timedelta(days=CRL_DAYS))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(_ski(ca_cert), critical=False)
    )
    for r in revoked:
        builder = builder.add_revoked_certificate(r)
    return builder.sign(ca_key, hashes.SHA256())  # type: ignore[arg-type]


def init_ca(name: str, passphrase: str | bytes, kind: str = "rsa", *, now: _dt.datetime | None = None,
            days: int = CA_DAYS) -> tuple[bytes, bytes, bytes]:
    """(CA PKCS#12, CA certificate PEM, empty CRL PEM) for a new province CA."""
    name = check_name(name)
    check_new_passphrase(passphrase)
    now = now or utcnow()
    key = generate_private_key(kind)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(now + _dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    crl = make_crl(key, cert, [], 1, now)
    p12 = encrypt_pkcs12(key, cert, passphrase, friendly_name="cchc-ca")
    return p12, pem(cert), crl.public_bytes(serialization.Encoding.PEM)


def issue_for_public_key(ca_key: object, ca_cert: x509.Certificate, public_key: object, agency_code: str,
                         name: str, days: int = 1095, *, now: _dt.datetime | None = None) -> x509.Certificate:
    """An agency certificate for `public_key` (used by `issue`, and for keys made on a token)."""
    _check_ca(ca_key, ca_cert)
    agency_code = check_agency_code(agency_code)
    now = now or utcnow()
    not_after = min(now + _dt.timedelta(days=days), ca_cert.not_valid_after_utc)
    if not_after <= now:
        raise UserFacingError("Chứng thư của CA đã hết hạn; không thể cấp chứng thư mới.",
                              "The CA certificate has expired; it cannot issue certificates.")
    builder = (
        x509.CertificateBuilder()
        .subject_name(agency_subject(check_name(name), agency_code))
        .issuer_name(ca_cert.subject)
        .public_key(public_key)  # type: ignore[arg-type]
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(not_after)
    )
    builder = agency_extensions(builder, public_key, agency_code).add_extension(_ski(ca_cert), critical=False)
    return builder.sign(ca_key, hashes.SHA256())  # type: ignore[arg-type]


def issue_framework_signer(ca_key: object, ca_cert: x509.Certificate, public_key: object, name: str,
                           days: int = 1095, *, now: _dt.datetime | None = None) -> x509.Certificate:
    """A province certificate for signing frameworks: SAN URI `urn:cchc:role:framework-signer`, no
    agency code (it cannot sign a submission), keyUsage digitalSignature + nonRepudiation."""
    from .api import FRAMEWORK_SIGNER_URI

    return issue_role_certificate(ca_key, ca_cert, public_key, name, FRAMEWORK_SIGNER_URI, days, now=now)


def issue_council_signer(ca_key: object, ca_cert: x509.Certificate, public_key: object, name: str,
                         days: int = 1095, *, now: _dt.datetime | None = None) -> x509.Certificate:
    """A certificate of the appraisal council (or one of its reviewers): `CN=<name>`, SAN URI
    `urn:cchc:role:council`, no agency code, keyUsage digitalSignature + nonRepudiation.

    It signs result packages (and reviewers' appraisal packages); it can never sign a submission or a
    rebuttal, which need a certificate bound to the agency's code."""
    from .certutil import COUNCIL_URI

    return issue_role_certificate(ca_key, ca_cert, public_key, name, COUNCIL_URI, days, now=now)


def issue_role_certificate(ca_key: object, ca_cert: x509.Certificate, public_key: object, name: str, role_uri: str,
                           days: int = 1095, *, now: _dt.datetime | None = None) -> x509.Certificate:
    """A province role certificate (framework signer, council): the role as a SAN URI, no agency code."""
    from cryptography.x509.oid import ExtendedKeyUsageOID

    _check_ca(ca_key, ca_cert)
    now = now or utcnow()
    not_after = min(now + _dt.timedelta(days=days), ca_cert.not_valid_after_utc)
    if not_after <= now:
        raise UserFacingError("Chứng thư của CA đã hết hạn; không thể cấp chứng thư mới.",
                              "The CA certificate has expired; it cannot issue certificates.")
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, check_name(name))]))
        .issuer_name(ca_cert.subject)
        .public_key(public_key)  # type: ignore[arg-type]
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectAlternativeName([x509.UniformResourceIdentifier(role_uri)]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)  # type: ignore[arg-type]
        .add_extension(_ski(ca_cert), critical=False)
    )
    return builder.sign(ca_key, hashes.SHA256())  # type: ignore[arg-type]


def load_csr(csr_pem: bytes, source: str = "") -> x509.CertificateSigningRequest:
    where = f" “{source}”" if source else ""
    try:
        if csr_pem.lstrip().startswith(b"-----BEGIN"):
            csr = x509.load_pem_x509_csr(csr_pem)
        else:
            csr = x509.load_der_x509_csr(csr_pem)
    except ValueError:
        raise UserFacingError(
            f"Tệp{where} không phải yêu cầu cấp chứng thư (CSR, tệp .csr do “cchc keys create” tạo ra).",
            f"File{where} is not a certificate signing request (CSR).",
        ) from None
    try:
        valid = csr.is_signature_valid
    except Exception:  # noqa: BLE001 - an unsupported key or algorithm
        valid = False
    if not valid:
        raise UserFacingError(
            f"Chữ ký trên yêu cầu cấp chứng thư{where} không hợp lệ: tệp đã bị sửa hoặc hỏng. Không cấp chứng thư.",
            f"The signature on the certificate request{where} is invalid: it was altered or damaged. "
            "No certificate was issued.",
        )
    return csr


def issue(ca_key: object, ca_cert: x509.Certificate, csr_pem: bytes, agency_code: str | None = None,
          days: int = 1095, *, now: _dt.datetime | None = None) -> bytes:
    """Issue an agency certificate (PEM) from a request; the agency code must be bound consistently."""
    csr = load_csr(csr_pem)
    in_csr = agency_code_of(csr)
    if agency_code is not None and in_csr is not None and agency_code.strip() != in_csr:
        raise UserFacingError(
            f"Mã cơ quan “{agency_code}” không khớp với mã “{in_csr}” ghi trong yêu cầu cấp chứng thư. "
            "Không cấp chứng thư.",
            f"Agency code '{agency_code}' does not match '{in_csr}' in the request. No certificate was issued.",
        )
    code = in_csr or agency_code
    if not code:
        raise UserFacingError(
            "Yêu cầu cấp chứng thư không ghi mã cơ quan; hãy cho biết mã bằng --agency-code.",
            "The request names no agency code; give it with --agency-code.",
        )
    cert = issue_for_public_key(ca_key, ca_cert, csr.public_key(), code, common_name(csr), days, now=now)
    return pem(cert)


def load_crl(crl_bytes: bytes, source: str = "") -> x509.CertificateRevocationList:
    try:
        if crl_bytes.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_crl(crl_bytes)
        return x509.load_der_x509_crl(crl_bytes)
    except ValueError:
        where = f" “{source}”" if source else ""
        raise UserFacingError(f"Tệp{where} không phải danh sách thu hồi chứng thư (CRL) đọc được.",
                              f"File{where} is not a readable certificate revocation list (CRL).") from None


def _own_crl(ca_key: object, ca_cert: x509.Certificate, crl_pem: bytes) -> x509.CertificateRevocationList:
    _check_ca(ca_key, ca_cert)
    crl = load_crl(crl_pem)
    if crl.issuer != ca_cert.subject or not crl.is_signature_valid(ca_cert.public_key()):  # type: ignore[arg-type]
        raise UserFacingError("Danh sách thu hồi (CRL) này không do CA này ký.", "This CRL was not signed by this CA.")
    return crl


def _next_number(crl: x509.CertificateRevocationList) -> int:
    try:
        return crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number + 1
    except x509.ExtensionNotFound:
        return 1


def revoke(ca_key: object, ca_cert: x509.Certificate, crl_pem: bytes, serial: int, reason: str = "unspecified",
           *, now: _dt.datetime | None = None) -> bytes:
    """A new CRL (PEM) listing `serial` besides every serial already revoked."""
    crl = _own_crl(ca_key, ca_cert, crl_pem)
    if reason not in REASONS:
        raise UserFacingError(f"Lý do thu hồi “{reason}” không hợp lệ (chọn: {', '.join(REASONS)}).",
                              f"Invalid revocation reason '{reason}' (choose: {', '.join(REASONS)}).")
    if crl.get_revoked_certificate_by_serial_number(serial) is not None:
        raise UserFacingError(f"Chứng thư số hiệu {serial:x} đã bị thu hồi từ trước. Không có gì thay đổi.",
                              f"Certificate serial {serial:x} is already revoked. Nothing was changed.")
    now = now or utcnow()
    entry = x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(now)
    if reason != "unspecified":  # RFC 5280 5.3.1: omit the reason code rather than say "unspecified"
        entry = entry.add_extension(x509.CRLReason(REASONS[reason]), critical=False)
    revoked = list(crl) + [entry.build()]
    return make_crl(ca_key, ca_cert, revoked, _next_number(crl), now).public_bytes(serialization.Encoding.PEM)


def refresh_crl(ca_key: object, ca_cert: x509.Certificate, crl_pem: bytes, *, now: _dt.datetime | None = None) -> bytes:
    """The same list, signed again with a fresh nextUpdate (publish before the old one expires)."""
    crl = _own_crl(ca_key, ca_cert, crl_pem)
    return make_crl(ca_key, ca_cert, list(crl), _next_number(crl), now).public_bytes(serialization.Encoding.PEM)


# ---------------------------------------------------------------- the CA folder


def write_ca_folder(folder: Path | str, p12: bytes, cert_pem: bytes, crl_pem: bytes) -> list[Path]:
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserFacingError(f"“{folder}” không phải một thư mục.", f"'{folder}' is not a folder.")
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / n for n in CA_FILES]
    write_new_files(dict(zip(paths, (p12, cert_pem, crl_pem))))
    return paths


def load_ca_folder(folder: Path | str, passphrase: str | bytes) -> SoftwareSigner:
    folder = Path(folder)
    if not (folder / "ca.p12").is_file():
        raise UserFacingError(
            f"Thư mục “{folder}” không phải thư mục CA (không có ca.p12); tạo bằng “cchc ca init”.",
            f"'{folder}' is not a CA folder (no ca.p12); create one with 'cchc ca init'.",
        )
    signer = load_pkcs12(folder / "ca.p12", passphrase)
    _check_ca(signer.private_key, signer.certificate)
    return signer


def read_ca_crl(folder: Path | str) -> bytes:
    return read_limited(Path(folder) / "ca.crl", "danh sách thu hồi", "CRL")


def write_ca_crl(folder: Path | str, crl_pem: bytes) -> None:
    replace_file(Path(folder) / "ca.crl", crl_pem)
