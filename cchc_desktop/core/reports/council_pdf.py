"""The council's publication report (PDF): "Kết quả xác định Chỉ số cải cách hành chính năm YYYY",
in the state-document layout of Nghị định 30/2020/NĐ-CP.

Heading (the body and its superior, the national motto, number line, place and date), title, the
summary, the ranking table grouped by category (shared ranks marked "=2"), two charts (agencies
per category; the average of each field, `statistics()`), "Nơi nhận" and the signature block.
Every page carries the round digest (council_model) and "Trang x/y"; page 1 its QR code.
Always in Vietnamese: it is an official document.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import IO, Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from ..framework.codes import display_code
from .charts import Bar, bar_chart
from .council_model import AgencyResult, CouncilReportData, publication_title
from .document import PAGE_MARGINS, SignatureBlock, StateHeader, StateHeading, signature_flowable, title_block
from .fonts import SERIF_BOLD, nfc
from .stamp import stamped_canvas
from .styles import Styles, grid_table_style, human_number, make_styles, markup, percent_text

TEXT_WIDTH = A4[0] - PAGE_MARGINS["left"] - PAGE_MARGINS["right"]
N = human_number
INCOMPLETE_MARK = "*"
RANKING_HEADERS = ("Hạng", "Mã", "Cơ quan, đơn vị", "Điểm tự chấm", "Điểm cuối cùng", "Điểm tối đa áp dụng", "Chỉ số (%)",
                   "Xếp loại")
RANKING_WIDTHS_MM = (12, 17, 55, 15, 16, 16, 14, 20)
TABLE_SIZE = 10


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(markup(text), style)


def heading_of(data: CouncilReportData, kind_code: str = "BC") -> StateHeading:
    o = data.options
    return StateHeading(o.body, data.date, superior=o.superior, kind_code=kind_code, symbol=o.symbol, place=o.place)


def section(text: str, style: Any, room: float = 35 * mm) -> list[Any]:
    """A heading that starts a new page rather than stand alone at the bottom of one."""
    return [CondPageBreak(room), _p(text, style)]


def basis_text(data: CouncilReportData) -> str:
    fw = data.framework
    basis = fw.legal_basis
    text = f"Căn cứ {fw.title}"
    if basis.number:
        text += f" ban hành kèm theo văn bản số {basis.number}"
        if basis.date:
            y, m, d = basis.date.split("-")
            text += f" ngày {d}/{m}/{y}"
        if basis.issuer:
            text += f" của {basis.issuer}"
    return text


def _summary(data: CouncilReportData, st: Styles) -> list[Any]:
    results = data.results
    expected = len(results) + len(data.not_submitted)
    lines = [f"- Số cơ quan, đơn vị được xác định Chỉ số và xếp hạng: <b>{len(results)}</b>"
             + (f" trên tổng số {expected} cơ quan, đơn vị phải đánh giá." if data.not_submitted else ".")]
    if data.not_submitted:
        names = ", ".join(f"{name} ({code})" for code, name in data.not_submitted)
        lines.append(f"- Chưa nộp hồ sơ tự đánh giá (không xếp hạng): {markup(names)}.")
    percents = [r.entry.percent for r in results]
    mean = (sum(percents, Decimal(0)) / len(percents)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    top, bottom = results[0], results[-1]
    lines.append(f"- Chỉ số bình quân: <b>{percent_text(mean)}</b>; cao nhất: {percent_text(top.entry.percent)} "
                 f"({markup(top.name)}); thấp nhất: {percent_text(bottom.entry.percent)} ({markup(bottom.name)}).")
    cats = "; ".join(f"{markup(name)}: <b>{count}</b>" for name, count in data.categories)
    unranked = sum(1 for r in results if r.entry.category is None)
    lines.append(f"- Xếp loại: {cats}" + (f"; chưa xếp loại: {unranked}" if unranked else "") + " cơ quan, đơn vị.")
    ties = sorted({r.entry.rank for r in results if r.entry.tied_with})
    if ties:
        lines.append(f"- Có {len(ties)} thứ hạng đồng hạng (cùng Chỉ số): " + ", ".join(f"={t}" for t in ties) + ".")
    incomplete = [r for r in results if not r.complete]
    if incomplete:
        lines.append(f"- {len(incomplete)} cơ quan, đơn vị chưa thẩm định xong mọi tiêu chí (đánh dấu {INCOMPLETE_MARK} "
                     "trong bảng): tiêu chí chưa thẩm định tạm giữ điểm tự chấm.")
    return [Paragraph(line, st.body) for line in lines]


def ranking_table(data: CouncilReportData, st: Styles) -> Table:
    """The ranking, one band per category (the framework's order), shared ranks as "=2".  Codes
    and numbers are plain strings styled by the table (fast for 150 agencies); names wrap."""
    rows: list[list[Any]] = [[_p(h, st.cell_head) for h in RANKING_HEADERS]]
    bands: list[int] = []
    current: object = ()
    for r in data.results:
        cat = r.entry.category.name if r.entry.category else None
        if cat != current:
            current = cat
            count = sum(1 for x in data.results if (x.entry.category.name if x.entry.category else None) == cat)
            bands.append(len(rows))
            label = f"Xếp loại {cat}" if cat else "Chưa xếp loại"
            rows.append([_p(f"{label}: {count} cơ quan, đơn vị", st.cell_bold)] + [""] * (len(RANKING_HEADERS) - 1))
        rows.append(_ranking_row(r, st))
    widths = [w * mm for w in RANKING_WIDTHS_MM]
    widths[2] += TEXT_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid_table_style(1, shaded_rows=tuple(bands))
    style.add("FONTSIZE", (0, 1), (-1, -1), TABLE_SIZE)
    style.add("LEADING", (0, 1), (-1, -1), TABLE_SIZE * 1.2)
    style.add("ALIGN", (0, 1), (0, -1), "CENTER")
    style.add("ALIGN", (3, 1), (6, -1), "RIGHT")
    style.add("ALIGN", (7, 1), (7, -1), "CENTER")
    style.add("FONTNAME", (4, 1), (4, -1), SERIF_BOLD)
    style.add("FONTNAME", (6, 1), (6, -1), SERIF_BOLD)
    for b in bands:
        style.add("SPAN", (0, b), (-1, b))
    table.setStyle(style)
    return table


def _ranking_row(r: AgencyResult, st: Styles) -> list[Any]:
    name = r.name + ("" if r.complete else f" {INCOMPLETE_MARK}")
    return [r.rank_text, nfc(r.code), _p(name, st.cell), N(r.self_sheet.final_points), N(r.sheet.final_points),
            N(r.sheet.applicable_max), N(r.entry.percent), nfc(r.entry.category.name) if r.entry.category else "—"]


def _nice_max(value: int) -> tuple[Decimal, list[Decimal]]:
    """An axis 0..max with at most 5 round ticks covering `value` (counts of agencies)."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        top = -(-max(value, 1) // step) * step
        if top // step <= 5:
            return Decimal(top), [Decimal(t) for t in range(0, top + 1, step)]
    top = max(value, 1)
    return Decimal(top), [Decimal(0), Decimal(top)]


def category_chart(data: CouncilReportData) -> Any:
    total = len(data.results) or 1
    counts = list(data.categories)
    top, ticks = _nice_max(max((c for _n, c in counts), default=1))
    bars = [Bar(name, Decimal(count), f"{count} ({percent_text((Decimal(count) * 100 / total).quantize(Decimal('0.1'), ROUND_HALF_UP))})")
            for name, count in counts]
    return bar_chart(bars, TEXT_WIDTH, max_value=top, ticks=ticks, tick_suffix="", label_share=0.25)


def field_chart(data: CouncilReportData) -> Any:
    bars = [Bar(f"{display_code(f.code)}. {f.title}", f.percent if f.agencies else None,
                percent_text(f.percent) if f.agencies else "Không áp dụng") for f in data.fields]
    return bar_chart(bars, TEXT_WIDTH)


def signature_block(data: CouncilReportData, recipients: tuple[str, ...] | None = None) -> SignatureBlock:
    o = data.options
    return SignatureBlock(recipients=o.recipients if recipients is None else recipients, authority=o.authority,
                          title=o.signer_title, signer=o.signer, archive=(f"Lưu: VT, {o.symbol}." if o.symbol.strip() else "Lưu: VT.",))


def build_story(data: CouncilReportData, st: Styles) -> list[Any]:
    story: list[Any] = [StateHeader(heading_of(data))]
    story += title_block("Báo cáo", [publication_title(data.year), data.level_subject], st)
    story.append(_p(f"{basis_text(data)}; căn cứ kết quả tự đánh giá của các cơ quan, đơn vị, kết quả thẩm định và kết quả "
                    f"điều tra xã hội học, kết quả xác định Chỉ số cải cách hành chính năm {data.year} {data.level_subject} "
                    "như sau:", st.body_justified))
    story += section("I. KẾT QUẢ CHUNG", st.heading)
    story += _summary(data, st)
    story += section("II. BẢNG XẾP HẠNG", st.heading)
    story.append(ranking_table(data, st))
    story.append(Spacer(1, 3))
    story.append(_p("Chỉ số (%) = điểm cuối cùng / điểm tối đa áp dụng × 100, làm tròn đến 0,01; điểm cuối cùng gồm điểm "
                    "thẩm định, điểm điều tra xã hội học, điểm thưởng và điểm trừ. Dấu “=” trước thứ hạng: đồng hạng (cùng "
                    "Chỉ số); trong cùng thứ hạng, thứ tự theo mã cơ quan."
                    + (f" Dấu {INCOMPLETE_MARK}: chưa thẩm định xong." if any(not r.complete for r in data.results) else ""),
                    st.note))
    cats = category_chart(data)
    story += section("III. BIỂU ĐỒ", st.heading, cats.height + 25 * mm)
    story.append(KeepTogether([_p("1. Số cơ quan, đơn vị theo xếp loại", st.subheading), cats]))
    fields = field_chart(data)
    story.append(CondPageBreak(fields.height + 15 * mm))
    story.append(KeepTogether([_p("2. Tỷ lệ điểm bình quân theo lĩnh vực", st.subheading), fields,
                               _p("Tỷ lệ của lĩnh vực = điểm cuối cùng / điểm tối đa áp dụng của lĩnh vực × 100, bình quân "
                                  "các cơ quan, đơn vị có áp dụng lĩnh vực đó.", st.note)]))
    story.append(Spacer(1, 6))
    closing = _p(f"Trên đây là kết quả xác định Chỉ số cải cách hành chính năm {data.year} {data.level_subject}./.",
                 st.body_justified)
    story.append(closing_with_signature(closing, signature_block(data)))
    return story


def closing_with_signature(closing: Any, block: SignatureBlock) -> Any:
    """ND 30: the signature never stands alone on a page; the closing sentence goes with it.
    signature_flowable is itself a KeepTogether, whose height reads as "infinite" inside another
    one (reportlab forces a split that way), which would always push the pair to a new page:
    its parts are kept together with the closing instead."""
    sig = signature_flowable(block, TEXT_WIDTH)
    return KeepTogether([closing, *getattr(sig, "_content", [sig])])


def write_council_pdf(data: CouncilReportData, out: IO[bytes] | str) -> None:
    """The publication report to `out` (a binary file object or a path): fonts embedded, the
    round digest on every page, its QR code on page 1."""
    st = make_styles(table_size=TABLE_SIZE)
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=PAGE_MARGINS["left"], rightMargin=PAGE_MARGINS["right"],
        topMargin=PAGE_MARGINS["top"], bottomMargin=PAGE_MARGINS["bottom"],
        title=f"{publication_title(data.year)} {data.level_subject}", author=data.options.body,
        subject=data.digest, creator="CCHC Desktop",
    )
    doc.build(build_story(data, st), canvasmaker=stamped_canvas(data.page_stamp(), PAGE_MARGINS["left"],
                                                                PAGE_MARGINS["right"]))
