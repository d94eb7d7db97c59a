"""The criteria tree as a Qt item model: a thin adapter over the core framework and a snapshot."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.framework.canonical import number_text
from ...core.framework.codes import display_code
from ...core.framework.model import Framework, Item, Scorer
from ...core.services.snapshot import AgencySnapshot
from ..signals import emit

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
ADJUSTMENTS_KEY = "__adjustments__"

Index = QModelIndex | QPersistentModelIndex


class _Node:
    __slots__ = ("item", "key", "title", "parent", "children", "row")

    def __init__(self, item: Item | None, key: str, title: str, parent: "_Node | None", row: int) -> None:
        self.item = item
        self.key = key
        self.title = title
        self.parent = parent
        self.children: list[_Node] = []
        self.row = row


class CriteriaTreeModel(QAbstractItemModel):
    COLUMNS = ("Mã", "Tiêu chí", "Tối đa", "Tự chấm", "Trạng thái")

    def __init__(self, framework: Framework, snapshot: AgencySnapshot, parent: Any = None) -> None:
        super().__init__(parent)
        self.framework = framework
        self.snapshot = snapshot
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
        self._problem_codes = {p.code for p in snapshot.score.problems}

    def _add(self, item: Item, parent: _Node) -> None:
        node = _Node(item, item.code, item.title, parent, len(parent.children))
        parent.children.append(node)
        self._by_key[item.code] = node
        for c in item.children:
            self._add(c, node)

    # -- structure ----------------------------------------------------------------------------

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root  # type: ignore[return-value]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(self.COLUMNS):
            return QModelIndex()
        p = self._node(parent)
        if row < 0 or row >= len(p.children):
            return QModelIndex()
        return self.createIndex(row, column, p.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        p = node.parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def index_of(self, key: str, column: int = 0) -> QModelIndex:
        node = self._by_key.get(key)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    # -- data ---------------------------------------------------------------------------------

    def _status(self, node: _Node) -> tuple[str, str]:
        """(text, colour) of the status column."""
        item = node.item
        if item is None:
            return "", ""
        score = self.snapshot.score.nodes.get(item.code)
        if not item.is_leaf:
            if score is None or score.to_answer == 0:
                return "", ""
            colour = "#1b7f3b" if score.complete else "#555555"
            return f"{score.answered}/{score.to_answer}", colour
        answer = self.snapshot.answers.get(item.code)
        if item.code in self._problem_codes:
            if answer is None or not answer.answered:
                return self.tr("Chưa nhập"), "#b26a00"
            return self.tr("Cần bổ sung"), "#c62828"
        if answer is not None and answer.not_applicable:
            return self.tr("Không áp dụng"), "#1b7f3b"
        if item.scorer is Scorer.COUNCIL:
            return self.tr("HĐTĐ chấm"), "#555555"
        if item.scorer is Scorer.SURVEY:
            return self.tr("Điều tra XHH"), "#555555"
        if answer is not None and answer.value is not None:
            return self.tr("Đã nhập"), "#1b7f3b"
        return "", ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        item, col = node.item, index.column()
        if role == CODE_ROLE:
            return node.key
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return display_code(item.code) if item is not None else ""
            if col == 1:
                return node.title
            if item is None:
                return ""
            score = self.snapshot.score.nodes.get(item.code)
            if col == 2:
                return number_text(item.max_points)
            if col == 3:
                if item.scorer in (Scorer.COUNCIL, Scorer.SURVEY):
                    return "—"
                if score is None:
                    return ""
                ans = self.snapshot.answers.get(item.code)
                if item.is_leaf and (ans is None or not ans.answered):
                    return ""
                return number_text(score.points)
            if col == 4:
                return self._status(node)[0]
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return node.title
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            colour = self._status(node)[1]
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and node.parent is self._root:
            font = QFont()
            font.setBold(True)
            return font
        return None

    # -- updates ------------------------------------------------------------------------------

    def update_snapshot(self, snapshot: AgencySnapshot, codes: frozenset[str] | None = None) -> None:
        """Refresh the score and status columns of changed items and their ancestors."""
        self.snapshot = snapshot
        old_problems = self._problem_codes
        self._problem_codes = {p.code for p in snapshot.score.problems}
        if codes is None:
            keys = set(self._by_key)
        else:
            keys = set(codes) | (old_problems ^ self._problem_codes)
        touched: set[str] = set()
        for key in keys:
            node = self._by_key.get(key)
            while node is not None and node is not self._root and node.key not in touched:
                touched.add(node.key)
                node = node.parent
        for key in touched:
            node = self._by_key[key]
            emit(self.dataChanged, self.createIndex(node.row, 2, node), self.createIndex(node.row, 4, node))
