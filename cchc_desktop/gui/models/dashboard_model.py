"""The council's dashboard as a table model: one row per agency of the round (`overview()` rows).

A thin adapter: the rows are the service's `AgencyOverview` records, shown as they are.  Numbers
sort as numbers (SORT_ROLE), the text filter ignores case and Vietnamese diacritics (FILTER_ROLE),
and the status filter compares the stable status code (STATUS_ROLE).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.framework.canonical import number_text
from ...core.framework.model import Framework
from ...core.services.inspection_records import (
    APPRAISED,
    FINAL,
    IN_APPRAISAL,
    NOT_SUBMITTED,
    REBUTTAL,
    SUBMITTED,
    AgencyOverview,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
FILTER_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex

(COL_CODE, COL_NAME, COL_STATUS, COL_SELF, COL_FINAL, COL_INDEX, COL_CATEGORY, COL_PROGRESS, COL_DIFF,
 COL_CONFLICTS) = range(10)
NUMERIC = (COL_SELF, COL_FINAL, COL_INDEX, COL_PROGRESS, COL_DIFF, COL_CONFLICTS)

STATUS_COLOURS = {
    NOT_SUBMITTED: "#8a8a8a",
    SUBMITTED: "#1565c0",
    IN_APPRAISAL: "#b26a00",
    APPRAISED: "#1b7f3b",
    REBUTTAL: "#6a1b9a",
    FINAL: "#0d47a1",
}


def fold(text: str) -> str:
    """Lower case without diacritics ("Hải Đông" -> "hai dong"): what a quick search should match."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def number_cell(d: Decimal | None, lang: str = "vi") -> str:
    """A decimal as the interface shows it: Vietnamese decimal comma, English point, "—" if none."""
    if d is None:
        return "—"
    text = number_text(d)
    return text if lang == "en" else text.replace(".", ",")


class DashboardModel(QAbstractTableModel):
    """Rows: `AgencyOverview` of every agency (expected or having submitted), as the service gives them."""

    def __init__(self, framework: Framework, parent: Any = None) -> None:
        super().__init__(parent)
        self.framework = framework
        self.lang = "vi"
        self.rows: list[AgencyOverview] = []
        self._folded: list[str] = []
        self.headers = (
            self.tr("Mã cơ quan"), self.tr("Tên cơ quan"), self.tr("Trạng thái"), self.tr("Tự chấm"),
            self.tr("Điểm thẩm định"), self.tr("Chỉ số (%)"), self.tr("Xếp loại"), self.tr("Tiến độ"),
            self.tr("Khác biệt"), self.tr("Xung đột"),
        )
        self.tips = (
            "", "", "", self.tr("Tổng điểm cơ quan tự chấm (tính lại theo bộ tiêu chí của đợt)"),
            self.tr("Điểm sau thẩm định: tự chấm, thay bằng điểm thẩm định và điểm điều tra xã hội học"),
            self.tr("Chỉ số CCHC = điểm thẩm định / điểm tối đa áp dụng × 100"),
            self.tr("Xếp loại theo ngưỡng của bộ tiêu chí"),
            self.tr("Số tiêu chí đã thẩm định / số tiêu chí phải thẩm định"),
            self.tr("Số tiêu chí có điểm thẩm định khác điểm tự chấm"),
            self.tr("Số xung đột thẩm định chưa giải quyết"),
        )

    def status_names(self) -> dict[str, str]:
        """Status code -> its name in the interface language (the service's STATUS_NAMES, translated here)."""
        return {
            NOT_SUBMITTED: self.tr("Chưa nộp"),
            SUBMITTED: self.tr("Đã nộp"),
            IN_APPRAISAL: self.tr("Đang thẩm định"),
            APPRAISED: self.tr("Đã thẩm định"),
            REBUTTAL: self.tr("Giải trình"),
            FINAL: self.tr("Kết quả cuối cùng"),
        }

    def set_rows(self, rows: list[AgencyOverview]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._folded = [fold(f"{r.code} {r.name}") for r in self.rows]
        self.endResetModel()

    def row_of(self, code: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.code == code), -1)

    # -- Qt -------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and self.tips[section]:
            return self.tips[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def category(self, r: AgencyOverview) -> str:
        if r.percent is None or not r.applicable_max:
            return ""
        cat = self.framework.category_for(r.percent)
        return cat.name if cat is not None else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == SORT_ROLE:
            return self._sort_value(r, col)
        if role == CODE_ROLE:
            return r.code
        if role == STATUS_ROLE:
            return r.status
        if role == FILTER_ROLE:
            return self._folded[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS:
                return QBrush(QColor(STATUS_COLOURS.get(r.status, "#000000")))
            if (col == COL_DIFF and r.disagreements) or (col == COL_CONFLICTS and r.open_conflicts):
                return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        return None

    def _text(self, r: AgencyOverview, col: int) -> str:
        lang = self.lang
        if col == COL_CODE:
            return r.code
        if col == COL_NAME:
            return r.name
        if col == COL_STATUS:
            name = self.status_names().get(r.status, r.status)
            return name + (self.tr(" (vòng 2)") if r.round == 2 and r.status != REBUTTAL else "")
        if r.package_sha256 is None:  # nothing submitted: no scores yet
            if col == COL_CONFLICTS:
                return str(r.open_conflicts) if r.open_conflicts else ""
            return "—" if col in (COL_SELF, COL_FINAL, COL_INDEX, COL_PROGRESS) else ""
        if col == COL_SELF:
            return number_cell(r.self_points, lang)
        if col == COL_FINAL:
            return number_cell(r.final_points, lang)
        if col == COL_INDEX:
            return number_cell(r.percent, lang)
        if col == COL_CATEGORY:
            return self.category(r)
        if col == COL_PROGRESS:
            return f"{r.appraised}/{r.to_appraise}"
        if col == COL_DIFF:
            return str(r.disagreements)
        if col == COL_CONFLICTS:
            return str(r.open_conflicts)
        return ""

    def _sort_value(self, r: AgencyOverview, col: int) -> Any:
        # No number yet (nothing submitted) sorts as -1: below every real number, together.
        def num(d: Decimal | None) -> float:
            return -1.0 if d is None else float(d)

        if col == COL_SELF:
            return num(r.self_points)
        if col == COL_FINAL:
            return num(r.final_points)
        if col == COL_INDEX:
            return num(r.percent)
        if col == COL_PROGRESS:
            return r.appraised / r.to_appraise if r.to_appraise and r.package_sha256 else -1.0
        if col == COL_DIFF:
            return float(r.disagreements) if r.package_sha256 else -1.0
        if col == COL_CONFLICTS:
            return float(r.open_conflicts)
        if col == COL_STATUS:
            from ...core.services.inspection_records import STATUSES

            return STATUSES.index(r.status) if r.status in STATUSES else len(STATUSES)
        if col == COL_CATEGORY:
            cats = [c.name for c in self.framework.categories]
            name = self.category(r)
            return cats.index(name) if name in cats else len(cats)
        return fold(self._text(r, col))

    def _tooltip(self, r: AgencyOverview, col: int) -> str | None:
        if col == COL_SELF and r.self_percent is not None:
            return self.tr("Tự chấm: {p} điểm = {pc}%").format(p=number_cell(r.self_points, self.lang),
                                                               pc=number_cell(r.self_percent, self.lang))
        if col == COL_FINAL and r.applicable_max is not None:
            return self.tr("{p} / {m} điểm tối đa áp dụng").format(p=number_cell(r.final_points, self.lang),
                                                                   m=number_cell(r.applicable_max, self.lang))
        if col == COL_STATUS and r.package_sha256 is None:
            return self.tr("Chưa nhận được hồ sơ của cơ quan này")
        if col == COL_STATUS and not r.surveyed:
            return self.tr("Chưa có điểm điều tra xã hội học")
        return None


class DashboardFilter(QSortFilterProxyModel):
    """Text filter on code and name (no case, no diacritics) and a status filter; numeric sort."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status = ""
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = fold(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        """A status code (inspection_records.STATUSES), or "" for every status."""
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._status and index.data(STATUS_ROLE) != self._status:
            return False
        return not self._text or self._text in (index.data(FILTER_ROLE) or "")

    def codes(self) -> list[str]:
        """The agency codes in the order the view shows them."""
        return [self.index(r, 0).data(CODE_ROLE) for r in range(self.rowCount())]
