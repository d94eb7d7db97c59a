"""A horizontal bar chart for reports (reportlab.graphics), generic enough for every report:
percent per field for an agency, index per agency in a ranking.

Drawn from plain shapes rather than reportlab's chart classes: long Vietnamese labels need
wrapping and every string must use the embedded serif font, which is simpler to guarantee here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .fonts import SERIF, SERIF_BOLD, nfc, register_fonts
from .styles import human_number

BAR_COLOR = "#2f6db3"
MARK_COLOR = "#b03a2e"
AXIS_COLOR = "#555555"


@dataclass(frozen=True)
class Bar:
    """One bar: `value` on the axis (None draws no bar and shows `text`, e.g. "không tự chấm")."""

    label: str
    value: Decimal | None
    text: str = ""  # at the end of the bar; default: the value in Vietnamese ("85,5")


@dataclass(frozen=True)
class Mark:
    """A vertical reference line, e.g. a category's lower bound ("Tốt" at 80)."""

    value: Decimal
    label: str


def serif_drawing(width: float, height: float) -> Any:
    """A Drawing whose initial font is the embedded serif: reportlab's renderer otherwise selects
    Helvetica before drawing anything, which puts a non-embedded font into the PDF."""
    from reportlab.graphics.shapes import Drawing

    register_fonts()
    d = Drawing(width, height)
    d.initialFontName = SERIF
    d.initialFontSize = 10
    return d


def _fit(text: str, font: str, size: float, width: float, lines: int) -> list[str]:
    """Wrap `text` to at most `lines` lines of `width`, the last one cut with "…"."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out = simpleSplit(nfc(text), font, size, width) or [""]
    if len(out) <= lines:
        return out
    head, last = out[: lines - 1], " ".join(out[lines - 1:])
    while last and stringWidth(last + "…", font, size) > width:
        last = last[:-1]
    return head + [last.rstrip() + "…"]


def bar_chart(
    bars: Sequence[Bar],
    width: float,
    max_value: Decimal = Decimal(100),
    ticks: Sequence[Decimal] = tuple(Decimal(t) for t in (0, 25, 50, 75, 100)),
    tick_suffix: str = "%",
    marks: Sequence[Mark] = (),
    font_size: float = 9,
    label_share: float = 0.42,
    row_height: float = 22,
) -> Any:
    """A reportlab Drawing: labels on the left (wrapped to two lines), bars to the right on a
    0..`max_value` axis with ticks, the value at each bar's end, optional reference marks."""
    from reportlab.graphics.shapes import Line, Rect, String
    from reportlab.lib import colors

    register_fonts()
    label_w = width * label_share
    value_room = font_size * 4.5  # "100%" after a full bar
    plot_x, plot_w = label_w + 6, width - label_w - 6 - value_room
    axis_h = font_size * 2.2
    # Marks' labels alternate between two lines: cut-offs 10 points apart would otherwise collide.
    top_room = font_size * 2.6 if marks else 4
    height = len(bars) * row_height + axis_h + top_room
    d = serif_drawing(width, height)
    scale = plot_w / float(max_value) if max_value > 0 else 0.0
    plot_top = height - top_room

    for t in ticks:
        x = plot_x + float(t) * scale
        d.add(Line(x, axis_h, x, plot_top, strokeColor=colors.HexColor("#d0d0d0"), strokeWidth=0.4))
        d.add(String(x, axis_h - font_size - 2, human_number(t) + tick_suffix, fontName=SERIF, fontSize=font_size - 1,
                     textAnchor="middle", fillColor=colors.HexColor(AXIS_COLOR)))
    d.add(Line(plot_x, axis_h, plot_x, plot_top, strokeColor=colors.HexColor(AXIS_COLOR), strokeWidth=0.6))
    d.add(Line(plot_x, axis_h, plot_x + plot_w, axis_h, strokeColor=colors.HexColor(AXIS_COLOR), strokeWidth=0.6))

    for i, bar in enumerate(bars):
        y0 = plot_top - (i + 1) * row_height
        mid = y0 + row_height / 2
        lines = _fit(bar.label, SERIF, font_size, label_w, 2)
        first = mid + (len(lines) - 1) * font_size * 0.55 - font_size * 0.35
        for k, line in enumerate(lines):
            d.add(String(label_w, first - k * font_size * 1.1, line, fontName=SERIF, fontSize=font_size, textAnchor="end"))
        if bar.value is None:
            d.add(String(plot_x + 4, mid - font_size * 0.35, nfc(bar.text) or "—", fontName=SERIF, fontSize=font_size,
                         fillColor=colors.HexColor(AXIS_COLOR)))
            continue
        value = min(max(bar.value, Decimal(0)), max_value)
        w = float(value) * scale
        bh = row_height * 0.6
        if w > 0:
            d.add(Rect(plot_x, mid - bh / 2, w, bh, fillColor=colors.HexColor(BAR_COLOR), strokeColor=None))
        text = nfc(bar.text) or human_number(bar.value)
        d.add(String(plot_x + w + 3, mid - font_size * 0.35, text, fontName=SERIF_BOLD, fontSize=font_size))

    for k, m in enumerate(sorted(marks, key=lambda m: m.value)):
        x = plot_x + float(min(m.value, max_value)) * scale
        d.add(Line(x, axis_h, x, plot_top, strokeColor=colors.HexColor(MARK_COLOR), strokeWidth=0.6,
                   strokeDashArray=[2, 2]))
        d.add(String(x, plot_top + 3 + (k % 2) * font_size, nfc(m.label), fontName=SERIF, fontSize=font_size - 1.5, textAnchor="middle",
                     fillColor=colors.HexColor(MARK_COLOR)))
    return d
