"""The province CA (init, issue from a request, revoke) and PKCS#12 key files."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtensionOID, NameOID

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing import files as files_mod
from cchc_desktop.core.signing import keys
from cchc_desktop.core.signing.api import TrustStore, Verdict
from cchc_desktop.core.signing.certutil import agency_code_of, issued_by
from cchc_desktop.core.signing.verify import verify_detached

from .conftest import CONTENT, Pki

PASS = "mật khẩu dài"


@pytest.fixture(scope="module")
def agency_files() -> tuple[bytes, bytes, bytes]:
    return keys.create_agency_key("XA-001", "UBND xã Thử Nghiệm", PASS, "ec")


# ---------------------------------------------------------------- CA


def test_init_ca_certificate_and_empty_crl() -> None:
    p12, cert_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ", "passphrase", "ec")
    cert = x509.load_pem_x509_certificate(cert_pem)
    bc = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert bc.critical and bc.value.ca
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.key_cert_sign and ku.crl_sign
    assert 3640 <= (cert.not_valid_after_utc - cert.not_valid_before_utc).days <= 3660
    crl = x509.load_pem_x509_crl(crl_pem)
    assert list(crl) == [] and crl.is_signature_valid(cert.public_key())
    assert (crl.next_update_utc - crl.last_update_utc).days >= 29
    signer = keys.load_pkcs12_bytes(p12, "passphrase")
    assert signer.certificate == cert


def test_issue_from_a_request(pki: Pki, agency_files) -> None:
    p12, self_pem, csr_pem = agency_files
    cert = x509.load_pem_x509_certificate(ca_mod.issue(pki.key, pki.cert, csr_pem))
    assert issued_by(cert, pki.cert)
    assert agency_code_of(cert) == "XA-001"
    assert cert.subject.get_attributes_for_oid(NameOID.USER_ID)[0].value == "XA-001"
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "UBND xã Thử Nghiệm"
    ext = cert.extensions
    assert ext.get_extension_for_class(x509.BasicConstraints).value.ca is False
    ku = ext.get_extension_for_class(x509.KeyUsage)
    assert ku.critical and ku.value.digital_signature and ku.value.content_commitment and not ku.value.key_cert_sign
    ski = pki.cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    assert ext.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier == ski
    assert ext.get_extension_for_oid(ExtensionOID.SUBJECT_KEY_IDENTIFIER)
    # the request's key is the certificate's key: the agency signs with its .p12 and the new certificate
    signer = keys.load_pkcs12_bytes(p12, PASS)
    assert signer.certificate.public_key() == cert.public_key()


def test_issue_refuses_a_tampered_request(pki: Pki, agency_files) -> None:
    csr = x509.load_pem_x509_csr(agency_files[2])
    der = bytearray(csr.public_bytes(serialization.Encoding.DER))
    at = bytes(der).find("Thử".encode())
    der[at] = ord("X")  # same length, still parses: only the signature no longer matches
    with pytest.raises(UserFacingError) as exc:
        ca_mod.issue(pki.key, pki.cert, bytes(der))
    assert "không hợp lệ" in exc.value.vi
    with pytest.raises(UserFacingError, match="CSR"):
        ca_mod.issue(pki.key, pki.cert, b"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")


def test_explicit_agency_code_must_match_the_request(pki: Pki, agency_files) -> None:
    with pytest.raises(UserFacingError, match="không khớp"):
        ca_mod.issue(pki.key, pki.cert, agency_files[2], agency_code="XA-999")
    same = x509.load_pem_x509_certificate(ca_mod.issue(pki.key, pki.cert, agency_files[2], agency_code="XA-001"))
    assert agency_code_of(same) == "XA-001"


def test_request_without_code_needs_the_option(pki: Pki) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Phòng Nội vụ")]))
           .sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM))
    with pytest.raises(UserFacingError, match="--agency-code"):
        ca_mod.issue(pki.key, pki.cert, csr)
    cert = x509.load_pem_x509_certificate(ca_mod.issue(pki.key, pki.cert, csr, agency_code="H-01"))
    assert agency_code_of(cert) == "H-01"
    with pytest.raises(UserFacingError, match="Mã cơ quan"):
        ca_mod.issue(pki.key, pki.cert, csr, agency_code="bad code/with slash")


def test_revoke_updates_the_crl(pki: Pki) -> None:
    crl0 = pki.crl().public_bytes(serialization.Encoding.PEM)
    signer = pki.signer("XA-REV")
    serial = signer.certificate.serial_number
    crl1_pem = ca_mod.revoke(pki.key, pki.cert, crl0, serial, "key-compromise")
    crl1 = x509.load_pem_x509_crl(crl1_pem)
    entry = crl1.get_revoked_certificate_by_serial_number(serial)
    assert entry is not None
    assert entry.extensions.get_extension_for_class(x509.CRLReason).value.reason is x509.ReasonFlags.key_compromise
    assert crl1.is_signature_valid(pki.cert.public_key())
    number = crl1.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    assert number == 2
    crl2 = x509.load_pem_x509_crl(ca_mod.revoke(pki.key, pki.cert, crl1_pem, 12345))
    assert {r.serial_number for r in crl2} == {serial, 12345}
    with pytest.raises(UserFacingError, match="đã bị thu hồi"):
        ca_mod.revoke(pki.key, pki.cert, crl1_pem, serial)
    refreshed = x509.load_pem_x509_crl(ca_mod.refresh_crl(pki.key, pki.cert, crl1_pem))
    assert [r.serial_number for r in refreshed] == [serial]
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT, TrustStore(anchors=[pki.cert], crls=[crl1]))
    assert report.verdict is Verdict.INVALID


def test_revoke_refuses_another_cas_crl(pki: Pki, other_pki: Pki) -> None:
    with pytest.raises(UserFacingError, match="CRL"):
        ca_mod.revoke(pki.key, pki.cert, other_pki.crl().public_bytes(serialization.Encoding.PEM), 1)


# ---------------------------------------------------------------- keys


def test_created_key_certificate_and_request(agency_files) -> None:
    p12, cert_pem, csr_pem = agency_files
    cert = x509.load_pem_x509_certificate(cert_pem)
    csr = x509.load_pem_x509_csr(csr_pem)
    assert csr.is_signature_valid and csr.subject == cert.subject
    assert agency_code_of(cert) == agency_code_of(csr) == "XA-001"
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical and ku.value.digital_signature and ku.value.content_commitment
    assert 1090 <= (cert.not_valid_after_utc - cert.not_valid_before_utc).days <= 1100
    signer = keys.load_pkcs12_bytes(p12, PASS)
    assert signer.certificate == cert
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT, TrustStore(pinned={"XA-001": cert}))
    assert report.verdict is Verdict.VALID


def test_pkcs12_uses_pbes2_aes256(tmp_path: Path, agency_files, openssl: str) -> None:
    path = tmp_path / "k.p12"
    path.write_bytes(agency_files[0])
    r = subprocess.run([openssl, "pkcs12", "-in", str(path), "-info", "-noout", "-passin", f"pass:{PASS}"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "AES-256-CBC" in r.stdout + r.stderr and "PBES2" in r.stdout + r.stderr


def test_wrong_passphrase_and_wrong_file(tmp_path: Path, agency_files) -> None:
    path = tmp_path / "k.p12"
    path.write_bytes(agency_files[0])
    with pytest.raises(UserFacingError) as exc:
        keys.load_pkcs12(path, "sai mật khẩu")
    assert exc.value.vi.startswith("Sai mật khẩu của tệp khóa") and str(path) in exc.value.vi
    assert "Wrong passphrase" in exc.value.en
    (tmp_path / "x.p12").write_bytes(agency_files[1])  # a certificate, not a key file
    with pytest.raises(UserFacingError, match="không phải tệp khóa PKCS#12"):
        keys.load_pkcs12(tmp_path / "x.p12", PASS)
    with pytest.raises(UserFacingError, match="Không tìm thấy"):
        keys.load_pkcs12(tmp_path / "missing.p12", PASS)


def test_short_passphrase_and_bad_code_are_refused() -> None:
    with pytest.raises(UserFacingError, match="ít nhất 8"):
        keys.create_agency_key("XA-001", "X", "short", "ec")
    with pytest.raises(UserFacingError, match="Mã cơ quan"):
        keys.create_agency_key("XA 001", "X", PASS, "ec")


def _listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_key_files_written_whole_and_never_overwritten(tmp_path: Path, agency_files) -> None:
    paths = keys.write_agency_key(tmp_path / "xa.p12", *agency_files)
    assert [p.name for p in paths] == ["xa.p12", "xa.crt", "xa.csr"]
    assert _listing(tmp_path) == ["xa.crt", "xa.csr", "xa.p12"]  # no temporary file left
    assert (tmp_path / "xa.p12").read_bytes() == agency_files[0]
    if os.name == "posix":
        assert (tmp_path / "xa.p12").stat().st_mode & 0o077 == 0
    with pytest.raises(UserFacingError, match="đã có"):
        keys.write_agency_key(tmp_path / "xa.p12", b"other", b"other", b"other")
    assert (tmp_path / "xa.p12").read_bytes() == agency_files[0]
    # one existing companion file refuses the whole set
    (tmp_path / "yb.crt").write_bytes(b"mine")
    with pytest.raises(UserFacingError, match="yb.crt"):
        keys.write_agency_key(tmp_path / "yb.p12", *agency_files)
    assert not (tmp_path / "yb.p12").exists() and (tmp_path / "yb.crt").read_bytes() == b"mine"


def test_failure_while_writing_leaves_nothing(tmp_path: Path, agency_files, monkeypatch) -> None:
    real_fsync, calls = os.fsync, []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(files_mod.os, "fsync", failing_fsync)
    with pytest.raises(UserFacingError) as exc:
        keys.write_agency_key(tmp_path / "xa.p12", *agency_files)
    assert "đầy" in exc.value.vi
    assert _listing(tmp_path) == []


def test_replace_certificate_puts_the_issued_certificate_in_the_key_file(tmp_path: Path, pki: Pki, agency_files) -> None:
    p12_path, _, _ = keys.write_agency_key(tmp_path / "xa.p12", *agency_files)
    issued = x509.load_pem_x509_certificate(ca_mod.issue(pki.key, pki.cert, agency_files[2]))
    keys.replace_certificate(p12_path, PASS, issued, [pki.cert])
    assert _listing(tmp_path) == ["xa.crt", "xa.csr", "xa.p12"]
    signer = keys.load_pkcs12(p12_path, PASS)
    assert signer.certificate == issued and signer.chain == (pki.cert,)
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT, pki.trust())
    assert report.verdict is Verdict.VALID and report.agency_code == "XA-001"
    # a certificate for another key is refused, and the file is unchanged
    other = pki.signer("XA-001").certificate
    before = p12_path.read_bytes()
    with pytest.raises(UserFacingError, match="không cấp cho khóa"):
        keys.replace_certificate(p12_path, PASS, other)
    assert p12_path.read_bytes() == before
