"""The agency's PDF report: the state-document layout and its Vietnamese text (read back with
pdftotext), every font embedded, page 1 not blank, the hash on every page, the QR code on page 1
holding that hash (module by module)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cchc_desktop.core.framework.codes import display_code
from cchc_desktop.core.reports.agency_model import ReportOptions, field_percents
from cchc_desktop.core.reports.stamp import QR_BORDER, QR_SIZE, qr_matrix, qr_position
from cchc_desktop.core.reports.styles import percent_text
from cchc_desktop.core.services.agency_report import build_agency_report

from .helpers import page_count, pdffonts, pdftotext, render_page

pytestmark = pytest.mark.usefixtures("poppler")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def dark_fraction(img, box=None) -> float:
    """Share of pixels darker than mid-grey (of a greyscale image, or of `box` in it)."""
    part = img.crop(box) if box else img
    hist = part.histogram()
    return sum(hist[:128]) / max(1, part.size[0] * part.size[1])


def flat(text: str) -> str:
    """pdftotext's text with line breaks and runs of spaces made single spaces."""
    return " ".join(nfc(text).split())


@pytest.fixture(scope="module")
def mini_pdf(mini_shared, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "bao-cao.pdf"
    build_agency_report(mini_shared, pdf_path=out, options=ReportOptions(superior="UBND huyện Thử", place="Thử Nghiệm",
                                                                          signer="Nguyễn Văn Một"))
    return out


@pytest.fixture
def filled_mini(mini_shared):
    return mini_shared  # read only here


def test_the_report_reads_as_a_vietnamese_state_document(mini_pdf: Path, filled_mini) -> None:
    text = flat(pdftotext(mini_pdf))
    first = flat(pdftotext(mini_pdf, 1))
    # Heading: superior above the agency (upper case), national motto, number, place and date (02/3: ND 30 padding).
    for words in ("UBND HUYỆN THỬ", "UBND XÃ THỬ NGHIỆM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", "/BC-XA-001", "Thử Nghiệm, ngày 02 tháng 3 năm 2026", "BÁO CÁO",
                  "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026"):
        assert words in first, words
    assert first.index("UBND HUYỆN THỬ") < first.index("UBND XÃ THỬ NGHIỆM")
    # Body: totals in Vietnamese decimals as the app shows them, a field title with diacritics.
    sheet = filled_mini.score()
    assert str(sheet.final_points) == "5.75" and str(sheet.percent) == "82.14"
    for words in ("5,75/7 điểm cơ quan tự chấm được", "82,14%", "xếp loại dự kiến: Tốt", "Công tác chỉ đạo, điều hành",
                  "Thủ tục hành chính", "Tổng điểm tự đánh giá", "Điểm thưởng (tối đa 1)", "−0,5",
                  "điểm tối đa áp dụng đối với cơ quan: 17", "Tỷ lệ điểm tự chấm theo lĩnh vực"):
        assert words in text, words
    # Evidence with citations; the items without evidence with their explanations.
    for words in ("TÀI LIỆU KIỂM CHỨNG", "Quyết định số 12/QĐ-UBND", "15/01/2026", "UBND xã Một",
                  "Ban hành Kế hoạch CCHC năm 2026", "Báo cáo số 45/BC-UBND", "30/09/2026",
                  "NỘI DUNG CHƯA CÓ TÀI LIỆU KIỂM CHỨNG VÀ THUYẾT MINH", "Không áp dụng: Năm 2026 không phát sinh hồ sơ",
                  "Chưa có thuyết minh."):
        assert words in text, words
    # The end: difficulties (blank lines to write on), recipients, signature.
    for words in ("KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "- Sở Nội vụ (Hội đồng thẩm định);",
                  "- Lưu: VT.", "THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên, đóng dấu)", "Nguyễn Văn Một"):
        assert words in text, words
    assert text.index("Nơi nhận:") > text.index("KHÓ KHĂN, VƯỚNG MẮC")


def test_every_font_is_embedded(mini_pdf: Path) -> None:
    fonts = pdffonts(mini_pdf)
    assert fonts, "no font at all?"
    for row in fonts:
        emb = row[-5]
        assert emb == "yes", f"font not embedded: {row}"
    assert all("LiberationSerif" in row[0] for row in fonts), fonts


def test_page_one_is_not_blank(mini_pdf: Path, tmp_path: Path) -> None:
    from PIL import Image

    png = render_page(mini_pdf, tmp_path / "trang-1", dpi=60)
    img = Image.open(png).convert("L")
    w, h = img.size
    assert 0.01 < dark_fraction(img) < 0.5, dark_fraction(img)
    # Something in the top quarter (the heading) and something in the bottom strip (footer, QR).
    assert dark_fraction(img, (0, 0, w, h // 4)) > 0.005
    assert dark_fraction(img, (0, h - h // 10, w, h)) > 0.005


def test_every_page_carries_the_hash_and_its_number(mini_pdf: Path, filled_mini) -> None:
    from cchc_desktop.core.services.agency_report import report_stamp

    stamp = report_stamp(filled_mini)
    assert not stamp.exported
    n = page_count(mini_pdf)
    assert n >= 2
    for page in range(1, n + 1):
        text = flat(pdftotext(mini_pdf, page))
        assert f"BẢN NHÁP — chưa xuất gói; mã nội dung: {stamp.sha256}" in text, page
        assert f"Trang {page}/{n}" in text, page


def test_the_qr_code_on_page_one_holds_the_hash(mini_pdf: Path, filled_mini, tmp_path: Path) -> None:
    """Sampled module by module from a 300 dpi rendering against the QR encoding of the hash:
    the code a phone would read is exactly the footer's hash (no zbar here to decode it)."""
    from PIL import Image

    from cchc_desktop.core.reports.document import PAGE_MARGINS
    from cchc_desktop.core.services.agency_report import report_stamp

    sha = report_stamp(filled_mini).sha256
    modules = qr_matrix(sha)
    n = len(modules)
    dpi = 300
    scale = dpi / 72
    x0, y0 = qr_position(595.2756, PAGE_MARGINS["right"])
    page_h = 841.8898
    box = QR_SIZE / (n + 2 * QR_BORDER)
    top = (page_h - (y0 + QR_SIZE)) * scale
    # Only the code's corner of the page is rendered; pixel coordinates are taken from there.
    cx, cy = int(x0 * scale) - 10, int(top) - 10
    img = Image.open(render_page(mini_pdf, tmp_path / "qr", dpi=dpi, crop=(cx, cy, int(QR_SIZE * scale) + 20,
                                                                           int(QR_SIZE * scale) + 20))).convert("L")
    x0, top = x0 - cx / scale, top - cy
    mismatches = 0
    for r in range(n):
        for c in range(n):
            px = (x0 + (c + QR_BORDER + 0.5) * box) * scale
            py = top + (r + QR_BORDER + 0.5) * box * scale
            dark = img.getpixel((int(px), int(py))) < 128
            mismatches += dark != modules[r][c]
    assert mismatches == 0, f"{mismatches} of {n * n} modules differ"
    # The quiet zone is white: nothing of the page runs into the code.
    for c in range(-QR_BORDER + 1, n + QR_BORDER - 1):
        px = (x0 + (c + QR_BORDER + 0.5) * box) * scale
        assert img.getpixel((int(px), int(top + 0.5 * box * scale))) > 128


def test_only_page_one_has_a_qr_code(mini_pdf: Path, tmp_path: Path) -> None:
    from PIL import Image

    from cchc_desktop.core.reports.document import PAGE_MARGINS

    x0, y0 = qr_position(595.2756, PAGE_MARGINS["right"])
    scale = 100 / 72
    crop = (int(x0 * scale), int((841.89 - y0 - QR_SIZE) * scale), int(QR_SIZE * scale), int(QR_SIZE * scale))
    box = (0, 0, crop[2], crop[3])
    pages = [Image.open(render_page(mini_pdf, tmp_path / f"trang-{p}", dpi=100, page=p, crop=crop)).convert("L")
             for p in (1, 2)]
    assert dark_fraction(pages[0], box) > 0.25  # a QR code is about half dark
    assert dark_fraction(pages[1], box) < 0.08  # at most the page number


def test_the_sample_framework_report(so_ws, tmp_path: Path) -> None:
    """The real sample framework (8 fields, ~95 leaves): every field title in the summary and the
    chart, each field's percent as the score sheet has it, fonts embedded."""
    out = tmp_path / "so.pdf"
    build_agency_report(so_ws, pdf_path=out)
    text = flat(pdftotext(out))
    percents = field_percents(so_ws.framework, so_ws.score())
    assert len(percents) == 8 and sum(f.percent is not None for f in percents) == 7
    for f in percents:
        assert f.title in text, f.title
        if f.percent is not None:
            assert f" {percent_text(f.percent)}" in text, f.percent  # "70,59%", "50%": as the app writes them
    assert "Xây dựng và phát triển chính quyền điện tử, chính quyền số" in text
    assert all(row[-5] == "yes" for row in pdffonts(out))
    assert display_code("8") == "VIII" and "Không tự chấm" in text  # the survey field: nothing to self-score
