"""The shared building blocks (the council's reports use them too): fonts through the resource
path (also in a PyInstaller bundle), Vietnamese dates and numbers, the content hash, the chart."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.reports import fonts
from cchc_desktop.core.reports.agency_model import content_sha256
from cchc_desktop.core.reports.document import StateHeading, _balanced, number_line, vietnamese_date
from cchc_desktop.core.reports.styles import human_number, percent_text


def test_the_four_faces_ship_with_their_licence() -> None:
    folder = fonts.font_path(fonts.SERIF).parent
    assert folder.name == "fonts" and folder.parent.name == "resources"
    for name in fonts.FONT_FILES:
        assert fonts.font_path(name).is_file()
    licence = (folder / "LICENSE-Liberation.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Reserved Font Name Liberation" in licence
    third_party = (folder.parent / "licenses" / "THIRD-PARTY.md").read_text(encoding="utf-8")
    assert "Liberation Serif" in third_party and "LICENSE-Liberation.txt" in third_party


def test_the_fonts_have_every_vietnamese_letter() -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    letters += letters.upper() + "—…“”−→×"
    for name in fonts.FONT_FILES:
        cmap = TTFont(f"check-{name}", str(fonts.font_path(name))).face.charToGlyph
        assert [c for c in letters if ord(c) not in cmap] == [], name


def test_fonts_are_found_inside_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PyInstaller puts resources/ under sys._MEIPASS; the lookup goes through core.paths."""
    bundle = tmp_path / "_internal"
    shutil.copytree(fonts.font_path(fonts.SERIF).parent, bundle / "resources" / "fonts")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert fonts.font_path(fonts.SERIF_BOLD) == bundle / "resources" / "fonts" / "LiberationSerif-Bold.ttf"


def test_a_missing_font_file_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(fonts, "_registered", False)
    with pytest.raises(UserFacingError, match="Thiếu tệp phông chữ"):
        fonts.register_fonts()


@pytest.mark.parametrize("day, place, text", [
    (dt.date(2026, 3, 2), "Khánh Hòa", "Khánh Hòa, ngày 02 tháng 3 năm 2026"),
    (dt.date(2026, 1, 15), "Nha Trang", "Nha Trang, ngày 15 tháng 01 năm 2026"),
    (dt.date(2026, 2, 9), "", "……………, ngày 09 tháng 02 năm 2026"),
    (dt.date(2026, 12, 31), "Hà Nội", "Hà Nội, ngày 31 tháng 12 năm 2026"),
])
def test_dates_are_written_as_nd30_asks(day: dt.date, place: str, text: str) -> None:
    assert vietnamese_date(day, place) == text


def test_number_line_leaves_the_number_blank() -> None:
    line = number_line(StateHeading("UBND xã Một", dt.date(2026, 1, 1), symbol="XA-001"))
    assert line.startswith("Số:") and line.endswith("/BC-XA-001") and " " * 5 in line


def test_numbers_as_the_application_shows_them() -> None:
    from cchc_desktop.cli.common import human

    for d in (Decimal("14.5"), Decimal("0.25"), Decimal(100), Decimal(0), Decimal("71.430"), Decimal("1E+1")):
        assert human_number(d) == human(d, "vi")
        assert human_number(d, "en") == human(d, "en")
    assert percent_text(Decimal("82.14")) == "82,14%" and percent_text(None) == "—"


def test_long_agency_names_wrap_into_balanced_lines() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts.register_fonts()
    lines = _balanced("SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH KHÁNH HÒA", fonts.SERIF_BOLD, 12.5, 190)
    assert len(lines) == 2
    widths = [stringWidth(line, fonts.SERIF_BOLD, 12.5) for line in lines]
    assert max(widths) <= 190 and min(widths) > 0.6 * max(widths)


def test_the_content_hash_ignores_storage_order_not_content() -> None:
    doc = {
        "agency": {"code": "XA-001"}, "year": 2026, "framework": {"id": "f", "sha256": "x"},
        "answers": {"1.1": {"value": 1.5, "note": "", "not_applicable": False, "reason": ""}},
        "evidence": [{"sha256": "b", "links": [{"code": "2", "pages": ""}, {"code": "1", "pages": "3"}]},
                     {"sha256": "a", "links": []}],
        "claimed_score": {"final_points": "1.5"}, "problems": [{"message": "wording"}],
    }
    same = dict(doc, evidence=list(reversed(doc["evidence"])), problems=[])
    same["evidence"][1] = dict(same["evidence"][1], links=list(reversed(doc["evidence"][0]["links"])))
    assert content_sha256(same) == content_sha256(doc)
    changed = dict(doc, answers={"1.1": {"value": 1.5, "note": "mới", "not_applicable": False, "reason": ""}})
    assert content_sha256(changed) != content_sha256(doc)


def test_a_bar_chart_uses_only_the_embedded_font(tmp_path: Path) -> None:
    """A Drawing from charts.bar_chart, alone in a PDF: no Helvetica sneaks in."""
    from reportlab.graphics import renderPDF

    from cchc_desktop.core.reports.charts import Bar, Mark, bar_chart

    d = bar_chart([Bar("I. Công tác chỉ đạo, điều hành cải cách hành chính " * 3, Decimal("70.5")),
                   Bar("II. Điều tra xã hội học", None, "Không tự chấm"), Bar("III", Decimal(120))],
                  400, marks=[Mark(Decimal(80), "Tốt"), Mark(Decimal(65), "Khá")])
    buf = io.BytesIO()
    renderPDF.drawToFile(d, buf)
    data = buf.getvalue()
    assert b"LiberationSerif" in data and b"Helvetica" not in data
