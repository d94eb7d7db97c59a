"""Who may sign what: the council role, checked by package kind in the reader.

A result (or a reviewer's appraisal package) needs a council certificate the province CA issued, or
the CA itself; an agency certificate can never sign one.  A submission or a rebuttal needs the
agency's own certificate; a council certificate can never sign one.
"""

from __future__ import annotations

import pytest
from cryptography import x509

from cchc_desktop.core.package.reader import verify_council_package, verify_package
from cchc_desktop.core.package.result_format import REBUTTAL, RESULT
from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.signing.certutil import (
    COUNCIL_URI,
    agency_code_of,
    is_council_signer,
    is_framework_signer,
    role_of,
)

from ..inspection.helpers import PASSPHRASE, build_package, snapshot
from .conftest import trust_of, write_kind


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


def test_a_council_certificate_names_its_role_and_no_agency(pki) -> None:
    cert = pki.council.certificate
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.UniformResourceIdentifier) == [COUNCIL_URI]
    assert agency_code_of(cert) is None and is_council_signer(cert) and not is_framework_signer(cert)
    assert (role_of(cert), role_of(pki.ca.certificate), role_of(pki.agencies["XA-001"].certificate),
            role_of(pki.framework_signer.certificate)) == ("council", "ca", "agency", "framework-signer")
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and ku.content_commitment and not ku.key_cert_sign
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False


def _result(tmp_path, signer, name="kq.cchc", **kw):
    return write_kind(tmp_path / name, signer, "result", {RESULT: b'{"format": "cchc-result"}\n'}, **kw).path


def test_result_kind_needs_a_council_signer_or_the_ca(pki, tmp_path) -> None:
    trust = trust_of(pki.trust)
    assert verify_package(_result(tmp_path, pki.council, "a.cchc"), trust).verdict is Verdict.VALID
    ca_signed = verify_package(_result(tmp_path, pki.ca, "b.cchc"), trust)
    assert ca_signed.verdict is Verdict.VALID, ca_signed.findings  # no key_usage finding for the anchor itself
    assert ca_signed.signature.ok
    # An agency certificate, even the very agency the result is for: refused, with a clear reason.
    report = verify_package(_result(tmp_path, pki.agencies["XA-001"], "c.cchc"), trust)
    assert report.verdict is Verdict.INVALID and codes(report) == ["not_council_signer"]
    assert "không phải chứng thư của Hội đồng thẩm định" in report.findings[0].vi and "XA-001" in report.findings[0].vi
    assert report.data == {}
    # The province's framework signer is a province role, but not the council's.
    assert codes(verify_package(_result(tmp_path, pki.framework_signer, "d.cchc"), trust)) == ["not_council_signer"]
    # A council certificate of another CA: untrusted.
    assert "untrusted" in codes(verify_package(_result(tmp_path, pki.rogue_council, "e.cchc"), trust))


def test_a_pinned_certificate_cannot_sign_a_result(pki, tmp_path) -> None:
    """Pins are for agencies without a CA; a result needs the CA's word (a self-signed "council"
    certificate, pinned, is refused; the CA-issued one stays valid even when it is pinned too)."""
    import datetime as dt

    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    from cchc_desktop.core.signing.certutil import fingerprint, pem
    from cchc_desktop.core.signing.cms import SoftwareSigner
    from cchc_desktop.core.signing.keys import generate_private_key

    key = generate_private_key("ec")
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Hội đồng tự xưng")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.UniformResourceIdentifier(COUNCIL_URI)]), critical=False)
            .sign(key, hashes.SHA256()))
    folder = tmp_path / "tin-cay"
    folder.mkdir()
    (folder / "ca.crt").write_bytes(pki.ca_pem)
    (folder / "ca.crl").write_bytes(pki.crl_pem)
    (folder / "hd.crt").write_bytes(pem(cert))
    (folder / "hd-that.crt").write_bytes(pem(pki.council.certificate))
    (folder / "pins.json").write_text('{"HOI-DONG": "%s", "HD-2": "%s"}' % (fingerprint(cert), fingerprint(pki.council.certificate)))
    report = verify_package(_result(tmp_path, SoftwareSigner(key, cert)), trust_of(folder))
    assert report.verdict is Verdict.INVALID and codes(report) == ["not_council_signer"]
    assert "không do CA của tỉnh cấp" in report.findings[0].vi
    assert verify_package(_result(tmp_path, pki.council, "b.cchc"), trust_of(folder)).verdict is Verdict.VALID


def test_entries_are_checked_by_kind(pki, tmp_path, make_file) -> None:
    from cchc_desktop.core.package.writer import EvidenceSource
    from cchc_desktop.core.storage.evidence_store import EvidenceStore

    trust = trust_of(pki.trust)
    store = EvidenceStore(tmp_path / "store")
    stored = store.add(make_file("a.pdf"), 10**6)
    ev = [EvidenceSource(stored.sha256, store.path_of(stored.sha256), stored.size)]
    # A result with an evidence file, a result without its data, a rebuttal without its data.
    with_file = write_kind(tmp_path / "a.cchc", pki.council, "result", {RESULT: b"{}"}, evidence=ev).path
    assert codes(verify_package(with_file, trust)) == ["unexpected_entry"]
    assert codes(verify_package(write_kind(tmp_path / "b.cchc", pki.council, "result", {}).path, trust)) == ["missing_entry"]
    no_data = write_kind(tmp_path / "c.cchc", pki.agencies["XA-001"], "rebuttal", {}, evidence=ev).path
    assert codes(verify_package(no_data, trust)) == ["missing_entry"]
    # A rebuttal may carry evidence; a submission may not carry result data.
    ok = write_kind(tmp_path / "d.cchc", pki.agencies["XA-001"], "rebuttal", {REBUTTAL: b"{}"}, evidence=ev).path
    assert verify_package(ok, trust).verdict is Verdict.VALID
    appraisal = write_kind(tmp_path / "f.cchc", pki.council, "appraisal", {"data/appraisals.json": b"{}"}, evidence=ev).path
    assert codes(verify_package(appraisal, trust)) == ["unexpected_entry"]  # an appraisal package carries no files
    assert verify_package(write_kind(tmp_path / "g.cchc", pki.council, "appraisal", {"data/appraisals.json": b"{}"}).path,
                          trust).ok
    odd = write_kind(tmp_path / "e.cchc", pki.agencies["XA-001"], "submission",
                     {"data/assessment.json": b"{}", "data/framework.json": b"{}", RESULT: b"{}"}).path
    assert "unexpected_entry" in codes(verify_package(odd, trust))


def test_verify_council_package_refuses_other_kinds(pki, tmp_path) -> None:
    trust = trust_of(pki.trust)
    pkg = write_kind(tmp_path / "r.cchc", pki.agencies["XA-001"], "rebuttal", {REBUTTAL: b"{}"}).path
    report = verify_council_package(pkg, trust, kinds=("result",))
    assert report.verdict is Verdict.INVALID and codes(report) == ["wrong_kind"]
    assert verify_council_package(_result(tmp_path, pki.council), trust, kinds=("result",)).ok


@pytest.mark.parametrize("kind", ["submission", "rebuttal"])
def test_a_council_certificate_can_never_sign_what_an_agency_sends(pki, tmp_path, kind) -> None:
    data = {REBUTTAL: b"{}"} if kind == "rebuttal" else {"data/assessment.json": b"{}", "data/framework.json": b"{}"}
    for signer in (pki.council, pki.ca):
        report = verify_package(write_kind(tmp_path / f"{kind}-{id(signer)}.cchc", signer, kind, data).path,
                                trust_of(pki.trust))
        assert report.verdict is Verdict.INVALID and "agency_unbound" in codes(report)
        assert "Chứng thư Hội đồng không bao giờ ký được" in [f for f in report.findings if f.code == "agency_unbound"][0].vi


def test_the_council_refuses_a_submission_signed_with_a_council_certificate(scenario, tmp_path) -> None:
    ws = scenario.council
    agency = scenario.agency("XA-001")
    pkg = build_package(agency, tmp_path / "gia.cchc", scenario.pki.council, sequence=2)
    before = snapshot(ws.folder)
    [res] = ws.import_packages([pkg.path])
    assert res.status == "refused" and "agency_unbound" in res.codes
    assert "Hội đồng" in res.reasons()[0]
    assert snapshot(ws.folder) == before


def test_cli_ca_issue_role_council(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CCHC_PASSPHRASE", PASSPHRASE)
    ca, keys = tmp_path / "ca", tmp_path / "khoa"
    keys.mkdir()
    assert cli("ca", "init", "-o", ca, "--name", "Sở Nội vụ tỉnh Thử Nghiệm", "--ec").code == 0
    r = cli("keys", "create", "--agency-code", "HD-TD", "--name", "Hội đồng thẩm định tỉnh", "-o", keys / "hd.p12", "--ec")
    assert r.code == 0, r.err
    r = cli("ca", "issue", "--ca", ca, "--csr", keys / "hd.csr", "--role", "council", "--agency-code", "HD-TD",
            "-o", keys / "x.crt")
    assert r.code == 1 and "không dùng cùng --agency-code" in r.err and not (keys / "x.crt").exists()
    r = cli("ca", "issue", "--ca", ca, "--csr", keys / "hd.csr", "--role", "council", "--framework-signer", "-o", keys / "x.crt")
    assert r.code == 1 and not (keys / "x.crt").exists()
    r = cli("ca", "issue", "--ca", ca, "--csr", keys / "hd.csr", "--role", "council", "-o", keys / "hd-cap.crt")
    assert r.code == 0, r.err
    assert "chứng thư Hội đồng thẩm định" in r.out and "Mã cơ quan" not in r.out
    cert = x509.load_pem_x509_certificate((keys / "hd-cap.crt").read_bytes())
    assert is_council_signer(cert) and agency_code_of(cert) is None  # the request's code is not copied
    assert cli("keys", "import-cert", "--key", keys / "hd.p12", "--cert", keys / "hd-cap.crt", "--chain", ca / "ca.crt").code == 0
