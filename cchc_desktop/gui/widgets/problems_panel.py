"""The problems list: each row names the item; activating it jumps there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...core.services.snapshot import AgencySnapshot
from ..signals import emit

CODE_ROLE = Qt.ItemDataRole.UserRole + 3


class ProblemsPanel(QWidget):
    jump_to = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        lay.addWidget(self.list, 1)
        self.lang = "vi"

    def update_snapshot(self, snap: AgencySnapshot) -> None:
        problems = snap.score.problems
        self.list.clear()
        for p in problems:
            row = QListWidgetItem(p.en if self.lang == "en" else p.vi)
            row.setData(CODE_ROLE, p.code)
            self.list.addItem(row)
        if problems:
            self.summary.setText(
                self.tr("{n} vấn đề cần xử lý trước khi nộp. Nhấn Enter hoặc bấm đúp để đến tiêu chí.").format(n=len(problems))
            )
        else:
            self.summary.setText(self.tr("Không còn vấn đề nào. Có thể lập báo cáo và nộp hồ sơ."))

    def _activated(self, row: QListWidgetItem) -> None:
        emit(self.jump_to, str(row.data(CODE_ROLE)))
