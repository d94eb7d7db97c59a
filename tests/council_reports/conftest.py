"""Fixtures of the council report tests: a round where XA-001 and XA-002 submitted (XA-003 did
not), appraised with reasons and surveyed so that the two tie at rank 1 with a non-trivial index.

XA-001: every appraisable leaf appraised (1.4 lowered to 1, 2.3 council 1.5, the rest accepted);
XA-002: only 1.4 and 2.3 (same points, other reasons): incomplete.  Survey 3.1: 6.5 each.
Final points 13.25 / 17 = 77.94 % (Khá) for both: "=1".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.services.inspection import InspectionWorkspace

from ..appraisal.conftest import round_with  # noqa: F401 - fixture
from ..inspection.conftest import agency_folder, cli, council, keys, open_agency, trust_dirs  # noqa: F401
from ..reports.helpers import have_poppler

REASON_1 = "Chỉ một sáng kiến được công nhận; sáng kiến thứ hai chưa có quyết định công nhận của cấp có thẩm quyền."
REASON_2 = "Kiểm tra đạt một phần: còn 3 hồ sơ giải quyết trễ hạn."
REVIEWER_1 = "Nguyễn Thị Hằng"
REVIEWER_2 = "Trần Văn Đức"


def survey(ws: InspectionWorkspace, path: Path, points: dict[str, str]) -> None:
    import openpyxl

    ws.write_survey_template(path)
    wb = openpyxl.load_workbook(path)
    sh = wb.active
    for row in range(4, sh.max_row + 1):
        code = sh.cell(row, 1).value
        if code in points:
            sh.cell(row, 3, points[code])
    wb.save(path)
    ws.import_survey(path)


@pytest.fixture
def council_round(round_with: Callable[..., InspectionWorkspace], tmp_path: Path) -> InspectionWorkspace:  # noqa: F811
    ws = round_with("XA-001", "XA-002")
    ws.appraise("XA-001", "1.4", "1", REASON_1, reviewer=REVIEWER_1)
    ws.appraise("XA-001", "2.3", "1.5", REASON_2, reviewer=REVIEWER_2)
    for code in ("1.1.1", "1.1.2", "1.2", "1.3", "2.1", "2.2"):
        ws.accept_self("XA-001", code, reviewer=REVIEWER_1)
    ws.appraise("XA-002", "1.4", "1", "Sáng kiến chưa được Hội đồng sáng kiến công nhận.", reviewer=REVIEWER_1)
    ws.appraise("XA-002", "2.3", "1.5", "Còn hồ sơ trễ hạn.", reviewer=REVIEWER_2)
    survey(ws, tmp_path / "khao-sat.xlsx", {"XA-001": "6,5", "XA-002": "6.5"})
    return ws


@pytest.fixture(scope="session")
def poppler() -> None:
    if not have_poppler():
        pytest.skip("poppler-utils (pdftotext, pdffonts, pdftoppm) not installed")


@pytest.fixture
def opts() -> Any:
    import datetime as dt

    from cchc_desktop.core.reports.council_model import CouncilReportOptions

    return CouncilReportOptions(superior="UBND TỈNH KHÁNH HÒA", body="HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
                                place="Khánh Hòa", signer="Lê Văn Thành", date=dt.date(2027, 1, 15))



# ---------------------------------------------------------------- a round that can issue results


@dataclass(frozen=True)
class Pki:
    trust: Path  # ca.crt + ca.crl
    agencies: dict[str, Any]  # code -> SoftwareSigner issued by the CA
    council: Any  # a council certificate of the CA: may sign result packages


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    from cryptography import x509

    from cchc_desktop.core.signing import ca as ca_mod
    from cchc_desktop.core.signing.cms import SoftwareSigner
    from cchc_desktop.core.signing.keys import create_agency_key, generate_private_key, load_pkcs12_bytes

    from ..inspection.helpers import PASSPHRASE

    p12, pem, crl = ca_mod.init_ca("Sở Nội vụ tỉnh Thử Nghiệm", PASSPHRASE, "ec")
    province = load_pkcs12_bytes(p12, PASSPHRASE)

    def agency(code: str, name: str) -> SoftwareSigner:
        own_p12, _cert, csr = create_agency_key(code, name, PASSPHRASE, "ec")
        own = load_pkcs12_bytes(own_p12, PASSPHRASE)
        cert = x509.load_pem_x509_certificate(ca_mod.issue(province.private_key, province.certificate, csr))
        return SoftwareSigner(own.private_key, cert, [province.certificate])

    key = generate_private_key("ec")
    council_cert = ca_mod.issue_council_signer(province.private_key, province.certificate, key.public_key(),
                                               "Hội đồng thẩm định CCHC tỉnh Thử Nghiệm")
    trust = tmp_path_factory.mktemp("tin-cay")
    (trust / "ca.crt").write_bytes(pem)
    (trust / "ca.crl").write_bytes(crl)
    return Pki(trust, {"XA-001": agency("XA-001", "UBND xã Một"), "XA-002": agency("XA-002", "UBND xã Hai")},
               SoftwareSigner(key, council_cert, [province.certificate]))


@pytest.fixture
def issuing_round(pki: Pki, agency_folder: Callable[..., Path], open_agency: Callable[[Path], Any],  # noqa: F811
                  mini_framework: Any, tmp_path: Path) -> Any:
    """Like `council_round`, on a round whose CA also certified a council key (`pki.council`)."""
    from ..conftest import TEST_ACTOR, fixed_clock
    from ..inspection.helpers import build_package

    ws = InspectionWorkspace.create(tmp_path / "hoi-dong-kq", mini_framework, 2026, pki.trust, clock=fixed_clock,
                                    actor=TEST_ACTOR)
    ws.set_expected_agencies([("XA-001", "UBND xã Một"), ("XA-002", "UBND xã Hai")])
    for code in ("XA-001", "XA-002"):
        pkg = build_package(open_agency(agency_folder(f"kq-{code}", code)), tmp_path / f"kq-{code}.cchc", pki.agencies[code])
        [res] = ws.import_packages([pkg.path])
        assert res.ok, res.reasons()
    ws.appraise("XA-001", "1.4", "1", REASON_1, reviewer=REVIEWER_1)
    ws.appraise("XA-002", "2.3", "2", "Đạt yêu cầu kiểm tra.", reviewer=REVIEWER_2)
    try:
        yield ws
    finally:
        ws.close()
