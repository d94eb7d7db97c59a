"""Round setup: the expected agencies (Excel), the reviewers and their fields, the survey points
(Excel, see survey_import.py), and the round's trust folder (read only).

Every change goes through the service; a bad file or a bad list changes nothing and the
service's own message is shown in red in the tab, not in a modal box.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserFacingError
from ...core.framework.codes import display_code
from ...core.services.inspection import InspectionWorkspace
from ...core.services.inspection_setup import Reviewer, write_agency_template
from ..signals import emit

TAB_AGENCIES, TAB_REVIEWERS, TAB_SURVEY, TAB_TRUST = range(4)
EXCEL_FILTER = "Excel (*.xlsx)"


def ask_open_file(parent: QWidget, title: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", EXCEL_FILTER)
    return Path(name) if name else None


def ask_save_file(parent: QWidget, title: str, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, EXCEL_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def message_label(parent: QWidget, name: str, error: bool) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("color: #c62828; font-weight: bold;" if error else "color: #1b7f3b;")
    label.hide()
    return label


class SetupTab(QWidget):
    """A tab with a red error line and a green result line; the file dialogs are hooks tests replace."""

    changed = Signal()
    ask_open = staticmethod(ask_open_file)
    ask_save = staticmethod(ask_save_file)

    def __init__(self, ws: InspectionWorkspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.lang = lang
        self.lay = QVBoxLayout(self)
        self.error = message_label(self, "setupError", True)
        self.result = message_label(self, "setupResult", False)

    def add_messages(self) -> None:
        self.lay.addWidget(self.error)
        self.lay.addWidget(self.result)

    def done(self, text: str) -> None:
        self.error.hide()
        self.result.setText(text)
        self.result.show()
        emit(self.changed)

    def refused(self, exc: UserFacingError) -> None:
        self.result.hide()
        self.error.setText(exc.message(self.lang))
        self.error.show()


class AgenciesTab(SetupTab):
    def __init__(self, ws: InspectionWorkspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(ws, lang, parent)
        intro = QLabel(self.tr("Danh sách cơ quan phải nộp hồ sơ trong đợt, nhập từ tệp Excel theo mẫu (cột Mã cơ quan, "
                               "Tên cơ quan, Cấp). Tệp có dòng sai thì không thay đổi gì; lỗi từng dòng hiện bên dưới."), self)
        intro.setWordWrap(True)
        self.lay.addWidget(intro)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("agencyTable")
        self.table.setHorizontalHeaderLabels([self.tr("Mã cơ quan"), self.tr("Tên cơ quan"), self.tr("Phải nộp")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Nhập danh sách từ &Excel…"), self)
        self.template_button = QPushButton(self.tr("Lưu tệp &mẫu…"), self)
        row.addWidget(self.import_button)
        row.addWidget(self.template_button)
        row.addStretch(1)
        self.lay.addLayout(row)
        self.add_messages()
        self.import_button.clicked.connect(self.import_list)
        self.template_button.clicked.connect(self.save_template)
        self.refresh()

    def refresh(self) -> None:
        agencies = self.ws.agencies()
        self.table.setRowCount(len(agencies))
        for n, a in enumerate(agencies):
            for col, text in enumerate((a.code, a.name, "✔" if a.expected else "")):
                self.table.setItem(n, col, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)

    def import_list(self, path: Path | None = None) -> None:
        path = path or type(self).ask_open(self, self.tr("Chọn tệp danh sách cơ quan"))
        if path is None:
            return
        try:
            n = self.ws.import_agency_list(path)
        except UserFacingError as exc:
            self.refused(exc)
            return
        self.refresh()
        self.done(self.tr("Đã nhập {n} cơ quan từ “{name}”.").format(n=n, name=Path(path).name))

    def save_template(self) -> None:
        path = type(self).ask_save(self, self.tr("Lưu tệp mẫu danh sách cơ quan"), "danh-sach-co-quan.xlsx")
        if path is None:
            return
        try:
            write_agency_template(path, self.ws.framework.level.value)
        except OSError as exc:
            self.refused(UserFacingError(f"Không ghi được tệp “{path}”: {exc.strerror}.", f"Cannot write '{path}': {exc.strerror}."))
            return
        self.result.setText(self.tr("Đã lưu tệp mẫu: {path}").format(path=path))
        self.result.show()
        self.error.hide()


class ReviewersTab(SetupTab):
    """One row per reviewer: name, unit, and a tick per field (no tick: every field)."""

    FIRST_FIELD = 2

    def __init__(self, ws: InspectionWorkspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(ws, lang, parent)
        intro = QLabel(self.tr("Người (hoặc đơn vị) thẩm định và các lĩnh vực họ phụ trách. Không đánh dấu lĩnh vực nào: "
                               "thẩm định mọi lĩnh vực. Trong cửa sổ thẩm định, chọn tên ở ô “Người thẩm định” để chỉ "
                               "thấy các lĩnh vực của mình; điểm lưu ghi tên người đó."), self)
        intro.setWordWrap(True)
        self.lay.addWidget(intro)
        self.fields = list(ws.framework.fields)
        self.table = QTableWidget(0, self.FIRST_FIELD + len(self.fields), self)
        self.table.setObjectName("reviewerTable")
        self.table.setHorizontalHeaderLabels([self.tr("Họ tên"), self.tr("Đơn vị")] + [display_code(f.code) for f in self.fields])
        for n, f in enumerate(self.fields):
            self.table.horizontalHeaderItem(self.FIRST_FIELD + n).setToolTip(f.title)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for n in range(len(self.fields)):
            header.setSectionResizeMode(self.FIRST_FIELD + n, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.lay.addWidget(self.table, 1)
        legend = QLabel("; ".join(f"{display_code(f.code)}. {f.title}" for f in self.fields), self)
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #555;")
        legend.setProperty("data", True)  # the framework's field titles
        self.lay.addWidget(legend)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm n&gười"), self)
        self.remove_button = QPushButton(self.tr("Xóa &dòng"), self)
        self.save_button = QPushButton(self.tr("&Lưu danh sách người thẩm định"), self)
        for b in (self.add_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.save_button)
        self.lay.addLayout(row)
        self.add_messages()
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        self.save_button.clicked.connect(self.save)
        for r in ws.reviewers():
            self.add_row(r)

    def add_row(self, reviewer: Reviewer | None = None) -> int:
        n = self.table.rowCount()
        self.table.insertRow(n)
        self.table.setItem(n, 0, QTableWidgetItem(reviewer.name if reviewer else ""))
        self.table.setItem(n, 1, QTableWidgetItem(reviewer.unit if reviewer else ""))
        for i, f in enumerate(self.fields):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            tick.setCheckState(Qt.CheckState.Checked if reviewer and f.code in reviewer.fields else Qt.CheckState.Unchecked)
            self.table.setItem(n, self.FIRST_FIELD + i, tick)
        if reviewer is None:
            self.table.setCurrentCell(n, 0)
            self.table.editItem(self.table.item(n, 0))
        return n

    def remove_row(self) -> None:
        n = self.table.currentRow()
        if n >= 0:
            self.table.removeRow(n)

    def reviewers(self) -> list[Reviewer]:
        out = []
        for n in range(self.table.rowCount()):
            name = (self.table.item(n, 0).text() if self.table.item(n, 0) else "").strip()
            unit = (self.table.item(n, 1).text() if self.table.item(n, 1) else "").strip()
            fields = tuple(f.code for i, f in enumerate(self.fields)
                           if self.table.item(n, self.FIRST_FIELD + i).checkState() == Qt.CheckState.Checked)
            if name or unit or fields:  # an empty row is no reviewer; a row without a name is refused
                out.append(Reviewer(name, unit, fields))
        return out

    def save(self) -> None:
        reviewers = self.reviewers()
        try:
            self.ws.set_reviewers(reviewers)
        except UserFacingError as exc:
            self.refused(exc)
            return
        self.done(self.tr("Đã lưu {n} người thẩm định.").format(n=len(reviewers)))


class TrustTab(QWidget):
    def __init__(self, ws: InspectionWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Chứng thư tin cậy của đợt (CA của tỉnh, chứng thư ghim, danh sách thu hồi) được chép vào "
                               "không gian làm việc khi tạo đợt; gói hồ sơ được kiểm tra theo thư mục này. Để cập nhật danh "
                               "sách thu hồi, chép tệp ca.crl mới vào thư mục."), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.folder = QLineEdit(str(ws.trust_dir), self)
        self.folder.setObjectName("trustFolder")
        self.folder.setReadOnly(True)
        self.folder.setProperty("data", True)
        lay.addWidget(self.folder)
        self.files = QListWidget(self)
        self.files.setProperty("data", True)  # file names
        if ws.trust_dir.is_dir():
            self.files.addItems(sorted(p.name for p in ws.trust_dir.iterdir() if p.is_file()))
        lay.addWidget(self.files, 1)
        open_button = QPushButton(self.tr("&Mở thư mục"), self)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ws.trust_dir))))
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addStretch(1)
        lay.addLayout(row)


class RoundSetupDialog(QDialog):
    changed = Signal()  # something was saved: the council window refreshes its dashboard

    def __init__(self, ws: InspectionWorkspace, tab: int = TAB_AGENCIES, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .survey_import import SurveyTab

        self.setWindowTitle(self.tr("Thiết lập đợt đánh giá"))
        self.resize(900, 600)
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.agencies = AgenciesTab(ws, lang, self)
        self.reviewers = ReviewersTab(ws, lang, self)
        self.survey = SurveyTab(ws, lang, self)
        self.trust = TrustTab(ws, self)
        self.tabs.addTab(self.agencies, self.tr("&Cơ quan"))
        self.tabs.addTab(self.reviewers, self.tr("&Người thẩm định"))
        self.tabs.addTab(self.survey, self.tr("Điều tra &XHH"))
        self.tabs.addTab(self.trust, self.tr("Chứng thư &tin cậy"))
        self.tabs.setCurrentIndex(tab)
        lay.addWidget(self.tabs, 1)
        for t in (self.agencies, self.reviewers, self.survey):
            t.changed.connect(self._changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _changed(self, *_: Any) -> None:
        self.survey.refresh()
        emit(self.changed)
