"""Fixtures of the results/rebuttal tests: a province PKI with council certificates, a council round
where three agencies submitted the mini answers (exported by their own workspaces, so each agency
knows its submission), and helpers to build hostile packages with the real writer and signer.

Everything signed is EC and made once per session.  The scenario's appraisals and survey points
are chosen so that every number of the result can be computed by hand (see test_issue.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from cchc_desktop import __version__
from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.package.result_format import REBUTTAL, RESULT, dump
from cchc_desktop.core.package.writer import EvidenceSource, WrittenPackage, write_package
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.export import export_submission
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.signing.cms import SoftwareSigner
from cchc_desktop.core.signing.trust import load_trust

from ..conftest import TEST_ACTOR, fixed_clock
from ..inspection.conftest import _clean_cli_environment, cli  # noqa: F401 - fixtures
from ..inspection.helpers import PASSPHRASE
from ..signing import conftest as signing_fixtures

openssl = signing_fixtures.openssl  # the openssl executable, or skip

CODES = ("XA-001", "XA-002", "XA-003")
NAMES = {"XA-001": "UBND xã Một", "XA-002": "UBND xã Hai", "XA-003": "UBND xã Ba"}


@dataclass(frozen=True)
class Pki:
    ca: SoftwareSigner  # the province CA itself (it may sign results)
    ca_pem: bytes
    crl_pem: bytes
    agencies: dict[str, SoftwareSigner]  # issued by the CA, bound to their codes
    council: SoftwareSigner  # council certificate issued by the CA (urn:cchc:role:council)
    framework_signer: SoftwareSigner  # a province role that may NOT sign results
    rogue_council: SoftwareSigner  # a council certificate of a CA nobody trusts
    trust: Path  # ca.crt + ca.crl
    other_trust: Path  # another CA only


def _ca(name: str) -> tuple[SoftwareSigner, bytes, bytes]:
    from cchc_desktop.core.signing.ca import init_ca
    from cchc_desktop.core.signing.keys import load_pkcs12_bytes

    p12, pem, crl = init_ca(name, PASSPHRASE, "ec")
    return load_pkcs12_bytes(p12, PASSPHRASE), pem, crl


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    from cchc_desktop.core.signing import ca as ca_mod
    from cchc_desktop.core.signing.keys import generate_private_key

    province, ca_pem, crl_pem = _ca("Sở Nội vụ tỉnh Thử Nghiệm")
    other, other_pem, _ = _ca("CA không được tin cậy")

    def agency(code: str) -> SoftwareSigner:
        # The CA issues from the request as `cchc ca issue` does (no PKCS#12 here: 600 000 PBKDF2 rounds each).
        from cryptography.hazmat.primitives import hashes, serialization

        from cchc_desktop.core.signing.certutil import agency_san, agency_subject

        key = generate_private_key("ec")
        csr = (x509.CertificateSigningRequestBuilder().subject_name(agency_subject(NAMES[code], code))
               .add_extension(agency_san(code), critical=False).sign(key, hashes.SHA256()))
        pem = ca_mod.issue(province.private_key, province.certificate, csr.public_bytes(serialization.Encoding.PEM))
        return SoftwareSigner(key, x509.load_pem_x509_certificate(pem), [province.certificate])

    def role(issuer: SoftwareSigner, name: str, framework: bool = False) -> SoftwareSigner:
        key = generate_private_key("ec")
        make = ca_mod.issue_framework_signer if framework else ca_mod.issue_council_signer
        cert = make(issuer.private_key, issuer.certificate, key.public_key(), name)
        return SoftwareSigner(key, cert, [issuer.certificate])

    root = tmp_path_factory.mktemp("pki")
    trust, other_trust = root / "tinh", root / "khac"
    for folder, pem, crl in ((trust, ca_pem, crl_pem), (other_trust, other_pem, None)):
        folder.mkdir()
        (folder / "ca.crt").write_bytes(pem)
        if crl:
            (folder / "ca.crl").write_bytes(crl)
    return Pki(
        ca=SoftwareSigner(province.private_key, province.certificate), ca_pem=ca_pem, crl_pem=crl_pem,
        agencies={c: agency(c) for c in CODES},
        council=role(province, "Hội đồng thẩm định CCHC tỉnh Thử Nghiệm"),
        framework_signer=role(province, "Sở Nội vụ - ký bộ tiêu chí", framework=True),
        rogue_council=role(other, "Hội đồng giả mạo"),
        trust=trust, other_trust=other_trust,
    )


@dataclass
class Scenario:
    """A council round with XA-001..XA-003 submitted and appraised (round 1); their agency folders."""

    council: InspectionWorkspace
    agencies: dict[str, Path]  # code -> agency workspace folder (each exported its own submission)
    submissions: dict[str, Path]  # code -> the submission package
    root: Path
    pki: Pki
    _opened: list[Any]

    def agency(self, code: str = "XA-001") -> AgencyWorkspace:
        ws = AgencyWorkspace.open(self.agencies[code], clock=fixed_clock, actor=TEST_ACTOR)
        self._opened.append(ws)
        return ws


def add_survey(ws: InspectionWorkspace, code: str, points: str) -> None:
    """Survey points for 3.1 (the survey Excel import is tested elsewhere)."""
    from sqlalchemy.orm import Session

    from cchc_desktop.core.storage.orm import SurveyPointRow

    with Session(ws.engine) as s, s.begin():
        s.add(SurveyPointRow(agency_code=code, item_code="3.1", points=points, source_name="khao-sat.xlsx",
                             imported_at="2026-03-02T08:30:00.000+00:00"))


def _agency_folder(folder: Path, code: str) -> Path:
    """An agency workspace made and filled with the real CLI (in-process), as the inspection tests do."""
    import json

    from cchc_desktop.cli import main

    from ..inspection.helpers import MINI, answers_doc

    files = folder.parent / f"{folder.name}-tai-lieu"
    files.mkdir()
    answers = folder.parent / f"{folder.name}-tra-loi.json"
    answers.write_text(json.dumps(answers_doc(files), ensure_ascii=False), encoding="utf-8")
    assert main(["workspace", "init", str(folder), "--role", "agency", "--framework", str(MINI), "--agency-code", code,
                 "--agency-name", NAMES[code], "--year", "2026"]) == 0
    assert main(["assess", "fill", str(folder), "--answers", str(answers)]) == 0
    return folder


@pytest.fixture(scope="session")
def scenario_template(tmp_path_factory: pytest.TempPathFactory, pki: Pki, mini_framework: Any) -> Path:
    """Round 1, made once; `scenario` copies it.  As test_issue.py computes it by hand:

    - XA-001: 1.1.1 appraised 0, 1.4 appraised 1, 2.3 (council) 1.5, survey 6.5 -> 12.75 / 17 = 75%
    - XA-002: 2.3 appraised 2, survey 8 -> 15.75 / 17 = 92.65%
    - XA-003: as XA-001 -> tied with it.
    """
    root = tmp_path_factory.mktemp("kich-ban") / "sc"
    root.mkdir()
    council = InspectionWorkspace.create(root / "hoi-dong", mini_framework, 2026, pki.trust, clock=fixed_clock,
                                         actor=TEST_ACTOR)
    try:
        council.set_expected_agencies([(c, NAMES[c]) for c in CODES])
        subs = []
        for code in CODES:
            folder = _agency_folder(root / f"ag-{code}", code)
            with AgencyWorkspace.open(folder, clock=fixed_clock, actor=TEST_ACTOR) as ws:
                out = root / f"{code}-lan-1.cchc"
                subs.append(export_submission(ws, out, pki.agencies[code], allow_problems=True).package.path)
        results = council.import_packages(subs)
        assert all(r.status == "imported" for r in results), [r.reasons() for r in results]
        for code in ("XA-001", "XA-003"):
            council.appraise(code, "1.1.1", 0, "Không có quyết định ban hành kế hoạch trong hồ sơ", reviewer="Nguyễn Văn A")
            council.appraise(code, "1.4", 1, "Chỉ một sáng kiến được công nhận", reviewer="Trần Thị B")
            council.appraise(code, "2.3", "1.5", "Kiểm tra đạt một phần", reviewer="Trần Thị B")
            add_survey(council, code, "6.5")
        council.appraise("XA-002", "2.3", 2, "Đạt", reviewer="Trần Thị B")
        add_survey(council, "XA-002", "8")
    finally:
        council.close()
    return root


@pytest.fixture
def scenario(tmp_path: Path, pki: Pki, scenario_template: Path) -> Any:
    """A fresh copy of the round-1 scenario in tmp_path / "sc" (see scenario_template)."""
    import shutil

    root = tmp_path / "sc"
    shutil.copytree(scenario_template, root)
    council = InspectionWorkspace.open(root / "hoi-dong", clock=fixed_clock, actor=TEST_ACTOR)
    sc = Scenario(council, {c: root / f"ag-{c}" for c in CODES}, {c: root / f"{c}-lan-1.cchc" for c in CODES},
                  root, pki, [])
    yield sc
    for ws in sc._opened:
        ws.close()
    council.close()


# ---------------------------------------------------------------- packages built by hand


def write_kind(out: Path, signer: SoftwareSigner, kind: str, data: dict[str, bytes], *, agency_code: str = "XA-001",
               agency_name: str = "UBND xã Một", year: int = 2026, round_: int = 1, sequence: int = 1,
               previous: str | None = None, fw: Any = None, evidence: list[EvidenceSource] | None = None) -> WrittenPackage:
    """Any package of any kind, written by the real writer and signed by `signer`."""
    header = fmt.Manifest(
        kind=kind, agency_code=agency_code, agency_name=agency_name, year=year, round=round_, sequence=sequence,
        previous_sha256=previous, framework_id=fw.id if fw else "test-mini", framework_sha256=fw.sha256 if fw else "0" * 64,
        app_version=__version__, created_at="2026-03-05T08:30:00.000+00:00", files=())
    return write_package(out, header, data, evidence or [], signer)


def resign_result(src: Path, out: Path, signer: SoftwareSigner, mutate: Callable[[dict[str, Any]], None] | None = None,
                  **manifest: Any) -> WrittenPackage:
    """The result in `src`, its data changed by `mutate` and its manifest fields by `manifest`, signed by `signer`."""
    import json
    import zipfile

    with zipfile.ZipFile(src) as zf:
        m = json.loads(zf.read(fmt.MANIFEST))
        doc = json.loads(zf.read(RESULT))
    if mutate is not None:
        mutate(doc)
    fields = dict(agency_code=m["agency"]["code"], agency_name=m["agency"]["name"], year=m["year"], round_=m["round"],
                  sequence=m["sequence"], previous=m["previous_sha256"])
    fields.update(manifest)
    from types import SimpleNamespace

    fw = SimpleNamespace(id=m["framework"]["id"], sha256=m["framework"]["sha256"])
    return write_kind(out, signer, "result", {RESULT: dump(doc)}, fw=fw, **fields)


def rebuttal_package(out: Path, signer: SoftwareSigner, doc: dict[str, Any], *, fw: Any, sequence: int, previous: str | None,
                     agency_code: str = "XA-001", evidence: list[EvidenceSource] | None = None) -> WrittenPackage:
    return write_kind(out, signer, "rebuttal", {REBUTTAL: dump(doc)}, agency_code=agency_code, sequence=sequence,
                      previous=previous, fw=fw, evidence=evidence)


def rows(folder: Path, table: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(folder / "workspace.sqlite")
    try:
        return con.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608 - fixed names
    finally:
        con.close()


def trust_of(folder: Path) -> Any:
    return load_trust(folder)
