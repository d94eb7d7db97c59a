"""The self-score per field as horizontal bars (percent of what the agency can score in each field).

Painted with QPainter (no QtCharts: only PySide6-Essentials and QtPdf are shipped).  The numbers
come from the core (`field_percentages`), the same ones the printed report's chart shows.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ...core.framework.canonical import number_text
from ...core.framework.model import Category, Framework
from ...core.scoring.engine import ScoreSheet
from ...core.services.agency_report import FieldPercent, field_percentages

BAR = QColor("#2f6db3")
MARK = QColor("#b03a2e")
GRID = QColor("#d0d0d0")
ROW = 30
TOP, BOTTOM = 26, 26


def percent_label(pct: Decimal, lang: str) -> str:
    text = number_text(pct)
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


class FieldChart(QWidget):
    """One bar per field; a field the agency cannot score (survey) shows a dash.  Category cut-offs
    are dashed lines.  Field titles are data (property "data"); a bar's tooltip gives the points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("data", True)
        self.setObjectName("fieldChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.lang = "vi"
        self._fields: list[FieldPercent] = []
        self._marks: list[Category] = []

    # -- data ---------------------------------------------------------------------------------------

    def set_score(self, framework: Framework, sheet: ScoreSheet) -> None:
        self._fields = field_percentages(framework, sheet)
        self._marks = [c for c in framework.categories if Decimal(0) < c.min_percent <= 100]
        self.updateGeometry()
        self.update()

    def values(self) -> list[tuple[str, Decimal | None]]:
        """(field code, percent shown) in drawing order (None: a dash, nothing to score)."""
        return [(f.code, f.percent) for f in self._fields]

    def sizeHint(self) -> QSize:
        return QSize(560, TOP + BOTTOM + ROW * max(len(self._fields), 3))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, TOP + BOTTOM + 22 * max(len(self._fields), 3))

    # -- geometry ---------------------------------------------------------------------------------------

    def _layout(self) -> tuple[float, float, float, float]:
        """label width, plot left, plot width, row height."""
        w = float(self.width())
        label_w = min(max(w * 0.42, 120.0), 360.0)
        value_w = QFontMetrics(self.font()).horizontalAdvance("100,00%") + 8
        plot_x = label_w + 8
        rows = max(len(self._fields), 1)
        row_h = min(float(ROW) * 1.3, max(18.0, (self.height() - TOP - BOTTOM) / rows))
        return label_w, plot_x, max(40.0, w - plot_x - value_w - 6), row_h

    def _row_at(self, pos: QPoint) -> int:
        _l, _x, _w, row_h = self._layout()
        i = int((pos.y() - TOP) // row_h)
        return i if 0 <= i < len(self._fields) and pos.y() >= TOP else -1

    # -- painting ---------------------------------------------------------------------------------------

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = QFontMetrics(self.font())
        label_w, plot_x, plot_w, row_h = self._layout()
        bottom = TOP + row_h * len(self._fields)
        text_color = self.palette().text().color()
        for t in range(0, 101, 25):
            x = plot_x + plot_w * t / 100
            p.setPen(QPen(GRID, 1))
            p.drawLine(int(x), TOP, int(x), int(bottom))
            p.setPen(text_color)
            p.drawText(QRectF(x - 30, bottom + 4, 60, fm.height()), Qt.AlignmentFlag.AlignHCenter, f"{t}%")
        for i, marker in enumerate(sorted(self._marks, key=lambda c: c.min_percent)):
            x = plot_x + plot_w * float(marker.min_percent) / 100
            p.setPen(QPen(MARK, 1, Qt.PenStyle.DashLine))
            p.drawLine(int(x), TOP - 2, int(x), int(bottom))
            p.setPen(MARK)
            y = 2 if i % 2 else TOP - fm.height() + 2  # alternate: close cut-offs must not collide
            p.drawText(QRectF(x - 50, y, 100, fm.height()), Qt.AlignmentFlag.AlignHCenter, marker.name)
        for i, f in enumerate(self._fields):
            top = TOP + i * row_h
            p.setPen(text_color)
            label = fm.elidedText(f"{f.display_code}. {f.title}", Qt.TextElideMode.ElideRight, int(label_w))
            p.drawText(QRectF(0, top, label_w, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            if f.percent is None:
                p.drawText(QRectF(plot_x + 6, top, plot_w, row_h), Qt.AlignmentFlag.AlignVCenter, "—")
                continue
            w = plot_w * float(min(max(f.percent, Decimal(0)), Decimal(100))) / 100
            bar_h = row_h * 0.6
            p.fillRect(QRectF(plot_x, top + (row_h - bar_h) / 2, w, bar_h), BAR)
            p.drawText(QRectF(plot_x + w + 4, top, 90, row_h), Qt.AlignmentFlag.AlignVCenter, percent_label(f.percent, self.lang))
        p.setPen(QPen(text_color, 1))
        p.drawLine(int(plot_x), TOP, int(plot_x), int(bottom))
        p.end()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            i = self._row_at(e.pos())  # type: ignore[attr-defined]
            if i >= 0:
                f = self._fields[i]
                pts = self.tr("{p} / {mx} điểm tự chấm được").format(p=self._n(f.points), mx=self._n(f.assessable_max)) \
                    if f.percent is not None else self.tr("Cơ quan không tự chấm lĩnh vực này")
                QToolTip.showText(e.globalPos(), f"{f.display_code}. {f.title}\n{pts}", self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _n(self, d: Decimal) -> str:
        text = number_text(d)
        return text.replace(".", ",") if self.lang == "vi" else text


class FieldChartPage(QWidget):
    """The chart with a line saying what it shows (the agency window's "Biểu đồ" tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Tỷ lệ điểm tự chấm theo lĩnh vực (điểm tự chấm / điểm tối đa cơ quan tự chấm được); "
                               "đường nét đứt: ngưỡng xếp loại."), self)
        title.setWordWrap(True)
        lay.addWidget(title)
        self.chart = FieldChart(self)
        lay.addWidget(self.chart, 1)
