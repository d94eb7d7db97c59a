"""The state-document layout of Nghị định 30/2020/NĐ-CP (Phụ lục I), for every printed report.

    CƠ QUAN CHỦ QUẢN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TÊN CƠ QUAN BAN HÀNH                       Độc lập - Tự do - Hạnh phúc
        ────────                               ───────────────────────────
    Số:     /BC-XXX                       Địa danh, ngày 02 tháng 3 năm 2026

                                   BÁO CÁO
                                Trích yếu …
                                  ───────
    … body …
    Nơi nhận:                                  THỦ TRƯỞNG CƠ QUAN
    - …;                                  (Ký, ghi rõ họ tên, đóng dấu)
    - Lưu: VT.

A4 portrait, margins top 20, bottom 25 (the footer lives there), left 30, right 15 mm.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC, nfc, register_fonts

PAGE_MARGINS = {"left": 30 * mm, "right": 15 * mm, "top": 20 * mm, "bottom": 25 * mm}
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
LEFT_SHARE = 0.42  # of the text width: the issuing body's column; the rest is the motto's


@dataclass(frozen=True)
class StateHeading:
    """Who issues the document and when: the top block of every state document."""

    agency_name: str
    date: _dt.date
    superior: str = ""  # cơ quan chủ quản, printed above the agency when known
    kind_code: str = "BC"  # BC báo cáo, QĐ quyết định, TB thông báo…
    symbol: str = ""  # after the kind: "Số:     /BC-<symbol>"; empty gives "/BC"
    place: str = ""  # địa danh; empty leaves dots to fill by hand


def vietnamese_date(day: _dt.date, place: str = "") -> str:
    """"Khánh Hòa, ngày 02 tháng 3 năm 2026": ND 30 pads days below 10 and months 1 and 2 with a
    zero (so that nothing can be added by hand), not the other months."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    where = nfc(place).strip() or "……………"
    return f"{where}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(heading: StateHeading) -> str:
    """"Số:      /BC-XA001": the number is left blank for the clerk (văn thư) to fill when it is issued."""
    symbol = nfc(heading.symbol).strip()
    return f"Số:{' ' * 10}/{heading.kind_code}" + (f"-{symbol}" if symbol else "")


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.lib.utils import simpleSplit

    return simpleSplit(nfc(text), font, size, width) or [""]


def _balanced(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap into as few lines as `width` allows, but with lines of similar length ("SỞ THÔNG TIN /
    VÀ TRUYỀN THÔNG", not "SỞ THÔNG TIN VÀ TRUYỀN / THÔNG"), as agency names are set by hand."""
    lines = _wrap(text, font, size, width)
    if len(lines) < 2:
        return lines
    lo, hi = width / len(lines), width
    while hi - lo > 0.5:
        mid = (lo + hi) / 2
        if len(_wrap(text, font, size, mid)) == len(lines):
            hi = mid
        else:
            lo = mid
    return _wrap(text, font, size, hi)


class StateHeader(Flowable):  # type: ignore[misc] - reportlab has no type information
    """The issuing body (left) and the national motto (right), the number and the place and date."""

    def __init__(self, heading: StateHeading, size: float = 12.5) -> None:
        super().__init__()
        register_fonts()
        self.heading = heading
        self.size = size
        self.leading = size * 1.25

    def _columns(self, width: float) -> tuple[float, float]:
        return width * LEFT_SHARE, width * (1 - LEFT_SHARE)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        left, _right = self._columns(avail_width)
        h = self.heading
        self._superior = _balanced(h.superior.upper(), SERIF, self.size, left - 4) if h.superior.strip() else []
        self._agency = _balanced(h.agency_name.upper(), SERIF_BOLD, self.size, left - 4)
        left_lines = len(self._superior) + len(self._agency)
        self._top = max(left_lines, 2) * self.leading + 6  # the rule under both blocks
        self.height = self._top + self.leading * 1.6
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        left, right = self._columns(self.width)
        lx, rx = left / 2, left + right / 2
        y = self.height - self.size
        for line in self._superior:
            c.setFont(SERIF, self.size)
            c.drawCentredString(lx, y, line)
            y -= self.leading
        widest = 0.0
        for line in self._agency:
            c.setFont(SERIF_BOLD, self.size)
            c.drawCentredString(lx, y, line)
            widest = max(widest, c.stringWidth(line, SERIF_BOLD, self.size))
            y -= self.leading
        rule = widest * 0.4  # ND 30: a short rule, a third to half of the agency name
        c.setLineWidth(0.6)
        rule_y = y + self.leading - self.size * 0.4  # clear of the last line's descenders
        c.line(lx - rule / 2, rule_y, lx + rule / 2, rule_y)

        y = self.height - self.size
        c.setFont(SERIF_BOLD, self.size)
        c.drawCentredString(rx, y, MOTTO)
        y -= self.leading
        motto_size = self.size + 0.5
        c.setFont(SERIF_BOLD, motto_size)
        c.drawCentredString(rx, y, MOTTO_2)
        w = c.stringWidth(MOTTO_2, SERIF_BOLD, motto_size)
        c.line(rx - w / 2, y - 3, rx + w / 2, y - 3)  # as long as the words, as ND 30 asks

        y = self.height - self._top - self.leading
        c.setFont(SERIF, self.size)
        c.drawCentredString(lx, y, number_line(self.heading))
        c.setFont(SERIF_ITALIC, self.size)
        c.drawCentredString(rx, y, vietnamese_date(self.heading.date, self.heading.place))


class CenteredRule(Flowable):  # type: ignore[misc]
    """The short line under a document's title (trích yếu)."""

    def __init__(self, length: float, space_after: float = 6) -> None:
        super().__init__()
        self.length = length
        self.space_after = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 6 + self.space_after

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        y = self.space_after + 1  # 5 points below the title's descenders
        self.canv.line((self.width - self.length) / 2, y, (self.width + self.length) / 2, y)


class WriteInLines(Flowable):  # type: ignore[misc]
    """Dotted lines to write on by hand (a section the software has nothing for)."""

    def __init__(self, count: int, spacing: float = 20) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.spacing

    def draw(self) -> None:
        c = self.canv
        c.setDash(1, 2.5)
        c.setLineWidth(0.5)
        for i in range(self.count):
            y = (self.count - i - 1) * self.spacing + 3
            c.line(0, y, self.width, y)
        c.setDash()


def title_block(kind: str, subject_lines: list[str], styles: Any) -> list[Any]:
    """"BÁO CÁO" and its subject (trích yếu), centred and bold, with the short rule under it."""
    from reportlab.platypus import Paragraph, Spacer

    from .styles import markup

    out: list[Any] = [Spacer(1, 10), Paragraph(markup(kind.upper()), styles.title)]
    out += [Paragraph(markup(line), styles.subtitle) for line in subject_lines]
    out.append(CenteredRule(45 * mm))
    return out


@dataclass(frozen=True)
class SignatureBlock:
    """The end of a state document: recipients left, the signer right."""

    recipients: tuple[str, ...] = ()
    authority: str = ""  # e.g. "TM. ỦY BAN NHÂN DÂN"; empty for a head signing in their own name
    title: str = "THỦ TRƯỞNG CƠ QUAN"
    hint: str = "(Ký, ghi rõ họ tên, đóng dấu)"
    signer: str = ""  # the name under the signature space, when known
    archive: tuple[str, ...] = field(default=("Lưu: VT.",))


def signature_flowable(block: SignatureBlock, width: float, body_size: float = 13, before: Sequence[Any] = ()) -> Any:
    """"Nơi nhận:" bottom-left, the signature block bottom-right, kept together on one page with
    `before` (the closing sentence: ND 30 never lets a signature stand alone on a page).

    Pass what must stay with it as `before` rather than wrapping the result in another
    KeepTogether: reportlab's KeepTogether inside a KeepTogether always breaks the page."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from .styles import markup

    register_fonts()
    head = ParagraphStyle("recipients_head", fontName=SERIF_BOLD_ITALIC, fontSize=12, leading=14)
    item = ParagraphStyle("recipient", fontName=SERIF, fontSize=11, leading=13)
    sign = ParagraphStyle("sign", fontName=SERIF_BOLD, fontSize=body_size, leading=body_size * 1.25, alignment=TA_CENTER)
    hint = ParagraphStyle("sign_hint", parent=sign, fontName=SERIF_ITALIC)
    lines = [f"- {nfc(r).rstrip(';.')};" for r in block.recipients] + [f"- {nfc(a)}" for a in block.archive]
    left = [Paragraph("Nơi nhận:", head)] + [Paragraph(markup(t), item) for t in lines]
    right: list[Any] = []
    if block.authority.strip():
        right.append(Paragraph(markup(block.authority.upper()), sign))
    right += [Paragraph(markup(block.title.upper()), sign), Paragraph(markup(block.hint), hint), Spacer(1, 24 * mm)]
    if block.signer.strip():
        right.append(Paragraph(markup(block.signer), sign))
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("FONTNAME", (0, 0), (-1, -1), SERIF)]))
    return KeepTogether([*before, Spacer(1, 10), table])
