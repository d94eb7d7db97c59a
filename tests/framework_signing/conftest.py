"""Fixtures of the signed-framework tests: a province CA folder, a framework signer, an agency,
a CA nobody trusts, and signed framework files; made once per session (EC keys: fast).

The PKI comes from the signing tests' helpers (`tests/signing/conftest.py`): the same CA layout
and validity window (2020-2040).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest
from cryptography import x509

from cchc_desktop.core.framework.load import load_framework, parse_framework
from cchc_desktop.core.framework.model import Framework
from cchc_desktop.core.package.framework_package import sign_framework
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.certutil import pem
from cchc_desktop.core.signing.cms import SoftwareSigner
from cchc_desktop.core.signing.keys import encrypt_pkcs12, generate_private_key, load_pkcs12_bytes

from ..cli.helpers import MINI, mini_doc
from ..signing.conftest import CA_START

PASS = "mat-khau-tinh-thu"


@dataclass(frozen=True)
class Province:
    folder: Path  # ca.p12, ca.crt, ca.crl (a `cchc ca init` folder)
    ca: SoftwareSigner  # the CA key itself
    framework_signer: SoftwareSigner  # a framework-signing certificate issued by the CA
    signer_p12: Path  # its key file (with the CA certificate as chain)
    agency: SoftwareSigner  # an agency certificate issued by the same CA (must not sign frameworks)
    rogue: SoftwareSigner  # a CA nobody trusts (same name as the province)
    crl_pem: bytes

    @property
    def ca_crt(self) -> Path:
        return self.folder / "ca.crt"


@pytest.fixture(scope="session")
def province(tmp_path_factory: pytest.TempPathFactory) -> Province:
    root = tmp_path_factory.mktemp("province")
    folder = root / "ca"
    p12, cert_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ tỉnh Thử Nghiệm", PASS, "ec", now=CA_START, days=7300)
    ca = load_pkcs12_bytes(p12, PASS)
    crl_pem = ca_mod.refresh_crl(ca.private_key, ca.certificate, crl_pem)  # current: valid 30 days from now
    ca_mod.write_ca_folder(folder, p12, cert_pem, crl_pem)
    key = generate_private_key("ec")
    cert = ca_mod.issue_framework_signer(ca.private_key, ca.certificate, key.public_key(), "Sở Nội vụ — ký bộ tiêu chí")
    signer = SoftwareSigner(key, cert, [ca.certificate])
    signer_p12 = root / "ky-bo-tieu-chi.p12"
    signer_p12.write_bytes(encrypt_pkcs12(key, cert, PASS, [ca.certificate]))
    akey = generate_private_key("ec")
    acert = ca_mod.issue_for_public_key(ca.private_key, ca.certificate, akey.public_key(), "XA-001", "UBND xã Một")
    rogue_p12, _pem, _crl = ca_mod.init_ca("Sở Nội vụ tỉnh Thử Nghiệm", PASS, "ec")
    return Province(folder, ca, signer, signer_p12, SoftwareSigner(akey, acert, [ca.certificate]),
                    load_pkcs12_bytes(rogue_p12, PASS), crl_pem)


@pytest.fixture(scope="session")
def mini() -> Framework:
    return load_framework(MINI)


def official_doc() -> dict[str, Any]:
    """The mini framework as a province would publish it: not a sample."""
    doc = mini_doc()
    doc["sample"] = False
    doc["id"] = "test-mini-chinh-thuc"
    return doc


@pytest.fixture(scope="session")
def official() -> Framework:
    fw, _ = parse_framework(json.dumps(official_doc(), ensure_ascii=False))
    return fw


@pytest.fixture
def signed(tmp_path: Path, province: Province, official: Framework) -> Callable[..., Path]:
    """`signed(name="bo.cchc", fw=official, signer=province.ca)` -> a signed framework file."""

    def make(name: str = "bo-tieu-chi.cchc", fw: Framework | None = None, signer: Any = None) -> Path:
        out = tmp_path / name
        sign_framework(fw or official, out, signer or province.ca)
        return out

    return make


def trust_file(tmp_path: Path, *certs: x509.Certificate, crl: bytes | None = None) -> Path:
    """A trust folder holding `certs` (and a CRL)."""
    folder = tmp_path / "tin-cay"
    folder.mkdir(exist_ok=True)
    for n, c in enumerate(certs):
        (folder / f"c{n}.crt").write_bytes(pem(c))
    if crl is not None:
        (folder / "ca.crl").write_bytes(crl)
    return folder
