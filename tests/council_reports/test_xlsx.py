"""The ranking workbook reopened with openpyxl: every figure equals the round's (Decimal compare),
ranks and ties equal ranking(), the detail carries reasons, frozen headers and print setup."""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl
import pytest

from cchc_desktop.core.reports.council_xlsx import (
    CRITERIA_SHEET,
    DETAIL_HEADERS,
    DETAIL_SHEET,
    FIELDS_SHEET,
    HEADER_ROW,
    RANKING_HEADERS,
    RANKING_SHEET,
)
from cchc_desktop.core.services.council_reports import export_council_reports

from .conftest import REASON_1, REVIEWER_1


def dec(value) -> D:
    assert isinstance(value, (int, float)) and not isinstance(value, bool), repr(value)
    return D(str(value))


@pytest.fixture
def book(council_round, opts, tmp_path):
    r = export_council_reports(council_round, xlsx=tmp_path / "xep-hang.xlsx", options=opts)
    return openpyxl.load_workbook(r.xlsx), r


def table(sh, header_rows: int = 1) -> list[list]:
    out = []
    for row in sh.iter_rows(min_row=HEADER_ROW + header_rows, values_only=True):
        if not row or row[0] in (None, ""):
            break
        out.append(list(row))
    return out


def test_the_sheets_and_their_print_setup(book):
    wb, r = book
    assert wb.sheetnames == [RANKING_SHEET, FIELDS_SHEET, CRITERIA_SHEET, DETAIL_SHEET]
    for name, headers, freeze in ((RANKING_SHEET, 1, "D5"), (FIELDS_SHEET, 2, "D6"), (CRITERIA_SHEET, 2, "D6"),
                                  (DETAIL_SHEET, 1, "D5")):
        sh = wb[name]
        assert sh.freeze_panes == freeze, name
        assert sh.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW + headers - 1}", name
        assert sh.page_setup.orientation == "landscape" and str(sh.page_setup.paperSize) == "9", name
        assert sh.sheet_properties.pageSetUpPr.fitToPage and sh.page_setup.fitToWidth == 1, name
        assert sh.page_setup.fitToHeight == 0, name
        assert r.digest in sh.oddFooter.left.text and "&P" in sh.oddFooter.right.text, name
        assert any(r.digest in str(c.value) for c in sh[3] if c.value), name  # also on screen
    assert [c.value for c in wb[RANKING_SHEET][HEADER_ROW]] == list(RANKING_HEADERS)
    assert [c.value for c in wb[DETAIL_SHEET][HEADER_ROW]] == list(DETAIL_HEADERS)
    assert wb[RANKING_SHEET]["A1"].value == "BẢNG XẾP HẠNG — KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026"


def test_the_ranking_sheet_equals_the_round(book, council_round):
    wb, _ = book
    ws = council_round
    rows = table(wb[RANKING_SHEET])
    ranking = ws.ranking()
    assert [(row[0], row[1], row[2]) for row in rows] == [
        (f"={e.rank}" if e.tied_with else str(e.rank), e.agency_code, e.agency_name) for e in ranking]
    for row, e in zip(rows, ranking):
        final, own = ws.final_sheet(e.agency_code), ws.self_sheet(e.agency_code)
        assert dec(row[3]) == own.final_points
        assert dec(row[4]) == final.final_points == e.final_points
        assert dec(row[5]) == final.applicable_max == e.applicable_max
        assert dec(row[6]) == final.percent == e.percent
        assert row[7] == e.category.name
    assert [row[8] for row in rows] == ["Có", "Chưa (2/8)"]
    assert "Đồng hạng với XA-002" in rows[0][9] and "Chưa ban hành kết quả" in rows[0][9]
    cells = [c.value for row in wb[RANKING_SHEET].iter_rows() for c in row]
    assert "XA-003" in cells and "Chưa nộp hồ sơ" in cells


def test_the_field_and_criterion_sheets(book, council_round):
    wb, _ = book
    fw = council_round.framework
    fields = table(wb[FIELDS_SHEET], 2)
    crits = table(wb[CRITERIA_SHEET], 2)
    columns = [c.code for f in fw.fields for c in (f.children or (f,))]
    head = [c.value for c in wb[CRITERIA_SHEET][HEADER_ROW + 1]][3:3 + len(columns)]
    assert [h.split(" ")[0] for h in head] == columns
    for frow, crow in zip(fields, crits):
        sheet = council_round.final_sheet(frow[1])
        for i, f in enumerate(fw.fields):
            node = sheet.node(f.code)
            assert dec(frow[3 + 2 * i]) == node.points and dec(frow[4 + 2 * i]) == node.applicable_max
        assert (dec(frow[-3]), dec(frow[-2]), dec(frow[-1])) == (sheet.final_points, sheet.applicable_max, sheet.percent)
        for i, code in enumerate(columns):
            node = sheet.node(code)
            if node.applicable_max == 0:
                assert crow[3 + i] == "—"  # 2.1 not applicable
            else:
                assert dec(crow[3 + i]) == node.points, code
        assert dec(crow[-1]) == sheet.percent


def test_the_detail_sheet_has_every_leaf_with_its_reason(book, council_round):
    wb, _ = book
    ws = council_round
    rows = [list(r) for r in wb[DETAIL_SHEET].iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[0]]
    leaves = [i.code for i in ws.framework.leaves()]
    groups = [r for r in rows if r[1] in (None, "")]
    assert [g[0] for g in groups] == ["XA-001", "XA-002"]
    assert "UBND xã Một — hạng =1/2" in groups[0][2]
    assert len(rows) == 2 * (1 + len(leaves))
    one = {r[1]: r for r in rows if r[0] == "XA-001" and r[1]}
    assert list(one) == leaves
    assert dec(one["1.4"][3]) == 2 and dec(one["1.4"][4]) == D("1.5") and dec(one["1.4"][5]) == 1
    assert (one["1.4"][7], one["1.4"][8], one["1.4"][9]) == (REASON_1, REVIEWER_1, 1)
    assert one["2.1"][4] == "Không áp dụng" and one["2.1"][6] == "—"
    assert one["3.1"][10] == "Điểm điều tra xã hội học" and dec(one["3.1"][6]) == D("6.5")
    two = {r[1]: r for r in rows if r[0] == "XA-002" and r[1]}
    assert two["1.3"][5] is None and two["1.3"][10] == "Chưa thẩm định, giữ điểm tự chấm"
    appraised = ws.effective_appraisals("XA-002")
    assert {c for c, r in two.items() if r[5] is not None or r[7]} == set(appraised)
    assert wb[DETAIL_SHEET].auto_filter.ref.startswith(f"A{HEADER_ROW}:K")


def test_numbers_are_written_exactly(tmp_path):
    """A value a spreadsheet's double cannot carry is written as text, never rounded."""
    from openpyxl import Workbook

    from cchc_desktop.core.reports.council_xlsx import _exact

    wb = Workbook(write_only=True)
    sh = wb.create_sheet("x")
    from openpyxl.cell import WriteOnlyCell

    cells = [WriteOnlyCell(sh) for _ in range(4)]
    values = [D("71.43"), D("0.25"), D(100), D("1234567890.123456789")]
    kinds = [_exact(c, v) for c, v in zip(cells, values)]
    sh.append(cells)
    wb.save(tmp_path / "n.xlsx")
    back = [c.value for c in openpyxl.load_workbook(tmp_path / "n.xlsx")["x"][1]]
    assert kinds == [True, True, True, False]
    assert [D(str(v)) for v in back[:3]] == values[:3] and back[3] == "1234567890,123456789"
