"""Choosing the framework of an agency assessment: a bundled sample (or an unsigned file, with
explicit consent), or the province's signed framework file checked against its certificate.

Used by the first-run dialog and by "start the new year".  The policy is the core's
(core/services/framework_source.py); this widget only collects the choice and shows the result.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserFacingError
from ...core.framework.load import load_framework
from ...core.framework.model import Framework, Level
from ...core.paths import bundled_forms_dir
from ...core.services.framework_source import FrameworkChoice, choose_signed, choose_unsigned
from ..resources import current_language
from ..signals import emit

WARNING_STYLE = "background: #fff3cd; color: #7a4b00; padding: 3px; border: 1px solid #e0c068;"
OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #c62828;"


def level_name(level: Level) -> str:
    """The level of a framework in the language of the interface."""
    names = {
        Level.PROVINCIAL_AGENCY: QCoreApplication.translate("Level", "Sở, ban, ngành"),
        Level.DISTRICT: QCoreApplication.translate("Level", "UBND cấp huyện"),
        Level.COMMUNE: QCoreApplication.translate("Level", "UBND cấp xã"),
    }
    return names.get(level, level.value)


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


class FrameworkSourceBox(QWidget):
    changed = Signal()  # the selected framework (or its verification) changed
    message = Signal(str)  # an error to show (e.g. a broken file)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frameworks = bundled_frameworks()
        self._files: dict[str, Path] = {}  # sha256 -> the unsigned file it came from
        self._signed: FrameworkChoice | None = None  # verified (valid, or unknown revocation)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(self)

        self.sample_radio = QRadioButton(self.tr("Bộ tiêu chí mẫu đi kèm ứng dụng"), self)
        group.addButton(self.sample_radio)
        lay.addWidget(self.sample_radio)
        self.framework = QComboBox(self)
        for fw in self.frameworks:
            label = f"{fw.title} — {level_name(fw.level)}"
            self.framework.addItem(label + (self.tr(" (mẫu)") if fw.sample else ""), fw.sha256)
        self.framework.addItem(self.tr("Chọn tệp bộ tiêu chí chưa ký (.json)…"), "file")
        self.framework.activated.connect(self._framework_chosen)
        lay.addWidget(self.framework)
        self.sample_warning = QLabel(self)
        self.sample_warning.setObjectName("sampleChoiceWarning")
        self.sample_warning.setWordWrap(True)
        self.sample_warning.setStyleSheet(WARNING_STYLE)
        lay.addWidget(self.sample_warning)
        self.unsigned_ok = QCheckBox(self.tr("Tôi hiểu tệp này chưa có chữ ký của tỉnh và vẫn muốn dùng"), self)
        self.unsigned_ok.toggled.connect(lambda _on: emit(self.changed))
        lay.addWidget(self.unsigned_ok)

        self.signed_radio = QRadioButton(self.tr("Tệp bộ tiêu chí có chữ ký của tỉnh (.cchc)"), self)
        group.addButton(self.signed_radio)
        lay.addWidget(self.signed_radio)
        grid = QGridLayout()
        grid.setContentsMargins(18, 0, 0, 0)
        self.signed_path = QLineEdit(self)
        self.signed_path.setPlaceholderText(self.tr("tệp .cchc do Sở Nội vụ gửi"))
        self.signed_path.editingFinished.connect(self.verify_signed)
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self._browse_signed)
        grid.addWidget(QLabel(self.tr("Tệp bộ tiêu chí:"), self), 0, 0)
        grid.addWidget(self.signed_path, 0, 1)
        grid.addWidget(browse, 0, 2)
        self.trust_path = QLineEdit(self)
        self.trust_path.setPlaceholderText(self.tr("chứng thư của tỉnh (.crt), hoặc thư mục chứa chứng thư và CRL"))
        self.trust_path.editingFinished.connect(self.verify_signed)
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self._browse_trust)
        grid.addWidget(QLabel(self.tr("Chứng thư của tỉnh:"), self), 1, 0)
        grid.addWidget(self.trust_path, 1, 1)
        grid.addWidget(browse, 1, 2)
        lay.addLayout(grid)
        self.verify_result = QLabel(self)
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setWordWrap(True)
        lay.addWidget(self.verify_result)
        row = QHBoxLayout()
        row.setContentsMargins(18, 0, 0, 0)
        self.accept_unknown = QCheckBox(
            self.tr("Vẫn dùng dù chưa kiểm tra được chứng thư của tỉnh có bị thu hồi hay không"), self
        )
        self.accept_unknown.toggled.connect(lambda _on: emit(self.changed))
        row.addWidget(self.accept_unknown)
        lay.addLayout(row)

        self.sample_radio.toggled.connect(self._mode_changed)
        self.sample_radio.setChecked(True)
        self._mode_changed()

    # -- state ------------------------------------------------------------------------------

    @property
    def signed_mode(self) -> bool:
        return self.signed_radio.isChecked()

    def _mode_changed(self, _on: bool = True) -> None:
        signed = self.signed_mode
        self.framework.setEnabled(not signed)
        for w in (self.signed_path, self.trust_path):
            w.setEnabled(signed)
        self._refresh()

    def _refresh(self) -> None:
        signed = self.signed_mode
        fw = self.unsigned_framework()
        if signed or fw is None:
            self.sample_warning.setVisible(False)
            self.unsigned_ok.setVisible(False)
        elif fw.sample:
            self.sample_warning.setText(self.tr("⚠ Bộ tiêu chí mẫu, không phải bộ chính thức."))
            self.sample_warning.setVisible(True)
            self.unsigned_ok.setVisible(False)
        else:
            self.sample_warning.setText(
                self.tr("⚠ Tệp này chưa có chữ ký của tỉnh: không xác minh được đây đúng là bộ tiêu chí tỉnh đã ban hành. "
                        "Nên xin Sở Nội vụ tệp có chữ ký (.cchc).")
            )
            self.sample_warning.setVisible(True)
            self.unsigned_ok.setVisible(True)
        unknown = signed and self._signed is not None and self._signed.trust.verdict == "unknown"
        self.accept_unknown.setVisible(unknown)
        self.verify_result.setVisible(signed and bool(self.verify_result.text()))
        emit(self.changed)

    def unsigned_framework(self) -> Framework | None:
        sha = self.framework.currentData()
        return next((f for f in self.frameworks if f.sha256 == sha), None)

    def current_framework(self) -> Framework | None:
        """What is chosen now (a signed one only once verified)."""
        if self.signed_mode:
            return self._signed.framework if self._signed is not None else None
        return self.unsigned_framework()

    def selected(self) -> FrameworkChoice:
        """The choice to create the workspace with; UserFacingError says what is missing."""
        if self.signed_mode:
            if self._signed is None:
                raise UserFacingError(
                    self.tr("Hãy chọn tệp bộ tiêu chí có chữ ký (.cchc) và chứng thư của tỉnh; tệp phải được xác minh "
                            "hợp lệ.")
                )
            if self._signed.trust.verdict == "unknown" and not self.accept_unknown.isChecked():
                raise UserFacingError(
                    self.tr("Chưa kiểm tra được tình trạng thu hồi chứng thư của tỉnh: hãy đánh dấu ô “Vẫn dùng…” nếu "
                            "chắc chắn, hoặc lấy danh sách thu hồi (CRL) mới nhất của tỉnh.")
                )
            return self._signed
        fw = self.unsigned_framework()
        if fw is None:
            raise UserFacingError(self.tr("Hãy chọn bộ tiêu chí."))
        if not fw.sample and not self.unsigned_ok.isChecked():
            raise UserFacingError(
                self.tr("Tệp bộ tiêu chí này chưa có chữ ký của tỉnh. Hãy dùng tệp có chữ ký (.cchc), hoặc đánh dấu ô "
                        "xác nhận vẫn dùng tệp chưa ký.")
            )
        path = self._files.get(fw.sha256, Path(fw.id))
        return choose_unsigned(path, allow_unsigned=True, framework=fw)

    # -- unsigned files ---------------------------------------------------------------------

    def _framework_chosen(self, _row: int) -> None:
        if self.framework.currentData() == "file":
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp bộ tiêu chí"), "", self.tr("Bộ tiêu chí (*.json)"))
            if path:
                self.add_framework_file(Path(path))
            else:
                self.framework.setCurrentIndex(0)
        self._refresh()

    def add_framework_file(self, path: Path) -> None:
        try:
            fw = load_framework(path)
        except UserFacingError as exc:
            self.framework.setCurrentIndex(0)
            self._refresh()
            emit(self.message, exc.message(current_language()))  # after the refresh: a page may clear errors on `changed`
            return
        self.frameworks.append(fw)
        self._files[fw.sha256] = path
        self.framework.insertItem(self.framework.count() - 1, fw.title + (self.tr(" (mẫu)") if fw.sample else ""), fw.sha256)
        self.framework.setCurrentIndex(self.framework.count() - 2)
        self.unsigned_ok.setChecked(False)
        self._refresh()

    # -- signed files -----------------------------------------------------------------------

    def _browse_signed(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp bộ tiêu chí có chữ ký"), "",
                                              self.tr("Bộ tiêu chí có chữ ký (*.cchc);;Mọi tệp (*)"))
        if path:
            self.signed_path.setText(path)
            self.verify_signed()

    def _browse_trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn chứng thư của tỉnh"), "",
                                              self.tr("Chứng thư (*.crt *.pem *.cer *.der);;Mọi tệp (*)"))
        if path:
            self.trust_path.setText(path)
            self.verify_signed()

    def set_signed_file(self, path: Path | str, trust: Path | str) -> None:
        """Choose a signed framework file and the province certificate, and verify at once."""
        self.signed_radio.setChecked(True)
        self.signed_path.setText(str(path))
        self.trust_path.setText(str(trust))
        self.verify_signed()

    def verify_signed(self) -> None:
        """Verify the chosen file against the certificate and say the result in plain words."""
        self._signed = None
        self.accept_unknown.setChecked(False)
        path, trust = self.signed_path.text().strip(), self.trust_path.text().strip()
        if not path or not trust:
            self.verify_result.setText("")
            self._refresh()
            return
        try:
            choice = choose_signed(Path(path), Path(trust), allow_unknown_revocation=True)
        except UserFacingError as exc:
            self.verify_result.setStyleSheet(ERROR_STYLE)
            self.verify_result.setText(self.tr("✖ Không dùng được tệp này.") + "\n" + exc.message(current_language()))
            self._refresh()
            return
        self._signed = choice
        fw, t = choice.framework, choice.trust
        when = t.signing_time[:10]
        if len(when) == 10:
            when = f"{when[8:]}/{when[5:7]}/{when[:4]}"
        text = self.tr("✔ Chữ ký hợp lệ: bộ tiêu chí “{title}” (năm {year}) do {signer} ký ngày {when}; nội dung "
                       "không bị sửa đổi sau khi ký.").format(title=fw.title, year=fw.year, signer=t.signer_subject, when=when)
        if t.verdict == "unknown":
            self.verify_result.setStyleSheet(WARNING_STYLE)
            text += "\n" + self.tr("⚠ Chưa kiểm tra được chứng thư của tỉnh có bị thu hồi hay không (thiếu danh sách "
                                   "thu hồi CRL còn hiệu lực).")
        else:
            self.verify_result.setStyleSheet(OK_STYLE)
        if fw.sample:
            text += "\n" + self.tr("⚠ Bộ tiêu chí mẫu, không phải bộ chính thức.")
        self.verify_result.setText(text)
        self._refresh()
