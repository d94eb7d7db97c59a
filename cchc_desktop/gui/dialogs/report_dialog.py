"""Print the self-assessment report: choose the outputs (PDF and/or Excel) and the heading details,
build them on the worker thread, then offer the PDF in the in-app preview.

`ReportRunner` is the whole flow (the window only calls `start()`); the workspace is touched only
on the operations' worker thread, through the report service.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from ...core.errors import UserFacingError
from ...core.progress import CancelToken
from ...core.services.agency_report import ReportOptions
from ...core.storage.records import WorkspaceInfo
from ..errors import show_error
from ..signals import emit

PROGRESS_DELAY_MS = 600


@dataclass(frozen=True)
class ReportRequest:
    pdf: Path | None
    xlsx: Path | None
    options: ReportOptions


class ReportDialog(QDialog):
    """Outputs, with their paths, and the details printed in the heading and the last section."""

    def __init__(self, info: WorkspaceInfo, options: ReportOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("In báo cáo tự đánh giá"))
        self.options = options
        form = QFormLayout(self)
        intro = QLabel(self.tr("Báo cáo theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP) và bảng điểm Excel. "
                               "Mỗi trang mang mã của gói nộp gần nhất, hoặc ghi “bản nháp” nếu nội dung đã thay đổi "
                               "sau khi xuất gói."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        stem = f"bao-cao-tu-danh-gia-{info.agency_code}-{info.year}"
        self.pdf_check, self.pdf = self._output(form, self.tr("Báo cáo PDF"), Path.home() / f"{stem}.pdf", ".pdf",
                                                self.tr("Tệp PDF (*.pdf)"))
        self.xlsx_check, self.xlsx = self._output(form, self.tr("Bảng điểm Excel"), Path.home() / f"{stem}.xlsx", ".xlsx",
                                                  self.tr("Bảng tính Excel (*.xlsx)"))
        self.superior = QLineEdit(options.superior, self)
        self.superior.setPlaceholderText(self.tr("ví dụ: UBND tỉnh …; để trống nếu không có"))
        form.addRow(self.tr("Cơ quan chủ quản:"), self.superior)
        self.place = QLineEdit(options.place, self)
        self.place.setPlaceholderText(self.tr("địa danh ở dòng ngày tháng; để trống để ghi tay"))
        form.addRow(self.tr("Địa danh:"), self.place)
        self.signer = QLineEdit(options.signer, self)
        self.signer.setPlaceholderText(self.tr("họ tên thủ trưởng; để trống để ghi tay"))
        form.addRow(self.tr("Người ký:"), self.signer)
        self.difficulties = QPlainTextEdit(options.difficulties, self)
        self.difficulties.setPlaceholderText(self.tr("Để trống: báo cáo in các dòng chấm để viết tay."))
        self.difficulties.setMaximumHeight(90)
        # Label above, full width: the long heading would otherwise squeeze every field of the form.
        form.addRow(QLabel(self.tr("Khó khăn, vướng mắc, đề xuất, kiến nghị:"), self))
        form.addRow(self.difficulties)
        self.error = QLabel(self)
        self.error.setObjectName("reportError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tạo báo cáo"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(680)

    def _output(self, form: QFormLayout, label: str, default: Path, suffix: str, pattern: str) -> tuple[QCheckBox, QLineEdit]:
        check = QCheckBox(label, self)
        check.setChecked(True)
        edit = QLineEdit(str(default), self)
        browse = QPushButton(self.tr("Chọn…"), self)

        def choose() -> None:
            path, _ = QFileDialog.getSaveFileName(self, label, edit.text(), pattern)
            if path:
                edit.setText(path if path.lower().endswith(suffix) else path + suffix)
                check.setChecked(True)

        browse.clicked.connect(choose)
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(browse.setEnabled)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        form.addRow(check, row)
        return check, edit

    def _path(self, check: QCheckBox, edit: QLineEdit, suffix: str) -> Path | None:
        text = edit.text().strip()
        if not check.isChecked() or not text:
            return None
        return Path(text if text.lower().endswith(suffix) else text + suffix).expanduser()

    def accept(self) -> None:
        pdf, xlsx = self._path(self.pdf_check, self.pdf, ".pdf"), self._path(self.xlsx_check, self.xlsx, ".xlsx")
        if pdf is None and xlsx is None:
            self.error.setText(self.tr("Hãy chọn ít nhất một tệp: báo cáo PDF hoặc bảng điểm Excel."))
            return
        for path in (pdf, xlsx):
            if path is not None and not path.parent.is_dir():
                self.error.setText(self.tr("Thư mục “{folder}” không tồn tại; hãy chọn chỗ lưu khác.").format(folder=path.parent))
                return
        super().accept()

    def request(self) -> ReportRequest:
        options = replace(self.options, superior=self.superior.text().strip(), place=self.place.text().strip(),
                          signer=self.signer.text().strip(), difficulties=self.difficulties.toPlainText().strip())
        return ReportRequest(self._path(self.pdf_check, self.pdf, ".pdf"), self._path(self.xlsx_check, self.xlsx, ".xlsx"),
                             options)


class ReportRunner(QObject):
    """The flow behind "In báo cáo tự đánh giá…": read the saved options, ask, build, offer the preview."""

    progress = Signal(int, int)  # from the worker thread (queued to the GUI thread)
    finished = Signal(object)  # AgencyReportResult
    failed = Signal(object)  # the exception

    def __init__(self, parent: QWidget, ops: Any) -> None:
        super().__init__(parent)
        self.window = parent
        self.ops = ops
        self.dialog: ReportDialog | None = None
        self.cancel = CancelToken()
        self._progress_dialog: QProgressDialog | None = None
        self.progress.connect(self._show_progress)

    def start(self) -> None:
        from ...core.services.agency_report import report_options

        ws = self.ops.workspace
        self.ops.runner.submit(lambda: report_options(ws), self._ask, self._error)

    def _ask(self, options: ReportOptions) -> None:
        self.dialog = ReportDialog(self.ops.snapshot.info, options, self.window)
        if self.dialog.exec():
            self.build(self.dialog.request())

    def build(self, request: ReportRequest) -> None:
        """Save the options with the workspace and write the files, on the worker thread."""
        from ...core.services.agency_report import build_agency_report, save_report_options

        self.cancel = token = CancelToken()  # a new one: the last report's Cancel must not stop this one
        ws = self.ops.workspace

        def job() -> Any:
            save_report_options(ws, request.options)
            return build_agency_report(ws, request.pdf, request.xlsx, request.options,
                                       progress=lambda done, total, label="": emit(self.progress, done, total), cancel=token)

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.ops.runner.submit(job, self._done, self._error)

    def _show_progress(self, done: int, total: int) -> None:
        if self._progress_dialog is None and done < total:
            dlg = QProgressDialog(self.tr("Đang tạo báo cáo…"), self.tr("Hủy"), 0, max(total, 1), self.window)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.setMinimumDuration(PROGRESS_DELAY_MS)  # only work that is actually long shows a dialog
            dlg.canceled.connect(self.cancel.cancel)
            self._progress_dialog = dlg
        if self._progress_dialog is not None:
            self._progress_dialog.setValue(done)

    def _close_progress(self) -> None:
        QApplication.restoreOverrideCursor()
        if self._progress_dialog is not None:
            self._progress_dialog.close()
            self._progress_dialog = None

    def _done(self, result: Any) -> None:
        self._close_progress()
        emit(self.finished, result)
        made = [str(p) for p in (result.pdf, result.xlsx) if p is not None]
        stamp = result.stamp
        state = (self.tr("Mỗi trang mang mã của gói nộp lần {n}.").format(n=stamp.sequence) if stamp.exported
                 else self.tr("Đây là BẢN NHÁP: nội dung hiện tại chưa được xuất thành gói nộp."))
        text = self.tr("Đã tạo:\n{files}\n\n{state}").format(files="\n".join(made), state=state)
        if result.pdf is None:
            QMessageBox.information(self.window, self.tr("Đã tạo báo cáo"), text)
            return
        answer = QMessageBox.question(self.window, self.tr("Đã tạo báo cáo"), text + "\n\n" + self.tr("Xem báo cáo PDF ngay?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.preview(result.pdf)

    def preview(self, pdf: Path) -> Any:
        from .preview import PreviewDialog

        dlg = PreviewDialog(pdf, pdf.name, "application/pdf", self.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def _error(self, exc: BaseException, tb: str = "") -> None:
        self._close_progress()
        emit(self.failed, exc)
        show_error(self.window, exc, tb if not isinstance(exc, UserFacingError) else "", self.ops.lang)
