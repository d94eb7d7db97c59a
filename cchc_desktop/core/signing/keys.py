"""Software keys: an agency's key pair in a passphrase-protected PKCS#12 file.

`create_agency_key` makes the key, a self-signed certificate (usable at once with a pin on the
council's side) and a certificate request for the province CA (ca.py).  `load_pkcs12` opens the
file for signing.  `replace_certificate` puts the certificate the CA issued into the file.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Sequence

from asn1crypto import pkcs12 as a_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID

from ..errors import UserFacingError
from .certutil import (
    agency_san,
    agency_subject,
    check_agency_code,
    check_key_type,
    check_name,
    der,
    pem,
    spki,
    utcnow,
)
from .cms import SoftwareSigner
from .files import read_limited, replace_file, write_new_files

KDF_ROUNDS = 600_000  # PBKDF2-HMAC-SHA256 (OWASP 2023); about 0.1 s to open a file here
MIN_PASSPHRASE = 8
AGENCY_CERT_DAYS = 1095


def generate_private_key(kind: str = "rsa") -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    if kind == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=3072)
    if kind == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    raise ValueError(f"unknown key kind {kind!r} (rsa or ec)")


def _passphrase_bytes(passphrase: str | bytes) -> bytes:
    return passphrase if isinstance(passphrase, bytes) else passphrase.encode("utf-8")


def _nonempty(passphrase: str | bytes) -> bytes:
    pw = _passphrase_bytes(passphrase)
    if not pw:
        raise UserFacingError("Mật khẩu bảo vệ tệp khóa không được để trống.",
                              "The passphrase protecting the key file must not be empty.")
    return pw


def check_new_passphrase(passphrase: str | bytes) -> bytes:
    pw = _passphrase_bytes(passphrase)
    if len(pw) < MIN_PASSPHRASE:
        raise UserFacingError(
            f"Mật khẩu bảo vệ tệp khóa phải có ít nhất {MIN_PASSPHRASE} ký tự.",
            f"The passphrase protecting the key file must have at least {MIN_PASSPHRASE} characters.",
        )
    return pw


def encrypt_pkcs12(key: object, cert: x509.Certificate, passphrase: str | bytes,
                   chain: Sequence[x509.Certificate] = (), friendly_name: str = "cchc") -> bytes:
    """PKCS#12 with PBES2 (PBKDF2-SHA256, AES-256-CBC) and a SHA-256 MAC."""
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(_nonempty(passphrase))
    )
    return pkcs12.serialize_key_and_certificates(
        friendly_name.encode("utf-8"), key, cert, list(chain) or None, encryption  # type: ignore[arg-type]
    )


def agency_extensions(builder, public_key: object, agency_code: str):  # type: ignore[no-untyped-def]
    """The extensions of an agency certificate (self-signed here, or issued by ca.py)."""
    return (
        builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(agency_san(agency_code), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)  # type: ignore[arg-type]
    )


def create_agency_key(
    agency_code: str, name: str, passphrase: str | bytes, kind: str = "rsa", *,
    now: _dt.datetime | None = None, days: int = AGENCY_CERT_DAYS,
) -> tuple[bytes, bytes, bytes]:
    """(PKCS#12 bytes, self-signed certificate PEM, certificate request PEM) for an agency."""
    agency_code = check_agency_code(agency_code)
    name = check_name(name)
    check_new_passphrase(passphrase)
    key = generate_private_key(kind)
    now = now or utcnow()
    subject = agency_subject(name, agency_code)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(now + _dt.timedelta(days=days))
    )
    builder = agency_extensions(builder, key.public_key(), agency_code).add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), critical=False
    )
    cert = builder.sign(key, hashes.SHA256())
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(subject)
        .add_extension(agency_san(agency_code), critical=False)
        .sign(key, hashes.SHA256())
    )
    p12 = encrypt_pkcs12(key, cert, passphrase, friendly_name=agency_code)
    return p12, pem(cert), csr.public_bytes(serialization.Encoding.PEM)


def key_file_paths(p12_path: Path | str) -> tuple[Path, Path, Path]:
    """KEY.p12 -> (KEY.p12, KEY.crt, KEY.csr)."""
    p = Path(p12_path)
    base = p.with_suffix("") if p.suffix.lower() in (".p12", ".pfx") else p
    return p, base.with_name(base.name + ".crt"), base.with_name(base.name + ".csr")


def write_agency_key(p12_path: Path | str, p12: bytes, cert_pem: bytes, csr_pem: bytes) -> tuple[Path, Path, Path]:
    """Write KEY.p12, KEY.crt and KEY.csr (all or none; never over an existing file)."""
    paths = key_file_paths(p12_path)
    write_new_files({paths[0]: p12, paths[1]: cert_pem, paths[2]: csr_pem})
    return paths


def _looks_like_pkcs12(data: bytes) -> bool:
    try:
        pfx = a_pkcs12.Pfx.load(data, strict=True)
        return pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native in ("data", "signed_data")
    except Exception:  # noqa: BLE001 - anything unparsable is simply "not PKCS#12"
        return False


def load_pkcs12_bytes(data: bytes, passphrase: str | bytes, source: str = "") -> SoftwareSigner:
    name = f" “{source}”" if source else ""
    name_en = f" '{source}'" if source else ""
    if not _looks_like_pkcs12(data):
        raise UserFacingError(
            f"Tệp{name} không phải tệp khóa PKCS#12 (.p12/.pfx). Hãy chọn tệp khóa do "
            "“cchc keys create” tạo ra hoặc tệp .p12 xuất từ chứng thư số của cơ quan.",
            f"File{name_en} is not a PKCS#12 key file (.p12/.pfx).",
        )
    try:
        loaded = pkcs12.load_pkcs12(data, _passphrase_bytes(passphrase))
    except ValueError:
        raise UserFacingError(
            f"Sai mật khẩu của tệp khóa{name} (hoặc tệp đã hỏng). Hãy nhập lại đúng mật khẩu; "
            "không có gì thay đổi.",
            f"Wrong passphrase for the key file{name_en} (or the file is damaged). Nothing was changed.",
        ) from None
    except Exception as exc:  # noqa: BLE001 - UnsupportedAlgorithm and the like
        raise UserFacingError(
            f"Không mở được tệp khóa{name}: định dạng hoặc thuật toán không được hỗ trợ ({exc}).",
            f"Cannot open the key file{name_en}: unsupported format or algorithm ({exc}).",
        ) from None
    if loaded.key is None or loaded.cert is None:
        raise UserFacingError(
            f"Tệp khóa{name} phải chứa cả khóa bí mật và chứng thư của nó.",
            f"The key file{name_en} must hold both a private key and its certificate.",
        )
    check_key_type(loaded.key)
    chain = [c.certificate for c in loaded.additional_certs]
    return SoftwareSigner(loaded.key, loaded.cert.certificate, chain)


def load_pkcs12(path: Path | str, passphrase: str | bytes) -> SoftwareSigner:
    """Open a PKCS#12 key file for signing (UserFacingError on a wrong passphrase or a wrong file)."""
    data = read_limited(Path(path), "tệp khóa", "Key file")
    return load_pkcs12_bytes(data, passphrase, str(path))


def load_certificate_bytes(data: bytes, source: str) -> x509.Certificate:
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise UserFacingError(
            f"Tệp “{source}” không phải chứng thư số X.509 (PEM hoặc DER) đọc được.",
            f"'{source}' is not a readable X.509 certificate (PEM or DER).",
        ) from None


def replace_certificate(p12_path: Path | str, passphrase: str | bytes, cert: x509.Certificate,
                        chain: Sequence[x509.Certificate] = ()) -> SoftwareSigner:
    """Put the certificate issued for this key (and its CA chain) into the PKCS#12 file."""
    signer = load_pkcs12(p12_path, passphrase)
    if spki(cert.public_key()) != spki(signer.certificate.public_key()):
        raise UserFacingError(
            "Chứng thư này không cấp cho khóa trong tệp khóa (khóa công khai khác nhau). Không có gì thay đổi.",
            "This certificate was not issued for the key in the key file (different public key). "
            "Nothing was changed.",
        )
    chain = [c for c in chain if der(c) != der(cert)]
    data = encrypt_pkcs12(signer.private_key, cert, passphrase, chain)
    replace_file(Path(p12_path), data)
    return SoftwareSigner(signer.private_key, cert, chain)
