"""The stored sample of format v1 still opens (ARCHITECTURE.md: one sample per released format version).

tests/data/packages/v1/ holds a submission made once by tests/data/packages/make_sample.py when v1
was released, with the test CA (valid 2026-01-01 to 2045-12-31) and its CRL (nextUpdate
2045-12-31).  Its bytes are pinned: a change of the reader, the manifest, the framework's canonical
form or the assessment document that breaks old packages fails here; regenerating the sample to make
it pass is not allowed (make a v2 sample instead).

`verify_package` takes no `now` (it always checks revocation against the current time), so:
- everything but revocation is checked independently of the date: against the CA alone the verdict
  is UNKNOWN and the ONLY finding is the non-fatal revocation_unknown;
- the signature, chain and CRL are checked at fixed times with `verify_detached(now=...)`: VALID
  with revocation "good" in 2030 and in 2045;
- with the stored CRL, `verify_package` says VALID today (until the CRL's nextUpdate in 2045; after
  that, UNKNOWN only because of revocation_unknown, which the test then asserts instead);
- the council imports it into a round of the framework it encloses, re-scoring it.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

from cryptography import x509

from cchc_desktop.core.framework.load import parse_framework
from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.signing.certutil import utcnow
from cchc_desktop.core.signing.trust import load_trust
from cchc_desktop.core.signing.verify import verify_detached

from ..conftest import DATA_DIR, TEST_ACTOR, fixed_clock

V1 = DATA_DIR / "packages" / "v1"
SAMPLE = V1 / "submission-XA-MAU.cchc"
TRUST = V1 / "trust"
SAMPLE_SHA256 = "26bc0d2a439c5613df1cbdf621a0bab9020ebeb0552ef99c5e53cd7b5b823cfc"
MANIFEST_SHA256 = "afc50962650122d4ce13243c78e7a671f744cf2cdeceb8d65b53c78b069794c0"
UTC = _dt.UTC


def test_the_sample_is_the_one_made_at_release() -> None:
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == SAMPLE_SHA256
    crl = x509.load_pem_x509_crl((TRUST / "ca.crl").read_bytes())
    ca = x509.load_pem_x509_certificate((TRUST / "ca.crt").read_bytes())
    assert crl.next_update_utc == ca.not_valid_after_utc == _dt.datetime(2045, 12, 31, tzinfo=UTC)


def test_everything_but_revocation_verifies_at_any_date(tmp_path: Path) -> None:
    only_ca = tmp_path / "ca"
    only_ca.mkdir()
    shutil.copy(TRUST / "ca.crt", only_ca / "ca.crt")
    report = verify_package(SAMPLE, load_trust(only_ca))
    assert report.verdict is Verdict.UNKNOWN
    assert [(f.code, f.fatal) for f in report.findings] == [("revocation_unknown", False)]
    m = report.manifest
    assert m is not None and report.manifest_sha256 == MANIFEST_SHA256
    assert (m.format_version, m.kind, m.agency_code, m.agency_name, m.year, m.round, m.sequence, m.previous_sha256) == (
        1, "submission", "XA-MAU", "UBND xã Mẫu", 2026, 1, 1, None)
    assert m.framework_id == "test-mini" and m.created_at == "2026-03-02T08:30:00.000+00:00"
    assert sorted(report.data) == sorted(fmt.DATA_NAMES)
    assert json.loads(report.data[fmt.ASSESSMENT])["format"] == "cchc-assessment"
    sig = report.signature
    assert sig is not None and sig.agency_code == "XA-MAU" and sig.signing_time == _dt.datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def test_signature_chain_and_crl_verify_at_fixed_dates() -> None:
    with zipfile.ZipFile(SAMPLE) as zf:
        manifest, signature = zf.read(fmt.MANIFEST), zf.read(fmt.SIGNATURE)
    trust = load_trust(TRUST)
    for when in (_dt.datetime(2030, 6, 1, tzinfo=UTC), _dt.datetime(2045, 12, 30, tzinfo=UTC)):
        report = verify_detached(signature, manifest, trust, now=when)
        assert report.verdict is Verdict.VALID, (when, report.findings)
        assert report.revocation == "good" and report.agency_code == "XA-MAU"
    late = verify_detached(signature, manifest, trust, now=_dt.datetime(2046, 1, 2, tzinfo=UTC))
    assert late.verdict is Verdict.UNKNOWN and [f.code for f in late.findings] == ["revocation_unknown"]


def test_the_sample_verifies_and_imports_today(mini_framework, tmp_path: Path) -> None:
    crl_current = utcnow() <= x509.load_pem_x509_crl((TRUST / "ca.crl").read_bytes()).next_update_utc
    report = verify_package(SAMPLE, load_trust(TRUST))
    if crl_current:  # until 2045-12-31
        assert report.verdict is Verdict.VALID and report.findings == (), report.reasons()
        assert report.signature is not None and report.signature.revocation == "good"
    else:
        assert report.verdict is Verdict.UNKNOWN and [f.code for f in report.findings] == ["revocation_unknown"]

    framework, _ = parse_framework(report.data[fmt.FRAMEWORK])  # the round of the framework it carries
    assert framework.sha256 == report.manifest.framework_sha256  # type: ignore[union-attr]
    with InspectionWorkspace.create(tmp_path / "hd", framework, 2026, TRUST, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        [r] = ws.import_packages([SAMPLE], allow_unknown_revocation=not crl_current)
        assert r.status == "imported", r.reasons()
        assert (r.agency_code, r.sequence, r.manifest_sha256) == ("XA-MAU", 1, MANIFEST_SHA256)
        assert not r.score_mismatch and r.final_points == Decimal("5.75") and r.assessable_max == Decimal(7)
        assert len(ws.answers(MANIFEST_SHA256)) == 10
        docs = ws.documents(MANIFEST_SHA256)
        assert sorted(d.file_name for d in docs) == ["bao-cao.pdf", "qd-ke-hoach.pdf"]
        for d in docs:
            assert hashlib.sha256(ws.evidence_path(d.sha256).read_bytes()).hexdigest() == d.sha256
