"""What the agency submitted for the selected item: the rule, its input and self points, the
explanation, the rebuttal (round 2) and the cited evidence, with an in-app preview."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.framework.codes import display_code
from ...core.framework.model import Item
from ...core.scoring.describe import describe_rule
from ...core.services.review_view import SURVEY, AgencyReview, answer_text, date_text
from ..models.dashboard_model import number_cell
from .evidence_panel import human_size

SHA_ROLE = Qt.ItemDataRole.UserRole + 5


def _label(parent: QWidget, name: str = "", data: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    if data:
        label.setProperty("data", True)  # the agency's own words: never translated
    return label


class ItemDetails(QScrollArea):
    def __init__(self, evidence_path: Callable[[str], Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.evidence_path = evidence_path
        self.lang = "vi"
        self.item: Item | None = None
        self._preview = None  # one preview window, reused: browsing evidence does not pile them up
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.setSpacing(4)
        self.heading = _label(body, "reviewHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.heading)
        self.rule = _label(body, "reviewRule")
        self.rule.setStyleSheet("color: #333;")
        lay.addWidget(self.rule)

        self.agency_box = QGroupBox(self.tr("Cơ quan tự đánh giá"), body)
        box = QVBoxLayout(self.agency_box)
        box.setContentsMargins(8, 2, 8, 4)
        box.setSpacing(2)
        row = QHBoxLayout()
        self.input_caption = QLabel(self.tr("Kết quả khai:"), self.agency_box)
        row.addWidget(self.input_caption)
        self.input = _label(self.agency_box, "agencyInput", data=True)
        self.input.setStyleSheet("font-weight: bold;")
        row.addWidget(self.input, 1)
        self.self_points = _label(self.agency_box, "selfPoints")
        row.addWidget(self.self_points)
        box.addLayout(row)
        self.note_caption = QLabel(self.tr("<b>Thuyết minh:</b>"), self.agency_box)
        box.addWidget(self.note_caption)
        self.note = _label(self.agency_box, "agencyNote", data=True)
        box.addWidget(self.note)
        lay.addWidget(self.agency_box)

        self.rebuttal_box = QGroupBox(self.tr("Giải trình của cơ quan (vòng 2)"), body)
        self.rebuttal_box.setStyleSheet("QGroupBox { color: #6a1b9a; }")
        rb = QVBoxLayout(self.rebuttal_box)
        rb.setContentsMargins(8, 2, 8, 4)
        self.rebuttal = _label(self.rebuttal_box, "agencyRebuttal", data=True)
        rb.addWidget(self.rebuttal)
        lay.addWidget(self.rebuttal_box)

        self.evidence_box = QGroupBox(self.tr("Tài liệu kiểm chứng"), body)
        eb = QVBoxLayout(self.evidence_box)
        eb.setContentsMargins(6, 2, 6, 4)
        self.evidence = QListWidget(self.evidence_box)
        self.evidence.setObjectName("reviewEvidence")
        self.evidence.setWordWrap(True)
        self.evidence.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.evidence.setMinimumHeight(70)
        self.evidence.itemActivated.connect(lambda _i: self.preview())
        eb.addWidget(self.evidence, 1)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Xem tài liệu"), self.evidence_box)
        self.preview_button.clicked.connect(self.preview)
        self.open_button = QPushButton(self.tr("Mở ng&oài"), self.evidence_box)
        self.open_button.clicked.connect(self.open_external)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        eb.addLayout(buttons)
        lay.addWidget(self.evidence_box, 1)

    # -- content ---------------------------------------------------------------------------------

    def show_item(self, item: Item | None, review: AgencyReview | None) -> None:
        self.item = item
        self.evidence.clear()
        if item is None or review is None:
            self.heading.setText(self.tr("<h3>Chọn một tiêu chí ở cây bên trái</h3>"))
            for w in (self.rule, self.agency_box, self.rebuttal_box, self.evidence_box):
                w.hide()
            return
        pts = number_cell(item.max_points, self.lang)
        self.heading.setText(self.tr("<h3>{code} {title}</h3>").format(code=display_code(item.code), title=item.title)
                             + self.tr("Điểm tối đa: <b>{p}</b>").format(p=pts))
        rule = describe_rule(item, self.lang)
        # The guidance often repeats the rule in the province's words; show it only when it adds something.
        self.rule.setText(rule + (f"\n{item.guidance}" if item.guidance and item.guidance.strip() != rule else ""))
        self.rule.show()
        if not item.is_leaf:
            for w in (self.agency_box, self.rebuttal_box, self.evidence_box):
                w.hide()
            return
        leaf = review.leaves.get(item.code)
        answer = review.answers.get(item.code)
        self.agency_box.show()
        surveyed = leaf is not None and leaf.state == SURVEY
        if surveyed:
            self.input.setText("")
            self.input_caption.setText(self.tr("Điểm lấy từ kết quả điều tra xã hội học."))
        elif item.rule is not None and item.rule.kind == "council":
            self.input_caption.setText(self.tr("Hội đồng chấm tiêu chí này; cơ quan chỉ thuyết minh."))
            self.input.setText("")
        else:
            text = answer_text(item, answer, self.lang)
            self.input_caption.setText(self.tr("Kết quả khai:"))
            self.input.setText(text or self.tr("(chưa nhập)"))
        if leaf is None or surveyed or leaf.self_result.points is None and not leaf.self_result.excluded:
            self.self_points.setText("")
        elif leaf.self_result.excluded:
            self.self_points.setText(self.tr("Tự chấm: không áp dụng"))
        else:
            self.self_points.setText(self.tr("Tự chấm: <b>{p}</b> điểm").format(p=number_cell(leaf.self_result.points, self.lang)))
        note = answer.note.strip() if answer is not None else ""
        self.note.setText(note or "—")
        self.note_caption.setVisible(not surveyed)
        self.note.setVisible(not surveyed)
        rebuttal = review.rebuttals.get(item.code, "")
        self.rebuttal.setText(rebuttal)
        self.rebuttal_box.setVisible(bool(rebuttal))
        docs = review.evidence_for(item.code)
        for doc, pages in docs:
            self.evidence.addItem(self._row(doc, pages))
        self.evidence_box.setVisible(not surveyed)
        self.evidence_box.setTitle(self.tr("Tài liệu kiểm chứng ({n})").format(n=len(docs)))
        if not docs:
            empty = QListWidgetItem(self.tr("Cơ quan không đính kèm tài liệu cho tiêu chí này."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.evidence.addItem(empty)
        else:
            self.evidence.setCurrentRow(0)
        has = bool(docs)
        self.preview_button.setEnabled(has)
        self.open_button.setEnabled(has)

    def _row(self, doc, pages: str) -> QListWidgetItem:  # type: ignore[no-untyped-def]
        lines = [f"{doc.file_name}  ({human_size(doc.size)})"]
        head = " ".join(p for p in (doc.doc_type, (self.tr("số {n}").format(n=doc.number_symbol) if doc.number_symbol else ""),
                                    (self.tr("ngày {d}").format(d=date_text(doc.issue_date)) if doc.issue_date else "")) if p)
        if doc.issuer:
            head += (" — " if head else "") + doc.issuer
        if head:
            lines.append(head)
        if doc.excerpt:
            lines.append(self.tr("Trích yếu: {e}").format(e=doc.excerpt))
        if pages:
            lines.append(self.tr("Trang/mục chứng minh: {p}").format(p=pages))
        row = QListWidgetItem("\n".join(lines))
        row.setData(SHA_ROLE, doc.sha256)
        row.setData(SHA_ROLE + 1, (doc.file_name, doc.media_type))
        return row

    def current_document(self) -> tuple[str, str, str] | None:
        """(sha256, file name, media type) of the selected evidence row."""
        row = self.evidence.currentItem()
        if row is None or row.data(SHA_ROLE) is None:
            return None
        name, media = row.data(SHA_ROLE + 1)
        return row.data(SHA_ROLE), name, media

    def preview(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        from ..dialogs.preview import PreviewDialog

        if self._preview is not None:
            self._preview.close()
        sha, name, media = doc
        dlg = PreviewDialog(self.evidence_path(sha), name, media, self.window())
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(lambda *_: setattr(self, "_preview", None) if self._preview is dlg else None)
        self._preview = dlg
        dlg.show()

    def open_external(self) -> None:
        doc = self.current_document()
        if doc is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.evidence_path(doc[0]))))
