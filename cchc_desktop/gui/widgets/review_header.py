"""The top of the review window: which agency (PgDown/PgUp browse the list), which reviewer (the
tree then shows only that reviewer's fields), the comparison button and the agency's totals."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.services.inspection_setup import Reviewer
from ...core.services.review_view import AgencyReview
from ..models.dashboard_model import number_cell

ALL_FIELDS = ""  # the reviewer combo's "every field" line


class ReviewHeader(QWidget):
    def __init__(self, agencies: Iterable[tuple[str, str]], reviewers: Iterable[Reviewer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        top = QHBoxLayout()
        agency_label = QLabel(self.tr("Cơ &quan:"), self)
        self.agency_combo = QComboBox(self)
        self.agency_combo.setObjectName("agencyCombo")
        self.agency_combo.setProperty("data", True)  # agency codes and names
        self.agency_combo.setMinimumContentsLength(34)
        agency_label.setBuddy(self.agency_combo)
        for code, name in agencies:
            self.agency_combo.addItem(f"{code} — {name}", code)
        reviewer_label = QLabel(self.tr("&Người thẩm định:"), self)
        self.reviewer_combo = QComboBox(self)
        self.reviewer_combo.setObjectName("reviewerCombo")
        reviewer_label.setBuddy(self.reviewer_combo)
        self.reviewer_combo.addItem(self.tr("Tất cả lĩnh vực"), ALL_FIELDS)
        self._fields: dict[str, tuple[str, ...]] = {}
        for r in reviewers:
            self.reviewer_combo.addItem(f"{r.name} ({r.unit})" if r.unit else r.name, r.name)
            self._fields[r.name] = r.fields
        self.diff_button = QPushButton(self.tr("So sánh với lần nộp trước…"), self)
        for w in (agency_label, self.agency_combo, reviewer_label, self.reviewer_combo):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.diff_button)
        lay.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)

    def reviewer(self) -> str | None:
        return self.reviewer_combo.currentData() or None

    def reviewer_fields(self) -> frozenset[str] | None:
        """The chosen reviewer's field codes; None for every field (nobody chosen, or no field ticked)."""
        fields = self._fields.get(self.reviewer() or "", ())
        return frozenset(fields) if fields else None

    def show_summary(self, r: AgencyReview, done: int, total: int, differences: int, lang: str) -> None:
        if r.package_sha256 is None:
            self.summary.setText(self.tr("<b>{name}</b> chưa nộp hồ sơ: chưa có gì để thẩm định.").format(name=r.name))
            return
        sheet = r.final_sheet
        self.summary.setText(self.tr(
            "<b>{name}</b> — lần nộp {seq}, vòng {round} · Tự chấm: <b>{own}</b> điểm · Sau thẩm định: <b>{final}</b>/{max} "
            "= <b>{pct}%</b> {cat} · Đã thẩm định {done}/{total} · Khác biệt: {diff}").format(
            name=r.name, seq=r.sequence, round=r.round, own=number_cell(r.self_sheet.final_points, lang),
            final=number_cell(sheet.final_points, lang), max=number_cell(sheet.applicable_max, lang),
            pct=number_cell(sheet.percent, lang), cat=sheet.category.name if sheet.category is not None else "",
            done=done, total=total, diff=differences))
