"""Writing a framework as the Excel table provinces publish (docs/framework-excel.md), and
writing an imported framework as a JSON file.  Both write a temporary file, then rename it.

The "Cách chấm" column uses the canonical phrasing of `scoring_lines.rule_lines`, which the
reader gives back parameter for parameter: importing an exported file gives the same framework
(the same canonical SHA-256).
"""

from __future__ import annotations

import os
import secrets
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import UserFacingError
from ..framework.canonical import document_of
from ..framework.codes import display_code
from ..framework.model import Framework, Item
from .assemble import evidence_text
from .info_sheet import write_info
from .layout import COLUMNS, GUIDE_SHEET, INFO_SHEET, MAIN_SHEET, excel_number
from .scoring_lines import rule_lines

HEADER_ROW = 4  # title, decision, blank, header
FIELD_FILL = "DCE6F1"
HEADER_FILL = "BFBFBF"


class Styles:
    """openpyxl styles, made once per workbook."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(wrap_text=True, vertical="top", horizontal="center")
        self.head_align = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.bold = Font(name="Times New Roman", size=12, bold=True)
        self.normal = Font(name="Times New Roman", size=12)
        self.italic = Font(name="Times New Roman", size=12, italic=True)
        self.title = Font(name="Times New Roman", size=14, bold=True)
        self.field_fill = PatternFill("solid", fgColor=FIELD_FILL)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)

    def page(self, ws: Any, landscape: bool, title_rows: str | None) -> None:
        from openpyxl.worksheet.page import PageMargins

        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages as needed, one page wide
        ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5, header=0.3, footer=0.3)
        ws.oddFooter.center.text = "Trang &P/&N"
        if title_rows:
            ws.print_title_rows = title_rows

    def info(self, ws: Any, header_rows: tuple[int, ...], data_end: int) -> None:
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 60
        ws.column_dimensions["C"].width = 50
        ws["A1"].font = self.title
        for row in ws.iter_rows(min_row=2, max_row=data_end, max_col=3):
            for cell in row:
                text_cell(cell)
                cell.alignment = self.wrap
                cell.font = self.bold if cell.row in header_rows or cell.column == 1 else self.normal
                if cell.row in header_rows:
                    cell.fill = self.header_fill
                if cell.value is not None or cell.row in header_rows or cell.column < 3:
                    cell.border = self.border
                if cell.column == 3 and cell.row not in header_rows:
                    cell.font = self.italic
        self.page(ws, landscape=False, title_rows=None)


def text_cell(cell: Any) -> None:
    """A text starting with "=" is text, not a formula."""
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"


ROW_FIELD, ROW_BOLD, ROW_PLAIN = "field", "bold", "plain"


def _item_rows(item: Item) -> list[tuple[str, list[Any]]]:
    code = display_code(item.code) if item.depth == 1 and item.code.isdigit() else item.code
    row = [code, item.title, excel_number(item.max_points), "\n".join(rule_lines(item)),
           evidence_text(item.evidence.required, item.evidence.hint), item.guidance]
    style = ROW_FIELD if item.depth == 1 and item.rule is None else ROW_BOLD if not item.is_leaf else ROW_PLAIN
    out = [(style, row)]
    for child in item.children:
        out.extend(_item_rows(child))
    return out


def write_table(ws: Any, st: Styles, title: str, subtitle: str, rows: list[tuple[str, list[Any]]],
                footnotes: list[str]) -> None:
    """The main sheet: title, subtitle, blank, header (repeated on every printed page, frozen),
    then `rows` of (style, [Mã, Tiêu chí, Điểm tối đa, Cách chấm, Tài liệu kiểm chứng, Ghi chú])."""
    from openpyxl.utils import get_column_letter

    ncol = len(COLUMNS)
    ws.append([title])
    ws.append([subtitle])
    ws.append([])
    ws.append([text for _, text, _ in COLUMNS])
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        ws.cell(r, 1).alignment = st.head_align
    ws.cell(1, 1).font = st.title
    ws.cell(2, 1).font = st.italic
    ws.row_dimensions[1].height = 40
    for c in range(1, ncol + 1):
        cell = ws.cell(HEADER_ROW, c)
        cell.font, cell.fill, cell.border, cell.alignment = st.bold, st.header_fill, st.border, st.head_align
    for style, values in rows:
        ws.append(values)
        r = ws.max_row
        for c in range(1, ncol + 1):
            cell = ws.cell(r, c)
            text_cell(cell)
            cell.border = st.border
            cell.alignment = st.center if c in (1, 3) else st.wrap
            cell.font = st.normal if style == ROW_PLAIN else st.bold
            if style == ROW_FIELD:
                cell.fill = st.field_fill
            if c == 3:
                cell.number_format = "0.0#"
    if footnotes:
        ws.append([])
    for text in footnotes:
        ws.append([text])
        ws.cell(ws.max_row, 1).font = st.italic
    for i, (_, _, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1).coordinate
    st.page(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def subtitle_of(fw: Framework) -> str:
    lb = fw.legal_basis
    sub = []
    if lb.number:
        date = lb.date
        if len(date) == 10 and date[4] == "-" and date[7] == "-":
            date = f"{date[8:]}/{date[5:7]}/{date[:4]}"
        sub.append(f"(Kèm theo Quyết định số {lb.number}" + (f" ngày {date}" if date else "")
                   + (f" của {lb.issuer}" if lb.issuer else "") + ")")
    if fw.sample:
        sub.append("BẢN MẪU, không phải văn bản chính thức")
    return " ".join(sub)


def build_workbook(fw: Framework) -> Any:
    """The workbook of `export_xlsx`, not saved."""
    from openpyxl import Workbook

    st = Styles()
    wb = Workbook()
    ws = wb.active
    ws.title = MAIN_SHEET
    rows: list[tuple[str, list[Any]]] = []
    for f in fw.fields:
        rows.extend(_item_rows(f))
    rows.append((ROW_BOLD, ["", "Tổng cộng", excel_number(fw.total), "", "", ""]))
    if fw.adjustments:
        rows.append((ROW_BOLD, ["", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", None, "", "", ""]))
        for a in fw.adjustments:
            rows.extend(_item_rows(a))
    notes = [f"Ghi chú: bảng được xuất từ CCHC Desktop; mã nhận dạng (SHA-256) của bộ tiêu chí: {fw.sha256}."] \
        if fw.sha256 else []
    write_table(ws, st, fw.title, subtitle_of(fw), rows, notes)
    write_info(wb.create_sheet(INFO_SHEET), fw, st)
    return wb


def export_xlsx(fw: Framework, path: str | Path) -> Path:
    """Write `fw` as an .xlsx table (temporary file, then rename).  Returns the path."""
    wb = build_workbook(fw)
    return save_workbook(wb, path)


def save_workbook(wb: Any, path: str | Path) -> Path:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as fh:
            wb.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserFacingError(f"Không ghi được tệp “{path}”: {exc.strerror or exc}.",
                              f"Cannot write '{path}': {exc.strerror or exc}.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


# ---------------------------------------------------------------- JSON


def _plain(value: Any) -> Any:
    """Decimals as JSON numbers (exact: a float only when it prints back to the same decimal)."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        f = float(value)
        return f if Decimal(repr(f)) == value else str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _tidy_item(doc: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in doc.items() if k not in ("guidance", "evidence", "not_applicable", "children", "rule")}
    if doc.get("not_applicable") is not None:
        out["not_applicable"] = doc["not_applicable"]
    if doc["evidence"] != {"required": False, "hint": ""}:
        out["evidence"] = doc["evidence"]
    if doc["guidance"]:
        out["guidance"] = doc["guidance"]
    if "rule" in doc:
        out["rule"] = doc["rule"]
    else:
        out["children"] = [_tidy_item(c) for c in doc["children"]]
    return out


def framework_json(fw: Framework) -> str:
    """The framework as a readable JSON file (keys in the documented order, defaults of items
    left out); it reads back to the same canonical SHA-256."""
    import json

    doc = document_of(fw)
    doc["fields"] = [_tidy_item(f) for f in doc["fields"]]
    doc["adjustments"] = [_tidy_item(a) for a in doc["adjustments"]]
    return json.dumps(_plain(doc), ensure_ascii=False, indent=2) + "\n"


def save_framework_json(fw: Framework, path: str | Path, overwrite: bool = False) -> Path:
    """Write the framework file (temporary file, then rename); refuse to replace a file unless
    `overwrite`."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise UserFacingError(
            f"Tệp “{path}” đã có; thêm --force để ghi đè. Không có gì thay đổi.",
            f"'{path}' already exists; add --force to overwrite it. Nothing was changed.",
        )
    data = framework_json(fw).encode("utf-8")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserFacingError(f"Không ghi được tệp “{path}”: {exc.strerror or exc}.",
                              f"Cannot write '{path}': {exc.strerror or exc}.") from None
    return path


__all__ = ["export_xlsx", "build_workbook", "write_table", "save_workbook", "framework_json", "save_framework_json",
           "Styles", "GUIDE_SHEET"]
