"""Numbers, paragraph styles and table styles shared by the PDF reports.

Sizes follow Nghị định 30/2020/NĐ-CP (body 13-14 pt, headings bold); tables use 10.5 pt so that a
framework of 8 fields and 45 criteria stays within a few pages.  Everything is set in the bundled
serif family (fonts.py): no style may fall back to reportlab's Helvetica.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from ..framework.canonical import number_text
from .fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, nfc, register_fonts

BODY_SIZE = 13
TABLE_SIZE = 10.5
GRID_COLOR = "#444444"
HEADER_FILL = "#e8e8e8"
FIELD_FILL = "#f3f3f3"


def human_number(d: Decimal | int | None, lang: str = "vi") -> str:
    """Numbers for people, as the rest of the application shows them (cli.common.human): the
    shortest plain decimal, with a decimal comma in Vietnamese ("14,5", "0,25", "100")."""
    if d is None:
        return ""
    text = number_text(Decimal(d))
    return text.replace(".", ",") if lang == "vi" else text


def percent_text(d: Decimal | None, lang: str = "vi") -> str:
    """"71,43%"; an unknown percentage (nothing assessable) is "—"."""
    return "—" if d is None else human_number(d, lang) + "%"


def markup(text: str | None) -> str:
    """User text (titles, citations, explanations) made safe for a reportlab Paragraph: NFC,
    XML-escaped, line breaks kept."""
    return escape(nfc(text)).replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of a report (reportlab ParagraphStyle objects)."""

    body: Any
    body_justified: Any
    heading: Any  # I., II. … section headings: bold (put a CondPageBreak before: no orphan heading)
    subheading: Any  # 1., 2. …: bold italic feel, bold here
    title: Any  # BÁO CÁO
    subtitle: Any  # the trích yếu under the title
    note: Any  # italic remark
    note_center: Any
    cell: Any
    cell_bold: Any
    cell_right: Any
    cell_right_bold: Any
    cell_center: Any
    cell_head: Any
    small: Any


def make_styles(body_size: float = BODY_SIZE, table_size: float = TABLE_SIZE) -> Styles:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    lead = body_size * 1.3
    base = ParagraphStyle("body", fontName=SERIF, fontSize=body_size, leading=lead, bulletFontName=SERIF,
                          alignment=TA_LEFT, spaceAfter=4)
    tl = table_size * 1.2

    def cell(name: str, font: str = SERIF, align: int = TA_LEFT) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=table_size, leading=tl, bulletFontName=SERIF, alignment=align)

    return Styles(
        body=base,
        body_justified=ParagraphStyle("justified", parent=base, alignment=TA_JUSTIFY, firstLineIndent=1.0 * 28.35),
        heading=ParagraphStyle("heading", parent=base, fontName=SERIF_BOLD, spaceBefore=8, spaceAfter=4),
        subheading=ParagraphStyle("subheading", parent=base, fontName=SERIF_BOLD, spaceBefore=4, spaceAfter=3),
        title=ParagraphStyle("title", parent=base, fontName=SERIF_BOLD, fontSize=body_size + 1, leading=lead + 1,
                             alignment=TA_CENTER, spaceAfter=0),
        subtitle=ParagraphStyle("subtitle", parent=base, fontName=SERIF_BOLD, alignment=TA_CENTER, spaceAfter=2),
        note=ParagraphStyle("note", parent=base, fontName=SERIF_ITALIC, fontSize=body_size - 1, leading=lead - 1),
        note_center=ParagraphStyle("note_center", parent=base, fontName=SERIF_ITALIC, fontSize=body_size - 1,
                                   leading=lead - 1, alignment=TA_CENTER),
        cell=cell("cell"),
        cell_bold=cell("cell_bold", SERIF_BOLD),
        cell_right=cell("cell_right", align=TA_RIGHT),
        cell_right_bold=cell("cell_right_bold", SERIF_BOLD, TA_RIGHT),
        cell_center=cell("cell_center", align=TA_CENTER),
        cell_head=cell("cell_head", SERIF_BOLD, TA_CENTER),
        small=ParagraphStyle("small", parent=base, fontSize=table_size - 1, leading=(table_size - 1) * 1.2, spaceAfter=0),
    )


def grid_table_style(header_rows: int = 1, bold_rows: tuple[int, ...] = (), shaded_rows: tuple[int, ...] = ()) -> Any:
    """A ruled table: thin grid, shaded and repeated header rows, cells padded, top-aligned.

    Cells should be Paragraphs (they wrap and carry the right font); plain strings get the serif
    font from this style too, so no Helvetica can slip in."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    register_fonts()
    cmds: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(GRID_COLOR)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEADER_FILL)),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), SERIF_BOLD),
        ]
    for r in bold_rows:
        cmds.append(("FONTNAME", (0, r), (-1, r), SERIF_BOLD))
    for r in shaded_rows:
        cmds.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor(FIELD_FILL)))
    return TableStyle(cmds)


def paragraph(text: str, style: Any, escape_text: bool = True) -> Any:
    """A Paragraph of user text (escaped) or of trusted markup (escape_text=False)."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup(text) if escape_text else text, style)
