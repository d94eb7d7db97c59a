"""Keys, CAs and certificates for the signing tests, made once per session (EC mostly: fast).

`Pki` bundles a CA key + certificate (valid 2020-2040, so certificates "in the past" can chain
to it) with helpers to issue agency certificates, sign, and build trust stores.
"""

from __future__ import annotations

import datetime as _dt
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.api import TrustStore
from cchc_desktop.core.signing.cms import SoftwareSigner
from cchc_desktop.core.signing.keys import generate_private_key

UTC = _dt.timezone.utc
CA_START = _dt.datetime(2020, 1, 1, tzinfo=UTC)
CONTENT = "manifest: Ủy ban nhân dân xã Thử Nghiệm\n".encode() * 20


def now() -> _dt.datetime:
    return _dt.datetime.now(UTC)


@dataclass
class Pki:
    key: Any
    cert: x509.Certificate
    kind: str
    crl_pem: bytes = b""
    _keys: list[Any] = field(default_factory=list)

    def crl(self, revoked_serials: tuple[int, ...] = (), when: _dt.datetime | None = None) -> x509.CertificateRevocationList:
        pem = ca_mod.make_crl(self.key, self.cert, [], 1, when).public_bytes(serialization.Encoding.PEM)
        for s in revoked_serials:
            pem = ca_mod.revoke(self.key, self.cert, pem, s, now=when)
        return x509.load_pem_x509_crl(pem)

    def new_key(self) -> Any:
        return generate_private_key(self.kind)

    def issue(self, code: str = "XA-001", name: str = "UBND xã Thử Nghiệm", *, key: Any = None,
              when: _dt.datetime | None = None, days: int = 1095) -> tuple[Any, x509.Certificate]:
        key = key or self.new_key()
        cert = ca_mod.issue_for_public_key(self.key, self.cert, key.public_key(), code, name, days, now=when)
        return key, cert

    def signer(self, code: str = "XA-001", **kw: Any) -> SoftwareSigner:
        """A signer with a certificate from this CA; the key is made once per CA (RSA is slow)."""
        if not self._keys:
            self._keys.append(self.new_key())
        key, cert = self.issue(code, key=self._keys[0], **kw)
        return SoftwareSigner(key, cert, [self.cert])

    def trust(self, crl: bool = True, **kw: Any) -> TrustStore:
        return TrustStore(anchors=[self.cert], crls=[self.crl()] if crl else [], **kw)


def make_pki(kind: str, name: str) -> Pki:
    p12, cert_pem, crl_pem = ca_mod.init_ca(name, "ca-passphrase", kind, now=CA_START, days=7300)
    from cchc_desktop.core.signing.keys import load_pkcs12_bytes

    signer = load_pkcs12_bytes(p12, "ca-passphrase")
    return Pki(signer.private_key, signer.certificate, kind, crl_pem)


@pytest.fixture(scope="session")
def pki() -> Pki:
    return make_pki("ec", "Sở Nội vụ tỉnh Thử Nghiệm")


@pytest.fixture(scope="session")
def other_pki() -> Pki:
    return make_pki("ec", "CA lạ")


@pytest.fixture(scope="session")
def rsa_pki() -> Pki:
    return make_pki("rsa", "Sở Nội vụ (RSA)")


@pytest.fixture(scope="session")
def agency(pki: Pki) -> SoftwareSigner:
    return pki.signer("XA-001")


def self_signed(code: str | None = "XA-PIN", name: str = "UBND xã Tự Ký", *, san: bool = True) -> SoftwareSigner:
    key = ec.generate_private_key(ec.SECP256R1())
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if code:
        attrs.append(x509.NameAttribute(NameOID.USER_ID, code))
    subject = x509.Name(attrs)
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(now() - _dt.timedelta(days=1)).not_valid_after(now() + _dt.timedelta(days=365))
         .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True))
    if san and code:
        b = b.add_extension(x509.SubjectAlternativeName([x509.UniformResourceIdentifier(f"urn:cchc:agency:{code}")]),
                            critical=False)
    return SoftwareSigner(key, b.sign(key, hashes.SHA256()))


@pytest.fixture(scope="session")
def openssl() -> str:
    exe = shutil.which("openssl")
    if not exe:
        pytest.skip("openssl is not installed (apt-get install openssl)")
    return exe


@pytest.fixture
def openssl_verify(openssl: str, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    def run(sig: bytes, content: bytes, ca_cert: x509.Certificate) -> subprocess.CompletedProcess:
        (tmp_path / "sig.p7s").write_bytes(sig)
        (tmp_path / "data").write_bytes(content)
        (tmp_path / "ca.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
        return subprocess.run(
            [openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in", str(tmp_path / "sig.p7s"),
             "-content", str(tmp_path / "data"), "-CAfile", str(tmp_path / "ca.pem"), "-purpose", "any",
             "-out", str(tmp_path / "out")],
            capture_output=True, text=True, timeout=60,
        )

    return run


def pem_of(obj: Any) -> bytes:
    return obj.public_bytes(serialization.Encoding.PEM)
