"""Showing errors: user-facing ones plainly, bugs with details to copy (each traceback once)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.errors import UserFacingError

_seen_tracebacks: set[str] = set()


def message_of(exc: BaseException, lang: str = "vi") -> str:
    if isinstance(exc, UserFacingError):
        return exc.message(lang)
    return str(exc)


def show_error(parent: QWidget | None, exc: BaseException, tb: str = "", lang: str = "vi") -> None:
    if isinstance(exc, UserFacingError):
        QMessageBox.warning(parent, QApplication.translate("errors", "Không thực hiện được"), exc.message(lang))
        return
    if tb in _seen_tracebacks:
        return
    _seen_tracebacks.add(tb)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("errors", "Lỗi phần mềm"))
    box.setText(
        QApplication.translate(
            "errors",
            "Đã xảy ra lỗi không mong đợi. Dữ liệu đã lưu trước đó vẫn an toàn.\n"
            "Hãy gửi phần “Chi tiết” cho bộ phận hỗ trợ.",
        )
    )
    box.setDetailedText(f"{type(exc).__name__}: {exc}\n\n{tb}")
    copy = box.addButton(QApplication.translate("errors", "Sao chép chi tiết"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close).setText(QApplication.translate("errors", "Đóng"))
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(box.detailedText())
