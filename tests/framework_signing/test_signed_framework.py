"""Signed framework files: a province-signed framework verifies; any modification is refused with
a clear message; only the province (its CA, or a framework signer the CA issued) may sign."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from cryptography import x509

from cchc_desktop import __version__
from cchc_desktop.core.framework.canonical import canonical_bytes
from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.package.framework_package import SignedFrameworkRefused, load_signed_framework
from cchc_desktop.core.package.reader import verify_framework_package, verify_package
from cchc_desktop.core.package.writer import write_package
from cchc_desktop.core.services.framework_source import (
    RevocationNotChecked,
    UnsignedFrameworkRefused,
    choose_signed,
    choose_unsigned,
)
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.api import TrustStore, Verdict
from cchc_desktop.core.signing.certutil import fingerprint

from ..signing.conftest import self_signed
from .conftest import official_doc


def trust_of(province, crl: bool = True) -> TrustStore:
    return TrustStore(anchors=[province.ca.certificate], crls=[x509.load_pem_x509_crl(province.crl_pem)] if crl else [])


def codes(report) -> set[str]:
    return {f.code for f in report.findings}


def test_signed_by_the_ca_key_verifies_and_loads(signed, province, official):
    path = signed()
    report = verify_framework_package(path, trust_of(province))
    assert report.verdict is Verdict.VALID, report.reasons()
    assert report.manifest.kind == "framework" and report.manifest.framework_sha256 == official.sha256
    assert [f.path for f in report.manifest.files] == [fmt.FRAMEWORK]  # no evidence, no assessment
    fw, rep = load_signed_framework(path, trust_of(province))
    assert fw.sha256 == official.sha256 and fw == official
    assert fingerprint(rep.signature.signer) == fingerprint(province.ca.certificate)
    # The trust can also be the CA folder itself, as `cchc ca init` writes it (ca.p12 is ignored).
    fw2, rep2 = load_signed_framework(path, province.folder)
    assert fw2.sha256 == official.sha256 and rep2.verdict is Verdict.VALID


def test_signed_by_a_framework_signer_certificate_verifies(signed, province, official):
    path = signed(signer=province.framework_signer)
    report = verify_framework_package(path, trust_of(province))
    assert report.verdict is Verdict.VALID, report.reasons()
    choice = choose_signed(path, trust_of(province))
    assert choice.trust.status == "signed" and choice.trust.verdict == "valid"
    assert choice.trust.signer_fingerprint == fingerprint(province.framework_signer.certificate)
    assert choice.trust.package_sha256 == report.manifest_sha256


def test_openssl_accepts_the_signature(signed, province, tmp_path):
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    path = signed()
    with zipfile.ZipFile(path) as zf:
        (tmp_path / "m.json").write_bytes(zf.read(fmt.MANIFEST))
        (tmp_path / "m.p7s").write_bytes(zf.read(fmt.SIGNATURE))
    proc = subprocess.run([openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in", str(tmp_path / "m.p7s"),
                           "-content", str(tmp_path / "m.json"), "-CAfile", str(province.ca_crt), "-purpose", "any",
                           "-out", str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def _framework_offset(path: Path) -> tuple[int, int]:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(fmt.FRAMEWORK)
    raw = path.read_bytes()
    name_len, extra_len = int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], "little"), \
        int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], "little")
    return info.header_offset + 30 + name_len + extra_len, info.file_size


def test_one_byte_changed_is_refused_with_a_clear_message(signed, province):
    path = signed()
    start, size = _framework_offset(path)
    data = bytearray(path.read_bytes())
    text = bytes(data[start:start + size])
    pos = start + text.index(b'"max":2') + len(b'"max":')  # criterion 1.1 worth 2 points becomes 3
    data[pos] = ord("3")
    path.write_bytes(bytes(data))
    report = verify_framework_package(path, trust_of(province))
    assert report.verdict is Verdict.INVALID
    assert codes(report) & {"hash_mismatch", "damaged_entry"}
    with pytest.raises(SignedFrameworkRefused) as err:
        load_signed_framework(path, trust_of(province))
    msg = err.value.vi
    assert "đã bị sửa đổi sau khi tỉnh ký" in msg and "Sở Nội vụ" in msg and "data/framework.json" in msg


def test_every_single_byte_flip_is_refused(signed, province):
    """No byte of the file can change unnoticed (a sample of positions across the whole file)."""
    path = signed()
    original = path.read_bytes()
    trust = trust_of(province)
    step = max(1, len(original) // 60)
    for pos in range(0, len(original), step):
        data = bytearray(original)
        data[pos] ^= 0x01
        path.write_bytes(bytes(data))
        assert verify_framework_package(path, trust).verdict is Verdict.INVALID, pos


def _rebuild(path: Path, province, doc: dict, signer, keep_signature_of: Path | None = None) -> Path:
    """An attacker's package: framework.json replaced, the manifest rebuilt to match it."""
    from cchc_desktop.core.framework.load import parse_framework

    fw, _ = parse_framework(json.dumps(doc, ensure_ascii=False))
    header = fmt.Manifest(kind="framework", agency_code="", agency_name="Sở Nội vụ tỉnh Thử Nghiệm", year=fw.year,
                          round=1, sequence=1, previous_sha256=None, framework_id=fw.id, framework_sha256=fw.sha256,
                          app_version=__version__, created_at="2026-03-02T08:30:00.000+00:00", files=())
    write_package(path, header, {fmt.FRAMEWORK: canonical_bytes(fw)}, [], signer)
    if keep_signature_of is not None:  # put the genuine signature back beside the forged manifest
        forged = path.with_suffix(".tmp")
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(keep_signature_of) as genuine:
            entries = [(i, src.read(i.filename)) for i in src.infolist()]
            sig = genuine.read(fmt.SIGNATURE)
        with zipfile.ZipFile(forged, "w") as out:
            for info, data in entries:
                out.writestr(info, sig if info.filename == fmt.SIGNATURE else data)
        forged.replace(path)
    return path


def test_framework_replaced_and_resigned_by_an_untrusted_key_is_refused(tmp_path, province):
    doc = official_doc()
    doc["fields"][0]["children"][1]["max"] = 0.5  # points moved around: 1.2 loses half a point to 1.4
    doc["fields"][0]["children"][3]["max"] = 2.5
    doc["fields"][0]["children"][3]["rule"]["step"] = 0.5
    path = _rebuild(tmp_path / "gia-mao.cchc", province, doc, province.rogue)
    report = verify_framework_package(path, trust_of(province))
    assert report.verdict is Verdict.INVALID and "untrusted" in codes(report)
    with pytest.raises(SignedFrameworkRefused) as err:
        load_signed_framework(path, trust_of(province))
    assert "không được tin cậy" in err.value.vi


def test_framework_json_edited_under_the_genuine_signature_is_refused(tmp_path, signed, province):
    genuine = signed("that.cchc")
    doc = official_doc()
    doc["fields"][0]["children"][2]["title"] = "Tuyên truyền CCHC (đã sửa)"
    path = _rebuild(tmp_path / "sua.cchc", province, doc, province.ca, keep_signature_of=genuine)
    report = verify_framework_package(path, trust_of(province))
    assert report.verdict is Verdict.INVALID and "content_mismatch" in codes(report)
    with pytest.raises(SignedFrameworkRefused) as err:
        load_signed_framework(path, trust_of(province))
    assert "tệp đã bị thay đổi sau khi ký" in err.value.vi


def test_an_agency_certificate_of_the_same_ca_cannot_sign_a_framework(signed, province):
    path = signed(signer=province.agency)
    report = verify_framework_package(path, trust_of(province))
    assert report.verdict is Verdict.INVALID and "not_province_signer" in codes(report)
    assert "XA-001" in report.reasons()[0]


def test_a_pinned_agency_certificate_is_not_a_framework_signer(signed, province):
    pinned = self_signed("XA-PIN")
    path = signed(signer=pinned)
    trust = TrustStore(anchors=[province.ca.certificate], pinned={"XA-PIN": pinned.certificate})
    report = verify_framework_package(path, trust)
    assert report.verdict is Verdict.INVALID and "untrusted" in codes(report)
    # A trust store with pins only (no province CA) cannot vouch for a framework at all.
    only_pins = verify_framework_package(path, TrustStore(pinned={"XA-PIN": pinned.certificate}))
    assert only_pins.verdict is Verdict.INVALID and "no_province_ca" in codes(only_pins)


def test_a_submission_is_not_a_framework_file(tmp_path, province, official):
    header = fmt.Manifest(kind="submission", agency_code="XA-001", agency_name="UBND xã Một", year=official.year,
                          round=1, sequence=1, previous_sha256=None, framework_id=official.id,
                          framework_sha256=official.sha256, app_version=__version__,
                          created_at="2026-03-02T08:30:00.000+00:00", files=())
    path = tmp_path / "nop.cchc"
    write_package(path, header, {fmt.FRAMEWORK: canonical_bytes(official), fmt.CHANGELOG: b""}, [], province.ca)
    report = verify_framework_package(path, trust_of(province))
    assert report.verdict is Verdict.INVALID
    assert {"wrong_kind", "unexpected_entry"} <= codes(report)


def test_revocation_unknown_needs_consent_and_revoked_is_refused(signed, province, official):
    path = signed(signer=province.framework_signer)
    no_crl = trust_of(province, crl=False)
    assert verify_framework_package(path, no_crl).verdict is Verdict.UNKNOWN
    with pytest.raises(RevocationNotChecked) as err:
        choose_signed(path, no_crl)
    assert "thu hồi" in err.value.vi
    choice = choose_signed(path, no_crl, allow_unknown_revocation=True)
    assert choice.trust.verdict == "unknown" and choice.framework.sha256 == official.sha256
    revoked = ca_mod.revoke(province.ca.private_key, province.ca.certificate, province.crl_pem,
                            province.framework_signer.certificate.serial_number, "key-compromise")
    trust = TrustStore(anchors=[province.ca.certificate], crls=[x509.load_pem_x509_crl(revoked)])
    report = verify_framework_package(path, trust)
    assert report.verdict is Verdict.INVALID and "revoked" in codes(report)


def test_submission_verification_is_unchanged_for_framework_files(signed, province):
    """`verify_package` (submissions) still requires an agency binding: a framework file is not one."""
    report = verify_package(signed(), trust_of(province))
    assert report.verdict is Verdict.INVALID and "agency_unbound" in codes(report)


def test_unsigned_choices(tmp_path, mini):
    from ..cli.helpers import MINI

    assert choose_unsigned(MINI).trust.status == "sample"  # marked sample: allowed, recorded as such
    official = tmp_path / "chinh-thuc.json"
    official.write_text(json.dumps(official_doc(), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UnsignedFrameworkRefused) as err:
        choose_unsigned(official)
    assert "không có chữ ký số của tỉnh" in err.value.vi and ".cchc" in err.value.vi
    assert choose_unsigned(official, allow_unsigned=True).trust.status == "unsigned"


def test_manifest_commits_to_the_canonical_framework(signed, official):
    path = signed()
    with zipfile.ZipFile(path) as zf:
        data = zf.read(fmt.FRAMEWORK)
        manifest = json.loads(zf.read(fmt.MANIFEST))
    assert data == canonical_bytes(official)
    assert manifest["files"] == [{"path": fmt.FRAMEWORK, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}]
    assert manifest["framework"] == {"id": official.id, "sha256": official.sha256}
    assert manifest["kind"] == "framework" and manifest["agency"]["name"] == "Sở Nội vụ tỉnh Thử Nghiệm"
