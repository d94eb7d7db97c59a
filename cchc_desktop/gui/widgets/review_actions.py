"""The review window's actions and the appraisal operations behind them (kept apart from the
window's layout and navigation to keep modules small).

Every operation is the service's (appraise, accept_self, clear_appraisal, undo, redo); a refusal
comes back as the service's message, shown inline by the editor.  Texts keep the window's
translation context ("ReviewWindow").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from ...core.errors import UserFacingError
from ...core.framework.model import Item
from ..signals import emit


class ReviewActions:
    """Mixed into ReviewWindow (which provides the tree, the editor, the workspace and navigation)."""

    ws: Any
    editor: Any
    review: Any
    lang: str

    # -- actions --------------------------------------------------------------------------------

    def _action(self, text: str, keys: list[str], slot: Any) -> QAction:
        a = QAction(text, self)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        self.save_action = self._action(QCoreApplication.translate("ReviewWindow", "&Lưu và sang tiêu chí tiếp"), ["Ctrl+Return", "Ctrl+Enter"], self.save_and_next)
        self.accept_action = self._action(QCoreApplication.translate("ReviewWindow", "Đồng ý điểm &tự chấm"), ["Ctrl+D"], self.accept_self)
        self.clear_action = self._action(QCoreApplication.translate("ReviewWindow", "&Xóa thẩm định"), [], self.clear)
        self.next_action = self._action(QCoreApplication.translate("ReviewWindow", "Tiêu chí &chưa thẩm định tiếp theo"), ["F8"], lambda: self.go_unreviewed(1))
        self.prev_action = self._action(QCoreApplication.translate("ReviewWindow", "Tiêu chí chưa thẩm định t&rước"), ["Shift+F8"], lambda: self.go_unreviewed(-1))
        self.diff_next_action = self._action(QCoreApplication.translate("ReviewWindow", "Tiêu chí &khác biệt tiếp theo"), ["F9"], self.go_disagreement)
        self.undo_action = self._action(QCoreApplication.translate("ReviewWindow", "&Hoàn tác"), ["Ctrl+Z"], self.undo)
        self.redo_action = self._action(QCoreApplication.translate("ReviewWindow", "Là&m lại"), ["Ctrl+Y", "Ctrl+Shift+Z"], self.redo)
        self.next_agency_action = self._action(QCoreApplication.translate("ReviewWindow", "Cơ quan &sau"), ["PgDown"], lambda: self.step_agency(1))
        self.prev_agency_action = self._action(QCoreApplication.translate("ReviewWindow", "Cơ quan &trước"), ["PgUp"], lambda: self.step_agency(-1))
        self.diff_action = self._action(QCoreApplication.translate("ReviewWindow", "So sánh &với lần nộp trước…"), ["Ctrl+K"], self.show_diff)
        self.close_action = self._action(QCoreApplication.translate("ReviewWindow", "Đó&ng cửa sổ"), ["Ctrl+W"], self.close)
        menu = self.menuBar().addMenu(QCoreApplication.translate("ReviewWindow", "&Thẩm định"))
        for a in (self.save_action, self.accept_action, self.clear_action, None, self.next_action, self.prev_action,
                  self.diff_next_action, None, self.undo_action, self.redo_action, None, self.close_action):
            menu.addSeparator() if a is None else menu.addAction(a)
        agency_menu = self.menuBar().addMenu(QCoreApplication.translate("ReviewWindow", "&Cơ quan"))
        for a in (self.next_agency_action, self.prev_agency_action, self.diff_action):
            agency_menu.addAction(a)
        self.editor.pass_keys_to([self.save_action, self.accept_action, self.next_action, self.prev_action,
                                  self.diff_next_action, self.undo_action, self.redo_action, self.next_agency_action,
                                  self.prev_agency_action], undo=self.undo_action, redo=self.redo_action)

    def _update_actions(self) -> None:
        self.undo_action.setEnabled(self.ws.can_undo())
        self.redo_action.setEnabled(self.ws.can_redo())
        n = self.agency_combo.currentIndex()
        self.next_agency_action.setEnabled(n < self.agency_combo.count() - 1)
        self.prev_agency_action.setEnabled(n > 0)
        has_diff = self.review is not None and self.review.submissions > 1
        self.diff_action.setEnabled(has_diff)
        self.diff_button.setVisible(has_diff)

    # -- appraising -----------------------------------------------------------------------------

    def _leaf(self) -> Item | None:
        item = self.current_item()
        if item is None or not item.is_leaf or self.review is None or self.review.package_sha256 is None:
            self.statusBar().showMessage(QCoreApplication.translate("ReviewWindow", "Hãy chọn một tiêu chí (dòng không có mục con) để thẩm định."), 5000)
            return None
        return item

    def _refused(self, exc: UserFacingError) -> None:
        text = exc.message(self.lang)
        self.editor.show_error(text)
        self.statusBar().showMessage(QCoreApplication.translate("ReviewWindow", "Chưa lưu: {reason}").format(reason=text.splitlines()[0]), 8000)

    def save(self) -> bool:
        item = self._leaf()
        if item is None:
            return False
        points, reason, na = self.editor.values()
        try:
            self.ws.appraise(self.agency_code, item.code, None if na or not points else points, reason, na, self.reviewer)
        except UserFacingError as exc:
            self._refused(exc)
            return False
        self._reload()
        self.statusBar().showMessage(QCoreApplication.translate("ReviewWindow", "Đã lưu điểm thẩm định tiêu chí {code}.").format(code=item.code), 5000)
        return True

    def save_and_next(self) -> None:
        if self.save():
            self._after_saved()

    def _after_saved(self) -> None:
        order = self.proxy.visible_leaves()
        if self.review is not None and self.review.unreviewed(order):
            self.go_unreviewed(1)
        else:
            self.editor.focus_points()
            self.statusBar().showMessage(QCoreApplication.translate("ReviewWindow", "Đã lưu. Đã thẩm định hết các tiêu chí của cơ quan này; PgDn: sang cơ quan sau."), 8000)

    def accept_self(self) -> None:
        item = self._leaf()
        if item is None:
            return
        try:
            self.ws.accept_self(self.agency_code, item.code, self.reviewer)
        except UserFacingError as exc:
            self._refused(exc)
            return
        self._reload()
        self.statusBar().showMessage(QCoreApplication.translate("ReviewWindow", "Đã đồng ý điểm tự chấm tiêu chí {code}.").format(code=item.code), 5000)
        self._after_saved()

    def clear(self) -> None:
        item = self._leaf()
        if item is None:
            return
        self.ws.clear_appraisal(self.agency_code, item.code)
        self._reload()
        self.statusBar().showMessage(QCoreApplication.translate("ReviewWindow", "Đã xóa điểm thẩm định tiêu chí {code}.").format(code=item.code), 5000)

    def undo(self) -> None:
        self._undo_redo(self.ws.undo(), QCoreApplication.translate("ReviewWindow", "Đã hoàn tác thẩm định tiêu chí {item} của {agency}."))

    def redo(self) -> None:
        self._undo_redo(self.ws.redo(), QCoreApplication.translate("ReviewWindow", "Đã làm lại thẩm định tiêu chí {item} của {agency}."))

    def _undo_redo(self, step: Any, message: str) -> None:
        """Show where the undone (or redone) change was: its agency and item."""
        if step is None:
            self._update_actions()
            return
        if step.agency_code != self.agency_code:
            emit(self.changed, self.agency_code)
            self.show_agency(step.agency_code)
        self._reload()
        self.select_item(step.item_code)
        self.statusBar().showMessage(message.format(item=step.item_code, agency=step.agency_code), 6000)

