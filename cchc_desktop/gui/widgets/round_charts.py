"""The council's two charts, drawn with QPainter (QtCharts is not shipped: PySide6-Essentials only).

Left: how many agencies fall in each category (the framework's order, best first).  Right: the
average index of each field over the agencies it applies to.  Both come from the service's
`RoundStatistics`; nothing is computed here but bar lengths.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.framework.codes import display_code
from ..models.dashboard_model import number_cell

# Best category first: green to red, then grey for any further ones.
CATEGORY_COLOURS = ("#2e7d32", "#1565c0", "#f9a825", "#c62828", "#6d4c41", "#757575")
FIELD_COLOUR = "#3f7fbf"


class RoundCharts(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self.categories: tuple[tuple[str, int], ...] = ()
        self.fields: tuple[tuple[str, str, Decimal, int], ...] = ()  # code, title, percent, agencies
        self.ranked = 0
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(900, 280)

    def set_statistics(self, stats: object) -> None:
        self.categories = tuple(stats.categories)  # type: ignore[attr-defined]
        self.fields = tuple((f.code, f.title, f.percent, f.agencies) for f in stats.fields)  # type: ignore[attr-defined]
        self.ranked = stats.ranked  # type: ignore[attr-defined]
        self.update()

    # -- drawing ----------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        w, h = self.width(), self.height()
        left = QRectF(8, 8, w * 0.36 - 16, h - 16)
        right = QRectF(w * 0.36 + 8, 8, w * 0.64 - 16, h - 16)
        self._categories(p, left)
        self._fields(p, right)
        p.end()

    def _title(self, p: QPainter, area: QRectF, text: str) -> float:
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#222222"))
        p.drawText(area.adjusted(0, 0, 0, -area.height() + 22), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        p.setFont(self.font())
        return area.top() + 28

    def _categories(self, p: QPainter, area: QRectF) -> None:
        top = self._title(p, area, self.tr("Phân bố xếp loại ({n} cơ quan)").format(n=self.ranked))
        cats = self.categories
        if not cats:
            return
        fm = QFontMetrics(self.font())
        base = area.bottom() - fm.height() - 4  # category names under the bars
        span = max(base - top - fm.height() - 4, 10)
        most = max((n for _, n in cats), default=0) or 1
        slot = area.width() / len(cats)
        bar = min(slot * 0.6, 70)
        p.setPen(QColor("#bbbbbb"))
        p.drawLine(int(area.left()), int(base), int(area.right()), int(base))
        for i, (name, n) in enumerate(cats):
            x = area.left() + slot * i + (slot - bar) / 2
            height = span * n / most
            colour = QColor(CATEGORY_COLOURS[min(i, len(CATEGORY_COLOURS) - 1)])
            p.fillRect(QRectF(x, base - height, bar, height), colour)
            p.setPen(QColor("#222222"))
            p.drawText(QRectF(x - 10, base - height - fm.height() - 2, bar + 20, fm.height()),
                       Qt.AlignmentFlag.AlignCenter, str(n))
            p.drawText(QRectF(area.left() + slot * i, base + 2, slot, fm.height() + 2), Qt.AlignmentFlag.AlignCenter,
                       fm.elidedText(name, Qt.TextElideMode.ElideRight, int(slot)))

    def _fields(self, p: QPainter, area: QRectF) -> None:
        top = self._title(p, area, self.tr("Chỉ số trung bình theo lĩnh vực (%)"))
        if not self.fields:
            return
        fm = QFontMetrics(self.font())
        label_w = min(area.width() * 0.45, 330)
        value_w = fm.horizontalAdvance("100,00") + 8
        bar_left = area.left() + label_w + 6
        bar_span = max(area.right() - value_w - bar_left, 10)
        row_h = min((area.bottom() - top) / len(self.fields), 26)
        # Grid lines at 0, 50 and 100 % give the bars a scale.
        p.setPen(QColor("#e0e0e0"))
        for pct in (0, 50, 100):
            x = bar_left + bar_span * pct / 100
            p.drawLine(int(x), int(top), int(x), int(top + row_h * len(self.fields)))
        for i, (code, title, pct, agencies) in enumerate(self.fields):
            y = top + row_h * i
            label = fm.elidedText(f"{display_code(code)}. {title}", Qt.TextElideMode.ElideRight, int(label_w))
            p.setPen(QColor("#222222"))
            p.drawText(QRectF(area.left(), y, label_w, row_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            length = bar_span * float(min(max(pct, Decimal(0)), Decimal(100))) / 100
            p.fillRect(QRectF(bar_left, y + row_h * 0.2, length, row_h * 0.6),
                       QColor(FIELD_COLOUR) if agencies else QColor("#cccccc"))
            p.drawText(QRectF(bar_left + length + 4, y, value_w, row_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       number_cell(pct, self.lang) if agencies else "—")
