"""The criteria tree of one agency under review: max, self points, appraised points, status.

A thin adapter over the framework tree and a core `AgencyReview`.  The tree's shape is the
framework's and never changes, so switching agency or saving an appraisal only swaps the review
and repaints the score columns (no model reset: the selection and the expanded state stay).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from ...core.framework.codes import display_code
from ...core.framework.model import Framework, Item
from ...core.scoring.appraisal import appraised_leaf
from ...core.services.review_view import AGREED, CHANGED, OPTIONAL, REBUTTED, SCORED, SURVEY, TODO, AgencyReview
from ..signals import emit
from .dashboard_model import number_cell

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
ADJUSTMENTS_KEY = "__adjustments__"
COL_CODE, COL_TITLE, COL_MAX, COL_SELF, COL_APPRAISED, COL_STATUS = range(6)

Index = QModelIndex | QPersistentModelIndex

STATE_COLOURS = {
    TODO: "#9e9e9e",
    AGREED: "#1b7f3b",
    SCORED: "#00695c",
    CHANGED: "#d35400",
    REBUTTED: "#6a1b9a",
    SURVEY: "#607d8b",
    OPTIONAL: "#bdbdbd",
}
_icons: dict[str, QIcon] = {}


def state_icon(state: str) -> QIcon:
    """A small disc in the state's colour (hollow while there is work to do): readable at a glance."""
    icon = _icons.get(state)
    if icon is None:
        pix = QPixmap(12, 12)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(STATE_COLOURS.get(state, "#9e9e9e"))
        p.setPen(colour)
        if state in (TODO, REBUTTED, OPTIONAL):
            p.setBrush(Qt.BrushStyle.NoBrush)
        else:
            p.setBrush(colour)
        p.drawEllipse(1, 1, 10, 10)
        p.end()
        icon = _icons[state] = QIcon(pix)
    return icon


class _Node:
    __slots__ = ("item", "key", "title", "parent", "children", "row")

    def __init__(self, item: Item | None, key: str, title: str, parent: _Node | None, row: int) -> None:
        self.item, self.key, self.title, self.parent, self.row = item, key, title, parent, row
        self.children: list[_Node] = []


class ReviewTreeModel(QAbstractItemModel):
    def __init__(self, framework: Framework, parent: Any = None) -> None:
        super().__init__(parent)
        self.framework = framework
        self.review: AgencyReview | None = None
        self.lang = "vi"
        self.headers = (self.tr("Mã"), self.tr("Tiêu chí"), self.tr("Tối đa"), self.tr("Tự chấm"),
                        self.tr("Thẩm định"), self.tr("Trạng thái"))
        self._root = _Node(None, "", "", None, 0)
        self._by_key: dict[str, _Node] = {}
        for f in framework.fields:
            self._add(f, self._root)
        if framework.adjustments:
            adj = _Node(None, ADJUSTMENTS_KEY, self.tr("Điểm thưởng, điểm trừ"), self._root, len(self._root.children))
            self._root.children.append(adj)
            self._by_key[ADJUSTMENTS_KEY] = adj
            for a in framework.adjustments:
                self._add(a, adj)
        self._progress: dict[str, tuple[int, int]] = {}

    def _add(self, item: Item, parent: _Node) -> None:
        node = _Node(item, item.code, item.title, parent, len(parent.children))
        parent.children.append(node)
        self._by_key[item.code] = node
        for c in item.children:
            self._add(c, node)

    def leaf_codes(self) -> list[str]:
        """Every leaf in tree order (fields, then bonus and penalty)."""
        return [i.code for i in self.framework.leaves()]

    # -- the review -----------------------------------------------------------------------------

    def set_review(self, review: AgencyReview | None) -> None:
        """Show another agency (or the same one after an appraisal): repaint the score columns."""
        self.review = review
        self._progress = {}
        if review is not None:
            for node in self._by_key.values():
                if node.item is None or node.item.is_leaf:
                    continue
                states = [review.leaves[i.code].state for i in node.item.leaves() if i.code in review.leaves]
                work = [s for s in states if s in (TODO, REBUTTED, AGREED, CHANGED, SCORED)]
                self._progress[node.key] = (sum(1 for s in work if s in (AGREED, CHANGED, SCORED)), len(work))
        if self._root.children:
            last = self._root.children[-1]
            emit(self.dataChanged, self.index(0, COL_SELF), self.createIndex(last.row, COL_STATUS, last))
            for node in self._by_key.values():  # children of every inner node too
                if node.children:
                    first, end = node.children[0], node.children[-1]
                    emit(self.dataChanged, self.createIndex(first.row, COL_SELF, first),
                         self.createIndex(end.row, COL_STATUS, end))

    def state(self, code: str) -> str:
        if self.review is None or code not in self.review.leaves:
            return ""
        return self.review.leaves[code].state

    # -- structure ----------------------------------------------------------------------------

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root  # type: ignore[return-value]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(self.headers):
            return QModelIndex()
        p = self._node(parent)
        if row < 0 or row >= len(p.children):
            return QModelIndex()
        return self.createIndex(row, column, p.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        p = self._node(index).parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def index_of(self, key: str, column: int = 0) -> QModelIndex:
        node = self._by_key.get(key)
        return QModelIndex() if node is None else self.createIndex(node.row, column, node)

    def field_of(self, index: Index) -> str:
        """The key of the top-level row (field code, or the bonus/penalty group) above `index`."""
        node = self._node(index)
        while node.parent is not None and node.parent is not self._root:
            node = node.parent
        return node.key

    # -- data ---------------------------------------------------------------------------------

    def state_names(self) -> dict[str, str]:
        return {
            TODO: self.tr("Chưa thẩm định"),
            AGREED: self.tr("Đồng ý"),
            SCORED: self.tr("Đã chấm"),
            CHANGED: self.tr("Điều chỉnh"),
            REBUTTED: self.tr("Có giải trình"),
            SURVEY: self.tr("Điều tra XHH"),
            OPTIONAL: self.tr("Không kê khai"),
        }

    def _self_text(self, item: Item) -> str:
        r = self.review
        if r is None:
            return ""
        if not item.is_leaf:
            node = r.self_sheet.nodes.get(item.code)
            return number_cell(node.points, self.lang) if node is not None else ""
        leaf = r.leaves.get(item.code)
        if leaf is None or leaf.state == SURVEY or (item.rule is not None and item.rule.kind == "council"):
            return "—"
        if leaf.self_result.excluded:
            return self.tr("KAD")
        return "" if leaf.self_result.points is None else number_cell(leaf.self_result.points, self.lang)

    def _appraised_text(self, item: Item) -> str:
        r = self.review
        if r is None:
            return ""
        node = r.final_sheet.nodes.get(item.code)
        if not item.is_leaf:
            return number_cell(node.points, self.lang) if node is not None else ""
        leaf = r.leaves.get(item.code)
        if leaf is None:
            return ""
        if leaf.state == SURVEY:
            return number_cell(node.points, self.lang) if node is not None and node.assessable_max else "—"
        if leaf.appraisal is None:
            return ""
        result = appraised_leaf(item, leaf.appraisal)
        return self.tr("KAD") if result.excluded else number_cell(result.points, self.lang)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        item, col = node.item, index.column()
        if role == CODE_ROLE:
            return node.key
        if role == STATE_ROLE:
            return self.state(node.key) if item is not None and item.is_leaf else ""
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_CODE:
                return display_code(item.code) if item is not None else ""
            if col == COL_TITLE:
                return node.title
            if item is None:
                return ""
            if col == COL_MAX:
                return number_cell(item.max_points, self.lang)
            if col == COL_SELF:
                return self._self_text(item)
            if col == COL_APPRAISED:
                return self._appraised_text(item)
            if col == COL_STATUS:
                if not item.is_leaf:
                    done, total = self._progress.get(node.key, (0, 0))
                    return f"{done}/{total}" if total else ""
                return self.state_names().get(self.state(item.code), "")
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATUS and item is not None and item.is_leaf:
            state = self.state(item.code)
            return state_icon(state) if state else None
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS and item is not None:
            if item.is_leaf:
                return QBrush(QColor(STATE_COLOURS.get(self.state(item.code), "#000000")))
            done, total = self._progress.get(node.key, (0, 0))
            return QBrush(QColor("#1b7f3b" if total and done == total else "#555555"))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_APPRAISED and item is not None and item.is_leaf:
            if self.state(item.code) == CHANGED:
                return QBrush(QColor(STATE_COLOURS[CHANGED]))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TITLE:
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_SELF, COL_APPRAISED) and index.data() == self.tr("KAD"):
            return self.tr("Không áp dụng")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_MAX, COL_SELF, COL_APPRAISED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.parent is self._root:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ReviewerFilter(QSortFilterProxyModel):
    """Only the fields of the chosen reviewer (None: every field, bonus and penalty included)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._fields: frozenset[str] | None = None

    @property
    def fields(self) -> frozenset[str] | None:
        return self._fields

    def set_fields(self, fields: frozenset[str] | None) -> None:
        self.beginFilterChange()
        self._fields = fields
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._fields is None or source_parent.isValid():
            return True  # below an accepted field everything is shown
        key = self.sourceModel().index(source_row, 0, source_parent).data(CODE_ROLE)
        return key in self._fields

    def visible_leaves(self) -> list[str]:
        """Leaf codes in the order the view shows them."""
        out: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for r in range(self.rowCount(parent)):
                idx = self.index(r, 0, parent)
                if self.rowCount(idx):
                    walk(idx)
                else:
                    code = idx.data(CODE_ROLE)
                    if code and code != ADJUSTMENTS_KEY:
                        out.append(code)

        walk(QModelIndex())
        return out
