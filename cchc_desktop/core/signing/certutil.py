"""Small certificate helpers shared by keys, the CA, the trust store and verification.

The agency code binding (see api.py): SAN URI `urn:cchc:agency:<CODE>`, else the subject's UID.
"""

from __future__ import annotations

import datetime as _dt
import re

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from ..errors import UserFacingError
from .api import AGENCY_URI_PREFIX, FRAMEWORK_SIGNER_URI

# A member (or secretariat) of the appraisal council, certified by the province CA
# (`ca.issue_council_signer`): it signs result packages (kết quả thẩm định) and reviewers' appraisal
# packages.  It binds no agency, so it can never sign a submission or a rebuttal; an agency
# certificate can never sign a result.
COUNCIL_URI = "urn:cchc:role:council"
ROLE_URIS = {"framework-signer": FRAMEWORK_SIGNER_URI, "council": COUNCIL_URI}

AGENCY_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def utcnow() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def aware(t: _dt.datetime) -> _dt.datetime:
    """A naive datetime is taken as UTC."""
    return t if t.tzinfo is not None else t.replace(tzinfo=_dt.timezone.utc)


def check_agency_code(code: str) -> str:
    code = (code or "").strip()
    if not AGENCY_CODE_RE.match(code):
        raise UserFacingError(
            f"Mã cơ quan “{code}” không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang, "
            "gạch dưới (tối đa 64 ký tự), bắt đầu bằng chữ cái hoặc chữ số.",
            f"Invalid agency code '{code}': use ASCII letters, digits, '.', '-', '_' (at most 64), "
            "starting with a letter or digit.",
        )
    return code


def check_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > 200:
        raise UserFacingError(
            "Tên trên chứng thư phải có từ 1 đến 200 ký tự.",
            "The certificate name must have 1 to 200 characters.",
        )
    return name


def agency_subject(name: str, agency_code: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, name),
        x509.NameAttribute(NameOID.USER_ID, agency_code),
    ])


def agency_san(agency_code: str) -> x509.SubjectAlternativeName:
    return x509.SubjectAlternativeName([x509.UniformResourceIdentifier(AGENCY_URI_PREFIX + agency_code)])


def _code_from(extensions: x509.Extensions, subject: x509.Name) -> str | None:
    try:
        san = extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        san = None
    if san is not None:
        for uri in san.get_values_for_type(x509.UniformResourceIdentifier):
            if uri.lower().startswith(AGENCY_URI_PREFIX) and len(uri) > len(AGENCY_URI_PREFIX):
                return uri[len(AGENCY_URI_PREFIX):]
    try:
        uids = subject.get_attributes_for_oid(NameOID.USER_ID)
    except ValueError:
        return None
    for attr in uids:
        value = attr.value if isinstance(attr.value, str) else None
        if value and value.strip():
            return value.strip()
    return None


def agency_code_of(cert: x509.Certificate | x509.CertificateSigningRequest) -> str | None:
    """The agency code a certificate (or request) binds: SAN URI urn:cchc:agency:X, else subject UID."""
    try:
        return _code_from(cert.extensions, cert.subject)
    except ValueError:  # an unparsable extension: no binding
        return None


def _has_role_uri(cert: x509.Certificate, role_uri: str) -> bool:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        return False
    return any(uri.lower() == role_uri for uri in san.get_values_for_type(x509.UniformResourceIdentifier))


def is_framework_signer(cert: x509.Certificate) -> bool:
    """True for a certificate the province CA issued to sign frameworks (SAN URI FRAMEWORK_SIGNER_URI)."""
    return _has_role_uri(cert, FRAMEWORK_SIGNER_URI)


def is_council_signer(cert: x509.Certificate) -> bool:
    """True for a council certificate (SAN URI `urn:cchc:role:council`) that binds no agency code.

    Whether it is *trusted* (issued by the province CA, valid, not revoked) is the verifier's job;
    this only says which role the certificate claims.  A certificate claiming both a council role
    and an agency code is not a council certificate (roles never mix)."""
    return _has_role_uri(cert, COUNCIL_URI) and agency_code_of(cert) is None


def role_of(cert: x509.Certificate) -> str:
    """"ca", "council", "framework-signer", "agency" or "unknown" (no role, no agency code)."""
    if is_ca(cert):
        return "ca"
    if is_council_signer(cert):
        return "council"
    if is_framework_signer(cert):
        return "framework-signer"
    return "agency" if agency_code_of(cert) is not None else "unknown"


def common_name(cert: x509.Certificate | x509.CertificateSigningRequest) -> str:
    try:
        attrs = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        if attrs and isinstance(attrs[0].value, str):
            return attrs[0].value
        return cert.subject.rfc4514_string()
    except ValueError:
        return "?"


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate, lowercase hex (what pins.json holds)."""
    return cert.fingerprint(hashes.SHA256()).hex()


def normalise_fingerprint(text: str) -> str:
    return re.sub(r"[\s:]", "", str(text)).lower()


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except (x509.ExtensionNotFound, ValueError):
        return False


def path_length(cert: x509.Certificate) -> int | None:
    try:
        return cert.extensions.get_extension_for_class(x509.BasicConstraints).value.path_length
    except (x509.ExtensionNotFound, ValueError):
        return None


def key_usage(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except (x509.ExtensionNotFound, ValueError):
        return None


def is_self_signed(cert: x509.Certificate) -> bool:
    if cert.subject != cert.issuer:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except Exception:  # noqa: BLE001 - any failure means "not self-signed"
        return False
    return True


def issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """True when `issuer`'s name matches and its key verifies `cert`'s signature."""
    try:
        cert.verify_directly_issued_by(issuer)
    except Exception:  # noqa: BLE001 - ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm
        return False
    return True


def check_key_type(key: object) -> None:
    if isinstance(key, rsa.RSAPrivateKey):
        if key.key_size < 2048:
            raise UserFacingError("Khóa RSA ngắn hơn 2048 bit không được dùng để ký.",
                                  "RSA keys shorter than 2048 bits are not used for signing.")
        return
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return
    raise UserFacingError(
        "Loại khóa này không được hỗ trợ để ký (chỉ RSA hoặc ECDSA).",
        "This key type is not supported for signing (RSA or ECDSA only).",
    )



def spki(public_key: object) -> bytes:
    """SubjectPublicKeyInfo DER of a public key (to compare keys of any type)."""
    return public_key.public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
