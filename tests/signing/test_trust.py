"""load_trust (files, folders, pins, CRLs, bad files) and chains through intermediate CAs."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.api import TrustStore, Verdict
from cchc_desktop.core.signing.certutil import fingerprint
from cchc_desktop.core.signing.cms import SoftwareSigner
from cchc_desktop.core.signing.trust import load_trust
from cchc_desktop.core.signing.verify import verify_detached

from .conftest import CA_START, CONTENT, Pki, pem_of, self_signed


def ca_cert(name: str, key, issuer: x509.Certificate | None, issuer_key, path_length: int | None,
            ca: bool = True) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    b = (x509.CertificateBuilder().subject_name(subject)
         .issuer_name(issuer.subject if issuer else subject).public_key(key.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(CA_START).not_valid_after(CA_START + _dt.timedelta(days=7300))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length if ca else None), critical=True)
         .add_extension(x509.KeyUsage(digital_signature=not ca, content_commitment=False, key_encipherment=False,
                                      data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                                      encipher_only=False, decipher_only=False), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
    return b.sign(issuer_key or key, hashes.SHA256())


@pytest.fixture(scope="module")
def two_level():
    root_key, int_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root = ca_cert("Root CA", root_key, None, None, None)
    inter = ca_cert("Sub CA", int_key, root, root_key, 0)
    root_pki, int_pki = Pki(root_key, root, "ec"), Pki(int_key, inter, "ec")
    return root_pki, int_pki, int_pki.signer("XA-INT")


def test_chain_through_an_intermediate(two_level) -> None:
    root, inter, signer = two_level
    bare = SoftwareSigner(signer.private_key, signer.certificate)  # the CMS carries only the signer
    sig = bare.sign_detached(CONTENT)
    trust = TrustStore(anchors=[root.cert], intermediates=[inter.cert], crls=[root.crl(), inter.crl()])
    report = verify_detached(sig, CONTENT, trust)
    assert report.verdict is Verdict.VALID, report.findings
    assert report.chain == (signer.certificate, inter.cert, root.cert)
    # the intermediate carried in the CMS instead of the trust store works too
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT,
                             TrustStore(anchors=[root.cert], crls=[root.crl(), inter.crl()]))
    assert report.verdict is Verdict.VALID, report.findings
    # every level needs its CRL
    no_root_crl = TrustStore(anchors=[root.cert], intermediates=[inter.cert], crls=[inter.crl()])
    assert verify_detached(sig, CONTENT, no_root_crl).verdict is Verdict.UNKNOWN
    # a revoked intermediate invalidates what it issued
    revoked = TrustStore(anchors=[root.cert], intermediates=[inter.cert],
                         crls=[root.crl((inter.cert.serial_number,)), inter.crl()])
    assert [f.code for f in verify_detached(sig, CONTENT, revoked).findings] == ["revoked"]


def test_issuer_without_ca_basic_constraints_is_not_trusted(pki: Pki) -> None:
    fake_key = ec.generate_private_key(ec.SECP256R1())
    fake_ca = ca_cert("Not a CA", fake_key, pki.cert, pki.key, None, ca=False)
    signer = Pki(fake_key, fake_ca, "ec").signer  # issuing refuses a non-CA...
    with pytest.raises(UserFacingError):
        signer("XA-1")
    # ...so forge the leaf by hand
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Leaf")])
    leaf = (x509.CertificateBuilder().subject_name(subject).issuer_name(fake_ca.subject)
            .public_key(leaf_key.public_key()).serial_number(1)
            .not_valid_before(CA_START).not_valid_after(CA_START + _dt.timedelta(days=7300))
            .sign(fake_key, hashes.SHA256()))
    sig = SoftwareSigner(leaf_key, leaf, [fake_ca]).sign_detached(CONTENT)
    report = verify_detached(sig, CONTENT, TrustStore(anchors=[pki.cert], crls=[pki.crl()]))
    assert [f.code for f in report.findings] == ["untrusted"]


def test_path_length_zero_forbids_an_intermediate(pki: Pki) -> None:
    int_key = ec.generate_private_key(ec.SECP256R1())
    inter = ca_cert("Sub under pathlen 0", int_key, pki.cert, pki.key, 0)
    signer = Pki(int_key, inter, "ec").signer("XA-2")
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT, pki.trust())
    assert "untrusted" in [f.code for f in report.findings]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_folder_with_ca_crl_pins_and_other_files(tmp_path: Path, pki: Pki, agency) -> None:
    pinned = self_signed("XA-PIN")
    _write(tmp_path / "ca.crt", pem_of(pki.cert))
    _write(tmp_path / "ca.crl", pki.crl().public_bytes(serialization.Encoding.DER))  # DER CRL
    _write(tmp_path / "agency.cer", pinned.certificate.public_bytes(serialization.Encoding.DER))  # DER cert
    _write(tmp_path / "pins.json", json.dumps({"XA-OTHER-NAME": fingerprint(pinned.certificate)}).encode())
    _write(tmp_path / "README.txt", b"not a certificate")
    _write(tmp_path / "ca.p12", b"\x30\x82 secret")  # other kinds of files are left alone
    trust = load_trust(tmp_path)
    assert trust.anchors == [pki.cert] and trust.intermediates == []
    assert len(trust.crls) == 1
    assert trust.pinned == {"XA-OTHER-NAME": pinned.certificate}
    assert verify_detached(agency.sign_detached(CONTENT), CONTENT, trust).verdict is Verdict.VALID
    report = verify_detached(pinned.sign_detached(CONTENT), CONTENT, trust)
    assert report.verdict is Verdict.VALID and report.agency_code == "XA-OTHER-NAME"


def test_single_pem_file_with_certificate_and_crl(tmp_path: Path, pki: Pki, agency) -> None:
    bundle = _write(tmp_path / "trust.pem", pem_of(pki.cert) + pem_of(pki.crl()))
    trust = load_trust(bundle)
    assert trust.anchors == [pki.cert] and len(trust.crls) == 1
    assert verify_detached(agency.sign_detached(CONTENT), CONTENT, trust).verdict is Verdict.VALID


def test_leaf_file_carrying_its_code_is_pinned(tmp_path: Path) -> None:
    leaf = self_signed("XA-OWN")
    trust = load_trust(_write(tmp_path / "xa.crt", pem_of(leaf.certificate)))
    assert trust.pinned == {"XA-OWN": leaf.certificate}


@pytest.mark.parametrize("name,data,needle", [
    ("bad.crt", b"garbage that is not DER", "bad.crt"),
    ("bad.pem", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "bad.pem"),
    ("half.pem", b"-----BEGIN CERTIFICATE-----\nMIIB", "half.pem"),
    ("bad.crl", b"\x30\x03\x02\x01\x01", "bad.crl"),
])
def test_bad_files_are_named(tmp_path: Path, pki: Pki, name: str, data: bytes, needle: str) -> None:
    _write(tmp_path / "ca.crt", pem_of(pki.cert))
    _write(tmp_path / name, data)
    with pytest.raises(UserFacingError) as exc:
        load_trust(tmp_path)
    assert needle in exc.value.vi and needle in exc.value.en


def test_pin_naming_a_missing_certificate(tmp_path: Path, pki: Pki) -> None:
    _write(tmp_path / "ca.crt", pem_of(pki.cert))
    _write(tmp_path / "pins.json", json.dumps({"XA-001": "ab" * 32}).encode())
    with pytest.raises(UserFacingError) as exc:
        load_trust(tmp_path)
    assert "pins.json" in exc.value.vi and "XA-001" in exc.value.vi


def test_bad_pins_file(tmp_path: Path, pki: Pki) -> None:
    _write(tmp_path / "ca.crt", pem_of(pki.cert))
    _write(tmp_path / "pins.json", b"{not json")
    with pytest.raises(UserFacingError, match="pins.json"):
        load_trust(tmp_path)
    _write(tmp_path / "pins.json", json.dumps({"XA-001": "not-a-fingerprint"}).encode())
    with pytest.raises(UserFacingError, match="pins.json"):
        load_trust(tmp_path)


def test_leaf_without_code_or_pin_is_refused(tmp_path: Path) -> None:
    _write(tmp_path / "anon.crt", pem_of(self_signed(None).certificate))
    with pytest.raises(UserFacingError, match="anon.crt"):
        load_trust(tmp_path)


def test_empty_or_missing_trust(tmp_path: Path) -> None:
    with pytest.raises(UserFacingError, match="không chứa chứng thư tin cậy"):
        load_trust(tmp_path)
    with pytest.raises(UserFacingError, match="Không tìm thấy"):
        load_trust(tmp_path / "nope")


def test_ca_folder_made_by_init_is_a_trust_folder(tmp_path: Path) -> None:
    p12, cert_pem, crl_pem = ca_mod.init_ca("CA thư mục", "passphrase", "ec")
    ca_mod.write_ca_folder(tmp_path / "ca", p12, cert_pem, crl_pem)
    trust = load_trust(tmp_path / "ca")
    assert len(trust.anchors) == 1 and len(trust.crls) == 1


def test_many_look_alike_ca_certificates_cannot_stall_path_building(pki: Pki) -> None:
    """30 'CA' certificates with one name and one key all verify each other: the search stays bounded."""
    import time

    key = ec.generate_private_key(ec.SECP256R1())
    fakes = [ca_cert("Evil CA", key, None, None, None) for _ in range(30)]
    signer = SoftwareSigner(*Pki(key, fakes[0], "ec").issue("XA-EVIL"), fakes)
    started = time.monotonic()
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT, pki.trust())
    assert time.monotonic() - started < 5
    assert [f.code for f in report.findings] == ["untrusted"]
