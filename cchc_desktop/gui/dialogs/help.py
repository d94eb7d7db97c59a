"""Help: the user guides (resources/help/*.md, the only copy; docs/ points to them), shown in the
application from the files it ships with, so they work offline; and the "Trợ giúp" menu.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.paths import resources_dir
from ..resources import current_language

GUIDES = {"agency": "huong-dan-co-quan.md", "inspection": "huong-dan-hoi-dong.md"}
MAX_IMAGE_WIDTH = 820  # screenshots are 1366 px wide: shrink them to the page


def help_dir() -> Path:
    return resources_dir() / "help"


def guide_path(role: str) -> Path:
    return help_dir() / GUIDES.get(role, GUIDES["agency"])


class GuideBrowser(QTextBrowser):
    """Renders a Markdown guide; pictures are scaled down to the width of the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        self.setProperty("data", True)  # document content, in Vietnamese only (not interface text)

    def loadResource(self, kind: int, name: QUrl) -> Any:
        data = super().loadResource(kind, name)
        if int(getattr(kind, "value", kind)) == QTextDocument.ResourceType.ImageResource.value and data is not None:
            image = data if isinstance(data, QImage) else QImage.fromData(data)
            if not image.isNull() and image.width() > MAX_IMAGE_WIDTH:
                return image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            return image
        return data


class HelpDialog(QDialog):
    def __init__(self, role: str = "agency", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng — CCHC Desktop"))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Hướng dẫn:"), self))
        self.choice = QComboBox(self)
        self.choice.addItem(self.tr("Cơ quan tự đánh giá"), "agency")
        self.choice.addItem(self.tr("Hội đồng thẩm định"), "inspection")
        self.choice.setCurrentIndex(1 if role == "inspection" else 0)
        self.choice.currentIndexChanged.connect(lambda _i: self.show_guide(self.choice.currentData()))
        row.addWidget(self.choice)
        row.addStretch(1)
        lay.addLayout(row)
        self.language_note = QLabel(self.tr("Hướng dẫn sử dụng hiện chỉ có bằng tiếng Việt."), self)
        self.language_note.setVisible(current_language() != "vi")
        lay.addWidget(self.language_note)
        self.browser = GuideBrowser(self)
        lay.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(900, 700)
        self.show_guide(self.choice.currentData())

    def show_guide(self, role: str) -> None:
        path = guide_path(role)
        if path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        else:
            self.browser.setPlainText(self.tr("Không tìm thấy tệp hướng dẫn “{path}”.").format(path=path))


def add_help_menu(window: QMainWindow, role: str, about_info: Callable[[], Any]) -> None:
    """The "Trợ giúp" menu of a main window: the user guide, and About."""
    from .about import AboutDialog

    def show_help() -> None:
        dlg = HelpDialog(role, window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()  # not modal: the guide stays open beside the work

    def show_about() -> None:
        AboutDialog(about_info(), window).exec()

    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "Trợ &giúp"))
    window.help_action = menu.addAction(QCoreApplication.translate("HelpMenu", "Hướng dẫn sử dụng"))  # type: ignore[attr-defined]
    window.help_action.setShortcut("F1")  # type: ignore[attr-defined]
    window.help_action.triggered.connect(show_help)  # type: ignore[attr-defined]
    window.about_action = menu.addAction(QCoreApplication.translate("HelpMenu", "Giới thiệu CCHC Desktop"))  # type: ignore[attr-defined]
    window.about_action.triggered.connect(show_about)  # type: ignore[attr-defined]
