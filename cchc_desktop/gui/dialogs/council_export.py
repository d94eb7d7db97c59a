"""Export the council's reports: choose the outputs (ranking workbook, publication PDF, a folder of
per-agency appraisal PDFs) and the heading details, build them off the GUI thread with progress
and cancel, then offer the publication PDF in the in-app preview.

`open_council_export(parent, workspace)` is the whole flow (the window's menu only calls it); the
workspace is touched only on a worker thread (the parent's TaskRunner when it has one, so the
round's database keeps one worker), through core.services.council_reports.
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
    QProgressDialog,
    QPushButton,
    QWidget,
)

from ...core.errors import UserFacingError
from ...core.progress import CancelToken
from ...core.reports.council_model import CouncilReportOptions
from ..errors import show_error
from ..signals import emit

PROGRESS_DELAY_MS = 600


@dataclass(frozen=True)
class CouncilExportRequest:
    xlsx: Path | None
    pdf: Path | None
    agency_pdfs: Path | None
    options: CouncilReportOptions


class CouncilExportDialog(QDialog):
    """The outputs with their paths, and what the heading and the signature block print."""

    def __init__(self, year: int, options: CouncilReportOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xuất báo cáo kết quả xếp hạng"))
        self.options = options
        form = QFormLayout(self)
        intro = QLabel(self.tr("Bảng xếp hạng Excel, báo cáo công bố kết quả (PDF, thể thức Nghị định 30/2020/NĐ-CP) và "
                               "PDF kết quả thẩm định của từng cơ quan. Mỗi trang báo cáo công bố mang mã kiểm tra của kết "
                               "quả xếp hạng; PDF của cơ quan mang mã gói kết quả đã ban hành, hoặc ghi “dự thảo”."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        home = Path.home()
        self.xlsx_check, self.xlsx = self._output(form, self.tr("Bảng xếp hạng Excel"), home / f"xep-hang-cchc-{year}.xlsx",
                                                  self.tr("Bảng tính Excel (*.xlsx)"), ".xlsx")
        self.pdf_check, self.pdf = self._output(form, self.tr("Báo cáo công bố PDF"), home / f"ket-qua-chi-so-cchc-{year}.pdf",
                                                self.tr("Tệp PDF (*.pdf)"), ".pdf")
        self.folder_check, self.folder = self._output(form, self.tr("PDF từng cơ quan (thư mục)"),
                                                      home / f"ket-qua-tham-dinh-{year}", None, "")
        self.folder_check.setChecked(False)  # 150 agencies take a while: asked for, not by default
        self.superior = QLineEdit(options.superior, self)
        self.superior.setPlaceholderText(self.tr("ví dụ: UBND TỈNH KHÁNH HÒA"))
        form.addRow(self.tr("Cơ quan chủ quản:"), self.superior)
        self.body = QLineEdit(options.body, self)
        self.body.setPlaceholderText(self.tr("ví dụ: HỘI ĐỒNG THẨM ĐỊNH"))
        form.addRow(self.tr("Cơ quan ban hành:"), self.body)
        self.place = QLineEdit(options.place, self)
        self.place.setPlaceholderText(self.tr("địa danh ở dòng ngày tháng; để trống để ghi tay"))
        form.addRow(self.tr("Địa danh:"), self.place)
        self.signer = QLineEdit(options.signer, self)
        self.signer.setPlaceholderText(self.tr("họ tên người ký; để trống để ghi tay"))
        form.addRow(self.tr("Người ký:"), self.signer)
        self.error = QLabel(self)
        self.error.setObjectName("councilExportError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xuất báo cáo"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(640)

    def _output(self, form: QFormLayout, label: str, default: Path, pattern: str | None,
                suffix: str) -> tuple[QCheckBox, QLineEdit]:
        check = QCheckBox(label, self)
        check.setChecked(True)
        edit = QLineEdit(str(default), self)
        browse = QPushButton(self.tr("Chọn…"), self)

        def choose() -> None:
            if pattern is None:
                path = QFileDialog.getExistingDirectory(self, label, edit.text())
            else:
                path, _ = QFileDialog.getSaveFileName(self, label, edit.text(), pattern)
                if path and not path.lower().endswith(suffix):
                    path += suffix
            if path:
                edit.setText(path)
                check.setChecked(True)

        browse.clicked.connect(choose)
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(browse.setEnabled)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        form.addRow(check, row)
        return check, edit

    @staticmethod
    def _path(check: QCheckBox, edit: QLineEdit, suffix: str) -> Path | None:
        text = edit.text().strip()
        if not check.isChecked() or not text:
            return None
        return Path(text if not suffix or text.lower().endswith(suffix) else text + suffix).expanduser()

    def accept(self) -> None:
        req = self.request()
        if req.xlsx is None and req.pdf is None and req.agency_pdfs is None:
            self.error.setText(self.tr("Hãy chọn ít nhất một đầu ra: bảng xếp hạng Excel, báo cáo công bố PDF hoặc "
                                       "thư mục PDF từng cơ quan."))
            return
        for path in (req.xlsx, req.pdf, req.agency_pdfs):
            if path is not None and not path.parent.is_dir():
                self.error.setText(self.tr("Thư mục “{folder}” không tồn tại; hãy chọn chỗ lưu khác.").format(folder=path.parent))
                return
        super().accept()

    def request(self) -> CouncilExportRequest:
        options = replace(self.options, superior=self.superior.text().strip(), body=self.body.text().strip(),
                          place=self.place.text().strip(), signer=self.signer.text().strip())
        return CouncilExportRequest(self._path(self.xlsx_check, self.xlsx, ".xlsx"), self._path(self.pdf_check, self.pdf, ".pdf"),
                                    self._path(self.folder_check, self.folder, ""), options)


class CouncilExportRunner(QObject):
    """The flow behind "Xuất báo cáo kết quả…": read the saved options, ask, build, offer the preview."""

    progress = Signal(int, int)  # from the worker thread (queued to the GUI thread)
    finished = Signal(object)  # CouncilExportResult
    failed = Signal(object)  # the exception

    def __init__(self, parent: QWidget, workspace: Any) -> None:
        super().__init__(parent)
        from ..tasks import TaskRunner

        self.window = parent
        self.workspace = workspace
        self.lang = getattr(parent, "lang", "vi")
        own = getattr(parent, "runner", None)
        self._own_runner = not isinstance(own, TaskRunner)
        self.runner: TaskRunner = TaskRunner(self) if self._own_runner else own
        self.dialog: CouncilExportDialog | None = None
        self.cancel = CancelToken()
        self._progress_dialog: QProgressDialog | None = None
        self.progress.connect(self._show_progress)

    def start(self) -> None:
        from ...core.services.council_reports import council_report_options

        ws = self.workspace
        self.runner.submit(lambda: council_report_options(ws), self._ask, self._error)

    def _ask(self, options: CouncilReportOptions) -> None:
        self.dialog = CouncilExportDialog(self.workspace.year, options, self.window)
        if self.dialog.exec():
            self.build(self.dialog.request())
        else:
            self._stop()

    def build(self, request: CouncilExportRequest) -> None:
        """Keep the options with the round and write the files, on the worker thread."""
        from ...core.services.council_reports import export_council_reports, save_council_report_options

        self.cancel = token = CancelToken()  # a new one: the last export's Cancel must not stop this one
        ws = self.workspace

        def job() -> Any:
            save_council_report_options(ws, request.options)
            return export_council_reports(ws, request.xlsx, request.pdf, request.agency_pdfs, request.options,
                                          progress=lambda done, total, label="": emit(self.progress, done, total),
                                          cancel=token)

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.runner.submit(job, self._done, self._error)

    def _show_progress(self, done: int, total: int) -> None:
        if self._progress_dialog is None and done < total:
            dlg = QProgressDialog(self.tr("Đang tạo báo cáo…"), self.tr("Hủy"), 0, max(total, 1), self.window)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.setMinimumDuration(PROGRESS_DELAY_MS)  # only work that is actually long shows a dialog
            dlg.canceled.connect(self.cancel.cancel)
            self._progress_dialog = dlg
        if self._progress_dialog is not None:
            self._progress_dialog.setMaximum(max(total, 1))
            self._progress_dialog.setValue(done)

    def _close_progress(self) -> None:
        QApplication.restoreOverrideCursor()
        if self._progress_dialog is not None:
            self._progress_dialog.close()
            self._progress_dialog = None

    def _done(self, result: Any) -> None:
        self._close_progress()
        self._stop()
        emit(self.finished, result)
        made = [str(p) for p in (result.xlsx, result.pdf) if p is not None]
        if result.agency_pdfs:
            made.append(self.tr("{n} PDF kết quả thẩm định ({issued} đã ban hành, {drafts} dự thảo) trong “{folder}”").format(
                n=len(result.agency_pdfs), issued=result.issued, drafts=result.drafts,
                folder=result.agency_pdfs[0].path.parent))
        text = self.tr("Đã tạo:\n{files}\n\nMã kiểm tra kết quả xếp hạng (SHA-256):\n{digest}").format(
            files="\n".join(made), digest=result.digest)
        if result.pdf is None:
            QMessageBox.information(self.window, self.tr("Đã xuất báo cáo"), text)
            return
        answer = QMessageBox.question(self.window, self.tr("Đã xuất báo cáo"),
                                      text + "\n\n" + self.tr("Xem báo cáo công bố PDF ngay?"))
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
        self._stop()
        emit(self.failed, exc)
        show_error(self.window, exc, tb if not isinstance(exc, UserFacingError) else "", self.lang)

    def _stop(self) -> None:
        """A runner of our own ends with the flow (the parent's keeps serving the window)."""
        if self._own_runner:
            self.runner.shutdown()


def open_council_export(parent: QWidget, workspace: Any) -> CouncilExportRunner:
    """Start "Xuất báo cáo kết quả…" for `workspace` (an InspectionWorkspace) over `parent`."""
    runner = CouncilExportRunner(parent, workspace)
    runner.start()
    return runner
