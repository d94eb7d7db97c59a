"""Who signed: untrusted CA, another agency's certificate, revoked, no usable CRL, and a hardware token.

The packages are written with the real writer (`build_package` / `export_submission`), only the
signer changes.  A refused package is refused by `verify_package`, by `cchc package verify` (exit
1; exit 3 for "unknown") and by the importer, which then leaves the workspace as it was.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.export import export_submission
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.api import TrustStore, Verdict
from cchc_desktop.core.signing.pkcs11 import Pkcs11Signer, generate_key_on_token
from cchc_desktop.core.signing.trust import load_trust

from ..conftest import TEST_ACTOR, fixed_clock
from ..inspection.helpers import build_package, snapshot
from ..signing import test_pkcs11 as pkcs11_tests
from ..signing.conftest import Pki, make_pki

token = pkcs11_tests.token  # a fresh SoftHSM2 token in tmp (SOFTHSM2_CONF); skips, saying so, without SoftHSM2
LABEL, PIN = pkcs11_tests.LABEL, pkcs11_tests.PIN


@pytest.fixture(scope="module")
def base_agency(base) -> Iterator[AgencyWorkspace]:  # type: ignore[no-untyped-def]
    """The base package's agency workspace (XA-001), read only: `build_package` records nothing."""
    with AgencyWorkspace.open(base.agency, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        yield ws


def trust_folder(folder: Path, pki: Pki, crl: object | None) -> Path:
    folder.mkdir(parents=True)
    (folder / "ca.crt").write_bytes(pki.cert.public_bytes(serialization.Encoding.PEM))
    if crl is not None:
        (folder / "ca.crl").write_bytes(crl.public_bytes(serialization.Encoding.PEM))  # type: ignore[attr-defined]
    return folder


def import_refused(ws: InspectionWorkspace, pkg: Path, codes: tuple[str, ...]) -> None:
    before = snapshot(ws.folder)
    [r] = ws.import_packages([pkg], allow_unknown_revocation=False)
    assert r.status == "refused" and r.codes[:len(codes)] == codes, r.codes
    assert snapshot(ws.folder) == before and ws.packages() == []


def test_signed_by_a_ca_not_in_the_trust_store_is_untrusted(base_agency, keys, trust, cli, council, trust_dirs,
                                                             tmp_path: Path) -> None:
    pkg = build_package(base_agency, tmp_path / "mao-danh.cchc", keys.rogue).path  # XA-001, issued by another CA
    report = verify_package(pkg, trust)
    assert report.verdict is Verdict.INVALID
    assert [f.code for f in report.findings] == ["untrusted"]
    assert "không được tin cậy" in report.findings[0].vi
    assert report.signature is not None and report.signature.signer == keys.rogue.certificate
    r = cli("package", "verify", pkg, "--trust", trust_dirs["crl"])
    assert r.code == 1 and r.out.startswith("KHÔNG HỢP LỆ") and "không được tin cậy" in r.out
    import_refused(council(), pkg, ("untrusted",))


def test_certificate_of_agency_a_claiming_agency_b_is_refused(base_agency, keys, trust, council, tmp_path: Path) -> None:
    pkg = build_package(base_agency, tmp_path / "xa-002.cchc", keys.a, agency_code="XA-002").path
    report = verify_package(pkg, trust)
    assert report.verdict is Verdict.INVALID
    assert [f.code for f in report.findings] == ["agency_mismatch"]
    assert report.signature is not None and report.signature.ok  # a good signature, by the wrong agency
    message = report.findings[0].vi
    assert "“XA-002”" in message and "“XA-001”" in message and "chứng thư" in message
    import_refused(council(), pkg, ("agency_mismatch",))


@pytest.fixture(scope="module")
def own_pki() -> Pki:
    """A CA of this module whose key we hold (the inspection keys' CA key is not kept)."""
    return make_pki("ec", "Sở Nội vụ tỉnh Thử Nghiệm (gói)")


def test_revoked_certificate_is_refused(base_agency, own_pki: Pki, cli, mini_framework, tmp_path: Path) -> None:
    signer = own_pki.signer("XA-001")
    pkg = build_package(base_agency, tmp_path / "thu-hoi.cchc", signer).path
    # The same package is valid while the CRL does not list the certificate...
    assert verify_package(pkg, own_pki.trust()).verdict is Verdict.VALID
    # ...and refused once it does.
    crl = own_pki.crl((signer.certificate.serial_number,))
    report = verify_package(pkg, TrustStore(anchors=[own_pki.cert], crls=[crl]))
    assert report.verdict is Verdict.INVALID and [f.code for f in report.findings] == ["revoked"]
    assert "đã bị thu hồi" in report.findings[0].vi and f"{signer.certificate.serial_number:x}" in report.findings[0].vi
    assert report.signature is not None and report.signature.revocation == "revoked"
    folder = trust_folder(tmp_path / "tin-cay", own_pki, crl)
    r = cli("package", "verify", pkg, "--trust", folder)
    assert r.code == 1 and "đã bị thu hồi" in r.out
    with InspectionWorkspace.create(tmp_path / "hd", mini_framework, 2026, folder, clock=fixed_clock) as ws:
        import_refused(ws, pkg, ("revoked",))


@pytest.mark.parametrize("crl", ["none", "expired", "another-ca"])
def test_no_usable_crl_is_unknown_never_valid(crl: str, base_agency, own_pki: Pki, cli, mini_framework,
                                              tmp_path: Path) -> None:
    signer = own_pki.signer("XA-001")
    pkg = build_package(base_agency, tmp_path / "p.cchc", signer).path
    the_crl = {
        "none": None,
        "expired": own_pki.crl(when=_dt.datetime(2021, 1, 1, tzinfo=_dt.UTC)),  # nextUpdate 2021-01-31
        "another-ca": make_pki("ec", "CA khác").crl(),
    }[crl]
    folder = trust_folder(tmp_path / "tin-cay", own_pki, the_crl)
    report = verify_package(pkg, load_trust(folder))
    assert report.verdict is Verdict.UNKNOWN and not report.ok
    assert [(f.code, f.fatal) for f in report.findings] == [("revocation_unknown", False)]
    assert "Chưa kiểm tra được tình trạng thu hồi" in report.findings[0].vi
    r = cli("package", "verify", pkg, "--trust", folder)
    assert r.code == 3 and r.out.startswith("CHƯA XÁC ĐỊNH ĐƯỢC"), (r.code, r.out)
    doc = cli("package", "verify", pkg, "--trust", folder, "--json")
    assert doc.code == 3
    assert doc.json()["verdict"] == "unknown" and doc.json()["signer"]["revocation"] == "unknown"
    with InspectionWorkspace.create(tmp_path / "hd", mini_framework, 2026, folder, clock=fixed_clock) as ws:
        import_refused(ws, pkg, ("revocation_unknown", "revocation_unknown"))


def test_package_signed_on_a_softhsm2_token_is_valid(token: str, pki: Pki, agency_folder, open_agency, mini_framework,
                                                     tmp_path: Path) -> None:
    key_label = "cchc-goi-nop"
    public_key = generate_key_on_token(token, LABEL, PIN, key_label, "ec")  # the private key never leaves the token
    cert = ca_mod.issue_for_public_key(pki.key, pki.cert, public_key, "XA-001", "UBND xã Một")
    signer = Pkcs11Signer(token, LABEL, PIN, key_label, cert, [pki.cert])
    agency = open_agency(agency_folder())
    result = export_submission(agency, tmp_path / "token.cchc", signer)
    report = verify_package(result.package.path, pki.trust())
    assert report.verdict is Verdict.VALID, report.reasons()
    assert report.findings == ()
    sig = report.signature
    assert sig is not None and sig.signer == cert and sig.agency_code == "XA-001" and sig.revocation == "good"
    assert report.manifest is not None and report.manifest_sha256 == result.package.manifest_sha256
    folder = trust_folder(tmp_path / "tin-cay", pki, pki.crl())
    with InspectionWorkspace.create(tmp_path / "hd", mini_framework, 2026, folder, clock=fixed_clock) as ws:
        [r] = ws.import_packages([result.package.path])
        assert r.status == "imported", r.reasons()
