"""Fixtures of the several-reviewers tests: a province CA with agency and council certificates, a
main round and reviewers' copies of it holding the same submissions."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from cchc_desktop import __version__
from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.package.writer import WrittenPackage, write_package
from cchc_desktop.core.services.appraisal_package import APPRAISALS, FORMAT
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.signing.cms import SoftwareSigner

from ..conftest import fixed_clock
from ..inspection.conftest import cli  # noqa: F401
from ..inspection.helpers import PASSPHRASE, build_package


@dataclass(frozen=True)
class MergeKeys:
    ca_pem: bytes
    crl_pem: bytes
    ca: SoftwareSigner
    xa1: SoftwareSigner  # agency XA-001
    xa2: SoftwareSigner  # agency XA-002
    lan: SoftwareSigner  # council member "Nguyễn Thị Lan"
    minh: SoftwareSigner  # council member "Trần Văn Minh"


def make_merge_keys() -> MergeKeys:
    from cchc_desktop.core.signing import ca as ca_mod
    from cchc_desktop.core.signing.keys import create_agency_key, generate_private_key, load_pkcs12_bytes

    p12, ca_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ tỉnh Thử Nghiệm", PASSPHRASE, "ec")
    ca = load_pkcs12_bytes(p12, PASSPHRASE)

    def agency(code: str, name: str) -> SoftwareSigner:
        key_p12, _cert, csr = create_agency_key(code, name, PASSPHRASE, "ec")
        own = load_pkcs12_bytes(key_p12, PASSPHRASE)
        cert = x509.load_pem_x509_certificate(ca_mod.issue(ca.private_key, ca.certificate, csr))
        return SoftwareSigner(own.private_key, cert, [ca.certificate])

    def council(name: str) -> SoftwareSigner:
        key = generate_private_key("ec")
        cert = ca_mod.issue_council_signer(ca.private_key, ca.certificate, key.public_key(), name)
        return SoftwareSigner(key, cert, [ca.certificate])

    return MergeKeys(ca_pem, crl_pem, ca, agency("XA-001", "UBND xã Một"), agency("XA-002", "UBND xã Hai"),
                     council("Nguyễn Thị Lan"), council("Trần Văn Minh"))


@pytest.fixture(scope="session")
def merge_keys() -> MergeKeys:
    return make_merge_keys()


@pytest.fixture(scope="session")
def merge_trust(tmp_path_factory: pytest.TempPathFactory, merge_keys: MergeKeys) -> Path:
    folder = tmp_path_factory.mktemp("merge-trust")
    (folder / "ca.crt").write_bytes(merge_keys.ca_pem)
    (folder / "ca.crl").write_bytes(merge_keys.crl_pem)
    return folder


@dataclass(frozen=True)
class Seed:
    round: Path  # a closed round holding both submissions (copied for each test: fast)
    submissions: tuple[Path, ...]  # XA-001, XA-002
    agencies: dict[str, Path]  # the agency workspaces they came from


@pytest.fixture(scope="session")
def seed(tmp_path_factory: pytest.TempPathFactory, merge_keys: MergeKeys, merge_trust: Path, mini_framework: Any) -> Seed:
    """Built once per session: two agencies fill the mini answers and submit; a round imports them."""
    from cchc_desktop.cli import main as cchc
    from cchc_desktop.core.services.agency import AgencyWorkspace

    from ..conftest import TEST_ACTOR
    from ..inspection.helpers import MINI, answers_doc

    root = tmp_path_factory.mktemp("merge-seed")
    subs, agencies = [], {}
    for code, signer in (("XA-001", merge_keys.xa1), ("XA-002", merge_keys.xa2)):
        folder, files = root / f"ag-{code}", root / f"tai-lieu-{code}"
        files.mkdir()
        answers = root / f"tra-loi-{code}.json"
        answers.write_text(json.dumps(answers_doc(files), ensure_ascii=False), encoding="utf-8")
        assert cchc(["workspace", "init", str(folder), "--role", "agency", "--framework", str(MINI), "--agency-code",
                     code, "--agency-name", f"UBND xã {code}", "--year", "2026"]) == 0
        assert cchc(["assess", "fill", str(folder), "--answers", str(answers)]) == 0
        with AgencyWorkspace.open(folder, clock=fixed_clock, actor=TEST_ACTOR) as ag:
            subs.append(build_package(ag, root / f"{code}.cchc", signer).path)
        agencies[code] = folder
    with InspectionWorkspace.create(root / "dot", mini_framework, 2026, merge_trust, clock=fixed_clock,
                                    actor="chu-tri") as ws:
        ws.set_expected_agencies([("XA-001", "UBND xã Một"), ("XA-002", "UBND xã Hai")])
        assert all(r.ok for r in ws.import_packages(subs))
    return Seed(root / "dot", tuple(subs), agencies)


@pytest.fixture
def copies(tmp_path: Path, seed: Seed) -> Iterator[Callable[[str], InspectionWorkspace]]:
    """`copies(actor)`: a copy of the round (same framework, trust, submissions) used by `actor`."""
    import shutil

    opened: list[InspectionWorkspace] = []

    def make(actor: str) -> InspectionWorkspace:
        folder = tmp_path / f"dot-{len(opened)}-{actor}"
        shutil.copytree(seed.round, folder)
        ws = InspectionWorkspace.open(folder, clock=fixed_clock, actor=actor)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def appraisal_package(out: Path, signer: SoftwareSigner, entries: list[dict[str, Any]], framework: Any,
                      year: int = 2026, mutate: Callable[[dict[str, Any]], None] | None = None) -> WrittenPackage:
    """An appraisal package written by hand (the real writer and signer): for hostile variants."""
    doc = {"format": FORMAT, "format_version": 1, "year": year,
           "framework": {"id": framework.id, "sha256": framework.sha256},
           "exported_at": "2026-03-02T08:30:00.000+00:00", "exported_by": "ke-la", "fields": None, "appraisals": entries}
    if mutate is not None:
        mutate(doc)
    header = fmt.Manifest(kind="appraisal", agency_code="*", agency_name="ke-la", year=year, round=1, sequence=1,
                          previous_sha256=None, framework_id=framework.id, framework_sha256=framework.sha256,
                          app_version=__version__, created_at="2026-03-02T08:30:00.000+00:00", files=())
    data = {APPRAISALS: json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")}
    return write_package(out, header, data, [], signer)


def entry(submission: str, item: str, points: str | None, reason: str = "Lý do", reviewer: str = "ke-la",
          agency: str = "XA-001", at: str = "2026-03-02T09:00:00.000+00:00", not_applicable: bool = False,
          rnd: int = 1) -> dict[str, Any]:
    return {"agency": agency, "submission_sha256": submission, "item": item, "round": rnd, "points": points,
            "not_applicable": not_applicable, "reason": reason, "reviewer": reviewer, "appraised_at": at}

