"""The agency's Excel score sheet: the engine's exact numbers, frozen header, print setup."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from cchc_desktop.core.framework.codes import display_code
from cchc_desktop.core.reports import agency_xlsx as ax
from cchc_desktop.core.reports.xlsx import set_number
from cchc_desktop.core.services.agency_report import build_agency_report


def exact(value: object) -> Decimal:
    assert isinstance(value, (int, float)) and not isinstance(value, bool), value
    return Decimal(str(value))


def totals(sheet) -> dict[str, tuple[object, object]]:
    return {row[1].value: (row[ax.COL_MAX - 1].value, row[ax.COL_POINTS - 1].value)
            for row in sheet.iter_rows(min_row=ax.HEADER_ROW + 1) if isinstance(row[1].value, str)}


@pytest.fixture(params=["mini", "so"])
def workbook(request, tmp_path: Path):
    ws = request.getfixturevalue("mini_shared" if request.param == "mini" else "so_ws")
    out = tmp_path / "bang-diem.xlsx"
    build_agency_report(ws, xlsx_path=out)
    return ws, out, openpyxl.load_workbook(out)


def test_totals_equal_the_engine_to_the_last_decimal(workbook) -> None:
    ws, _out, wb = workbook
    s = ws.score()
    t = totals(wb[ax.SCORE_SHEET])
    assert exact(t[ax.TOTAL_BASE][0]) == s.max_points and exact(t[ax.TOTAL_BASE][1]) == s.base_points
    assert exact(t[ax.TOTAL_BONUS][1]) == s.bonus and exact(t[ax.TOTAL_PENALTY][1]) == s.penalty
    assert exact(t[ax.TOTAL_FINAL][0]) == s.assessable_max and exact(t[ax.TOTAL_FINAL][1]) == s.final_points
    assert exact(t[ax.TOTAL_APPLICABLE][0]) == s.applicable_max
    assert exact(t[ax.TOTAL_PERCENT][1]) == s.percent
    assert t[ax.TOTAL_CATEGORY][1] == (s.category.name if s.category else "—")


def test_every_item_row_has_the_engine_points(workbook) -> None:
    ws, _out, wb = workbook
    sheet, s = wb[ax.SCORE_SHEET], ws.score()
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=ax.HEADER_ROW + 1) if r[0].value}
    items = list(ws.framework.walk())
    assert len(rows) == len(items)
    for item in items:
        row = rows[display_code(item.code)]
        n = s.node(item.code)
        assert row[1].value == item.title
        assert exact(row[2].value) == item.max_points
        if row[4].value is None:  # a dash: scored by someone else, or excluded as not applicable
            assert n.points == 0 and (n.assessable_max == 0 or n.applicable_max == 0), item.code
        else:
            assert exact(row[4].value) == n.points, item.code


def test_numbers_are_written_digit_for_digit(workbook) -> None:
    """openpyxl would write Decimal("71.43") as 71.43000000000001: the file holds the exact text."""
    ws, out, _wb = workbook
    xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "00000000" not in xml and "99999999" not in xml
    pct = str(ws.score().percent)
    assert f"<v>{pct.rstrip('0').rstrip('.') if '.' in pct else pct}</v>" in xml


def test_frozen_header_and_print_setup(workbook) -> None:
    _ws, _out, wb = workbook
    for name, header in ((ax.SCORE_SHEET, ax.HEADER_ROW), (ax.EVIDENCE_SHEET, 3)):
        sheet = wb[name]
        assert sheet.freeze_panes == f"A{header + 1}"
        assert sheet.print_title_rows == f"${header}:${header}"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.orientation == "landscape"
        assert "&P" in sheet.oddFooter.right.text
    head = [c.value for c in wb[ax.SCORE_SHEET][ax.HEADER_ROW]]
    assert head == list(ax.HEADERS)
    assert "Cách chấm" in head and "Thuyết minh" in head and "Số tài liệu kiểm chứng" in head


def test_rule_texts_evidence_counts_and_explanations(mini_shared, tmp_path: Path) -> None:
    filled_mini = mini_shared
    out = tmp_path / "b.xlsx"
    build_agency_report(filled_mini, xlsx_path=out)
    wb = openpyxl.load_workbook(out)
    rows = {r[0].value: [c.value for c in r] for r in wb[ax.SCORE_SHEET].iter_rows(min_row=ax.HEADER_ROW + 1) if r[0].value}
    assert rows["1.1.1"][3].startswith("Đúng hạn") or "điểm" in rows["1.1.1"][3]
    assert "0,5 điểm" in rows["1.1.2"][3]  # Vietnamese decimals in the rule text
    assert rows["1.1.1"][5] == 1 and rows["2.3"][5] == 2 and rows["1.3"][5] == 0
    assert rows["1.1.1"][6] == "Ban hành chậm 5 ngày"
    assert rows["2.1"][6] == "Không áp dụng: Năm 2026 không phát sinh hồ sơ" and rows["2.1"][7] == "Không áp dụng"
    assert rows["2.3"][7] == "Hội đồng chấm" and rows["3.1"][7] == "Điều tra XHH"
    evidence = [[c.value for c in r] for r in wb[ax.EVIDENCE_SHEET].iter_rows(min_row=4)]
    assert [e[0] for e in evidence] == ["1.1.1", "2.3", "2.3"]
    assert evidence[0][1:5] == ["Quyết định", "12/QĐ-UBND", "15/01/2026", "UBND xã Một"]


def test_set_number_writes_exact_decimals(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    values = [Decimal("71.43"), Decimal("0.1") + Decimal("0.2"), Decimal("14.50"), Decimal("1E+1"), Decimal("82.14"), 7]
    for i, v in enumerate(values, start=1):
        set_number(wb.active.cell(row=i, column=1), v)
    wb.save(tmp_path / "x.xlsx")
    back = [c.value for c in openpyxl.load_workbook(tmp_path / "x.xlsx").active["A"]]
    assert [exact(v) for v in back] == [Decimal(v) for v in values]
    xml = zipfile.ZipFile(tmp_path / "x.xlsx").read("xl/worksheets/sheet1.xml").decode("utf-8")
    for text in ("<v>71.43</v>", "<v>0.3</v>", "<v>14.5</v>", "<v>10</v>", "<v>82.14</v>", "<v>7</v>"):
        assert text in xml
