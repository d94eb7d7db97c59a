"""The council window's two main tabs: the dashboard (every agency, filters) and the ranking
(rank, ties, category) with the charts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.framework.model import Framework
from ...core.services.inspection_records import APPRAISED, FINAL, NOT_SUBMITTED, STATUSES
from ..models.dashboard_model import CODE_ROLE, COL_CODE, COL_NAME, DashboardFilter, DashboardModel, number_cell
from ..signals import emit
from .round_charts import RoundCharts


class DashboardPanel(QWidget):
    open_requested = Signal(str)  # agency code (double-click, Enter, or the button)

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("dashboardSearch")
        self.search.setPlaceholderText(self.tr("Tìm theo mã hoặc tên cơ quan (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 2)
        status_label = QLabel(self.tr("Trạng thái:"), self)
        row.addWidget(status_label)
        self.model = DashboardModel(framework, self)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Tất cả"), "")
        for code in STATUSES:
            self.status.addItem(self.model.status_names()[code], code)
        status_label.setBuddy(self.status)
        row.addWidget(self.status)
        self.counts = QLabel(self)
        self.counts.setObjectName("dashboardCounts")
        row.addWidget(self.counts, 3)
        self.open_button = QPushButton(self.tr("Thẩm định cơ quan đã chọn"), self)
        row.addWidget(self.open_button)
        lay.addLayout(row)
        self.proxy = DashboardFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("dashboardTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((120, 300, 150, 80, 125, 90, 95, 80, 85, 85)):
            if col != COL_NAME:
                header.resizeSection(col, width)
        lay.addWidget(self.table, 1)
        self.search.textChanged.connect(self.proxy.set_text)
        self.status.currentIndexChanged.connect(lambda _i: self.proxy.set_status(self.status.currentData()))
        self.table.activated.connect(self._activated)
        self.open_button.clicked.connect(lambda: self._activated(self.table.currentIndex()))

    def set_rows(self, rows: list[Any], lang: str = "vi") -> None:
        current = self.current_code()
        self.model.lang = lang
        self.model.set_rows(rows)
        submitted = sum(1 for r in rows if r.status != NOT_SUBMITTED)
        done = sum(1 for r in rows if r.status in (APPRAISED, FINAL))
        self.counts.setText(self.tr("{n} cơ quan · {s} đã nộp · {d} đã thẩm định xong").format(n=len(rows), s=submitted, d=done))
        if current:
            self.select(current)

    def current_code(self) -> str | None:
        idx = self.table.currentIndex()
        return idx.data(CODE_ROLE) if idx.isValid() else None

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row < 0:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if idx.isValid():
            self.table.setCurrentIndex(idx)
            self.table.scrollTo(idx)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            emit(self.open_requested, index.data(CODE_ROLE))


class RankingPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        self.note = QLabel(self.tr("Xếp hạng theo Chỉ số CCHC sau thẩm định; cơ quan bằng chỉ số cùng hạng (dấu “=”)."), self)
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, 7, split)
        self.table.setObjectName("rankingTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Hạng"), self.tr("Mã cơ quan"), self.tr("Tên cơ quan"), self.tr("Điểm"), self.tr("Tối đa áp dụng"),
            self.tr("Chỉ số (%)"), self.tr("Xếp loại")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.charts = RoundCharts(split)
        split.addWidget(self.table)
        split.addWidget(self.charts)
        split.setSizes([330, 300])
        lay.addWidget(split, 1)

    def set_data(self, ranking: list[Any], stats: Any) -> None:
        self.table.setRowCount(len(ranking))
        for row, e in enumerate(ranking):
            rank = f"={e.rank}" if e.tied_with else str(e.rank)
            cells = [rank, e.agency_code, e.agency_name, number_cell(e.final_points, self.lang),
                     number_cell(e.applicable_max, self.lang), number_cell(e.percent, self.lang),
                     e.category.name if e.category is not None else ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (0, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 0 and e.tied_with:
                    item.setToolTip(self.tr("Cùng chỉ số với: {codes}").format(codes=", ".join(e.tied_with)))
                self.table.setItem(row, col, item)
        for col in (0, 1, 3, 4, 5, 6):
            self.table.resizeColumnToContents(col)
        self.charts.lang = self.lang
        self.charts.set_statistics(stats)
