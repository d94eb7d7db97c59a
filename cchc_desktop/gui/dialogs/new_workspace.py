"""First run: create a workspace - folder, framework, agency code and name, year."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...core.errors import UserFacingError
from ..resources import current_language
from ...core.framework.load import load_framework
from ...core.framework.model import LEVEL_NAMES_VI, Framework
from ...core.paths import bundled_forms_dir
from ...core.services.agency import AgencyWorkspace


def bundled_frameworks() -> list[Framework]:
    out = []
    for path in sorted(bundled_forms_dir().glob("*.json")):
        if path.name.endswith(".schema.json"):
            continue
        try:
            out.append(load_framework(path))
        except UserFacingError:
            continue  # a broken bundled file must not block the first run
    return out


class NewWorkspaceDialog(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tạo không gian làm việc — CCHC Desktop"))
        self.workspace: AgencyWorkspace | None = None
        self.frameworks = bundled_frameworks()
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "<b>Chào mừng!</b> Hãy tạo không gian làm việc để tự đánh giá Chỉ số CCHC của cơ quan.<br>"
                "Mọi dữ liệu nằm trong thư mục bạn chọn (có thể là USB); không cần kết nối mạng."
            ),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        row = QHBoxLayout()
        self.folder = QLineEdit(str(folder), self)
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Thư mục lưu:"), row)
        self.framework = QComboBox(self)
        for fw in self.frameworks:
            label = f"{fw.title} — {LEVEL_NAMES_VI.get(fw.level, fw.level.value)}"
            self.framework.addItem(label + (self.tr(" (mẫu)") if fw.sample else ""), fw.sha256)
        self.framework.addItem(self.tr("Chọn tệp bộ tiêu chí do tỉnh gửi…"), "file")
        self.framework.activated.connect(self._framework_chosen)
        form.addRow(self.tr("Bộ tiêu chí:"), self.framework)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("ví dụ XA-001"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("ví dụ UBND xã Cam Hải"))
        form.addRow(self.tr("Mã cơ quan:"), self.code)
        form.addRow(self.tr("Tên cơ quan:"), self.name)
        self.year = QLabel(self)
        form.addRow(self.tr("Năm đánh giá:"), self.year)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("createError")
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tạo"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(620)
        self._framework_chosen(0)

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục trống"), self.folder.text())
        if d:
            self.folder.setText(d)

    def selected_framework(self) -> Framework | None:
        sha = self.framework.currentData()
        return next((f for f in self.frameworks if f.sha256 == sha), None)

    def _framework_chosen(self, _row: int) -> None:
        if self.framework.currentData() == "file":
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp bộ tiêu chí"), "", self.tr("Bộ tiêu chí (*.json)"))
            if path:
                self.add_framework_file(Path(path))
        fw = self.selected_framework()
        self.year.setText(str(fw.year) if fw else "")

    def add_framework_file(self, path: Path) -> None:
        try:
            fw = load_framework(path)
        except UserFacingError as exc:
            self.error.setText(exc.message(current_language()))
            self.framework.setCurrentIndex(0)
            return
        self.frameworks.append(fw)
        self.framework.insertItem(self.framework.count() - 1, fw.title + (self.tr(" (mẫu)") if fw.sample else ""), fw.sha256)
        self.framework.setCurrentIndex(self.framework.count() - 2)

    def accept(self) -> None:
        fw = self.selected_framework()
        if fw is None:
            self.error.setText(self.tr("Hãy chọn bộ tiêu chí."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.workspace = AgencyWorkspace.create(Path(self.folder.text().strip()), fw, self.code.text(), self.name.text(), fw.year)
        except UserFacingError as exc:
            self.error.setText(exc.message(current_language()))
            return
        finally:
            QApplication.restoreOverrideCursor()
        super().accept()
