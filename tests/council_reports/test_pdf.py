"""The publication PDF and the per-agency appraisal PDFs, read back with poppler: content and
Vietnamese diacritics, fonts embedded, the hash on every page and the QR code on page 1, page 1
not blank; the result package's hash once a result was issued."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cchc_desktop.core.reports.council_model import DIGEST_LABEL, DRAFT_LABEL, ISSUED_LABEL
from cchc_desktop.core.services.council_reports import export_council_reports

from ..reports.helpers import page_count, pdffonts, pdftotext, render_page
from .conftest import REASON_1, REASON_2, REVIEWER_1

pytestmark = pytest.mark.usefixtures("poppler")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def rows(pdf: Path) -> str:
    """The text with the tables' rows kept on their lines (pdftotext -layout), spaces squeezed."""
    import subprocess

    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in out.stdout.decode("utf-8").splitlines())


def dark(img) -> int:
    return sum(img.histogram()[:128])


def assert_fonts_embedded(pdf: Path) -> None:
    fonts = pdffonts(pdf)
    assert fonts, "no font at all"
    for row in fonts:
        assert row[0].split("+")[-1].startswith("LiberationSerif"), row
        assert row[-5] == "yes", f"not embedded: {row}"  # emb column


def assert_not_blank(pdf: Path, stem: Path) -> None:
    from PIL import Image

    img = Image.open(render_page(pdf, stem, dpi=40)).convert("L")
    assert dark(img) > 0.01 * img.width * img.height, "page 1 looks blank"


def assert_hash_on_every_page(pdf: Path, footer: str) -> int:
    n = page_count(pdf)
    for page in range(1, n + 1):
        text = flat(pdftotext(pdf, page))
        assert footer in text, page
        assert f"Trang {page}/{n}" in text, page
    return n


def qr_dark_fraction(pdf: Path, stem: Path, page: int) -> float:
    from PIL import Image

    from cchc_desktop.core.reports.document import PAGE_MARGINS
    from cchc_desktop.core.reports.stamp import QR_SIZE, qr_position

    x0, y0 = qr_position(595.2756, PAGE_MARGINS["right"])
    scale = 100 / 72
    crop = (int(x0 * scale), int((841.89 - y0 - QR_SIZE) * scale), int(QR_SIZE * scale), int(QR_SIZE * scale))
    img = Image.open(render_page(pdf, stem, dpi=100, page=page, crop=crop)).convert("L")
    return dark(img) / (img.width * img.height)


@pytest.fixture
def exported(council_round, opts, tmp_path):
    out = tmp_path / "ra"
    out.mkdir()
    return export_council_reports(council_round, None, out / "bao-cao.pdf", out / "tung-co-quan", opts)


def test_the_publication_report(exported, council_round, tmp_path):
    pdf = exported.pdf
    text = flat(pdftotext(pdf))
    for expected in ("UBND TỈNH KHÁNH HÒA", "HỘI ĐỒNG THẨM ĐỊNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "/BC-HĐTĐ", "Khánh Hòa, ngày 15 tháng 01 năm 2027", "BÁO CÁO",
                     "Kết quả xác định Chỉ số cải cách hành chính năm 2026", "của UBND các xã, phường",
                     "I. KẾT QUẢ CHUNG", "II. BẢNG XẾP HẠNG", "III. BIỂU ĐỒ", "Xếp loại Khá: 2 cơ quan, đơn vị",
                     "UBND xã Một", "UBND xã Hai *", "Chưa nộp hồ sơ tự đánh giá (không xếp hạng): UBND xã Ba (XA-003)",
                     "Số cơ quan, đơn vị theo xếp loại", "Tỷ lệ điểm bình quân theo lĩnh vực",
                     "Công tác chỉ đạo, điều hành", "Điều tra xã hội học", "Nơi nhận:", "Sở Nội vụ;", "Lưu: VT, HĐTĐ.",
                     "TM. HỘI ĐỒNG THẨM ĐỊNH", "CHỦ TỊCH", "Lê Văn Thành", "đồng hạng"):
        assert expected in text, expected
    # Both agencies share rank 1, with the index and the category on their rows.
    table = rows(pdf)
    assert "=1 XA-001 UBND xã Một 5,75 13,25 17 77,94 Khá" in table, table
    assert "=1 XA-002 UBND xã Hai * 5,75 13,25 17 77,94 Khá" in table, table
    n = assert_hash_on_every_page(pdf, f"{DIGEST_LABEL}: {exported.digest}")
    assert n >= 2
    assert_fonts_embedded(pdf)
    assert_not_blank(pdf, tmp_path / "trang-1")
    assert qr_dark_fraction(pdf, tmp_path / "qr-1", 1) > 0.25
    assert qr_dark_fraction(pdf, tmp_path / "qr-2", 2) < 0.08


def test_the_agency_appraisal_pdf_is_a_draft_with_the_submission_hash(exported, council_round, tmp_path):
    one = exported.agency_pdfs[0]
    sha = council_round.submission("XA-001").manifest_sha256
    assert one.sha256 == sha and not one.issued
    text = flat(pdftotext(one.path))
    for expected in ("THÔNG BÁO", "Kết quả thẩm định, xác định Chỉ số cải cách hành chính năm 2026", "của UBND xã Một",
                     "/TB-HĐTĐ", "DỰ THẢO — CHƯA BAN HÀNH KẾT QUẢ", "II. ĐIỂM TỰ CHẤM VÀ ĐIỂM THẨM ĐỊNH THEO TIÊU CHÍ",
                     flat(REASON_1), flat(REASON_2), f"{REVIEWER_1}, vòng 1", "Sáng kiến CCHC", "Kiểm tra của tỉnh",
                     "Điểm điều tra xã hội học", "77,94%", "Khá", "=1 trong số 2 cơ quan, đơn vị được xếp hạng",
                     "đồng hạng với XA-002", "Đã thẩm định 8/8 tiêu chí", "Nơi nhận:", "UBND xã Một;", "Lê Văn Thành"):
        assert expected in text, expected
    table = rows(one.path)
    for line in ("1.4 Sáng kiến CCHC 2 1,5 1 Chỉ một sáng kiến được công", "2.3 Kiểm tra của tỉnh 2 — 1,5 Kiểm tra đạt một phần",
                 "2.1 Hồ sơ giải quyết đúng hạn 3 KAD KAD Không áp dụng", "III Điều tra xã hội học 8 — 6,5",
                 "Tổng điểm 5,75 13,25", "Chỉ số (%) 82,14% 77,94%", "Xếp loại Tốt Khá", "Thứ hạng =1/2"):
        assert line in table, line
    assert_hash_on_every_page(one.path, f"{DRAFT_LABEL}: {sha}")
    assert_fonts_embedded(one.path)
    assert_not_blank(one.path, tmp_path / "trang-1")
    two = flat(pdftotext(exported.agency_pdfs[1].path))
    assert "Đã thẩm định 2/8 tiêu chí" in two and "Chưa thẩm định, giữ điểm tự chấm" in two


def test_an_issued_result_puts_its_hash_on_the_agency_pdf(issuing_round, pki, tmp_path):
    """XA-001 got a result package: its PDF carries that package's manifest hash and says nothing
    of a draft; XA-002 did not: a draft.  Once XA-001's figures change, a draft again."""
    from cchc_desktop.core.services.results import issue_result

    ws = issuing_round
    issued = issue_result(ws, "XA-001", tmp_path / "kq.cchc", pki.council)
    r = export_council_reports(ws, agency_pdfs_dir=tmp_path / "pdf")
    by = {a.agency_code: a for a in r.agency_pdfs}
    assert by["XA-001"].issued and by["XA-001"].sha256 == issued.manifest_sha256
    text = flat(pdftotext(by["XA-001"].path))
    assert "DỰ THẢO" not in text and "gói kết quả lần 1" in text
    assert_hash_on_every_page(by["XA-001"].path, f"{ISSUED_LABEL}: {issued.manifest_sha256}")
    assert not by["XA-002"].issued and by["XA-002"].sha256 == ws.submission("XA-002").manifest_sha256
    assert "DỰ THẢO — CHƯA BAN HÀNH KẾT QUẢ" in flat(pdftotext(by["XA-002"].path))
    assert "2 trong số 2" in text

    ws.appraise("XA-001", "1.3", "0", "Không có tài liệu tuyên truyền.", reviewer=REVIEWER_1)
    again = export_council_reports(ws, agency_pdfs_dir=tmp_path / "pdf2", agencies=["XA-001"])
    [a] = again.agency_pdfs
    assert not a.issued and a.sha256 == ws.submission("XA-001").manifest_sha256
    text = flat(pdftotext(a.path))
    assert "DỰ THẢO — CHƯA BAN HÀNH KẾT QUẢ" in text and "đã thay đổi sau khi ban hành gói kết quả lần 1" in text
    ws.undo()  # the figures of the issued result again: its hash again
    [b] = export_council_reports(ws, agency_pdfs_dir=tmp_path / "pdf3", agencies=["XA-001"]).agency_pdfs
    assert b.issued and b.sha256 == issued.manifest_sha256


@pytest.mark.xfail(strict=True, reason=(
    "Bug in the shared building blocks (not this module's): document.signature_flowable() returns a KeepTogether; "
    "agency_pdf.build_story nests it in another KeepTogether([closing, …]), where reportlab reads the inner one's "
    "height as 0xffffff and always breaks the page: the closing sentence and the signature of the agency's report "
    "start a new page even when there is room. council_pdf.closing_with_signature works around it by unpacking "
    "the parts; the fix belongs in document.py (return the parts, or a flat KeepTogether callers can extend)."))
def test_the_signature_nested_as_agency_pdf_does_fits_on_a_page_with_room(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate

    from cchc_desktop.core.reports.document import SignatureBlock, signature_flowable
    from cchc_desktop.core.reports.styles import make_styles

    st = make_styles()
    story = [Paragraph("Nội dung báo cáo ngắn.", st.body),
             KeepTogether([Paragraph("Trên đây là báo cáo./.", st.body),
                           signature_flowable(SignatureBlock(recipients=("Sở Nội vụ",)), 400)])]
    out = tmp_path / "ky.pdf"
    SimpleDocTemplate(str(out), pagesize=A4).build(story)
    assert page_count(out) == 1
