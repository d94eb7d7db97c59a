"""The editor of the selected item: the rule in plain words, its input, N/A, explanation, evidence."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserFacingError
from ...core.framework.canonical import number_text
from ...core.framework.codes import display_code
from ...core.framework.model import Item, Scorer
from ...core.scoring.describe import describe_rule
from ...core.services.snapshot import AgencySnapshot
from ..operations import AgencyOperations
from .evidence_panel import EvidencePanel
from .rule_inputs import RuleInput, make_input

NOTE_IDLE_MS = 1200  # an explanation is saved this long after the last keystroke (and on leaving)


class ItemEditor(QScrollArea):
    def __init__(self, ops: AgencyOperations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.item: Item | None = None
        self.input: RuleInput | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Content wraps to the pane's width; a sideways scroll bar would hide buttons.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(10, 6, 10, 6)

        self.heading = QLabel(body)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setObjectName("itemHeading")
        lay.addWidget(self.heading)
        self.rule_text = QLabel(body)
        self.rule_text.setWordWrap(True)
        self.rule_text.setObjectName("ruleText")
        lay.addWidget(self.rule_text)
        self.guidance = QLabel(body)
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet("color: #444;")
        lay.addWidget(self.guidance)

        # Carried over from last year: "to confirm" until confirmed here or edited.
        self.carried = QFrame(body)
        self.carried.setObjectName("carriedBox")
        self.carried.setStyleSheet("#carriedBox { background: #e3f2fd; border: 1px solid #90caf9; }")
        carried_row = QHBoxLayout(self.carried)
        carried_row.setContentsMargins(6, 3, 6, 3)
        self.carried_text = QLabel(self.carried)
        self.carried_text.setWordWrap(True)
        carried_row.addWidget(self.carried_text, 1)
        self.confirm_button = QPushButton(self.tr("Xác nhận"), self.carried)
        self.confirm_button.setToolTip(self.tr("Thuyết minh và tài liệu mang sang vẫn đúng cho năm nay"))
        self.confirm_button.clicked.connect(self._confirm)
        carried_row.addWidget(self.confirm_button)
        self.carried.hide()
        lay.addWidget(self.carried)

        self.input_box = QVBoxLayout()
        lay.addLayout(self.input_box)
        row = QHBoxLayout()
        self.points = QLabel(body)
        self.points.setObjectName("itemPoints")
        row.addWidget(self.points, 1)
        self.clear_button = QPushButton(self.tr("Xóa kết quả"), body)
        self.clear_button.clicked.connect(self._clear)
        row.addWidget(self.clear_button)
        lay.addLayout(row)
        self.error = QLabel(body)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.setObjectName("inputError")
        self.error.hide()
        lay.addWidget(self.error)

        self.na_check = QCheckBox(body)
        self.na_check.toggled.connect(self._na_toggled)
        lay.addWidget(self.na_check)
        self.na_reason = QLineEdit(body)
        self.na_reason.setPlaceholderText(self.tr("Lý do không áp dụng / không phát sinh (bắt buộc)"))
        self.na_reason.editingFinished.connect(self._na_reason_done)
        lay.addWidget(self.na_reason)

        self.note_label = QLabel(self.tr("<b>Thuyết minh</b> (giải thích kết quả; bắt buộc khi thiếu tài liệu kiểm chứng)"), body)
        self.note_label.setWordWrap(True)
        lay.addWidget(self.note_label)
        self.note = QPlainTextEdit(body)
        self.note.setPlaceholderText(self.tr("Nhập thuyết minh…"))
        self.note.setFixedHeight(64)
        self.note.setTabChangesFocus(True)
        self.note.textChanged.connect(self._note_typed)
        self.note.installEventFilter(self)
        lay.addWidget(self.note)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_IDLE_MS)
        self._note_timer.timeout.connect(self.flush_note)

        self.evidence = EvidencePanel(ops, body)
        lay.addWidget(self.evidence, 1)
        lay.addStretch(0)
        self._loading = False
        # The texts in the explanation and N/A-reason boxes belong to the item they were loaded for,
        # and are saved only if the user typed in them: moving between items (which moves the
        # focus around as widgets hide) must never write one item's text into another.
        self._texts_code: str | None = None
        self._note_dirty = False
        self._reason_dirty = False
        self.na_reason.textEdited.connect(self._reason_edited)
        ops.failed.connect(self._failed)
        ops.changed.connect(lambda _c, snap: self.refresh(snap))

    # -- showing --------------------------------------------------------------------------------

    def show_item(self, item: Item | None) -> None:
        self.flush_note()
        self._na_reason_done()
        self._texts_code = None  # nothing loaded for the new item yet: nothing to save
        self.item = item
        if self.input is not None:
            self.input.deleteLater()
            self.input = None
        self.error.hide()
        if item is None:
            self.heading.setText(self.tr("<h3>Chọn một tiêu chí ở cây bên trái</h3>"))
            for w in (self.rule_text, self.guidance, self.points, self.clear_button, self.na_check, self.na_reason, self.note_label, self.note, self.evidence, self.carried):
                w.setVisible(False)
            return
        self.heading.setText(
            f"<h3 style='margin:0'>{display_code(item.code)}. {item.title}</h3>"
            + self.tr("Điểm tối đa: <b>{mx}</b>").format(mx=number_text(item.max_points))
        )
        self.rule_text.setText(self.tr("<b>Cách chấm:</b> ") + describe_rule(item, self.ops.lang))
        self.rule_text.setVisible(True)
        hint = item.guidance
        if item.evidence.required:
            hint = (hint + "\n" if hint else "") + self.tr("Tài liệu kiểm chứng yêu cầu: ") + (item.evidence.hint or self.tr("có"))
        self.guidance.setText(hint)
        self.guidance.setVisible(bool(hint))
        self.input = make_input(item, self) if item.is_leaf else None
        if self.input is not None:
            self.input_box.addWidget(self.input)
            self.input.submitted.connect(self._submitted)
        leaf = item.is_leaf
        self.points.setVisible(True)
        self.clear_button.setVisible(self.input is not None)
        self.na_check.setVisible(leaf and item.na_mode is not None)
        self.na_check.setText(item.na_label or self.tr("Không áp dụng / không phát sinh trong năm"))
        self.note.setVisible(leaf)
        self.note_label.setVisible(leaf)
        self.evidence.setVisible(leaf and item.scorer is not Scorer.SURVEY)
        self.evidence.show_item(item.code if leaf else None)
        self.refresh(self.ops.snapshot, new_item=True)

    def refresh(self, snap: AgencySnapshot, new_item: bool = False) -> None:
        item = self.item
        if item is None:
            return
        self._loading = True
        try:
            state = snap.state_of(item.code)
            node = snap.score.nodes.get(item.code)
            if self.input is not None:
                self.input.show_value(state.value_json)
                self.input.setEnabled(not state.not_applicable)
            if item.scorer is Scorer.COUNCIL:
                self.points.setText(self.tr("Điểm do Hội đồng thẩm định chấm."))
            elif item.scorer is Scorer.SURVEY:
                self.points.setText(self.tr("Điểm lấy từ kết quả điều tra xã hội học."))
            elif node is not None:
                ans = snap.answers.get(item.code)
                if item.is_leaf and (ans is None or not ans.answered):
                    self.points.setText(self.tr("Chưa nhập kết quả."))
                else:
                    self.points.setText(
                        self.tr("Tự chấm: <b>{p}</b> / {mx} điểm").format(p=number_text(node.points), mx=number_text(node.applicable_max))
                    )
            mark = snap.carried.get(item.code)
            if mark is not None:
                self.carried_text.setText(
                    self.tr("Thuyết minh và tài liệu kiểm chứng mang sang từ năm {y}: cần xác nhận còn đúng cho năm nay.").format(
                        y=mark.from_year)
                )
            self.carried.setVisible(mark is not None)
            self.na_check.setChecked(state.not_applicable)
            self.na_reason.setVisible(state.not_applicable)
            if new_item or not self._reason_dirty:
                if self.na_reason.text() != state.na_reason:
                    self.na_reason.setText(state.na_reason)
                self._reason_dirty = False
            if new_item or not self._note_dirty:
                if self.note.toPlainText() != state.note:
                    self.note.setPlainText(state.note)
                self._note_dirty = False
            self._texts_code = item.code
        finally:
            self._loading = False

    # -- committing --------------------------------------------------------------------------

    def _submitted(self, raw: object) -> None:
        if self.item is None:
            return
        self.error.hide()
        if raw is None:
            self.ops.clear_value(self.item.code)
        else:
            self.ops.set_value(self.item.code, raw)

    def _confirm(self) -> None:
        if self.item is not None:
            self.flush_note()
            self.ops.confirm(self.item.code)

    def _clear(self) -> None:
        if self.item is not None:
            self.error.hide()
            self.ops.clear_value(self.item.code)

    def _na_toggled(self, checked: bool) -> None:
        if self._loading or self.item is None:
            return
        self.na_reason.setVisible(checked)
        self.ops.set_not_applicable(self.item.code, checked, self.na_reason.text())
        if checked:
            self.na_reason.setFocus()

    def _reason_edited(self, _text: str) -> None:
        if not self._loading:
            self._reason_dirty = True

    def _na_reason_done(self) -> None:
        code = self._texts_code
        if self._loading or not self._reason_dirty or code is None:
            return
        self._reason_dirty = False
        state = self.ops.snapshot.state_of(code)
        if state.not_applicable and state.na_reason != self.na_reason.text().strip():
            self.ops.set_not_applicable(code, True, self.na_reason.text())

    def _note_typed(self) -> None:
        if not self._loading:
            self._note_dirty = True
            self._note_timer.start()

    def flush_note(self) -> None:
        """Save what the user typed in the explanation box, to the item it belongs to."""
        self._note_timer.stop()
        code = self._texts_code
        if not self._note_dirty or code is None:
            return
        self._note_dirty = False
        text = self.note.toPlainText()
        if self.ops.snapshot.state_of(code).note != text.strip():
            self.ops.set_note(code, text)

    def eventFilter(self, obj, event) -> bool:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent

        if obj is getattr(self, "note", None) and event.type() == QEvent.Type.FocusOut:
            self.flush_note()
        return super().eventFilter(obj, event)

    def _failed(self, exc: UserFacingError, where: str) -> None:
        if self.item is not None and where == self.item.code:
            # Keep what the user typed so it can be corrected; say plainly it was not saved.
            self.error.setText(exc.message(self.ops.lang) + " " + self.tr("(Chưa lưu giá trị này.)"))
            self.error.show()
