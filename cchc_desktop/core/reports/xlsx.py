"""Workbook helpers for the Excel reports (openpyxl): styles, exact decimals, print setup.

Numbers are written as numbers, never formulas (openpyxl does not compute formulas: a file never
opened in Excel would read back empty), and as the exact decimal the engine computed.  openpyxl
formats every number with "%.16g" of a float (Decimal("71.43") is written 71.43000000000001);
`set_number` writes the shortest exact decimal text instead, as a numeric cell.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..framework.canonical import number_text

FONT = "Times New Roman"  # what state offices have; LibreOffice substitutes Liberation Serif
HEADER_FILL = "D9D9D9"
GROUP_FILL = "EDEDED"


@dataclass(frozen=True)
class Fonts:
    normal: Any
    bold: Any
    italic: Any
    title: Any
    small_italic: Any


def fonts(size: float = 12) -> Fonts:
    from openpyxl.styles import Font

    return Fonts(Font(name=FONT, size=size), Font(name=FONT, size=size, bold=True),
                 Font(name=FONT, size=size, italic=True), Font(name=FONT, size=size + 2, bold=True),
                 Font(name=FONT, size=size - 2, italic=True))


def thin_border() -> Any:
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="808080")
    return Border(left=side, right=side, top=side, bottom=side)


def fill(color: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor=color)


def set_number(cell: Any, value: Decimal | int | None, number_format: str | None = None) -> None:
    """Write `value` exactly as a numeric cell ("14.5", "71.43", "100"); None leaves it empty."""
    if value is None:
        cell.value = None
        return
    cell.value = number_text(Decimal(value))
    cell.data_type = "n"  # the text above is written as the cell's number, digit for digit
    if number_format:
        cell.number_format = number_format


def set_text(cell: Any, text: str | None) -> None:
    """A text cell; a text starting with "=" stays text (never a formula)."""
    cell.value = text or None
    if isinstance(cell.value, str):
        cell.data_type = "s"


def number_format_for(values: Sequence[Decimal]) -> str:
    """"0", "0.0", "0.00"… enough decimals for every value (Excel shows them with the locale's comma)."""
    places = max((max(0, -Decimal(number_text(v)).as_tuple().exponent) for v in values), default=0)  # type: ignore[operator]
    return "0" if places == 0 else "0." + "0" * places


def header_row(ws: Any, row: int, headers: Sequence[str], widths: Sequence[float], height: float = 32) -> None:
    """Bold, shaded, centred, wrapped column headings; sets the column widths."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    f, border = fonts(), thin_border()
    for i, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = ws.cell(row=row, column=i)
        set_text(cell, text)
        cell.font = f.bold
        cell.fill = fill(HEADER_FILL)
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[row].height = height


def print_setup(ws: Any, header_row_number: int, landscape: bool = True, footer: str = "") -> None:
    """A4, one page wide and as many pages tall as needed, the header row repeated on every
    printed page and frozen on screen, "Trang x/y" (and `footer`, e.g. the hash) at the bottom."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins = PageMargins(left=0.5, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{header_row_number}:{header_row_number}"
    ws.freeze_panes = ws.cell(row=header_row_number + 1, column=1).coordinate
    ws.oddFooter.right.text = "Trang &P/&N"
    ws.oddFooter.right.size = 9
    if footer:
        ws.oddFooter.left.text = footer.replace("&", "&&")
        ws.oddFooter.left.size = 8


def workbook_bytes(wb: Any) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
