"""verify_detached: every verdict, every way a signature can be wrong, and it never raises."""

from __future__ import annotations

import datetime as _dt
import random

import pytest
from asn1crypto import cms

from cchc_desktop.core.signing.api import TrustStore, Verdict
from cchc_desktop.core.signing.certutil import agency_code_of
from cchc_desktop.core.signing.cms import SoftwareSigner, build_signed_data, software_sign_callback
from cchc_desktop.core.signing.verify import verify_detached

from .conftest import CONTENT, now, self_signed


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


def test_valid_with_a_current_crl(pki, agency) -> None:
    report = verify_detached(agency.sign_detached(CONTENT), CONTENT, pki.trust())
    assert report.verdict is Verdict.VALID and report.ok
    assert report.findings == ()
    assert report.agency_code == "XA-001"
    assert report.revocation == "good"
    assert report.signer == agency.certificate
    assert report.chain == (agency.certificate, pki.cert)
    assert report.signing_time is not None and abs(report.signing_time - now()) < _dt.timedelta(minutes=1)


def test_unknown_without_a_crl(pki, agency) -> None:
    report = verify_detached(agency.sign_detached(CONTENT), CONTENT, pki.trust(crl=False))
    assert report.verdict is Verdict.UNKNOWN
    assert codes(report) == ["revocation_unknown"]
    f = report.findings[0]
    assert f.fatal is False
    assert f.vi.startswith("Chưa kiểm tra được tình trạng thu hồi chứng thư (không có danh sách thu hồi CRL còn hiệu lực).")
    assert report.revocation == "unknown"


def test_unknown_with_an_outdated_crl(pki, agency) -> None:
    stale = pki.crl(when=now() - _dt.timedelta(days=60))  # nextUpdate 30 days ago
    report = verify_detached(agency.sign_detached(CONTENT), CONTENT, TrustStore(anchors=[pki.cert], crls=[stale]))
    assert report.verdict is Verdict.UNKNOWN and codes(report) == ["revocation_unknown"]


def test_crl_of_another_ca_does_not_count(pki, other_pki, agency) -> None:
    report = verify_detached(agency.sign_detached(CONTENT), CONTENT,
                             TrustStore(anchors=[pki.cert], crls=[other_pki.crl()]))
    assert report.verdict is Verdict.UNKNOWN


def test_changed_content_is_invalid(pki, agency) -> None:
    sig = agency.sign_detached(CONTENT)
    changed = CONTENT[:-1] + bytes([CONTENT[-1] ^ 1])
    report = verify_detached(sig, changed, pki.trust())
    assert report.verdict is Verdict.INVALID
    assert codes(report) == ["content_mismatch"]
    assert report.findings[0].vi == "Chữ ký không khớp với nội dung: tệp đã bị thay đổi sau khi ký."


def test_flipped_signature_bytes_are_invalid(pki, agency) -> None:
    sig = agency.sign_detached(CONTENT)
    value = cms.ContentInfo.load(sig)["content"]["signer_infos"][0]["signature"].native
    at = sig.rfind(value) + len(value) // 2
    bad = sig[:at] + bytes([sig[at] ^ 0x5A]) + sig[at + 1:]
    report = verify_detached(bad, CONTENT, pki.trust())
    assert report.verdict is Verdict.INVALID
    assert "signature_invalid" in codes(report)


def test_rsa_round_trip(rsa_pki) -> None:
    signer = rsa_pki.signer("SO-NV")
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT, rsa_pki.trust())
    assert report.verdict is Verdict.VALID, report.findings
    assert report.agency_code == "SO-NV"


def test_untrusted_ca(pki, other_pki) -> None:
    sig = other_pki.signer("XA-001").sign_detached(CONTENT)
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.INVALID
    assert codes(report) == ["untrusted"]
    assert report.findings[0].vi == ("Chứng thư của người ký không được tin cậy "
                                     "(không thuộc CA của tỉnh hoặc danh sách đã ghim).")


def test_self_signed_signer_not_in_trust_is_untrusted(pki) -> None:
    sig = self_signed("XA-001").sign_detached(CONTENT)
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.INVALID and "untrusted" in codes(report)


def test_pinned_self_signed_certificate_binds_the_pins_code(pki) -> None:
    signer = self_signed("XA-CERT")
    trust = TrustStore(anchors=[pki.cert], pinned={"XA-PIN": signer.certificate})
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT, trust)
    assert report.verdict is Verdict.VALID, report.findings
    assert report.agency_code == "XA-PIN"  # the pin decides, not the certificate's own claim
    assert report.chain == (signer.certificate,)


def test_a_pin_of_another_certificate_does_not_trust_the_signer() -> None:
    signer, other = self_signed("XA-001"), self_signed("XA-001")
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT, TrustStore(pinned={"XA-001": other.certificate}))
    assert report.verdict is Verdict.INVALID and "untrusted" in codes(report)


def test_revoked_certificate_is_invalid(pki) -> None:
    signer = pki.signer("XA-009")
    trust = TrustStore(anchors=[pki.cert], crls=[pki.crl((signer.certificate.serial_number,))])
    report = verify_detached(signer.sign_detached(CONTENT), CONTENT, trust)
    assert report.verdict is Verdict.INVALID
    assert codes(report) == ["revoked"]
    assert report.findings[0].vi.startswith("Chứng thư đã bị thu hồi.")
    assert report.revocation == "revoked"


def test_certificate_expired_at_signing_time_is_invalid(pki) -> None:
    past = _dt.datetime(2021, 1, 1, tzinfo=_dt.timezone.utc)
    signer = pki.signer("XA-OLD", when=past, days=30)
    sig = signer.sign_detached(CONTENT, signing_time=past + _dt.timedelta(days=400))
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.INVALID and codes(report) == ["expired"]


def test_expired_now_but_valid_at_signing_is_fine(pki) -> None:
    past = _dt.datetime(2021, 1, 1, tzinfo=_dt.timezone.utc)
    signer = pki.signer("XA-OLD", when=past, days=30)
    sig = signer.sign_detached(CONTENT, signing_time=past + _dt.timedelta(days=10))
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.VALID, report.findings


def test_signing_before_the_certificate_is_invalid(pki) -> None:
    signer = pki.signer("XA-NEW")
    sig = signer.sign_detached(CONTENT, signing_time=now() - _dt.timedelta(days=30))
    assert codes(verify_detached(sig, CONTENT, pki.trust())) == ["not_yet_valid"]


def test_signing_time_far_in_the_future_is_invalid(pki, agency) -> None:
    sig = agency.sign_detached(CONTENT, signing_time=now() + _dt.timedelta(days=3))
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.INVALID and codes(report) == ["signing_time_future"]
    # a few hours of clock skew is tolerated
    sig = agency.sign_detached(CONTENT, signing_time=now() + _dt.timedelta(hours=3))
    assert verify_detached(sig, CONTENT, pki.trust()).verdict is Verdict.VALID


def test_sha1_digest_is_refused(pki, agency) -> None:
    sig = build_signed_data(CONTENT, agency.certificate, [pki.cert], software_sign_callback(agency.private_key, "sha1"),
                            digest_algorithm="sha1", signature_algorithm="sha1_ecdsa")
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.INVALID and codes(report) == ["weak_digest"]


def test_two_signer_infos_are_refused(pki, agency) -> None:
    a = cms.ContentInfo.load(agency.sign_detached(CONTENT))["content"]
    b = cms.ContentInfo.load(pki.signer("XA-002").sign_detached(CONTENT))["content"]
    sd = cms.SignedData({
        "version": "v1",
        "digest_algorithms": [{"algorithm": "sha256"}],
        "encap_content_info": {"content_type": "data"},
        "certificates": list(a["certificates"]) + list(b["certificates"]),
        "signer_infos": [a["signer_infos"][0], b["signer_infos"][0]],
    })
    sig = cms.ContentInfo({"content_type": "signed_data", "content": sd}).dump()
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.INVALID and codes(report) == ["signer_count"]


def test_signature_without_the_signer_certificate(pki, agency) -> None:
    info = cms.ContentInfo.load(agency.sign_detached(CONTENT))
    sd = info["content"]
    stripped = cms.SignedData({
        "version": "v1", "digest_algorithms": sd["digest_algorithms"], "encap_content_info": sd["encap_content_info"],
        "certificates": [c for c in sd["certificates"] if c.chosen.subject == sd["signer_infos"][0]["sid"].chosen["issuer"]],
        "signer_infos": sd["signer_infos"],
    })
    sig = cms.ContentInfo({"content_type": "signed_data", "content": stripped}).dump()
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.INVALID and codes(report) == ["signer_cert_missing"]


def test_chain_certificates_need_not_be_carried(pki, agency) -> None:
    bare = SoftwareSigner(agency.private_key, agency.certificate)  # no chain in the CMS: the anchor is in trust
    assert verify_detached(bare.sign_detached(CONTENT), CONTENT, pki.trust()).verdict is Verdict.VALID


@pytest.mark.parametrize("sig", [
    b"", b"\x00", b"\x30", b"\x30\x80", b"\x30\x84\xff\xff\xff\xff", b"not a signature at all",
    bytes(range(256)) * 4, b"\x30" * 5000, b"\x30\x82\x00\x00",
], ids=lambda s: f"{len(s)}B")
def test_garbage_never_raises(pki, sig: bytes) -> None:
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.INVALID and report.findings and report.findings[0].fatal


def test_truncated_and_mutated_signatures_never_raise(pki, agency) -> None:
    sig = agency.sign_detached(CONTENT)
    trust = pki.trust()
    for n in (1, 10, len(sig) // 2, len(sig) - 1):
        assert verify_detached(sig[:n], CONTENT, trust).verdict is Verdict.INVALID
    rnd = random.Random(20260302)
    for _ in range(300):
        bad = bytearray(sig)
        for _ in range(rnd.randint(1, 3)):
            bad[rnd.randrange(len(bad))] = rnd.randrange(256)
        report = verify_detached(bytes(bad), CONTENT, trust)
        # bytes outside what is signed (a carried copy of the CA certificate, the SignedData version)
        # may change without harm; anything else makes it invalid.  Never an exception.
        assert isinstance(report.verdict, Verdict)


def test_wrong_outer_type_and_embedded_content(pki, agency) -> None:
    data = cms.ContentInfo({"content_type": "data", "content": b"x"}).dump()
    assert codes(verify_detached(data, CONTENT, pki.trust())) == ["not_signed_data"]
    assert verify_detached(b"\x00" * (2 * 1024 * 1024), CONTENT, pki.trust()).verdict is Verdict.INVALID
    info = cms.ContentInfo.load(agency.sign_detached(CONTENT))
    sd = info["content"]
    attached = cms.SignedData({
        "version": "v1", "digest_algorithms": sd["digest_algorithms"],
        "encap_content_info": {"content_type": "data", "content": CONTENT},
        "certificates": sd["certificates"], "signer_infos": sd["signer_infos"],
    })
    sig = cms.ContentInfo({"content_type": "signed_data", "content": attached}).dump()
    assert codes(verify_detached(sig, CONTENT, pki.trust())) == ["not_detached"]


def test_non_bytes_input_does_not_raise(pki) -> None:
    assert verify_detached(None, CONTENT, pki.trust()).verdict is Verdict.INVALID  # type: ignore[arg-type]


def test_agency_code_from_san_uri_and_from_uid() -> None:
    with_san = self_signed("XA-SAN").certificate
    assert agency_code_of(with_san) == "XA-SAN"
    uid_only = self_signed("XA-UID", san=False).certificate
    assert agency_code_of(uid_only) == "XA-UID"
    assert agency_code_of(self_signed(None).certificate) is None


def test_san_uri_wins_over_uid(pki) -> None:
    _, cert = pki.issue("XA-SAN")
    assert agency_code_of(cert) == "XA-SAN"
    from cryptography import x509

    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.UniformResourceIdentifier) == ["urn:cchc:agency:XA-SAN"]
