"""Every page carries a hash: "Mã gói: <sha256>" (or a draft's content code) and "Trang x/y";
the first page also carries the hash as a QR code.

A printed report can then be matched with the signed package it comes from: the council scans or
types the code and finds the package with the same manifest SHA-256 (`cchc inspect list`).  The
QR code holds exactly the 64 hexadecimal digits printed in the footer, nothing else, so any
reader, and a person comparing by eye, gets the same value.

"Trang x/y" needs the page count before the first page is finished: the canvas below keeps each
page's drawing operations until `save()`, then stamps every page knowing the total (the
usual reportlab technique; pages are small, memory is no concern).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .fonts import SERIF, SERIF_ITALIC, nfc, register_fonts

# reportlab is imported inside the functions: the GUI imports this module's data classes (through
# agency_model) at start-up, where reportlab's ~150 ms are not wanted.
mm = 72 / 25.4

QR_SIZE = 22 * mm  # with the quiet zone; ~0.6 mm modules, readable by a phone at arm's length
QR_LEVEL = "M"
QR_BORDER = 4  # modules of quiet zone (the QR standard's minimum)
FOOTER_SIZE = 8.5


@dataclass(frozen=True)
class PageStamp:
    """What every page says about where it comes from.

    `label` is printed before the hash ("Mã gói" or "BẢN NHÁP — chưa xuất gói; mã nội dung");
    `sha256` is the hash (64 hex digits), also the QR code's content on page 1 when `qr` is set."""

    label: str
    sha256: str
    qr: bool = True
    note: str = ""  # an optional second footer line (e.g. the agency and year)

    @property
    def footer_text(self) -> str:
        return f"{nfc(self.label)}: {self.sha256}"


def qr_widget(value: str, size: float = QR_SIZE) -> Any:
    """reportlab's QR widget for `value` at `size` points (quiet zone included)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    return QrCodeWidget(value, barLevel=QR_LEVEL, barBorder=QR_BORDER, barWidth=size, barHeight=size)


def qr_matrix(value: str) -> list[list[bool]]:
    """The QR modules of `value` as drawn (row 0 at the top): for checking a rendered page."""
    widget = qr_widget(value)
    widget.qr.make()
    return [[bool(m) for m in row] for row in widget.qr.modules]


def draw_qr(canvas: Any, value: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """Draw the QR code of `value` with its lower-left corner at (x, y)."""
    from reportlab.graphics import renderPDF

    from .charts import serif_drawing

    drawing = serif_drawing(size, size)
    drawing.add(qr_widget(value, size))
    renderPDF.draw(drawing, canvas, x, y)


def qr_position(page_width: float, right_margin: float) -> tuple[float, float]:
    """Where page 1's QR code goes: bottom right, inside the bottom margin, beside the footer."""
    # The quiet zone (white) may overhang the margin: the dark modules end at the text's edge.
    return page_width - right_margin - QR_SIZE + 2 * mm, 2 * mm


def stamped_canvas(stamp: PageStamp, left_margin: float, right_margin: float) -> Callable[..., Any]:
    """A `canvasmaker` for SimpleDocTemplate.build: the footer on every page, the QR on page 1."""
    from reportlab.pdfgen.canvas import Canvas

    class StampedCanvas(Canvas):  # type: ignore[misc] - reportlab has no type information
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            register_fonts()
            # Otherwise every page starts in Helvetica: a font resource that is not embedded.
            # (SimpleDocTemplate passes these keys, as None unless told.)
            for key, value in (("initialFontName", SERIF), ("initialFontSize", 12), ("initialLeading", 14.4)):
                if kwargs.get(key) is None:
                    kwargs[key] = value
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._stamp(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _stamp(self, number: int, total: int) -> None:
            register_fonts()
            width, _height = self._pagesize
            usable = width - left_margin - right_margin
            qr_room = QR_SIZE + 2 * mm if (stamp.qr and number == 1) else 0
            self.saveState()
            self.setLineWidth(0.4)
            self.line(left_margin, 16 * mm, width - right_margin - qr_room, 16 * mm)
            self.setFont(SERIF_ITALIC, FOOTER_SIZE)
            text = stamp.footer_text
            # The hash must stay whole on one line: shrink the type rather than cut it.
            size = FOOTER_SIZE
            while size > 6 and self.stringWidth(text, SERIF_ITALIC, size) > usable - qr_room:
                size -= 0.25
            self.setFont(SERIF_ITALIC, size)
            self.drawString(left_margin, 12.5 * mm, text)
            self.setFont(SERIF, FOOTER_SIZE)
            page = f"Trang {number}/{total}"
            if stamp.note:
                self.drawString(left_margin, 8.5 * mm, nfc(stamp.note))
            self.drawRightString(width - right_margin - qr_room, 8.5 * mm, page)
            if stamp.qr and number == 1:
                x, y = qr_position(width, right_margin)
                draw_qr(self, stamp.sha256, x, y)
            self.restoreState()

    return StampedCanvas
