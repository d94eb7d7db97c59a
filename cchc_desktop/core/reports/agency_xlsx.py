"""The agency's score sheet (Excel): the whole framework with the self-score, then the totals.

Every number is the engine's exact decimal, written as a number (xlsx.set_number), so that
`Decimal(str(cell.value))` read back equals the ScoreSheet's value.  Texts are Vietnamese, like
the PDF: the sheet goes to the council with the package.
"""

from __future__ import annotations

from typing import Any

from ..framework.codes import display_code
from ..scoring.describe import describe_rule
from .agency_model import (
    AgencyReportData,
    evidence_rows,
    is_adjustment,
    report_title,
    shown_points,
    status_note,
)
from .xlsx import (
    GROUP_FILL,
    fill,
    fonts,
    header_row,
    number_format_for,
    print_setup,
    set_number,
    set_text,
    thin_border,
    workbook_bytes,
)

SCORE_SHEET = "Bảng điểm"
EVIDENCE_SHEET = "Tài liệu kiểm chứng"
HEADER_ROW = 4
HEADERS = ("Mã", "Tiêu chí", "Điểm tối đa", "Cách chấm", "Điểm tự chấm", "Số tài liệu kiểm chứng", "Thuyết minh", "Ghi chú")
WIDTHS = (8, 48, 10, 44, 11, 12, 40, 14)
COL_MAX, COL_POINTS = 3, 5
# The totals, by their label in column B (tests and readers find them by these).
TOTAL_BASE = "Cộng điểm các lĩnh vực"
TOTAL_BONUS = "Điểm thưởng (sau giới hạn)"
TOTAL_PENALTY = "Điểm trừ (sau giới hạn)"
TOTAL_FINAL = "Tổng điểm tự đánh giá"
TOTAL_APPLICABLE = "Điểm tối đa áp dụng đối với cơ quan"
TOTAL_PERCENT = "Tỷ lệ điểm tự chấm (%)"
TOTAL_CATEGORY = "Xếp loại dự kiến"


def _links_per_item(data: AgencyReportData) -> dict[str, int]:
    out: dict[str, int] = {}
    for item, _doc, _pages in evidence_rows(data):
        out[item.code] = out.get(item.code, 0) + 1
    return out


def _explanation(data: AgencyReportData, code: str) -> str:
    a = data.answers.get(code)
    if a is None:
        return ""
    parts = [f"Không áp dụng: {a.na_reason}".strip() if a.not_applicable else "", a.note]
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _score_sheet(ws: Any, data: AgencyReportData) -> None:
    from openpyxl.styles import Alignment

    f, border = fonts(11), thin_border()
    info, s = data.info, data.sheet
    set_text(ws.cell(row=1, column=1), f"BẢNG ĐIỂM {report_title(info.year).upper()}")
    ws.cell(row=1, column=1).font = f.title
    set_text(ws.cell(row=2, column=1), f"Cơ quan: {info.agency_name} (mã {info.agency_code}) — "
                                       f"Bộ tiêu chí: {data.framework.title}")
    ws.cell(row=2, column=1).font = f.normal
    set_text(ws.cell(row=3, column=1), data.stamp.page_stamp(info.agency_code, info.year).footer_text)
    ws.cell(row=3, column=1).font = f.small_italic
    header_row(ws, HEADER_ROW, HEADERS, WIDTHS)

    counts = _links_per_item(data)
    decimals = number_format_for([i.max_points for i in data.framework.walk()] + [n.points for n in s.nodes.values()])
    wrap, top_right = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top", horizontal="right")
    row = HEADER_ROW
    for item in data.framework.walk():
        row += 1
        n = s.node(item.code)
        note = status_note(item, data.effective.get(item.code), n)
        cells = [ws.cell(row=row, column=c) for c in range(1, len(HEADERS) + 1)]
        set_text(cells[0], display_code(item.code))
        set_text(cells[1], item.title)
        set_number(cells[2], n.max_points, decimals)
        set_text(cells[3], describe_rule(item) if item.is_leaf else "")
        set_number(cells[4], shown_points(n, note), decimals)
        set_number(cells[5], counts.get(item.code, 0) if item.is_leaf or counts.get(item.code) else None, "0")
        set_text(cells[6], _explanation(data, item.code))
        set_text(cells[7], ("Điểm thưởng" if item.rule.kind == "bonus" else "Điểm trừ") if is_adjustment(item) and not note
                 else note)
        strong = not item.is_leaf
        for c in cells:
            c.border = border
            c.font = f.bold if strong else f.normal
            c.alignment = top_right if c.column in (3, 5, 6) else wrap
            if item.depth == 1 and not item.is_leaf:
                c.fill = fill(GROUP_FILL)

    totals: list[tuple[str, Any, Any]] = [
        (TOTAL_BASE, s.max_points, s.base_points),
        (TOTAL_BONUS, data.framework.bonus_cap, s.bonus),
        (TOTAL_PENALTY, data.framework.penalty_cap, s.penalty),
        (TOTAL_FINAL, s.assessable_max, s.final_points),
        (TOTAL_APPLICABLE, s.applicable_max, None),
        (TOTAL_PERCENT, None, s.percent),
        (TOTAL_CATEGORY, None, s.category.name if s.category else "—"),
    ]
    for label, mx, pts in totals:
        row += 1
        set_text(ws.cell(row=row, column=2), label)
        set_number(ws.cell(row=row, column=COL_MAX), mx, decimals)
        if isinstance(pts, str):
            set_text(ws.cell(row=row, column=COL_POINTS), pts)
        else:
            set_number(ws.cell(row=row, column=COL_POINTS), pts, "0.00" if label == TOTAL_PERCENT else decimals)
        for c in range(1, len(HEADERS) + 1):
            cell = ws.cell(row=row, column=c)
            cell.border, cell.font = border, f.bold
            cell.alignment = top_right if c in (COL_MAX, COL_POINTS) else wrap
    row += 1
    set_text(ws.cell(row=row, column=2), "Tổng điểm tự đánh giá chưa gồm phần do Hội đồng thẩm định chấm và điều tra "
                                         "xã hội học; cột “Điểm tối đa” của dòng tổng là điểm cơ quan tự chấm được.")
    ws.cell(row=row, column=2).font = f.small_italic
    print_setup(ws, HEADER_ROW, landscape=True, footer=data.stamp.page_stamp(info.agency_code, info.year).footer_text)


def _evidence_sheet(ws: Any, data: AgencyReportData) -> None:
    from openpyxl.styles import Alignment

    f, border = fonts(11), thin_border()
    set_text(ws.cell(row=1, column=1), "DANH MỤC TÀI LIỆU KIỂM CHỨNG")
    ws.cell(row=1, column=1).font = f.title
    set_text(ws.cell(row=2, column=1), f"{data.info.agency_name} — năm {data.info.year}")
    header_row(ws, 3, ("Mã", "Loại văn bản", "Số ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu",
                       "Trang, mục", "Tệp", "SHA-256"), (8, 14, 16, 12, 24, 40, 12, 24, 20))
    row = 3
    for item, d, pages in evidence_rows(data):
        row += 1
        c = d.citation
        date = "/".join(reversed(c.issue_date.split("-"))) if c.issue_date else ""
        for col, value in enumerate((display_code(item.code), c.doc_type, c.number_symbol, date, c.issuer, c.excerpt,
                                     pages, d.file_name, d.sha256), start=1):
            cell = ws.cell(row=row, column=col)
            set_text(cell, value)
            cell.border, cell.font = border, f.normal
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    print_setup(ws, 3, landscape=True, footer=data.stamp.page_stamp(data.info.agency_code, data.info.year).footer_text)


def build_agency_xlsx(data: AgencyReportData) -> bytes:
    """The workbook as .xlsx bytes: "Bảng điểm" and "Tài liệu kiểm chứng"."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SCORE_SHEET
    _score_sheet(ws, data)
    _evidence_sheet(wb.create_sheet(EVIDENCE_SHEET), data)
    wb.properties.title = f"Bảng điểm tự đánh giá năm {data.info.year} — {data.info.agency_name}"
    wb.properties.creator = "CCHC Desktop"
    return workbook_bytes(wb)
