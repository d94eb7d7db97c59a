"""About: version, where the workspace is, its role and framework (and whether the framework is
verified), the Python and Qt versions, and the licences of the bundled font and libraries."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...core.paths import resources_dir

THIRD_PARTY = ("licenses", "THIRD-PARTY.md")
FONT_LICENCE = ("fonts", "LICENSE-DejaVu.txt")


@dataclass(frozen=True)
class AboutInfo:
    """What the About dialog says about the open workspace (plain data from the window)."""

    folder: Path
    role: str  # "agency" | "inspection"
    framework_title: str
    framework_year: int
    framework_sha256: str = ""
    framework_trust: str = ""  # agency: "signed" | "sample" | "unsigned"
    framework_signer: str = ""
    agency: str = ""  # agency: "CODE — name"
    trust_folder: Path | None = None  # inspection: the round's copy of the trusted certificates


def _read(*parts: str) -> str:
    path = resources_dir().joinpath(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def _value(text: str, parent: QWidget, data: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if data:
        label.setProperty("data", True)  # a path, a name, a title: shown as it is, never translated
    return label


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("Giới thiệu CCHC Desktop"))
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        lay.addWidget(self.tabs, 1)

        page = QWidget(self)
        form = QFormLayout(page)
        heading = QLabel(self.tr("<h2>CCHC Desktop {version}</h2>").format(version=__version__), page)
        heading.setObjectName("aboutHeading")
        form.addRow(heading)
        form.addRow(_value(self.tr(
            "Tự đánh giá và thẩm định Chỉ số cải cách hành chính (Chỉ số CCHC), không cần kết nối mạng."), page))
        self.version = _value(__version__, page)
        self.version.setObjectName("aboutVersion")
        form.addRow(self.tr("Phiên bản:"), self.version)
        self.folder = _value(str(info.folder), page, data=True)
        self.folder.setObjectName("aboutFolder")
        form.addRow(self.tr("Không gian làm việc:"), self.folder)
        if info.role == "inspection":
            role = self.tr("Hội đồng thẩm định")
        else:
            role = self.tr("Cơ quan tự đánh giá")
        form.addRow(self.tr("Vai trò:"), _value(role, page))
        if info.agency:
            form.addRow(self.tr("Cơ quan:"), _value(info.agency, page, data=True))
        form.addRow(self.tr("Bộ tiêu chí:"), _value(f"{info.framework_title} ({info.framework_year})", page, data=True))
        trust = _value(self._trust_text(), page)
        trust.setObjectName("aboutTrust")
        form.addRow(self.tr("Xác minh bộ tiêu chí:"), trust)
        if info.trust_folder is not None:
            form.addRow(self.tr("Chứng thư tin cậy:"), _value(str(info.trust_folder), page, data=True))
        if info.framework_sha256:
            sha = _value(info.framework_sha256, page)
            sha.setStyleSheet("font-family: monospace;")
            form.addRow(self.tr("Mã băm bộ tiêu chí:"), sha)
        versions = f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}"
        self.versions = _value(versions, page)
        form.addRow(self.tr("Thành phần:"), self.versions)
        form.addRow(self.tr("Hệ điều hành:"), _value(platform.platform(terse=True), page))
        self.tabs.addTab(page, self.tr("Thông tin"))

        self.licences = QTextBrowser(self)
        self.licences.setObjectName("thirdPartyLicences")
        self.licences.setOpenExternalLinks(True)
        self.licences.setProperty("data", True)  # licence texts are legal documents: shown as written
        text = _read(*THIRD_PARTY)
        self.licences.setMarkdown(text or self.tr("Không tìm thấy tệp giấy phép “{name}”.").format(name="/".join(THIRD_PARTY)))
        self.tabs.addTab(self.licences, self.tr("Thư viện và giấy phép"))

        self.font_licence = QPlainTextEdit(self)
        self.font_licence.setObjectName("fontLicence")
        self.font_licence.setReadOnly(True)
        self.font_licence.setProperty("data", True)
        self.font_licence.setPlainText(
            _read(*FONT_LICENCE) or self.tr("Không tìm thấy tệp giấy phép “{name}”.").format(name="/".join(FONT_LICENCE)))
        self.tabs.addTab(self.font_licence, self.tr("Giấy phép phông chữ DejaVu"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        copy = buttons.addButton(self.tr("Sao chép thông tin"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(760, 560)

    def _trust_text(self) -> str:
        info = self.info
        if info.role == "inspection":
            return self.tr("Đợt thẩm định chỉ nhận hồ sơ lập theo đúng bộ tiêu chí này (so khớp mã băm).")
        if info.framework_trust == "signed":
            return self.tr("Có chữ ký của tỉnh, đã xác minh (người ký: {signer}).").format(signer=info.framework_signer)
        if info.framework_trust == "sample":
            return self.tr("Bộ tiêu chí MẪU đi kèm ứng dụng, không có chữ ký: không phải bộ tiêu chí chính thức.")
        return self.tr("Chưa có chữ ký của tỉnh, chưa được xác minh.")

    def details(self) -> str:
        """Plain text for a support request."""
        info = self.info
        return "\n".join([
            f"CCHC Desktop {__version__}",
            f"workspace: {info.folder}",
            f"role: {info.role}",
            f"framework: {info.framework_title} ({info.framework_year}) {info.framework_sha256}",
            f"framework trust: {info.framework_trust or '-'} {info.framework_signer}".rstrip(),
            self.versions.text(),
            platform.platform(),
        ])

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details())
