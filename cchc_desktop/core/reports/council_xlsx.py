"""The council's ranking workbook (Excel), written in openpyxl's write-only mode (rows streamed to
the file: a 150-agency × 100-leaf round stays small in memory).

Sheets (docs/reports.md, "Council reports"):

- "Xếp hạng": one row per ranked agency in ranking order — rank ("=2" when shared), code, name,
  self points, final points, applicable max, index, category, appraisal complete, notes; then the
  expected agencies that did not submit;
- "Theo lĩnh vực": per agency and field, the final points and the field's applicable max, then the
  totals;
- "Theo tiêu chí": per agency and criterion (the children of each field), the final points;
- "Chi tiết thẩm định": ONE long sheet, grouped by agency in ranking order (a bold line per agency,
  its name and totals, then one row per leaf: agency code, leaf code, title, max, self points,
  appraised points, final points, reason, reviewer, round, note).  One sheet rather than 150: it stays fast, fits Excel's sheet-name limits,
  and the agency code on every row lets the autofilter show one agency.

Every number is the exact Decimal of the engine written as a numeric cell (xlsx.set_number writes
the shortest decimal text itself), so `Decimal(str(cell.value))` read back equals it; a value a
float could not carry exactly is written as text rather than rounded.  Frozen headers, A4
landscape fitted to the page width, header rows repeated on every printed page, the round digest
in every page footer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import IO, Any

from ..framework.canonical import number_text
from ..framework.codes import display_code
from ..framework.model import Item
from .council_model import DIGEST_LABEL, AgencyResult, CouncilReportData, publication_title
from .xlsx import FONT, GROUP_FILL, HEADER_FILL, number_format_for

RANKING_SHEET = "Xếp hạng"
FIELDS_SHEET = "Theo lĩnh vực"
CRITERIA_SHEET = "Theo tiêu chí"
DETAIL_SHEET = "Chi tiết thẩm định"
HEADER_ROW = 4  # rows 1-3: title, round, digest
RANKING_HEADERS = ("Hạng", "Mã cơ quan", "Tên cơ quan", "Điểm tự chấm", "Điểm cuối cùng", "Điểm tối đa áp dụng",
                   "Chỉ số (%)", "Xếp loại", "Thẩm định xong", "Ghi chú")
RANKING_WIDTHS = (7, 12, 34, 11, 11, 11, 10, 12, 12, 30)
DETAIL_HEADERS = ("Mã cơ quan", "Mã tiêu chí", "Cơ quan / tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định",
                  "Điểm cuối cùng", "Lý do thẩm định", "Người thẩm định", "Vòng", "Ghi chú")
DETAIL_WIDTHS = (12, 10, 50, 9, 9, 10, 9, 48, 18, 6, 22)
EXCLUDED = "—"  # not applicable: no points (legend on the sheets)


class _Styles:
    """The cell styles, made once (openpyxl shares equal styles; making them per cell is slow)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        side = Side(style="thin", color="808080")
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.normal = Font(name=FONT, size=11)
        self.bold = Font(name=FONT, size=11, bold=True)
        self.title = Font(name=FONT, size=14, bold=True)
        self.small = Font(name=FONT, size=10, italic=True)
        self.head_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.group_fill = PatternFill("solid", fgColor=GROUP_FILL)
        self.head_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.right = Alignment(horizontal="right", vertical="top")
        self.center = Alignment(horizontal="center", vertical="top")
        self._cache: dict[tuple[int, int, int, int, bool, str | None], Any] = {}

    def style(self, ws: Any, font: Any, align: Any, fill: Any, border: bool, fmt: str | None) -> Any:
        """The style array of that combination, registered with the workbook once.  Assigning
        styles cell by cell makes openpyxl hash every style object again (most of the time of a
        150-agency workbook); a cell's style is a small array of indexes, shared here."""
        key = (id(ws.parent), id(font), id(align), id(fill), border, fmt)
        arr = self._cache.get(key)
        if arr is None:
            from openpyxl.cell import WriteOnlyCell

            proto = WriteOnlyCell(ws)
            proto.font = font
            if align is not None:
                proto.alignment = align
            if fill is not None:
                proto.fill = fill
            if border:
                proto.border = self.border
            if fmt:
                proto.number_format = fmt
            arr = self._cache[key] = proto._style
        return arr


class _Sheet:
    """A write-only sheet and the helpers to append styled rows to it."""

    def __init__(self, wb: Any, title: str, st: _Styles, widths: Sequence[float]) -> None:
        from openpyxl.utils import get_column_letter

        self.ws = wb.create_sheet(title)
        self.st = st
        self.rows = 0
        for i, w in enumerate(widths, start=1):  # write-only: before the first row
            self.ws.column_dimensions[get_column_letter(i)].width = w

    def cell(self, value: Any, font: Any = None, align: Any = None, fill: Any = None, border: bool = True,
             fmt: str | None = None) -> Any:
        from openpyxl.cell import WriteOnlyCell

        c = WriteOnlyCell(self.ws)
        number = False
        if isinstance(value, Decimal):
            number = _exact(c, value)
        elif isinstance(value, int) and not isinstance(value, bool):
            c.value, number = value, True
        elif value is not None and value != "":
            c.value = str(value)
            c.data_type = "s"  # a name starting with "=" stays text, never a formula
        # Shared, not copied: a written cell's style array is only read (its index into the workbook's styles).
        c._style = self.st.style(self.ws, font or self.st.normal, align, fill, border, fmt if number else None)
        return c

    def append(self, cells: list[Any], height: float | None = None) -> None:
        self.rows += 1
        if height is not None:
            self.ws.row_dimensions[self.rows].height = height
        self.ws.append(cells)

    def heading(self, title: str, lines: Sequence[str]) -> None:
        """Rows 1-3: the title, a line about the round, the digest line."""
        self.append([self.cell(title, self.st.title, border=False)])
        for line in lines:
            self.append([self.cell(line, self.st.small, border=False)])

    def header(self, texts: Sequence[str], height: float = 32) -> None:
        self.append([self.cell(t, self.st.bold, self.st.head_align, self.st.head_fill) for t in texts], height)


def _exact(cell: Any, value: Decimal) -> bool:
    """A numeric cell holding exactly `value` (True); text when a spreadsheet's double could not
    carry it (False: never silently rounded)."""
    text = number_text(value)
    if Decimal(repr(float(text))) != Decimal(text):
        cell.value = text.replace(".", ",")
        cell.data_type = "s"
        return False
    cell.value = text
    cell.data_type = "n"  # the digits above, as the cell's number (xlsx.set_number does the same)
    return True


def _print_setup(ws: Any, first_header: int, last_header: int, freeze: str, footer: str) -> None:
    """A4 landscape, one page wide, the header rows repeated on every page and frozen on screen.
    Write-only sheets write the view and the sheet properties with the first row: call it first."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4; not on write-only sheets)
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins = PageMargins(left=0.5, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{first_header}:{last_header}"
    ws.freeze_panes = freeze
    ws.oddFooter.right.text = "Trang &P/&N"
    ws.oddFooter.right.size = 9
    ws.oddFooter.left.text = footer.replace("&", "&&")
    ws.oddFooter.left.size = 8


def _heading_lines(data: CouncilReportData) -> list[str]:
    fw = data.framework
    body = " — ".join(p for p in (data.options.superior.strip(), data.options.body.strip()) if p)
    return [f"{body}. Bộ tiêu chí: {fw.title} (SHA-256 {fw.sha256}). {len(data.results)} cơ quan được xếp hạng.",
            f"{DIGEST_LABEL}: {data.digest}"]


def _formats(data: CouncilReportData) -> str:
    values: list[Decimal] = [i.max_points for i in data.framework.walk()]
    for r in data.results:
        values += [r.sheet.final_points, r.self_sheet.final_points, r.sheet.applicable_max]
        values += [n.points for n in r.sheet.nodes.values()]
    return number_format_for(values)


def criteria_of(data: CouncilReportData) -> list[tuple[Item, list[Item]]]:
    """(field, its criteria) — a field without children is its own single column."""
    return [(f, list(f.children) or [f]) for f in data.framework.fields]


def _category(r: AgencyResult) -> str:
    return r.entry.category.name if r.entry.category else "—"


def _ranking_sheet(wb: Any, data: CouncilReportData, st: _Styles, fmt: str) -> None:
    sh = _Sheet(wb, RANKING_SHEET, st, RANKING_WIDTHS)
    _print_setup(sh.ws, HEADER_ROW, HEADER_ROW, f"D{HEADER_ROW + 1}", f"{DIGEST_LABEL}: {data.digest}")
    sh.heading(f"BẢNG XẾP HẠNG — {publication_title(data.year).upper()}", _heading_lines(data))
    sh.header(RANKING_HEADERS)
    for r in data.results:
        notes = []
        if r.entry.tied_with:
            notes.append("Đồng hạng với " + ", ".join(r.entry.tied_with))
        if not r.stamp.issued:
            notes.append("Chưa ban hành kết quả" if not r.stamp.stale_sequence
                         else f"Kết quả đã thay đổi sau gói kết quả lần {r.stamp.stale_sequence}")
        done = "Có" if r.complete else f"Chưa ({r.appraised}/{r.to_appraise})"
        sh.append([sh.cell(r.rank_text, align=st.center), sh.cell(r.code, align=st.wrap), sh.cell(r.name, align=st.wrap),
                   sh.cell(r.self_sheet.final_points, align=st.right, fmt=fmt),
                   sh.cell(r.sheet.final_points, align=st.right, fmt=fmt),
                   sh.cell(r.sheet.applicable_max, align=st.right, fmt=fmt),
                   sh.cell(r.entry.percent, align=st.right, fmt="0.00"), sh.cell(_category(r), align=st.wrap),
                   sh.cell(done, align=st.wrap), sh.cell("; ".join(notes), align=st.wrap)])
    last = sh.rows
    if data.not_submitted:
        sh.append([])
        sh.append([sh.cell("Chưa nộp hồ sơ (không xếp hạng):", st.bold, border=False)])
        for code, name in data.not_submitted:
            sh.append([sh.cell("—", align=st.center), sh.cell(code), sh.cell(name), None, None, None, None, None, None,
                       sh.cell("Chưa nộp hồ sơ")])
    sh.append([])
    sh.append([sh.cell("“=2”: đồng hạng (cùng chỉ số, làm tròn đến 0,01); trong cùng hạng, thứ tự theo mã cơ quan. "
                       "Chỉ số (%) = điểm cuối cùng / điểm tối đa áp dụng × 100.", st.small, border=False)])
    sh.ws.auto_filter.ref = f"A{HEADER_ROW}:{_col(len(RANKING_HEADERS))}{last}"


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _grouped_header(sh: _Sheet, lead: Sequence[str], groups: Sequence[tuple[str, Sequence[str]]], tail: Sequence[str]) -> None:
    """Two header rows: group titles merged over their columns, then the columns' own titles;
    the lead and tail headers span both rows."""
    st = sh.st
    top: list[Any] = [sh.cell(t, st.bold, st.head_align, st.head_fill) for t in lead]
    sub: list[Any] = [sh.cell("", st.bold, st.head_align, st.head_fill) for _ in lead]
    row = sh.rows + 1
    col = len(lead) + 1
    for title, names in groups:
        top += [sh.cell(title, st.bold, st.head_align, st.head_fill)] + [sh.cell("", fill=st.head_fill) for _ in names[1:]]
        sub += [sh.cell(n, st.bold, st.head_align, st.head_fill) for n in names]
        if len(names) > 1:
            sh.ws.merged_cells.add(f"{_col(col)}{row}:{_col(col + len(names) - 1)}{row}")
        col += len(names)
    top += [sh.cell(t, st.bold, st.head_align, st.head_fill) for t in tail]
    sub += [sh.cell("", st.bold, st.head_align, st.head_fill) for _ in tail]
    for i in list(range(1, len(lead) + 1)) + list(range(col, col + len(tail))):
        sh.ws.merged_cells.add(f"{_col(i)}{row}:{_col(i)}{row + 1}")
    sh.append(top, 48)
    sh.append(sub, 60)


def _fields_sheet(wb: Any, data: CouncilReportData, st: _Styles, fmt: str) -> None:
    fields = data.framework.fields
    widths = [7, 12, 30] + [10, 10] * len(fields) + [10, 10, 10]
    sh = _Sheet(wb, FIELDS_SHEET, st, widths)
    _print_setup(sh.ws, HEADER_ROW, HEADER_ROW + 1, f"D{HEADER_ROW + 2}", f"{DIGEST_LABEL}: {data.digest}")
    sh.heading(f"ĐIỂM THEO LĨNH VỰC — {publication_title(data.year).upper()}",
               _heading_lines(data)[:1] + [(f"Mỗi lĩnh vực: điểm cuối cùng và điểm tối đa áp dụng; “{EXCLUDED}”: không áp dụng. "
                                           f"{DIGEST_LABEL}: {data.digest}")])
    _grouped_header(sh, ("Hạng", "Mã cơ quan", "Tên cơ quan"),
                    [(f"{display_code(f.code)}. {f.title} (tối đa {_vi(f.max_points)})", ("Điểm", "Tối đa áp dụng"))
                     for f in fields],
                    ("Tổng điểm", "Điểm tối đa áp dụng", "Chỉ số (%)"))
    for r in data.results:
        row = [sh.cell(r.rank_text, align=st.center), sh.cell(r.code), sh.cell(r.name, align=st.wrap)]
        for f in fields:
            n = r.sheet.node(f.code)
            if n.applicable_max == 0 and f.max_points > 0:
                row += [sh.cell(EXCLUDED, align=st.center), sh.cell(Decimal(0), align=st.right, fmt=fmt)]
            else:
                row += [sh.cell(n.points, align=st.right, fmt=fmt), sh.cell(n.applicable_max, align=st.right, fmt=fmt)]
        row += [sh.cell(r.sheet.final_points, st.bold, st.right, fmt=fmt),
                sh.cell(r.sheet.applicable_max, align=st.right, fmt=fmt), sh.cell(r.entry.percent, st.bold, st.right, fmt="0.00")]
        sh.append(row)


def _criteria_sheet(wb: Any, data: CouncilReportData, st: _Styles, fmt: str) -> None:
    groups = criteria_of(data)
    ncrit = sum(len(c) for _f, c in groups)
    sh = _Sheet(wb, CRITERIA_SHEET, st, [7, 12, 30] + [9] * ncrit + [10])
    _print_setup(sh.ws, HEADER_ROW, HEADER_ROW + 1, f"D{HEADER_ROW + 2}", f"{DIGEST_LABEL}: {data.digest}")
    sh.heading(f"ĐIỂM THEO TIÊU CHÍ — {publication_title(data.year).upper()}",
               _heading_lines(data)[:1] + [(f"Điểm cuối cùng của từng tiêu chí (tối đa ghi ở tiêu đề cột); “{EXCLUDED}”: không áp dụng. "
                                           f"{DIGEST_LABEL}: {data.digest}")])
    _grouped_header(sh, ("Hạng", "Mã cơ quan", "Tên cơ quan"),
                    [(f"{display_code(f.code)}. {f.title}", [f"{c.code} {c.title} (tối đa {_vi(c.max_points)})" for c in crits])
                     for f, crits in groups], ("Chỉ số (%)",))
    for r in data.results:
        row = [sh.cell(r.rank_text, align=st.center), sh.cell(r.code), sh.cell(r.name, align=st.wrap)]
        for _f, crits in groups:
            for c in crits:
                n = r.sheet.node(c.code)
                excluded = n.applicable_max == 0 and c.max_points > 0
                row.append(sh.cell(EXCLUDED, align=st.center) if excluded else sh.cell(n.points, align=st.right, fmt=fmt))
        row.append(sh.cell(r.entry.percent, st.bold, st.right, fmt="0.00"))
        sh.append(row)


def _detail_sheet(wb: Any, data: CouncilReportData, st: _Styles, fmt: str, tick: Callable[[], None]) -> None:
    sh = _Sheet(wb, DETAIL_SHEET, st, DETAIL_WIDTHS)
    _print_setup(sh.ws, HEADER_ROW, HEADER_ROW, f"D{HEADER_ROW + 1}", f"{DIGEST_LABEL}: {data.digest}")
    sh.heading(f"CHI TIẾT THẨM ĐỊNH — {publication_title(data.year).upper()}",
               _heading_lines(data)[:1] + [("Mỗi cơ quan một dòng tổng hợp (in đậm) rồi từng tiêu chí chấm điểm; lọc theo cột "
                                           f"“Mã cơ quan” để xem một cơ quan. {DIGEST_LABEL}: {data.digest}")])
    sh.header(DETAIL_HEADERS)
    g = st.group_fill
    for r in data.results:
        tick()
        summary = (f"{r.name} — hạng {r.rank_text}/{r.ranked}; tổng điểm tự chấm {_vi(r.self_sheet.final_points)}; điểm cuối "
                   f"cùng {_vi(r.sheet.final_points)}/{_vi(r.sheet.applicable_max)}; chỉ số {_vi(r.entry.percent)}%; "
                   f"xếp loại {_category(r)}" + ("" if r.complete else f"; đã thẩm định {r.appraised}/{r.to_appraise} tiêu chí"))
        sh.append([sh.cell(r.code, st.bold, st.wrap, g), sh.cell("", fill=g), sh.cell(summary, st.bold, st.wrap, g),
                   sh.cell(r.sheet.max_points, st.bold, st.right, g, fmt=fmt),
                   sh.cell(r.self_sheet.final_points, st.bold, st.right, g, fmt=fmt), sh.cell("", fill=g),
                   sh.cell(r.sheet.final_points, st.bold, st.right, g, fmt=fmt)] + [sh.cell("", fill=g) for _ in range(4)])
        for ln in r.leaves:
            a = ln.appraisal
            if a is None:
                appraised: Any = None
            elif a.not_applicable:
                appraised = "Không áp dụng"
            else:
                appraised = a.points
            own: Any = "Không áp dụng" if ln.self_excluded else ln.self_points
            sh.append([sh.cell(r.code), sh.cell(display_code(ln.item.code)), sh.cell(ln.item.title, align=st.wrap),
                       sh.cell(ln.item.max_points, align=st.right, fmt=fmt), sh.cell(own, align=st.right, fmt=fmt),
                       sh.cell(appraised, align=st.right, fmt=fmt),
                       sh.cell(EXCLUDED if ln.excluded else ln.final_points, align=st.right, fmt=fmt),
                       sh.cell(a.reason if a else "", align=st.wrap), sh.cell(a.reviewer if a else "", align=st.wrap),
                       sh.cell(a.round if a else None, align=st.center), sh.cell(ln.note, align=st.wrap)])
    sh.ws.auto_filter.ref = f"A{HEADER_ROW}:{_col(len(DETAIL_HEADERS))}{max(sh.rows, HEADER_ROW + 1)}"


def _vi(d: Decimal) -> str:
    return number_text(d).replace(".", ",")


def write_council_xlsx(data: CouncilReportData, out: IO[bytes] | str, tick: Callable[[], None] | None = None) -> None:
    """Write the workbook to `out` (a binary file object or a path).  `tick` is called once per
    agency of the detail sheet (most of the time): progress, and a place to cancel (it may raise)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    st = _Styles()
    fmt = _formats(data)
    _ranking_sheet(wb, data, st, fmt)
    _fields_sheet(wb, data, st, fmt)
    _criteria_sheet(wb, data, st, fmt)
    _detail_sheet(wb, data, st, fmt, tick or (lambda: None))
    wb.properties.title = publication_title(data.year)
    wb.properties.subject = data.digest
    wb.properties.creator = "CCHC Desktop"
    wb.save(out)
