"""What changed between an agency's previous submission and its latest one (submission_diff)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.framework.model import Framework
from ...core.services.review_view import AgencyReview, package_answer_text
from ..signals import emit


class SubmissionDiffDialog(QDialog):
    item_chosen = Signal(str)  # double-click / Enter on a row: show that item in the review window

    def __init__(self, framework: Framework, changes: list[Any], review: AgencyReview, lang: str = "vi",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("So sánh với lần nộp trước — {code}").format(code=review.code))
        self.resize(980, 520)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Lần nộp {new} so với lần nộp {old}: {n} tiêu chí thay đổi. "
                                     "Nhấn đúp (hoặc Enter) để xem tiêu chí trong cửa sổ thẩm định.").format(
            new=review.sequence, old=review.sequence - 1, n=len(changes)), self))
        self.table = QTableWidget(len(changes), 4, self)
        self.table.setObjectName("diffTable")
        self.table.setHorizontalHeaderLabels([self.tr("Mã"), self.tr("Tiêu chí"), self.tr("Lần nộp trước"), self.tr("Lần nộp này")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, ch in enumerate(changes):
            item = framework.item(ch.code) if framework.has_item(ch.code) else None
            cells = [ch.code, item.title if item else "", self._text(item, ch.before, lang), self._text(item, ch.after, lang)]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, ch.code)
                self.table.setItem(row, col, cell)
        self.table.resizeColumnToContents(0)
        self.table.resizeRowsToContents()
        self.table.itemActivated.connect(lambda cell: emit(self.item_chosen, cell.data(Qt.ItemDataRole.UserRole)))
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _text(self, item: Any, answer: Any, lang: str) -> str:
        if answer is None:
            return self.tr("(không có)")
        parts = [package_answer_text(item, answer, lang) if item is not None else (answer.value_json or "")]
        if answer.note:
            parts.append(self.tr("Thuyết minh: {t}").format(t=answer.note))
        return "\n".join(p for p in parts if p) or self.tr("(chưa nhập)")
