"""The appraisal editor of one leaf: points (or N/A), the reason, Save / Accept / Clear.

It validates nothing itself: the window passes what was typed to the service, and a refusal comes
back here as the service's own message, shown in red under the inputs (no modal box: the
appraiser corrects it and presses Ctrl+Enter again).

The council's keys (Ctrl+Enter, Ctrl+D, F8, F9, PgUp/PgDown, and Ctrl+Z/Ctrl+Y once the box has no
typing of its own to undo) must work while the cursor is in these boxes, where a line edit would
otherwise keep them (Ctrl+D deletes a character on Linux, Ctrl+Z undoes typing): the boxes hand
them to the window's actions.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.framework.model import Item
from ...core.scoring.appraisal import Appraisal, allowed_points
from ...core.services.review_view import LeafReview, date_text
from ..models.dashboard_model import number_cell


class AppraisalEditor(QGroupBox):
    save_requested = Signal()
    accept_requested = Signal()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Thẩm định"))
        self.lang = "vi"
        self.item: Item | None = None
        self._actions: list[QAction] = []
        self._undo: QAction | None = None
        self._redo: QAction | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 6)
        lay.setSpacing(4)
        row = QHBoxLayout()
        self.points_label = QLabel(self.tr("Đ&iểm thẩm định:"), self)
        row.addWidget(self.points_label)
        self.points = QLineEdit(self)
        self.points.setObjectName("appraisedPoints")
        self.points.setFixedWidth(90)
        self.points_label.setBuddy(self.points)
        row.addWidget(self.points)
        self.na = QCheckBox(self.tr("Không á&p dụng"), self)
        self.na.toggled.connect(lambda on: self.points.setEnabled(not on))
        row.addWidget(self.na)
        self.allowed = QLabel(self)
        self.allowed.setObjectName("allowedPoints")
        self.allowed.setStyleSheet("color: #555;")
        self.allowed.setWordWrap(True)
        row.addWidget(self.allowed, 1)
        lay.addLayout(row)
        self.reason_label = QLabel(self.tr("&Lý do (bắt buộc khi khác điểm tự chấm):"), self)
        lay.addWidget(self.reason_label)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("appraisalReason")
        self.reason.setPlaceholderText(self.tr("Lý do thẩm định, căn cứ tài liệu kiểm chứng…"))
        self.reason.setFixedHeight(58)
        self.reason.setTabChangesFocus(True)
        self.reason_label.setBuddy(self.reason)
        lay.addWidget(self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("appraisalError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        lay.addWidget(self.error)
        self.info = QLabel(self)
        self.info.setObjectName("appraisalInfo")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #555;")
        lay.addWidget(self.info)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+Enter)"), self)
        self.save_button.setDefault(True)
        self.accept_button = QPushButton(self.tr("Đồng ý điểm tự chấm (Ctrl+D)"), self)
        self.clear_button = QPushButton(self.tr("Xóa thẩm định"), self)
        for b in (self.save_button, self.accept_button, self.clear_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.save_button.clicked.connect(self.save_requested)
        self.accept_button.clicked.connect(self.accept_requested)
        self.clear_button.clicked.connect(self.clear_requested)
        self.points.returnPressed.connect(self.reason.setFocus)  # points, Enter, reason, Ctrl+Enter
        self.points.installEventFilter(self)
        self.reason.installEventFilter(self)

    # -- the window's keys ------------------------------------------------------------------------

    def pass_keys_to(self, actions: list[QAction], undo: QAction | None = None, redo: QAction | None = None) -> None:
        """Actions whose shortcuts must work even while typing in the points or reason box."""
        self._actions = actions
        self._undo, self._redo = undo, redo

    def _action_for(self, event: QKeyEvent, target: QObject) -> QAction | None:
        seq = QKeySequence(event.keyCombination())
        for action in self._actions:
            if not action.isEnabled() or not any(seq.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                                                 for s in action.shortcuts()):
                continue
            # The box's own typing is undone first; the service's undo once there is none left.
            if (action is self._undo and self._local_undo(target, redo=False)) or \
                    (action is self._redo and self._local_undo(target, redo=True)):
                return None
            return action
        return None

    @staticmethod
    def _local_undo(target: QObject, redo: bool) -> bool:
        if isinstance(target, QLineEdit):
            return target.isRedoAvailable() if redo else target.isUndoAvailable()
        if isinstance(target, QPlainTextEdit):
            doc = target.document()
            return doc.isRedoAvailable() if redo else doc.isUndoAvailable()
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            action = self._action_for(event, watched)
            if action is not None:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # deliver it as a key press to this box, handled just below
                else:
                    action.trigger()
                return True
        return super().eventFilter(watched, event)

    # -- content ---------------------------------------------------------------------------------

    def load(self, item: Item | None, appraisal: Appraisal | None, self_points_text: str, can_accept: bool,
             info: str) -> None:
        """Show the leaf's current appraisal (or an empty editor) and what may be entered."""
        self.item = item
        self.hide_error()
        enabled = item is not None
        for w in (self.points, self.reason, self.save_button, self.na):
            w.setEnabled(enabled)
        self.accept_button.setEnabled(enabled and can_accept)
        self.clear_button.setEnabled(enabled and appraisal is not None)
        self.na.setVisible(item is not None and item.na_mode is not None)
        self.na.setChecked(bool(appraisal and appraisal.not_applicable))
        self.points.setEnabled(enabled and not self.na.isChecked())
        points = "" if appraisal is None or appraisal.points is None else number_cell(appraisal.points, self.lang)
        self.points.setText(points)  # setText clears the box's undo history: Ctrl+Z goes to the service
        self.points.setPlaceholderText(self.tr("tự chấm: {p}").format(p=self_points_text) if self_points_text else "")
        self.reason.setPlainText(appraisal.reason if appraisal is not None else "")
        if item is None:
            self.allowed.setText("")
        else:
            allowed = allowed_points(item)
            self.allowed.setText(self.tr("Điểm hợp lệ: {v}").format(
                v=allowed.describe_en() if self.lang == "en" else allowed.describe_vi()))
        self.info.setText(info)
        self.info.setVisible(bool(info))

    def load_leaf(self, item: Item, leaf: LeafReview, agency_round: int) -> None:
        """Load a leaf under review: its appraisal, the self points as a hint, who appraised it when."""
        own = leaf.self_result
        own_text = self.tr("không áp dụng") if own.excluded else ("" if own.points is None else number_cell(own.points, self.lang))
        can_accept = item.rule is not None and item.rule.kind != "council" and (own.points is not None or own.excluded)
        a = leaf.appraisal
        info = ""
        if a is not None:
            at = f"{date_text(a.at[:10])} {a.at[11:16]}" if len(a.at) >= 16 else a.at
            info = self.tr("Thẩm định vòng {round}: {who}, {at}.").format(round=a.round, who=a.reviewer, at=at)
            if agency_round == 2 and a.round == 1:
                info += " " + self.tr("Cơ quan đã giải trình: lưu lại để thẩm định vòng 2.")
        self.load(item, a, own_text, can_accept, info)

    def values(self) -> tuple[str, str, bool]:
        """(points as typed, reason, not applicable)."""
        return self.points.text().strip(), self.reason.toPlainText().strip(), self.na.isChecked()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def hide_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def focus_points(self) -> None:
        target = self.points if self.points.isEnabled() else self.reason
        target.setFocus()
        if target is self.points:
            self.points.selectAll()

