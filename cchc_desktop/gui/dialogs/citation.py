"""The citation of an evidence document: type, number/symbol, date, issuer, excerpt, pages."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...core.errors import UserFacingError
from ...core.storage.records import Citation, parse_date
from ..resources import current_language

# Document types and numbers are data: cited as the documents write them (Vietnamese), in either
# interface language; the combo of types is marked as data for the translation check.
EXAMPLE_NUMBER_SYMBOL = "3604/QĐ-UBND"
DOC_TYPES = ["Quyết định", "Kế hoạch", "Báo cáo", "Công văn", "Thông báo", "Chỉ thị", "Biên bản", "Tờ trình", "Văn bản khác"]


class CitationDialog(QDialog):
    def __init__(self, parent: QWidget | None, file_name: str, current: Citation | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trích dẫn tài liệu kiểm chứng"))
        c = current or Citation()
        form = QFormLayout(self)
        form.addRow(self.tr("Tệp:"), QLabel(file_name, self))
        self.doc_type = QComboBox(self)
        self.doc_type.setEditable(True)
        self.doc_type.addItems(DOC_TYPES)
        self.doc_type.setCurrentText(c.doc_type or DOC_TYPES[0])
        self.doc_type.setProperty("data", True)
        self.number = QLineEdit(c.number_symbol, self)
        self.number.setPlaceholderText(self.tr("ví dụ {example}").format(example=EXAMPLE_NUMBER_SYMBOL))
        self.date = QLineEdit(self._show_date(c.issue_date), self)
        self.date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.issuer = QLineEdit(c.issuer, self)
        self.excerpt = QLineEdit(c.excerpt, self)
        self.excerpt.setPlaceholderText(self.tr("trích yếu nội dung"))
        self.pages = QLineEdit(self)
        self.pages.setPlaceholderText(self.tr("ví dụ: trang 2, mục II.1"))
        form.addRow(self.tr("Loại văn bản:"), self.doc_type)
        form.addRow(self.tr("Số, ký hiệu:"), self.number)
        form.addRow(self.tr("Ngày ban hành:"), self.date)
        form.addRow(self.tr("Cơ quan ban hành:"), self.issuer)
        form.addRow(self.tr("Trích yếu:"), self.excerpt)
        if current is None:
            form.addRow(self.tr("Trang/mục chứng minh:"), self.pages)
        else:
            self.pages.hide()
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đồng ý"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(480)

    @staticmethod
    def _show_date(iso: str) -> str:
        if not iso:
            return ""
        y, m, d = iso.split("-")
        return f"{d}/{m}/{y}"

    def accept(self) -> None:
        if self.date.text().strip():
            try:
                parse_date(self.date.text())
            except UserFacingError as exc:
                self.error.setText(exc.message(current_language()))
                self.date.setFocus()
                return
        super().accept()

    def result_citation(self) -> tuple[Citation, str]:
        return (
            Citation(self.doc_type.currentText(), self.number.text(), self.date.text(), self.issuer.text(), self.excerpt.text()),
            self.pages.text(),
        )
