"""The agency's self-assessment report (PDF), in the state-document layout of ND 30/2020.

Always in Vietnamese, whatever the interface language: it is an official document.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

from ..framework.codes import display_code
from .agency_model import (
    AgencyReportData,
    evidence_rows,
    field_percents,
    lacking_evidence,
    report_title,
    shown_points,
    status_note,
)
from .charts import Bar, Mark, bar_chart
from .document import (
    PAGE_MARGINS,
    SignatureBlock,
    StateHeader,
    StateHeading,
    WriteInLines,
    signature_flowable,
    title_block,
)
from .stamp import stamped_canvas
from .styles import Styles, grid_table_style, human_number, make_styles, markup, percent_text

TEXT_WIDTH = A4[0] - PAGE_MARGINS["left"] - PAGE_MARGINS["right"]
N = human_number


def _date(iso: str) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _signed(d: Decimal, sign: str) -> str:
    """"+1", "−0,5"; no sign on a zero."""
    return sign + N(d) if d else "0"


def _points(node: Any, note: str) -> str:
    pts = shown_points(node, note)
    return "—" if pts is None else N(pts)


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(markup(text), style)


def _heading(text: str, style: Any, room: float = 35 * mm) -> list[Any]:
    """A heading that starts a new page rather than stand alone at the bottom of one (keepWithNext
    would move a whole long table along with it)."""
    return [CondPageBreak(room), _p(text, style)]


def _intro(data: AgencyReportData, st: Styles) -> list[Any]:
    fw, info = data.framework, data.info
    basis = fw.legal_basis
    source = f"Căn cứ {fw.title}"
    if basis.number:
        source += f" ban hành kèm theo văn bản số {basis.number}"
        if basis.date:
            source += f" ngày {_date(basis.date)}"
        if basis.issuer:
            source += f" của {basis.issuer}"
    text = f"{source}; {info.agency_name} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {info.year} như sau:"
    return [_p(text, st.body_justified)]


def _summary(data: AgencyReportData, st: Styles) -> list[Any]:
    s, fw = data.sheet, data.framework
    cat = s.category.name if s.category else "chưa xếp loại"
    pending = s.applicable_max - s.assessable_max
    lines = [
        (f"- Tổng điểm tự đánh giá: <b>{N(s.final_points)}</b>/{N(s.assessable_max)} điểm cơ quan tự chấm được, "
         f"đạt <b>{percent_text(s.percent)}</b>; xếp loại dự kiến: <b>{markup(cat)}</b>."),
        f"- Điểm tối đa của bộ tiêu chí: {N(s.max_points)}; điểm tối đa áp dụng đối với cơ quan: {N(s.applicable_max)}"
        + (f"; trong đó {N(pending)} điểm do Hội đồng thẩm định chấm và từ kết quả điều tra xã hội học." if pending else "."),
        (f"- Điểm thưởng: {_signed(s.bonus, '+')} (tối đa {N(fw.bonus_cap)}); "
         f"điểm trừ: {_signed(s.penalty, '−')} (tối đa {N(fw.penalty_cap)})."),
        f"- Tiến độ: đã nhập {s.answered}/{s.to_answer} tiêu chí cơ quan tự chấm"
        + (f"; còn {len(s.problems)} nội dung cần hoàn thiện." if s.problems else "; không còn nội dung cần hoàn thiện."),
    ]
    return [Paragraph(line, st.body) for line in lines]


def score_table(data: AgencyReportData, st: Styles) -> Table:
    """Fields and criteria (depth 1-2), bonus and penalty items, then the totals."""
    s = data.sheet
    rows: list[list[Any]] = [[_p(h, st.cell_head) for h in ("Mã", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú")]]
    bold, shaded, spans = [], [], []

    def add(item: Any, strong: bool) -> None:
        n = data.node(item.code)
        note = status_note(item, data.effective.get(item.code), n)
        cell, right = (st.cell_bold, st.cell_right_bold) if strong else (st.cell, st.cell_right)
        rows.append([_p(display_code(item.code), cell), _p(item.title, cell), _p(N(n.max_points), right),
                     _p(_points(n, note), right),
                     _p(note, st.small)])

    for f in data.framework.fields:
        shaded.append(len(rows))
        add(f, True)
        for c in f.children:
            add(c, False)
    for a in data.framework.adjustments:
        add(a, False)

    def total(label: str, mx: str, pts: str) -> None:
        bold.append(len(rows))
        spans.append(len(rows))
        rows.append([_p(label, st.cell_bold), "", _p(mx, st.cell_right_bold), _p(pts, st.cell_right_bold), ""])

    fw = data.framework
    total("Cộng điểm các lĩnh vực", N(s.max_points), N(s.base_points))
    total(f"Điểm thưởng (tối đa {N(fw.bonus_cap)})", "", _signed(s.bonus, "+"))
    total(f"Điểm trừ (tối đa {N(fw.penalty_cap)})", "", _signed(s.penalty, "−"))
    total("Tổng điểm tự đánh giá", N(s.assessable_max), N(s.final_points))
    total("Điểm tối đa áp dụng đối với cơ quan", N(s.applicable_max), "")
    total("Tỷ lệ điểm tự chấm (%)", "", percent_text(s.percent))
    total("Xếp loại dự kiến", "", "")
    rows[-1][3] = _p(s.category.name if s.category else "—", st.cell_bold)  # spans the last two columns
    widths = [16 * mm, 84 * mm, 19 * mm, 19 * mm, TEXT_WIDTH - 138 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid_table_style(1, tuple(bold), tuple(shaded))
    for r in spans:
        style.add("SPAN", (0, r), (1, r))
    style.add("SPAN", (3, len(rows) - 1), (4, len(rows) - 1))  # the category ("Trung bình") must not wrap
    table.setStyle(style)
    return table


def field_chart(data: AgencyReportData) -> Any:
    bars = [
        Bar(f"{f.display_code}. {f.title}", f.percent, percent_text(f.percent) if f.percent is not None else "Không tự chấm")
        for f in field_percents(data.framework, data.sheet)
    ]
    marks = [Mark(c.min_percent, c.name) for c in data.framework.categories if Decimal(0) < c.min_percent <= 100]
    return bar_chart(bars, TEXT_WIDTH, marks=marks)


def evidence_table(data: AgencyReportData, st: Styles) -> list[Any]:
    rows: list[list[Any]] = [[_p(h, st.cell_head) for h in
                              ("STT", "Văn bản, số ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu", "Trang, mục")]]
    groups, current, k = [], None, 0
    for item, d, pages in evidence_rows(data):
        if item.code != current:
            current, k = item.code, 0
            groups.append(len(rows))
            rows.append([_p(f"{display_code(item.code)}. {item.title}", st.cell_bold), "", "", "", "", ""])
        k += 1
        c = d.citation
        what = " số ".join(p for p in (c.doc_type, c.number_symbol) if p) or "(chưa ghi)"
        rows.append([_p(str(k), st.cell_center), [_p(what, st.cell), _p(f"Tệp: {d.file_name}", st.small)],
                     _p(_date(c.issue_date), st.cell_center), _p(c.issuer, st.cell), _p(c.excerpt, st.cell), _p(pages, st.cell)])
    if not groups:
        return [_p("Chưa đính kèm tài liệu kiểm chứng nào.", st.body)]
    widths = [10 * mm, 36 * mm, 20 * mm, 32 * mm, TEXT_WIDTH - 118 * mm, 20 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid_table_style(1, shaded_rows=tuple(groups))
    for r in groups:
        style.add("SPAN", (0, r), (-1, r))
    table.setStyle(style)
    return [table]


def lacking_table(data: AgencyReportData, st: Styles) -> list[Any]:
    items = lacking_evidence(data)
    if not items:
        return [_p("Mọi tiêu chí đã nhập kết quả đều có tài liệu kiểm chứng.", st.body)]
    rows: list[list[Any]] = [[_p(h, st.cell_head) for h in ("Mã", "Tiêu chí", "Tự chấm", "Thuyết minh")]]
    for item, explanation in items:
        n = data.node(item.code)
        note = status_note(item, data.effective.get(item.code), n)
        rows.append([_p(display_code(item.code), st.cell), _p(item.title, st.cell), _p(_points(n, note), st.cell_right),
                     _p(explanation, st.cell) if explanation else Paragraph("<i>Chưa có thuyết minh.</i>", st.cell)])
    table = Table(rows, colWidths=[16 * mm, 62 * mm, 22 * mm, TEXT_WIDTH - 100 * mm], repeatRows=1)
    table.setStyle(grid_table_style(1))
    return [table]


def build_story(data: AgencyReportData, st: Styles) -> list[Any]:
    info, opts = data.info, data.options
    heading = StateHeading(info.agency_name, data.date, superior=opts.superior, symbol=info.agency_code, place=opts.place)
    story: list[Any] = [StateHeader(heading)]
    story += title_block("Báo cáo", [report_title(info.year)], st)
    if not data.stamp.exported:
        story.append(_p("(Bản nháp: nội dung hiện tại chưa được xuất thành gói nộp có chữ ký số)", st.note_center))
    story += _intro(data, st)
    story += _heading("I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", st.heading)
    story += _heading("1. Tổng hợp", st.subheading)
    story += _summary(data, st)
    story += _heading("2. Điểm tự chấm theo lĩnh vực, tiêu chí", st.subheading)
    story.append(score_table(data, st))
    chart = field_chart(data)
    story += _heading("3. Tỷ lệ điểm tự chấm theo lĩnh vực", st.subheading, chart.height + 12 * mm)
    story.append(chart)
    story.append(_p("Tỷ lệ của lĩnh vực = điểm tự chấm / điểm tối đa cơ quan tự chấm được của lĩnh vực × 100; "
                    "đường nét đứt: ngưỡng xếp loại.", st.note))
    story += _heading("II. TÀI LIỆU KIỂM CHỨNG", st.heading)
    story += evidence_table(data, st)
    story += _heading("III. NỘI DUNG CHƯA CÓ TÀI LIỆU KIỂM CHỨNG VÀ THUYẾT MINH", st.heading)
    story += lacking_table(data, st)
    story += _heading("IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", st.heading)
    if opts.difficulties.strip():
        story += [_p(par, st.body_justified) for par in opts.difficulties.strip().split("\n") if par.strip()]
    else:
        story.append(WriteInLines(6))
    story.append(Spacer(1, 6))
    closing = _p(f"Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {info.year} "
                 f"của {info.agency_name}./.", st.body_justified)
    # ND 30: the signature never stands alone on a page; the closing sentence goes with it.
    story.append(signature_flowable(SignatureBlock(recipients=opts.recipients, signer=opts.signer), TEXT_WIDTH,
                                    before=[closing]))
    return story


def build_agency_pdf(data: AgencyReportData) -> bytes:
    """The report as PDF bytes (fonts embedded, hash footer on every page, QR on page 1)."""
    st = make_styles()
    buf = io.BytesIO()
    info = data.info
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=PAGE_MARGINS["left"], rightMargin=PAGE_MARGINS["right"],
        topMargin=PAGE_MARGINS["top"], bottomMargin=PAGE_MARGINS["bottom"],
        title=f"Báo cáo {report_title(info.year)[0].lower()}{report_title(info.year)[1:]} — {info.agency_name}", author=info.agency_name,
        subject=data.stamp.sha256, creator="CCHC Desktop",
    )
    canvas = stamped_canvas(data.stamp.page_stamp(info.agency_code, info.year), PAGE_MARGINS["left"], PAGE_MARGINS["right"])
    doc.build(build_story(data, st), canvasmaker=canvas)
    return buf.getvalue()
