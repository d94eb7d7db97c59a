"""Live totals: self-score, assessable maximum, percent, projected category, progress, package size."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from ...core.framework.canonical import number_text
from ...core.services.snapshot import AgencySnapshot
from .evidence_panel import human_size


class ScorePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.total = QLabel(self)
        self.total.setObjectName("totalScore")
        self.category = QLabel(self)
        self.category.setObjectName("projectedCategory")
        self.progress = QProgressBar(self)
        self.progress.setMinimumWidth(170)
        self.progress.setMaximumWidth(240)
        self.progress.setFormat(self.tr("Đã nhập %v/%m"))
        self.size = QLabel(self)
        self.size.setObjectName("packageSize")
        lay.addWidget(self.total)
        lay.addSpacing(16)
        lay.addWidget(self.category)
        lay.addStretch(1)
        lay.addWidget(self.progress)
        lay.addSpacing(16)
        lay.addWidget(self.size)
        self.setStyleSheet("QLabel#totalScore { font-size: 13pt; font-weight: bold; }")

    def update_snapshot(self, snap: AgencySnapshot) -> None:
        s = snap.score
        self.total.setText(
            self.tr("Tự chấm: {p} / {mx} điểm ({pct}%)").format(
                p=number_text(s.final_points), mx=number_text(s.assessable_max), pct=s.percent
            )
        )
        self.total.setToolTip(
            self.tr(
                "Điểm tối đa của bộ tiêu chí: {total}; áp dụng cho cơ quan: {app}; cơ quan tự chấm được: {ass} "
                "(phần còn lại do Hội đồng thẩm định và điều tra xã hội học chấm).\nĐiểm thưởng {b}, điểm trừ {pen}."
            ).format(
                total=number_text(s.max_points),
                app=number_text(s.applicable_max),
                ass=number_text(s.assessable_max),
                b=number_text(s.bonus),
                pen=number_text(s.penalty),
            )
        )
        # No projection before anything is entered: "Yếu" at 0/71 would only alarm.
        cat = s.category.name if s.category and s.answered else "—"
        self.category.setText(self.tr("Xếp loại dự kiến: <b>{c}</b>").format(c=cat))
        self.progress.setMaximum(max(s.to_answer, 1))
        self.progress.setValue(s.answered)
        over = snap.evidence_bytes > 25 * 1024 * 1024
        self.size.setText(
            self.tr("Tài liệu: {size}").format(size=human_size(snap.evidence_bytes))
            + (self.tr(" — quá 25 MB, khó gửi qua thư điện tử") if over else "")
        )
        self.size.setStyleSheet("color: #c62828;" if over else "")
