"""Export the signed submission: key file, passphrase, destination, and the problems decision."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from ...core.services.agency_keys import workspace_keys
from ..operations import AgencyOperations
from ..widgets.evidence_panel import human_size


class ExportDialog(QDialog):
    """Collects what the export needs; the export itself runs on the worker thread."""

    def __init__(self, ops: AgencyOperations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        snap = ops.snapshot
        info = snap.info
        self.setWindowTitle(self.tr("Xuất gói hồ sơ có chữ ký số"))
        form = QFormLayout(self)
        n = info.submission_seq + 1
        intro = QLabel(
            self.tr(
                "Gói (.cchc) chứa kết quả tự đánh giá, thuyết minh, tài liệu kiểm chứng và chữ ký số của cơ quan. "
                "Đây là lần nộp thứ <b>{n}</b>; sau khi xuất, nội dung đã nộp được lưu nguyên vẹn."
            ).format(n=n),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        found = workspace_keys(ops.workspace.folder)  # the key the first-run wizard made or copied
        self.key = QLineEdit(str(found[0]) if found else "", self)
        self.key.setPlaceholderText(self.tr("tệp khóa .p12 của cơ quan"))
        browse_key = QPushButton(self.tr("Chọn…"), self)
        browse_key.clicked.connect(self._browse_key)
        row = QHBoxLayout()
        row.addWidget(self.key, 1)
        row.addWidget(browse_key)
        form.addRow(self.tr("Tệp khóa ký:"), row)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Mật khẩu tệp khóa:"), self.passphrase)
        default = Path.home() / f"{info.agency_code}-{info.year}-lan{n}.cchc"
        self.out = QLineEdit(str(default), self)
        browse_out = QPushButton(self.tr("Chọn…"), self)
        browse_out.clicked.connect(self._browse_out)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse_out)
        form.addRow(self.tr("Lưu gói tại:"), row)
        size = QLabel(self.tr("Dung lượng dự kiến: khoảng {size}").format(size=human_size(snap.evidence_bytes + 100 * 1024)), self)
        form.addRow(size)
        problems = snap.score.problems
        self.allow = QCheckBox(self)
        self.problem_list = QListWidget(self)
        if problems:
            warn = QLabel(self.tr("<b>Còn {n} vấn đề chưa xử lý.</b> Nên xử lý hết trước khi nộp.").format(n=len(problems)), self)
            warn.setStyleSheet("color: #b26a00;")
            form.addRow(warn)
            for p in problems[:200]:
                self.problem_list.addItem(p.en if ops.lang == "en" else p.vi)
            self.problem_list.setMaximumHeight(120)
            form.addRow(self.problem_list)
            self.allow.setText(self.tr("Tôi vẫn nộp, kèm danh sách các vấn đề trên"))
            form.addRow(self.allow)
        else:
            self.allow.hide()
            self.problem_list.hide()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("exportError")
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xuất gói"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(640)
        self.has_problems = bool(problems)

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa"), "", self.tr("Tệp khóa (*.p12 *.pfx)"))
        if path:
            self.key.setText(path)

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu gói"), self.out.text(), self.tr("Gói hồ sơ (*.cchc)"))
        if path:
            self.out.setText(path if path.endswith(".cchc") else path + ".cchc")

    def accept(self) -> None:
        if not self.key.text().strip():
            self.error.setText(self.tr("Hãy chọn tệp khóa ký (.p12)."))
            return
        if self.has_problems and not self.allow.isChecked():
            self.error.setText(self.tr("Còn vấn đề chưa xử lý: hãy xử lý, hoặc đánh dấu ô “Tôi vẫn nộp…”."))
            return
        out = Path(self.out.text().strip())
        if out.exists():
            self.error.setText(self.tr("Tệp “{name}” đã tồn tại; hãy chọn tên khác.").format(name=out.name))
            return
        super().accept()

    def request(self) -> tuple[Path, str, Path, bool]:
        return Path(self.key.text().strip()), self.passphrase.text(), Path(self.out.text().strip()), self.allow.isChecked()
