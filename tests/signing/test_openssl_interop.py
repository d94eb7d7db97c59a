"""What we sign, OpenSSL accepts; what OpenSSL-compatible code (cryptography's builder) signs, we accept."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.signing.verify import verify_detached

from .conftest import CONTENT


@pytest.mark.parametrize("which", ["pki", "rsa_pki"])
def test_openssl_accepts_our_signature_and_rejects_changed_content(which, request, openssl_verify) -> None:
    pki = request.getfixturevalue(which)
    signer = pki.signer("XA-001")
    sig = signer.sign_detached(CONTENT)
    r = openssl_verify(sig, CONTENT, pki.cert)
    assert r.returncode == 0, r.stderr
    assert "Verification successful" in r.stderr
    flipped = bytearray(CONTENT)
    flipped[10] ^= 0x01
    r = openssl_verify(sig, bytes(flipped), pki.cert)
    assert r.returncode != 0
    # and our own verifier agrees on both
    assert verify_detached(sig, CONTENT, pki.trust()).verdict is Verdict.VALID
    assert verify_detached(sig, bytes(flipped), pki.trust()).verdict is Verdict.INVALID


def test_openssl_rejects_a_signature_from_another_ca(pki, other_pki, openssl_verify) -> None:
    sig = other_pki.signer("XA-001").sign_detached(CONTENT)
    assert openssl_verify(sig, CONTENT, pki.cert).returncode != 0


@pytest.mark.parametrize("which", ["pki", "rsa_pki"])
def test_we_accept_cryptographys_pkcs7_builder(which, request) -> None:
    pki = request.getfixturevalue(which)
    signer = pki.signer("XA-002")
    sig = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(CONTENT)
        .add_signer(signer.certificate, signer.private_key, hashes.SHA256())
        .add_certificate(pki.cert)
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    )
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.VALID, report.findings
    assert report.agency_code == "XA-002"
