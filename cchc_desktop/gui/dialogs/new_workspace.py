"""First run: create a workspace - folder, framework (bundled sample or the province's signed
file), agency code and name, year."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
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
from ...core.services.agency import AgencyWorkspace
from ..resources import current_language
from .first_run import EXAMPLE_AGENCY_NAME
from .framework_source import FrameworkSourceBox, bundled_frameworks

__all__ = ["NewWorkspaceDialog", "bundled_frameworks"]


class NewWorkspaceDialog(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tạo không gian làm việc — CCHC Desktop"))
        self.workspace: AgencyWorkspace | None = None
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
        self.source = FrameworkSourceBox(self)
        self.framework = self.source.framework  # the combo of bundled frameworks
        form.addRow(self.tr("Bộ tiêu chí:"), self.source)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("ví dụ XA-001"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("ví dụ {name}").format(name=EXAMPLE_AGENCY_NAME))
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
        self.setMinimumWidth(660)
        self.source.changed.connect(self._source_changed)
        self.source.message.connect(self.error.setText)
        self._source_changed()

    @property
    def frameworks(self) -> list:
        return self.source.frameworks

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục trống"), self.folder.text())
        if d:
            self.folder.setText(d)

    def selected_framework(self):  # type: ignore[no-untyped-def]
        return self.source.current_framework()

    def _source_changed(self) -> None:
        fw = self.source.current_framework()
        self.year.setText(str(fw.year) if fw else "")

    def _framework_chosen(self, row: int) -> None:
        self.source._framework_chosen(row)

    def add_framework_file(self, path: Path) -> None:
        self.source.add_framework_file(path)

    def accept(self) -> None:
        try:
            choice = self.source.selected()
        except UserFacingError as exc:
            self.error.setText(exc.message(current_language()))
            return
        fw = choice.framework
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.workspace = AgencyWorkspace.create(
                Path(self.folder.text().strip()), fw, self.code.text(), self.name.text(), fw.year,
                framework_trust=choice.trust,
            )
        except UserFacingError as exc:
            self.error.setText(exc.message(current_language()))
            return
        finally:
            QApplication.restoreOverrideCursor()
        super().accept()
