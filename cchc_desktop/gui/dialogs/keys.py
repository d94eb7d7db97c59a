"""The agency's signing key: the form that makes a new one (first-run wizard and "Tệp > Tạo khóa
ký số…"), and importing the certificate the province issued ("Tệp > Nhập chứng thư được cấp…").

The work is the core's (core/services/agency_keys.py); these widgets collect and explain.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserFacingError
from ...core.services import agency_keys as keys
from ...core.signing.keys import MIN_PASSPHRASE
from ..resources import current_language

ERROR_STYLE = "color: #c62828;"
NOTE_STYLE = "color: #444;"


def note_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


class NewKeyForm(QWidget):
    """Passphrase twice, and where the files go: `keys/` of the workspace, or another folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("newPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("ít nhất {n} ký tự").format(n=MIN_PASSPHRASE))
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeatPassphrase")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Mật khẩu:"), self.passphrase)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.repeat)
        self.in_workspace = QRadioButton(self.tr("Trong thư mục keys/ của không gian làm việc"), self)
        self.elsewhere = QRadioButton(self.tr("Ở thư mục khác:"), self)
        place = QButtonGroup(self)
        place.addButton(self.in_workspace)
        place.addButton(self.elsewhere)
        self.in_workspace.setChecked(True)
        self.folder = QLineEdit(self)
        self.folder.setObjectName("keyFolder")
        self.folder.textEdited.connect(lambda _t: self.elsewhere.setChecked(True))
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.elsewhere)
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        form.addRow(self.tr("Lưu tệp khóa:"), self.in_workspace)
        form.addRow("", where)
        self.explain = note_label("", self)
        form.addRow(self.explain)
        self.set_code("")

    def set_code(self, code: str) -> None:
        """Name the three files the key will be, once the agency code is known."""
        base = code or self.tr("MÃ")
        self.explain.setText(self.tr(
            "Ứng dụng tạo ba tệp: <b>{b}.p12</b> (khóa bí mật, giữ kín), <b>{b}.crt</b> (chứng thư tự ký) và "
            "<b>{b}.csr</b> (yêu cầu cấp chứng thư). Gửi tệp <b>{b}.csr</b> cho Sở Nội vụ để được cấp chứng thư; khi "
            "nhận được chứng thư (.crt), chọn <b>Tệp › Nhập chứng thư được cấp…</b> để đưa vào tệp khóa.").format(b=base))

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu tệp khóa"), self.folder.text())
        if d:
            self.folder.setText(d)
            self.elsewhere.setChecked(True)

    def plan(self, kind: str = "rsa") -> keys.NewKey:
        folder = Path(self.folder.text().strip()) if self.elsewhere.isChecked() and self.folder.text().strip() else None
        return keys.NewKey(self.passphrase.text(), folder, kind)

    def check(self, code: str) -> None:
        """Raise UserFacingError for a refusal (passphrase rules, the chosen folder)."""
        keys.check_new_passphrase(self.passphrase.text(), self.repeat.text())
        if self.elsewhere.isChecked():
            if not self.folder.text().strip():
                raise UserFacingError("Hãy chọn thư mục lưu tệp khóa.", "Choose the folder for the key files.")
            keys.check_new_key_folder(Path(self.folder.text().strip()), code)


class _Dialog(QDialog):
    def _finish(self, lay: QVBoxLayout | QFormLayout, ok_text: str) -> None:
        self.error = QLabel(self)
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        # translate(), not self.tr(): this base class is not the context of its subclasses' instances
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("KeyDialogs", "Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if isinstance(lay, QFormLayout):
            lay.addRow(self.error)
            lay.addRow(buttons)
        else:
            lay.addWidget(self.error)
            lay.addWidget(buttons)

    def refuse(self, exc: UserFacingError) -> None:
        self.error.setText(exc.message(current_language()))


class CreateKeyDialog(_Dialog):
    """A new key for the workspace's agency (when the first run skipped it)."""

    key_kind = "rsa"

    def __init__(self, workspace_folder: Path, code: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tạo khóa ký số"))
        self.workspace_folder, self.code, self.name = Path(workspace_folder), code, name
        self.files: keys.KeyFiles | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(note_label(self.tr(
            "Hồ sơ gửi Hội đồng thẩm định được ký bằng khóa bí mật của cơ quan. Khóa nằm trong một tệp .p12, được bảo "
            "vệ bằng mật khẩu: quên mật khẩu thì không dùng được khóa, và không ai khôi phục được."), self))
        self.form = NewKeyForm(self)
        self.form.set_code(code)
        lay.addWidget(self.form)
        self._finish(lay, self.tr("Tạo khóa"))
        self.setMinimumWidth(640)

    def accept(self) -> None:
        try:
            self.form.check(self.code)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.files = keys.create_workspace_key(self.workspace_folder, self.code, self.name,
                                                       self.form.plan(self.key_kind))
            finally:
                QApplication.restoreOverrideCursor()
        except UserFacingError as exc:
            self.refuse(exc)
            return
        super().accept()


class ImportCertificateDialog(_Dialog):
    """Put the certificate the province issued (from the .csr) into the key file."""

    def __init__(self, workspace_folder: Path, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nhập chứng thư được cấp"))
        self.code = code
        self.issuer = ""
        form = QFormLayout(self)
        form.addRow(note_label(self.tr(
            "Sở Nội vụ cấp chứng thư từ tệp yêu cầu (.csr) cơ quan đã gửi. Đưa chứng thư đó vào tệp khóa để Hội đồng "
            "thẩm định nhận ra chữ ký của cơ quan. Cần mật khẩu của tệp khóa."), self))
        found = keys.workspace_keys(Path(workspace_folder))
        self.key = self._file_row(form, self.tr("Tệp khóa (.p12):"), str(found[0]) if found else "",
                                  self.tr("Tệp khóa (*.p12 *.pfx)"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Mật khẩu tệp khóa:"), self.passphrase)
        self.cert = self._file_row(form, self.tr("Chứng thư được cấp:"), "", self.tr("Chứng thư (*.crt *.pem *.cer *.der)"))
        self.ca = self._file_row(form, self.tr("Chứng thư của tỉnh (CA):"), "", self.tr("Chứng thư (*.crt *.pem *.cer *.der)"))
        self.ca.setPlaceholderText(self.tr("ca.crt (nên có: để kiểm tra chứng thư đúng do tỉnh cấp)"))
        self._finish(form, self.tr("Nhập chứng thư"))
        self.setMinimumWidth(680)

    def _file_row(self, form: QFormLayout, label: str, value: str, filters: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        browse = QPushButton(self.tr("Chọn…"), self)

        def choose() -> None:
            path, _ = QFileDialog.getOpenFileName(self, label.rstrip(":"), edit.text(), filters)
            if path:
                edit.setText(path)

        browse.clicked.connect(choose)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        form.addRow(label, row)
        return edit

    def accept(self) -> None:
        if not self.key.text().strip() or not self.cert.text().strip():
            self.error.setText(self.tr("Hãy chọn tệp khóa và tệp chứng thư được cấp."))
            return
        ca = Path(self.ca.text().strip()) if self.ca.text().strip() else None
        try:
            self.issuer = keys.import_issued_certificate(Path(self.key.text().strip()), self.passphrase.text(),
                                                         Path(self.cert.text().strip()), ca, self.code)
        except UserFacingError as exc:
            self.refuse(exc)
            return
        super().accept()
