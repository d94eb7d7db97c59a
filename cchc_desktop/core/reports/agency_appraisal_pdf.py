"""One agency's appraisal result (PDF): its self points next to the council's per criterion, with
the reasons, the totals, the index, the category and the rank "x/N", in the state-document layout.

Every page carries the manifest SHA-256 of the result package issued to the agency when it shows
these very figures, else — a draft, said on page 1 and in every footer — the SHA-256 of the
submission the council appraised (council_model.AgencyStamp; services.council_reports decides).
"""

from __future__ import annotations

from typing import IO, Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from ..framework.codes import display_code
from ..framework.model import Item
from .council_model import DRAFT_NOTE, AgencyResult, CouncilReportData, LeafLine, appraisal_title
from .council_pdf import TEXT_WIDTH, basis_text, closing_with_signature, heading_of, section, signature_block
from .document import PAGE_MARGINS, StateHeader, title_block
from .fonts import SERIF_BOLD, nfc
from .stamp import stamped_canvas
from .styles import Styles, grid_table_style, human_number, make_styles, markup, percent_text

N = human_number
HEADERS = ("Mã", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Tự chấm", "Thẩm định", "Lý do thẩm định")
TABLE_SIZE = 10
CHANGED_COLOR = "#b03a2e"  # an appraised value that differs from the self points
WIDTHS_MM = (14, 55, 14, 15, 16, 51)


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(markup(text), style)


def _summary(data: CouncilReportData, r: AgencyResult, st: Styles) -> list[Any]:
    own, s = r.self_sheet, r.sheet
    cat = s.category.name if s.category else "chưa xếp loại"
    lines = [
        (f"- Tổng điểm tự đánh giá: {N(own.final_points)}/{N(own.assessable_max)} điểm cơ quan tự chấm được "
        f"({percent_text(own.percent)})."),
        (f"- Điểm sau thẩm định (gồm điểm điều tra xã hội học, điểm thưởng, điểm trừ): <b>{N(s.final_points)}</b>"
        f"/{N(s.applicable_max)} điểm tối đa áp dụng."),
        f"- Chỉ số cải cách hành chính: <b>{percent_text(s.percent)}</b>; xếp loại: <b>{markup(cat)}</b>; "
        f"thứ hạng: <b>{markup(r.rank_text)}</b> trong số {r.ranked} cơ quan, đơn vị được xếp hạng"
        + (f" (đồng hạng với {markup(', '.join(r.entry.tied_with))})." if r.entry.tied_with else "."),
    ]
    differs = sum(1 for ln in r.leaves if _differs(ln))
    lines.append(f"- Đã thẩm định {r.appraised}/{r.to_appraise} tiêu chí; {differs} tiêu chí có điểm thẩm định khác điểm tự chấm"
                 + ("." if r.complete else "; tiêu chí chưa thẩm định tạm giữ điểm tự chấm."))
    return [Paragraph(line, st.body) for line in lines]


def _differs(ln: LeafLine) -> bool:
    a = ln.appraisal
    if a is None or ln.item.scorer is None or ln.item.scorer.value == "survey":
        return False
    if ln.item.scorer.value == "council":
        return ln.final_points is not None and ln.final_points < ln.item.max_points
    return (ln.excluded, ln.final_points) != (ln.self_excluded, ln.self_points)


def _reason(ln: LeafLine, st: Styles) -> Any:
    a = ln.appraisal
    out: list[Any] = []
    if a is not None and a.reason.strip():
        out.append(_p(a.reason, st.cell))
    who = ", ".join(p for p in ((a.reviewer if a else ""), (f"vòng {a.round}" if a else "")) if p)
    note = ln.note
    small = "; ".join(p for p in (note, who) if p)
    if small:
        out.append(Paragraph(f"<i>{markup(small)}</i>", st.small))
    return out if out else ""


def _self_cell(r: AgencyResult, item: Item, ln: LeafLine | None) -> str:
    if ln is not None:
        if ln.self_excluded:
            return "KAD"
        return "—" if ln.self_points is None else N(ln.self_points)
    n = r.self_sheet.node(item.code)
    return "—" if n.assessable_max == 0 else N(n.points)


def _final_cell(r: AgencyResult, item: Item) -> str:
    n = r.sheet.node(item.code)
    return "KAD" if (n.applicable_max == 0 and item.max_points > 0) else N(n.points)


def score_table(data: CouncilReportData, r: AgencyResult, st: Styles) -> Table:
    """Every field, criterion and sub-criterion; then the totals.  Codes and numbers are plain
    strings styled by the table (a Paragraph per cell would double the time of 150 agencies)."""
    lines = {ln.item.code: ln for ln in r.leaves}
    rows: list[list[Any]] = [[_p(h, st.cell_head) for h in HEADERS]]
    shaded, bold, spans, changed = [], [], [], []
    fields = {f.code for f in data.framework.fields}
    for item in data.framework.walk():
        ln = lines.get(item.code)
        if item.code in fields:
            shaded.append(len(rows))
        if not item.is_leaf:
            bold.append(len(rows))
        elif ln is not None and _differs(ln):
            changed.append(len(rows))
        rows.append([nfc(display_code(item.code)), _p(item.title, st.cell_bold if not item.is_leaf else st.cell),
                     N(item.max_points), _self_cell(r, item, ln), _final_cell(r, item),
                     _reason(ln, st) if ln is not None else ""])

    def total(label: str, mx: str, own: str, final: str) -> None:
        bold.append(len(rows))
        spans.append(len(rows))
        rows.append([_p(label, st.cell_bold), "", mx, own, final, ""])

    fw, own, s = data.framework, r.self_sheet, r.sheet
    total("Cộng điểm các lĩnh vực", N(s.max_points), N(own.base_points), N(s.base_points))
    total(f"Điểm thưởng (tối đa {N(fw.bonus_cap)})", "", "+" + N(own.bonus), "+" + N(s.bonus))
    total(f"Điểm trừ (tối đa {N(fw.penalty_cap)})", "", "−" + N(own.penalty), "−" + N(s.penalty))
    total("Tổng điểm", "", N(own.final_points), N(s.final_points))
    total("Điểm tối đa áp dụng (tự chấm: phần cơ quan tự chấm được)", N(s.applicable_max), N(own.assessable_max),
          N(s.applicable_max))
    total("Chỉ số (%)", "", percent_text(own.percent), percent_text(s.percent))
    total("Xếp loại", "", nfc(own.category.name) if own.category else "—", nfc(s.category.name) if s.category else "—")
    total("Thứ hạng", "", "", r.rank_text + f"/{r.ranked}")
    widths = [w * mm for w in WIDTHS_MM]
    widths[1] += TEXT_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid_table_style(1, tuple(bold), tuple(shaded))
    style.add("FONTSIZE", (0, 1), (-1, -1), TABLE_SIZE)
    style.add("LEADING", (0, 1), (-1, -1), TABLE_SIZE * 1.2)
    style.add("ALIGN", (2, 1), (4, -1), "RIGHT")
    style.add("FONTNAME", (4, 1), (4, -1), SERIF_BOLD)  # what counts: the appraised column
    for row in changed:
        style.add("TEXTCOLOR", (4, row), (4, row), CHANGED_COLOR)
    for row in spans:
        style.add("SPAN", (0, row), (1, row))
    table.setStyle(style)
    return table


def build_story(data: CouncilReportData, r: AgencyResult, st: Styles) -> list[Any]:
    story: list[Any] = [StateHeader(heading_of(data, "TB"))]
    story += title_block("Thông báo", [appraisal_title(data.year), f"của {r.name}"], st)
    if not r.stamp.issued:
        text = f"<b>{markup(DRAFT_NOTE.upper())}</b>"
        if r.stamp.stale_sequence:
            text += f"<br/>(kết quả đã thay đổi sau khi ban hành gói kết quả lần {r.stamp.stale_sequence})"
        story.append(Paragraph(text, st.note_center))
    story.append(_p(f"{basis_text(data)}; căn cứ hồ sơ tự đánh giá của {r.name} và kết quả thẩm định, kết quả xác định "
                    f"Chỉ số cải cách hành chính năm {data.year} của {r.name} như sau:", st.body_justified))
    story += section("I. KẾT QUẢ", st.heading)
    story += _summary(data, r, st)
    story += section("II. ĐIỂM TỰ CHẤM VÀ ĐIỂM THẨM ĐỊNH THEO TIÊU CHÍ", st.heading)
    story.append(score_table(data, r, st))
    story.append(Spacer(1, 3))
    story.append(_p("“Thẩm định”: điểm được tính sau thẩm định (tiêu chí điều tra xã hội học: điểm điều tra; tiêu chí chưa "
                    "thẩm định: giữ điểm tự chấm), in màu đỏ khi khác điểm tự chấm; “KAD”: không áp dụng; “—”: không có "
                    "điểm.", st.note))
    story.append(Spacer(1, 6))
    closing = _p(f"Trên đây là kết quả thẩm định, xác định Chỉ số cải cách hành chính năm {data.year} của {r.name}./.",
                 st.body_justified)
    recipients = (r.name,) + tuple(x for x in data.options.recipients if "được đánh giá" not in x)
    story.append(closing_with_signature(closing, signature_block(data, recipients)))
    return story


def write_agency_appraisal_pdf(data: CouncilReportData, result: AgencyResult, out: IO[bytes] | str) -> None:
    """The agency's appraisal PDF to `out` (a binary file object or a path)."""
    st = make_styles(table_size=TABLE_SIZE)
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=PAGE_MARGINS["left"], rightMargin=PAGE_MARGINS["right"],
        topMargin=PAGE_MARGINS["top"], bottomMargin=PAGE_MARGINS["bottom"],
        title=f"{appraisal_title(data.year)} — {result.name}", author=data.options.body,
        subject=result.stamp.sha256, creator="CCHC Desktop",
    )
    stamp = result.stamp.page_stamp(result.code, data.year)
    doc.build(build_story(data, result, st), canvasmaker=stamped_canvas(stamp, PAGE_MARGINS["left"], PAGE_MARGINS["right"]))
