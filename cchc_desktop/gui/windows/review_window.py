"""The council's review window: one agency's criteria tree, what it submitted per item, and the
appraisal editor, driven from the keyboard.

Keys: Ctrl+Enter saves and moves to the next item still to appraise; Ctrl+D accepts the self
points (and moves on); F8 / Shift+F8 next / previous item to appraise; F9 next disagreement;
Ctrl+Z / Ctrl+Y the service's undo and redo; PgDown / PgUp next / previous agency (the selected
criterion stays selected, so one criterion can be checked across every agency).

Appraising is one small transaction, so it runs synchronously (a few ms) and the screen is
redrawn from a fresh `load_review` of the one agency; long work never happens here.
"""

from __future__ import annotations


from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...core.framework.model import Item
from ...core.services.inspection import InspectionWorkspace
from ...core.services.review_view import SURVEY, AgencyReview, load_review, progress
from ..models.review_tree import ADJUSTMENTS_KEY, CODE_ROLE, ReviewerFilter, ReviewTreeModel
from ..signals import emit
from ..widgets.appraisal_editor import AppraisalEditor
from ..widgets.review_actions import ReviewActions
from ..widgets.review_header import ALL_FIELDS, ReviewHeader
from ..widgets.review_item import ItemDetails


class ReviewWindow(ReviewActions, QMainWindow):
    changed = Signal(str)  # agency code whose appraisals changed (the dashboard refreshes)

    def __init__(self, workspace: InspectionWorkspace, agencies: list[str], code: str, lang: str = "vi",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.lang = lang
        self.agencies = list(agencies) or [code]
        self.review: AgencyReview | None = None
        self.setWindowTitle(self.tr("Thẩm định hồ sơ — {fw}").format(fw=workspace.framework.title))
        self.resize(1366, 740)

        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.setSpacing(3)
        names = {a.code: a.name for a in workspace.agencies()}
        self.header = ReviewHeader([(c, names.get(c, c)) for c in self.agencies], workspace.reviewers(), central)
        self.agency_combo, self.reviewer_combo = self.header.agency_combo, self.header.reviewer_combo
        self.diff_button, self.summary = self.header.diff_button, self.header.summary
        self.agency_combo.currentIndexChanged.connect(lambda i: self.set_agency(self.agency_combo.itemData(i)))
        self.reviewer_combo.currentIndexChanged.connect(self._reviewer_changed)
        lay.addWidget(self.header)

        self.model = ReviewTreeModel(workspace.framework, self)
        self.model.lang = lang
        self.proxy = ReviewerFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView(central)
        self.tree.setObjectName("reviewTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIndentation(12)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 92), (2, 44), (3, 58), (4, 70), (5, 112)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(lambda _i: self.editor.focus_points())

        self.details = ItemDetails(workspace.evidence_path, central)
        self.details.lang = lang
        self.editor = AppraisalEditor(central)
        self.editor.lang = lang
        right = QWidget(central)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.setSpacing(2)
        right_lay.addWidget(self.details, 1)
        right_lay.addWidget(self.editor)  # outside the scroll area: the buttons never scroll away
        split = QSplitter(Qt.Orientation.Horizontal, central)
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([640, 720])
        lay.addWidget(split, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self.editor.save_requested.connect(self.save_and_next)
        self.editor.accept_requested.connect(self.accept_self)
        self.editor.clear_requested.connect(self.clear)
        self.diff_button.clicked.connect(self.show_diff)
        self.keys_hint = QLabel(self.tr("Ctrl+Enter: lưu và sang tiêu chí tiếp · Ctrl+D: đồng ý · F8: chưa thẩm định · "
                                        "F9: khác biệt · PgDn/PgUp: cơ quan sau/trước"), self)
        self.keys_hint.setStyleSheet("color: #555;")
        self.statusBar().addPermanentWidget(self.keys_hint)
        self.show_agency(code)

    # -- agency ---------------------------------------------------------------------------------

    @property
    def agency_code(self) -> str:
        return self.review.code if self.review is not None else ""

    def show_agency(self, code: str) -> None:
        """Select `code` in the agency list (which loads it)."""
        n = self.agency_combo.findData(code)
        if n < 0:
            self.agency_combo.addItem(code, code)
            self.agencies.append(code)
            n = self.agency_combo.count() - 1
        if n == self.agency_combo.currentIndex() and self.review is not None and self.review.code == code:
            return
        self.agency_combo.setCurrentIndex(n)
        if self.review is None or self.review.code != code:
            self.set_agency(code)

    def set_agency(self, code: str) -> None:
        keep = self.current_item()
        self.review = load_review(self.ws, code)
        self.model.set_review(self.review)
        self._show_summary()
        self._update_actions()
        item = keep or self._first_to_appraise()
        if item is not None:
            self.select_item(item.code)
        self.statusBar().showMessage(self.tr("Cơ quan {code} — {name}").format(code=code, name=self.review.name), 4000)

    def step_agency(self, step: int) -> None:
        n = self.agency_combo.currentIndex() + step
        if 0 <= n < self.agency_combo.count():
            self.agency_combo.setCurrentIndex(n)

    def _reload(self) -> None:
        """The same agency after a change: fresh numbers, same selection."""
        if self.review is None:
            return
        self.review = load_review(self.ws, self.review.code)
        self.model.set_review(self.review)
        self._show_summary()
        self._update_actions()
        self._show_current()
        emit(self.changed, self.review.code)

    def _show_summary(self) -> None:
        if self.review is not None:
            done, total = progress(self.ws.framework, self.review)
            self.header.show_summary(self.review, done, total, len(self.review.disagreements(self.model.leaf_codes())), self.lang)

    # -- reviewer -------------------------------------------------------------------------------

    @property
    def reviewer(self) -> str | None:
        return self.header.reviewer()

    def set_reviewer(self, name: str | None) -> None:
        n = self.reviewer_combo.findData(name or ALL_FIELDS)
        if n >= 0:
            self.reviewer_combo.setCurrentIndex(n)

    def _reviewer_changed(self, _n: int) -> None:
        self.proxy.set_fields(self.header.reviewer_fields())
        self.tree.expandAll()
        current = self.current_item()
        if current is None or current.code not in self.proxy.visible_leaves():
            first = self._first_to_appraise()
            if first is not None:
                self.select_item(first.code)
        who = self.reviewer
        self.statusBar().showMessage(
            self.tr("Người thẩm định: {who}. Điểm lưu từ giờ ghi tên người này.").format(who=who) if who
            else self.tr("Hiện mọi lĩnh vực."), 5000)

    # -- selection ------------------------------------------------------------------------------

    def current_item(self) -> Item | None:
        idx = self.tree.currentIndex()
        key = idx.data(CODE_ROLE) if idx.isValid() else None
        return self.ws.framework.item(key) if key and key != ADJUSTMENTS_KEY else None

    def select_item(self, code: str) -> bool:
        index = self.proxy.mapFromSource(self.model.index_of(code))
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self._show_current()
        return True

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _show_current(self) -> None:
        item, r = self.current_item(), self.review
        self.details.show_item(item, r)
        if item is None or r is None or not item.is_leaf or r.package_sha256 is None:
            self.editor.load(None, None, "", False, "")
            self.editor.setEnabled(False)
            return
        leaf = r.leaves[item.code]
        if leaf.state == SURVEY:
            self.editor.load(None, None, "", False, self.tr("Điểm điều tra xã hội học được nhập từ tệp Excel: Đợt đánh giá › Điểm điều tra xã hội học…"))
            self.editor.setEnabled(False)
            return
        self.editor.setEnabled(True)
        self.editor.load_leaf(item, leaf, r.round)

    def _first_to_appraise(self) -> Item | None:
        order = self.proxy.visible_leaves()
        todo = self.review.unreviewed(order) if self.review is not None else []
        code = (todo or order or [None])[0]
        return self.ws.framework.item(code) if code else None

    def _go(self, codes: list[str], step: int, none_left: str) -> bool:
        """Select the next (or previous) of `codes` after the current item, wrapping around."""
        if not codes:
            self.statusBar().showMessage(none_left, 6000)
            return False
        order = self.proxy.visible_leaves()
        current = self.current_item()
        pos = order.index(current.code) if current is not None and current.code in order else -1
        if step > 0:
            later = [c for c in codes if order.index(c) > pos]
            target = (later or codes)[0]
        else:
            earlier = [c for c in codes if order.index(c) < pos] if pos >= 0 else []
            target = (earlier or codes)[-1]
        self.select_item(target)
        self.editor.focus_points()
        return True

    def go_unreviewed(self, step: int = 1) -> bool:
        order = self.proxy.visible_leaves()
        todo = self.review.unreviewed(order) if self.review is not None else []
        return self._go(todo, step, self.tr("Đã thẩm định hết các tiêu chí của cơ quan này. PgDn: sang cơ quan sau."))

    def go_disagreement(self) -> bool:
        order = self.proxy.visible_leaves()
        codes = self.review.disagreements(order) if self.review is not None else []
        return self._go(codes, 1, self.tr("Không có tiêu chí nào có điểm thẩm định khác điểm tự chấm."))

    # -- the previous submission ----------------------------------------------------------------

    def show_diff(self) -> None:
        if self.review is None or self.review.submissions < 2:
            self.statusBar().showMessage(self.tr("Cơ quan này mới nộp một lần: không có lần nộp trước để so sánh."), 5000)
            return
        from ..widgets.submission_diff import SubmissionDiffDialog

        dlg = SubmissionDiffDialog(self.ws.framework, self.ws.submission_diff(self.agency_code), self.review, self.lang, self)
        dlg.item_chosen.connect(self.select_item)
        dlg.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.review is not None:
            emit(self.changed, self.review.code)
        super().closeEvent(event)
