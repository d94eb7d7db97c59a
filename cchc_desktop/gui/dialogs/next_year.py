"""Start the new year from the previous one: choose this year's framework (signed, or a sample)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...core.errors import UserFacingError
from ...core.services.framework_source import FrameworkChoice
from ..resources import current_language
from .framework_source import FrameworkSourceBox


class NextYearDialog(QDialog):
    def __init__(self, current_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bắt đầu năm mới từ năm trước"))
        self.current_year = current_year
        self.choice: FrameworkChoice | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Tạo kết quả tự đánh giá năm mới trong cùng không gian làm việc; năm {year} vẫn được giữ nguyên để xem lại.<br>"
                "Với các tiêu chí có <b>mã và tên giống năm trước</b>, thuyết minh và tài liệu kiểm chứng được mang sang "
                "và đánh dấu <b>“cần xác nhận”</b>. Kết quả chấm <b>không</b> mang sang."
            ).format(year=current_year),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.source = FrameworkSourceBox(self)
        lay.addWidget(self.source)
        self.error = QLabel(self)
        self.error.setObjectName("nextYearError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        lay.addWidget(self.error)
        self.source.message.connect(self.error.setText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Bắt đầu năm mới"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(640)

    def accept(self) -> None:
        try:
            choice = self.source.selected()
        except UserFacingError as exc:
            self.error.setText(exc.message(current_language()))
            return
        if choice.framework.year <= self.current_year:
            self.error.setText(
                self.tr("Bộ tiêu chí này dành cho năm {y}; năm mới phải sau năm {cur}.").format(
                    y=choice.framework.year, cur=self.current_year)
            )
            return
        self.choice = choice
        super().accept()
