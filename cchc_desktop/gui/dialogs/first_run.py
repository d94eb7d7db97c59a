"""The first-run wizard: role, framework, agency details (or the council's trust), signing key,
folder; each step explained in plain words.

Every answer is checked when the user presses "Tiếp theo" (validatePage): a refusal is shown on
the page and nothing is created.  Only the folder page (a commit page: no going back after it)
creates the workspace, through core/services/first_run.py, and the last page says what was made
and what to do next.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...core.errors import UserFacingError
from ...core.services import agency_keys as keys
from ...core.services import first_run as setup
from ...core.services.framework_source import FrameworkChoice
from ..resources import current_language
from .framework_source import OK_STYLE, FrameworkSourceBox, level_name
from .keys import NewKeyForm

ERROR_STYLE = "color: #c62828;"
NOTE_STYLE = "color: #444;"

ROLE_AGENCY, ROLE_COUNCIL = "agency", "council"
# An agency's name is data, written as it is officially (Vietnamese) in either interface language.
EXAMPLE_AGENCY_NAME = "UBND xã Cam Hải Đông"
PAGE_WELCOME, PAGE_FRAMEWORK, PAGE_AGENCY, PAGE_TRUST, PAGE_KEY, PAGE_FOLDER, PAGE_DONE = range(7)


def _label(text: str, parent: QWidget, style: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


class _Page(QWizardPage):
    """A page with an explanation at the top and a red line for refusals at the bottom."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.lay = QVBoxLayout(self)
        self.error = QLabel(self)
        self.error.setObjectName("pageError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def finish_layout(self) -> None:
        self.lay.addStretch(1)
        self.lay.addWidget(self.error)

    def refuse(self, exc: UserFacingError | str) -> bool:
        self.error.setText(exc if isinstance(exc, str) else exc.message(current_language()))
        return False

    def wiz(self) -> "FirstRunWizard":
        return self.wizard()  # type: ignore[return-value]


# -- 1. welcome and role -------------------------------------------------------------------------


class WelcomePage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Chào mừng đến với CCHC Desktop"),
            self.tr("Vài bước ngắn để bắt đầu. Có thể quay lại bước trước bất cứ lúc nào trước khi bấm “Tạo”."),
            parent,
        )
        self.lay.addWidget(_label(self.tr(
            "Ứng dụng giúp cơ quan <b>tự đánh giá Chỉ số cải cách hành chính</b> (Chỉ số CCHC) và giúp "
            "<b>Hội đồng thẩm định</b> nhận, kiểm tra hồ sơ các cơ quan gửi lên. Mọi dữ liệu nằm trong một thư mục "
            "trên máy này (hoặc trên USB); không cần kết nối mạng."), self))
        self.lay.addSpacing(8)
        self.lay.addWidget(_label(self.tr("<b>Bạn dùng ứng dụng với vai trò nào?</b>"), self))
        group = QButtonGroup(self)
        self.agency = QRadioButton(self.tr("Cơ quan tự đánh giá"), self)
        self.agency.setObjectName("roleAgency")
        self.council = QRadioButton(self.tr("Hội đồng thẩm định (Sở Nội vụ)"), self)
        self.council.setObjectName("roleCouncil")
        group.addButton(self.agency)
        group.addButton(self.council)
        self.agency.setChecked(True)
        self.lay.addWidget(self.agency)
        self.lay.addWidget(self._indented(self.tr(
            "Sở, ban, ngành hoặc UBND xã, phường: tự chấm điểm theo bộ tiêu chí, đính kèm tài liệu kiểm chứng, "
            "rồi xuất một tệp hồ sơ có chữ ký số (.cchc) gửi Hội đồng thẩm định.")))
        self.lay.addWidget(self.council)
        self.lay.addWidget(self._indented(self.tr(
            "Nhận tệp hồ sơ của các cơ quan (từng tệp hoặc cả thư mục, USB), kiểm tra chữ ký số và tính nguyên vẹn, "
            "xem kết quả tự chấm.")))
        self.lay.addSpacing(8)
        self.lay.addWidget(_label(self.tr(
            "Vai trò được cố định khi tạo không gian làm việc. Cần cả hai vai trò thì tạo hai không gian làm việc "
            "ở hai thư mục khác nhau."), self, NOTE_STYLE))
        self.finish_layout()

    def _indented(self, text: str) -> QLabel:
        label = _label(text, self, NOTE_STYLE)
        label.setContentsMargins(24, 0, 0, 4)
        return label

    @property
    def role(self) -> str:
        return ROLE_COUNCIL if self.council.isChecked() else ROLE_AGENCY


# -- 2. framework ----------------------------------------------------------------------------------


class FrameworkPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bộ tiêu chí"), "", parent)
        self.lay.addWidget(_label(self.tr(
            "Bộ tiêu chí là danh sách các tiêu chí, điểm tối đa và cách chấm của một năm đánh giá. Sở Nội vụ ban hành "
            "bộ tiêu chí chính thức dưới dạng <b>tệp có chữ ký số (.cchc)</b> kèm <b>chứng thư của tỉnh (.crt)</b>: "
            "ứng dụng kiểm tra chữ ký để bảo đảm bộ tiêu chí đúng là do tỉnh ban hành và không bị sửa. "
            "Bộ tiêu chí mẫu đi kèm ứng dụng chỉ dùng để làm quen hoặc tập huấn."), self))
        self.source = FrameworkSourceBox(self)
        self.lay.addWidget(self.source)
        self.source.message.connect(self.error.setText)
        self.source.changed.connect(lambda: self.error.setText(""))
        self.choice: FrameworkChoice | None = None
        self.finish_layout()

    def initializePage(self) -> None:
        if self.wiz().role == ROLE_COUNCIL:
            self.setSubTitle(self.tr("Đợt thẩm định chỉ nhận hồ sơ lập theo đúng bộ tiêu chí này (so khớp mã băm)."))
        else:
            self.setSubTitle(self.tr("Cơ quan tự chấm theo bộ tiêu chí này; chọn đúng bộ tiêu chí của cấp và năm đánh giá."))

    def validatePage(self) -> bool:
        try:
            self.choice = self.source.selected()
        except UserFacingError as exc:
            self.choice = None
            return self.refuse(exc)
        self.error.setText("")
        return True


# -- 3a. agency details ---------------------------------------------------------------------------


class AgencyPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Thông tin cơ quan"), self.tr("Ghi vào không gian làm việc, vào chứng thư số và vào mọi hồ sơ gửi đi."),
                         parent)
        self.lay.addWidget(_label(self.tr(
            "<b>Mã cơ quan</b> do Sở Nội vụ quy định (ví dụ XA-001): Hội đồng thẩm định dùng mã này để nhận ra hồ sơ "
            "của cơ quan, nên phải nhập đúng. Chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới. "
            "<b>Tên cơ quan</b> viết đầy đủ, có dấu (ví dụ {name}).").format(name=EXAMPLE_AGENCY_NAME), self))
        form = QFormLayout()
        self.code = QLineEdit(self)
        self.code.setObjectName("agencyCode")
        self.code.setPlaceholderText(self.tr("ví dụ XA-001"))
        self.name = QLineEdit(self)
        self.name.setObjectName("agencyName")
        self.name.setPlaceholderText(self.tr("ví dụ {name}").format(name=EXAMPLE_AGENCY_NAME))
        self.level = QLabel(self)
        self.year = QLabel(self)
        form.addRow(self.tr("Mã cơ quan:"), self.code)
        form.addRow(self.tr("Tên cơ quan:"), self.name)
        form.addRow(self.tr("Cấp:"), self.level)
        form.addRow(self.tr("Năm đánh giá:"), self.year)
        self.lay.addLayout(form)
        self.lay.addWidget(_label(self.tr("Cấp và năm đánh giá lấy theo bộ tiêu chí đã chọn ở bước trước."), self, NOTE_STYLE))
        for edit in (self.code, self.name):
            edit.textEdited.connect(lambda _t: self.error.setText(""))
        self.finish_layout()

    def initializePage(self) -> None:
        choice = self.wiz().framework_choice
        if choice is not None:
            self.level.setText(level_name(choice.framework.level))
            self.year.setText(str(choice.framework.year))

    def validatePage(self) -> bool:
        try:
            code, name = setup.check_agency_details(self.code.text(), self.name.text())
        except UserFacingError as exc:
            return self.refuse(exc)
        self.code.setText(code)
        self.name.setText(name)
        self.error.setText("")
        return True


# -- 3b. the council's trust -----------------------------------------------------------------------


class TrustPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Chứng thư của tỉnh"),
                         self.tr("Hội đồng chỉ nhận hồ sơ ký bằng khóa mà tỉnh đã cấp chứng thư (hoặc đã ghim)."), parent)
        self.lay.addWidget(_label(self.tr(
            "Chọn <b>chứng thư CA của tỉnh</b> (ví dụ ca.crt), hoặc <b>thư mục</b> chứa chứng thư CA, danh sách thu hồi "
            "(ca.crl) và các chứng thư cơ quan được ghim. Các tệp này được sao chép vào không gian làm việc, nên có thể "
            "mang cả thư mục sang máy khác mà vẫn kiểm tra như cũ. Không chọn tệp khóa bí mật của CA (ca.p12): "
            "Hội đồng không cần đến nó."), self))
        grid = QGridLayout()
        self.trust = QLineEdit(self)
        self.trust.setObjectName("trustPath")
        self.trust.setPlaceholderText(self.tr("ca.crt, hoặc thư mục chứa chứng thư và CRL"))
        self.trust.editingFinished.connect(lambda: self.check() if self.trust.text().strip() else None)
        browse_file = QPushButton(self.tr("Chọn tệp…"), self)
        browse_file.clicked.connect(self._browse_file)
        browse_dir = QPushButton(self.tr("Chọn thư mục…"), self)
        browse_dir.clicked.connect(self._browse_dir)
        grid.addWidget(QLabel(self.tr("Chứng thư tin cậy:"), self), 0, 0)
        grid.addWidget(self.trust, 0, 1)
        grid.addWidget(browse_file, 0, 2)
        grid.addWidget(browse_dir, 0, 3)
        self.lay.addLayout(grid)
        self.result = _label("", self)
        self.result.setObjectName("trustResult")
        self.lay.addWidget(self.result)
        form = QFormLayout()
        self.year = QLabel(self)
        form.addRow(self.tr("Năm đánh giá của đợt thẩm định:"), self.year)
        self.lay.addLayout(form)
        self.lay.addWidget(_label(self.tr("Năm của đợt thẩm định lấy theo bộ tiêu chí đã chọn."), self, NOTE_STYLE))
        self.finish_layout()

    def initializePage(self) -> None:
        wiz = self.wiz()
        choice = wiz.framework_choice
        if choice is not None:
            self.year.setText(str(choice.framework.year))
        source = wiz.framework_page.source
        if not self.trust.text().strip() and source.signed_mode and source.trust_path.text().strip():
            self.trust.setText(source.trust_path.text().strip())  # the province certificate given for the framework
            self.check()

    def _browse_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn chứng thư của tỉnh"), "",
                                              self.tr("Chứng thư (*.crt *.pem *.cer *.der);;Mọi tệp (*)"))
        if path:
            self.trust.setText(path)
            self.check()

    def _browse_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục chứng thư tin cậy"))
        if path:
            self.trust.setText(path)
            self.check()

    def check(self) -> bool:
        text = self.trust.text().strip()
        if not text:
            self.result.setText("")
            return self.refuse(self.tr("Hãy chọn chứng thư CA của tỉnh, hoặc thư mục chứa nó."))
        try:
            cas, pinned, crls = setup.describe_trust(Path(text))
        except UserFacingError as exc:
            self.result.setText("")
            return self.refuse(exc)
        self.error.setText("")
        self.result.setStyleSheet(OK_STYLE)
        self.result.setText(self.tr("✔ Đọc được {ca} chứng thư CA, {pin} chứng thư cơ quan được ghim, {crl} danh sách thu hồi (CRL).")
                            .format(ca=cas, pin=pinned, crl=crls))
        return True

    def validatePage(self) -> bool:
        return self.check()


# -- 4. the agency's signing key -------------------------------------------------------------------


class KeyPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Khóa ký số của cơ quan"),
                         self.tr("Hồ sơ gửi Hội đồng thẩm định được ký bằng khóa bí mật của cơ quan."), parent)
        self.lay.addWidget(_label(self.tr(
            "Khóa nằm trong một tệp <b>.p12</b>, được bảo vệ bằng mật khẩu. Hãy giữ tệp và mật khẩu cẩn thận: quên "
            "mật khẩu thì không dùng được khóa, và không ai khôi phục được."), self))
        group = QButtonGroup(self)
        self.create_radio = QRadioButton(self.tr("Tạo khóa mới"), self)
        self.create_radio.setObjectName("keyCreate")
        self.existing_radio = QRadioButton(self.tr("Dùng tệp khóa đã có (.p12)"), self)
        self.existing_radio.setObjectName("keyExisting")
        self.skip_radio = QRadioButton(self.tr("Để sau"), self)
        self.skip_radio.setObjectName("keySkip")
        for b in (self.create_radio, self.existing_radio, self.skip_radio):
            group.addButton(b)
            b.toggled.connect(self._mode_changed)

        self.lay.addWidget(self.create_radio)
        self.new_key = NewKeyForm(self)
        self.new_key.setContentsMargins(24, 0, 0, 0)
        self.passphrase, self.repeat = self.new_key.passphrase, self.new_key.repeat
        self.lay.addWidget(self.new_key)

        self.lay.addWidget(self.existing_radio)
        self.existing_box = QWidget(self)
        form = QFormLayout(self.existing_box)
        form.setContentsMargins(24, 0, 0, 0)
        row = QHBoxLayout()
        self.key_path = QLineEdit(self.existing_box)
        self.key_path.setObjectName("existingKey")
        self.key_path.setPlaceholderText(self.tr("tệp .p12 hoặc .pfx của cơ quan"))
        browse = QPushButton(self.tr("Chọn…"), self.existing_box)
        browse.clicked.connect(self._browse_key)
        row.addWidget(self.key_path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Tệp khóa:"), row)
        self.key_passphrase = QLineEdit(self.existing_box)
        self.key_passphrase.setObjectName("existingPassphrase")
        self.key_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Mật khẩu tệp khóa:"), self.key_passphrase)
        form.addRow(_label(self.tr("Ứng dụng thử mở tệp bằng mật khẩu này, rồi chép tệp vào thư mục keys/ của không gian làm việc."),
                           self.existing_box, NOTE_STYLE))
        self.lay.addWidget(self.existing_box)

        self.lay.addWidget(self.skip_radio)
        skip_note = _label(self.tr(
            "Có thể nhập kết quả tự đánh giá ngay; khóa chỉ cần khi xuất hồ sơ nộp. Tạo khóa sau bằng "
            "<b>Tệp › Tạo khóa ký số…</b>."), self, NOTE_STYLE)
        skip_note.setContentsMargins(24, 0, 0, 0)
        self.lay.addWidget(skip_note)
        for edit in (self.passphrase, self.repeat, self.new_key.folder, self.key_path, self.key_passphrase):
            edit.textEdited.connect(lambda _t: self.error.setText(""))
        self.create_radio.setChecked(True)
        self.finish_layout()

    def initializePage(self) -> None:
        self.new_key.set_code(self.wiz().agency_page.code.text())

    def _mode_changed(self, _on: bool = True) -> None:
        self.new_key.setEnabled(self.create_radio.isChecked())
        self.existing_box.setEnabled(self.existing_radio.isChecked())
        self.error.setText("")

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa"), "", self.tr("Tệp khóa (*.p12 *.pfx)"))
        if path:
            self.key_path.setText(path)

    def plan(self) -> keys.KeyPlan:
        if self.create_radio.isChecked():
            return self.new_key.plan(self.wiz().key_kind)
        if self.existing_radio.isChecked():
            return keys.ExistingKey(Path(self.key_path.text().strip()), self.key_passphrase.text())
        return None

    def validatePage(self) -> bool:
        code = self.wiz().agency_page.code.text()
        try:
            if self.create_radio.isChecked():
                self.new_key.check(code)
            elif self.existing_radio.isChecked():
                if not self.key_path.text().strip():
                    return self.refuse(self.tr("Hãy chọn tệp khóa (.p12) của cơ quan."))
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    keys.check_existing_key(Path(self.key_path.text().strip()), self.key_passphrase.text(), code)
                finally:
                    QApplication.restoreOverrideCursor()
        except UserFacingError as exc:
            return self.refuse(exc)
        self.error.setText("")
        return True


# -- 5. where to keep the workspace; create it --------------------------------------------------------


class FolderPage(_Page):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nơi lưu không gian làm việc"),
                         self.tr("Bấm “Tạo” để tạo không gian làm việc; sau bước này không quay lại được."), parent)
        self.lay.addWidget(_label(self.tr(
            "Không gian làm việc là <b>một thư mục</b> chứa toàn bộ dữ liệu: cơ sở dữ liệu, tài liệu kiểm chứng và "
            "các tệp đi kèm. Mặc định nằm trong thư mục dữ liệu của người dùng trên máy này; cũng có thể chọn bất kỳ "
            "thư mục trống nào, ví dụ trên <b>USB</b>, để mang sang máy khác. Thư mục phải trống, hoặc chưa có "
            "(ứng dụng sẽ tạo)."), self))
        row = QHBoxLayout()
        self.folder = QLineEdit(str(folder), self)
        self.folder.setObjectName("workspaceFolder")
        self.folder.textEdited.connect(lambda _t: self.error.setText(""))
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(QLabel(self.tr("Thư mục:"), self))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.lay.addLayout(row)
        self.lay.addSpacing(8)
        self.summary = _label("", self)
        self.summary.setObjectName("summary")
        self.lay.addWidget(self.summary)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Tạo"))
        self.finish_layout()

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục trống"), self.folder.text())
        if d:
            self.folder.setText(d)
            self.error.setText("")

    def initializePage(self) -> None:
        wiz = self.wiz()
        choice = wiz.framework_choice
        lines = [self.tr("<b>Sẽ tạo:</b>")]
        if wiz.role == ROLE_COUNCIL:
            lines.append(self.tr("• Vai trò: Hội đồng thẩm định"))
        else:
            lines.append(self.tr("• Vai trò: cơ quan tự đánh giá — {code}, {name}").format(
                code=wiz.agency_page.code.text(), name=wiz.agency_page.name.text()))
        if choice is not None:
            lines.append(self.tr("• Bộ tiêu chí: {title} (năm {year})").format(title=choice.framework.title, year=choice.framework.year))
        if wiz.role == ROLE_COUNCIL:
            lines.append(self.tr("• Chứng thư tin cậy: {path}").format(path=wiz.trust_page.trust.text().strip()))
        else:
            plan = wiz.key_page.plan()
            if isinstance(plan, keys.NewKey):
                where = str(plan.folder) if plan.folder is not None else self.tr("thư mục keys/ của không gian làm việc")
                lines.append(self.tr("• Khóa ký số mới, lưu trong {where}").format(where=where))
            elif isinstance(plan, keys.ExistingKey):
                lines.append(self.tr("• Khóa ký số: chép tệp {name} vào thư mục keys/").format(name=plan.path.name))
            else:
                lines.append(self.tr("• Chưa có khóa ký số (cần khi xuất hồ sơ nộp)"))
        self.summary.setText("<br>".join(lines))

    def validatePage(self) -> bool:
        text = self.folder.text().strip()
        if not text:
            return self.refuse(self.tr("Hãy chọn thư mục lưu không gian làm việc."))
        try:
            self.wiz().create_workspace(Path(text))
        except UserFacingError as exc:
            return self.refuse(exc)
        self.error.setText("")
        return True


# -- 6. done ---------------------------------------------------------------------------------------------


class DonePage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Đã tạo xong"), self.tr("Bấm “Bắt đầu” để mở không gian làm việc."), parent)
        self.text = _label("", self)
        self.text.setObjectName("doneText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lay.addWidget(self.text)
        self.finish_layout()

    def initializePage(self) -> None:
        wiz = self.wiz()
        ws = wiz.workspace
        if ws is None:
            return
        lines = [self.tr("Không gian làm việc: <b>{path}</b>").format(path=ws.folder)]
        files = wiz.key_files
        if wiz.role == ROLE_COUNCIL:
            lines.append(self.tr("Bước tiếp theo: nhập các tệp hồ sơ (.cchc) các cơ quan gửi lên bằng nút “Nhập gói…” "
                                 "hoặc “Nhập cả thư mục / USB…”."))
        elif files is not None and files.request is not None:
            lines.append(self.tr("Tệp khóa (giữ kín, nhớ mật khẩu): {path}").format(path=files.p12))
            lines.append(self.tr("Chứng thư tự ký: {path}").format(path=files.certificate))
            lines.append(self.tr("<b>Yêu cầu cấp chứng thư — gửi tệp này cho Sở Nội vụ:</b> {path}").format(path=files.request))
            lines.append(self.tr("Khi nhận được chứng thư do tỉnh cấp, chọn <b>Tệp › Nhập chứng thư được cấp…</b>. "
                                 "Trong lúc chờ, có thể tự đánh giá bình thường."))
        elif files is not None:
            lines.append(self.tr("Tệp khóa đã chép vào: {path}").format(path=files.p12))
        else:
            lines.append(self.tr("Chưa có khóa ký số: cần có trước khi xuất hồ sơ nộp."))
        if wiz.role != ROLE_COUNCIL:
            lines.append(self.tr("Bước tiếp theo: chọn từng tiêu chí ở cây bên trái, nhập kết quả, thuyết minh và tài liệu "
                                 "kiểm chứng. Mọi thay đổi được lưu ngay."))
        self.text.setText("<br><br>".join(lines))


# -- the wizard ---------------------------------------------------------------------------------------------


class FirstRunWizard(QWizard):
    """`exec()`, then `workspace` is the created AgencyWorkspace or InspectionWorkspace (or None)."""

    key_kind = "rsa"  # tests may use "ec": the same files, made faster

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thiết lập — CCHC Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        # Qt ships no Vietnamese for its own buttons: name them here (and translate them in cchc_en.ts).
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Tạo"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Bắt đầu"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.setButtonText(QWizard.WizardButton.HelpButton, self.tr("Trợ giúp"))
        self.workspace: Any = None  # AgencyWorkspace | InspectionWorkspace once created
        self.key_files: keys.KeyFiles | None = None
        self.welcome_page = WelcomePage(self)
        self.framework_page = FrameworkPage(self)
        self.agency_page = AgencyPage(self)
        self.trust_page = TrustPage(self)
        self.key_page = KeyPage(self)
        self.folder_page = FolderPage(folder, self)
        self.done_page = DonePage(self)
        for pid, page in ((PAGE_WELCOME, self.welcome_page), (PAGE_FRAMEWORK, self.framework_page),
                          (PAGE_AGENCY, self.agency_page), (PAGE_TRUST, self.trust_page), (PAGE_KEY, self.key_page),
                          (PAGE_FOLDER, self.folder_page), (PAGE_DONE, self.done_page)):
            self.setPage(pid, page)
        self.setStartId(PAGE_WELCOME)
        self.setMinimumSize(900, 620)

    @property
    def role(self) -> str:
        return self.welcome_page.role

    @property
    def framework_choice(self) -> FrameworkChoice | None:
        return self.framework_page.choice

    def nextId(self) -> int:
        council = self.role == ROLE_COUNCIL
        order = {
            PAGE_WELCOME: PAGE_FRAMEWORK,
            PAGE_FRAMEWORK: PAGE_TRUST if council else PAGE_AGENCY,
            PAGE_AGENCY: PAGE_KEY,
            PAGE_TRUST: PAGE_FOLDER,
            PAGE_KEY: PAGE_FOLDER,
            PAGE_FOLDER: PAGE_DONE,
        }
        return order.get(self.currentId(), -1)

    def create_workspace(self, folder: Path) -> None:
        """Create everything chosen (raises UserFacingError, with nothing created)."""
        choice = self.framework_choice
        if choice is None:  # not reachable through the pages
            raise UserFacingError("Hãy chọn bộ tiêu chí.", "Choose a framework.")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.role == ROLE_COUNCIL:
                self.workspace = setup.create_council_setup(folder, choice.framework, Path(self.trust_page.trust.text().strip()))
            else:
                self.workspace, self.key_files = setup.create_agency_setup(
                    folder, choice, self.agency_page.code.text(), self.agency_page.name.text(), self.key_page.plan())
        finally:
            QApplication.restoreOverrideCursor()
