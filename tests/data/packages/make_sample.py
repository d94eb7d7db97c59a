"""Make the stored sample package of format v1 (run ONCE, when the format version is released).

    .venv/bin/python tests/data/packages/make_sample.py

writes, and never overwrites:

    tests/data/packages/v1/submission-XA-MAU.cchc   a submission of the mini framework (every rule kind,
                                                    N/A with reasons, notes, two evidence files)
    tests/data/packages/v1/trust/ca.crt             the long-lived test CA (valid 2026-01-01 to 2045-12-31)
    tests/data/packages/v1/trust/ca.crl             its empty CRL, nextUpdate 2045-12-31

The package is made with the application's own code (workspace, the answers file of `cchc assess
fill`, export, CMS signer), signed by an agency certificate (XA-MAU) of that CA, with a fixed signing time and clock.
The CA's CRL is built with cryptography directly: `ca.make_crl` caps a CRL at 30 days, and the
sample must keep verifying for years.  No private key is kept: nobody can sign anything else with
this CA, and the sample is never regenerated for v1 (tests/package/test_sample_v1.py pins its hash);
a new format version gets its own folder (v2/ ...) and keeps this one.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from cchc_desktop.core.framework.load import load_framework
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.answers_file import fill as fill_answers
from cchc_desktop.core.services.export import export_submission
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.cms import SoftwareSigner
from cchc_desktop.core.signing.keys import generate_private_key, load_pkcs12_bytes

UTC = _dt.UTC
VALID_FROM = _dt.datetime(2026, 1, 1, tzinfo=UTC)
VALID_TO = _dt.datetime(2045, 12, 31, tzinfo=UTC)
SIGNED_AT = _dt.datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
AGENCY_CODE, AGENCY_NAME = "XA-MAU", "UBND xã Mẫu"
HERE = Path(__file__).resolve().parent / "v1"
PACKAGE = HERE / f"submission-{AGENCY_CODE}.cchc"
CA_CRT = HERE / "trust" / "ca.crt"
CA_CRL = HERE / "trust" / "ca.crl"
MINI = ROOT / "tests" / "data" / "mini_framework.json"


class FixedTimeSigner:
    """The agency's software signer with a fixed signing time (the sample is reproducible in content)."""

    def __init__(self, inner: SoftwareSigner) -> None:
        self._inner = inner

    @property
    def certificate(self) -> x509.Certificate:
        return self._inner.certificate

    def sign_detached(self, content: bytes, signing_time: _dt.datetime | None = None) -> bytes:
        return self._inner.sign_detached(content, SIGNED_AT)


def make_ca() -> tuple[object, x509.Certificate, x509.CertificateRevocationList]:
    p12, _pem, _crl = ca_mod.init_ca("CA thử nghiệm mẫu gói v1 (tests/data/packages)", "mau-goi-v1", "ec",
                                     now=VALID_FROM, days=(VALID_TO - VALID_FROM).days)
    ca = load_pkcs12_bytes(p12, "mau-goi-v1")
    ski = ca.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.certificate.subject)
        .last_update(VALID_FROM)
        .next_update(VALID_TO)
        .add_extension(x509.CRLNumber(1), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .sign(ca.private_key, hashes.SHA256())  # type: ignore[arg-type]
    )
    return ca.private_key, ca.certificate, crl


def fill(folder: Path, files: Path) -> AgencyWorkspace:
    """The agency workspace, filled as `cchc assess fill` does, on a fixed clock (the change log is in the package)."""
    from tests.inspection.helpers import answers_doc  # every rule kind, N/A with reasons, two documents

    files.mkdir()
    answers = files.parent / "answers.json"
    answers.write_text(json.dumps(answers_doc(files), ensure_ascii=False), encoding="utf-8")
    ws = AgencyWorkspace.create(folder, load_framework(MINI), AGENCY_CODE, AGENCY_NAME, clock=lambda: SIGNED_AT,
                                actor="make_sample")
    fill_answers(ws, answers)
    assert not ws.problems()
    return ws


def generate() -> None:
    taken = [p for p in (PACKAGE, CA_CRT, CA_CRL) if p.exists()]
    if taken:
        raise SystemExit(f"{taken[0]} exists: the v1 sample is made once and never regenerated.")
    ca_key, ca_cert, crl = make_ca()
    agency_key = generate_private_key("ec")
    cert = ca_mod.issue_for_public_key(ca_key, ca_cert, agency_key.public_key(), AGENCY_CODE, AGENCY_NAME,
                                       days=(VALID_TO - VALID_FROM).days, now=VALID_FROM)
    signer = FixedTimeSigner(SoftwareSigner(agency_key, cert, [ca_cert]))
    with tempfile.TemporaryDirectory() as tmp:
        with fill(Path(tmp) / "co-quan", Path(tmp) / "tai-lieu") as ws:
            written = export_submission(ws, Path(tmp) / PACKAGE.name, signer).package
        CA_CRT.parent.mkdir(parents=True, exist_ok=True)
        PACKAGE.write_bytes(written.path.read_bytes())
    CA_CRT.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    CA_CRL.write_bytes(crl.public_bytes(serialization.Encoding.PEM))
    print(f"{PACKAGE.relative_to(ROOT)}: {written.size} bytes, manifest SHA-256 {written.manifest_sha256}")


if __name__ == "__main__":
    generate()
