"""Evidence of the selected item: add (button or drag-and-drop), reuse, cite, preview, open, remove."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.storage.records import Citation, ItemEvidence
from ..operations import AgencyOperations

DOC_ROLE = Qt.ItemDataRole.UserRole + 2


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


# Hooks the tests replace: they return what a user would have entered in the dialogs.
CitationAsker = Callable[[QWidget, str, Citation | None], "tuple[Citation, str] | None"]


def ask_citation(parent: QWidget, file_name: str, current: Citation | None) -> tuple[Citation, str] | None:
    from ..dialogs.citation import CitationDialog

    dlg = CitationDialog(parent, file_name, current)
    if dlg.exec():
        return dlg.result_citation()
    return None


class EvidencePanel(QGroupBox):
    ask_citation: CitationAsker = staticmethod(ask_citation)  # type: ignore[assignment]

    def __init__(self, ops: AgencyOperations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.code: str | None = None
        self.setTitle(self.tr("Tài liệu kiểm chứng"))
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Kéo thả tệp vào đây hoặc bấm “Thêm tệp…”. Một tệp dùng cho nhiều tiêu chí chỉ lưu một lần."), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        lay.addWidget(self.hint)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(130)  # keep the buttons on screen at 1366x768
        self.list.setWordWrap(True)  # a citation is long; wrap it rather than hide it sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda _i: self.preview())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        lay.addWidget(self.list, 1)
        row = QGridLayout()
        self.add_button = QPushButton(self.tr("Thêm tệp…"), self)
        self.reuse_button = QPushButton(self.tr("Dùng tài liệu đã có…"), self)
        self.cite_button = QPushButton(self.tr("Sửa trích dẫn…"), self)
        self.preview_button = QPushButton(self.tr("Xem"), self)
        self.open_button = QPushButton(self.tr("Mở ngoài"), self)
        self.remove_button = QPushButton(self.tr("Gỡ"), self)
        buttons = (self.add_button, self.reuse_button, self.cite_button, self.preview_button, self.open_button, self.remove_button)
        for n, b in enumerate(buttons):
            row.addWidget(b, n // 3, n % 3)
        lay.addLayout(row)
        self.add_button.clicked.connect(self.choose_files)
        self.reuse_button.clicked.connect(self.reuse_document)
        self.cite_button.clicked.connect(self.edit_citation)
        self.preview_button.clicked.connect(self.preview)
        self.open_button.clicked.connect(self.open_external)
        self.remove_button.clicked.connect(self.remove)
        ops.changed.connect(lambda changes, _snap: self.refresh() if changes.evidence else None)

    # -- display --------------------------------------------------------------------------

    def show_item(self, code: str | None) -> None:
        self.code = code
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        if self.code is None:
            return
        for ev in self.ops.snapshot.evidence_for(self.code):
            self.list.addItem(self._row(ev))
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _row(self, ev: ItemEvidence) -> QListWidgetItem:
        d = ev.document
        text = f"{d.file_name}  ({human_size(d.size)})"
        summary = d.citation.summary()
        if summary:
            text += f"\n{summary}"
        if ev.pages:
            text += "\n" + self.tr("Trang/mục chứng minh: ") + ev.pages
        others = [c for c, _ in d.links if c != self.code]
        if others:
            text += "\n" + self.tr("Cũng dùng cho: ") + ", ".join(others)
        row = QListWidgetItem(text)
        row.setData(DOC_ROLE, d.id)
        return row

    def _update_buttons(self) -> None:
        has = self.list.currentItem() is not None
        for b in (self.cite_button, self.preview_button, self.open_button, self.remove_button):
            b.setEnabled(has)
        self.reuse_button.setEnabled(bool(self.ops.snapshot.documents))

    def current_document(self) -> int | None:
        row = self.list.currentItem()
        return None if row is None else int(row.data(DOC_ROLE))

    # -- actions ------------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn tài liệu kiểm chứng"),
            "",
            self.tr("Tài liệu (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt *.ods);;Mọi tệp (*)"),
        )
        self.add_files([Path(f) for f in files])

    def add_files(self, paths: list[Path]) -> None:
        if self.code is None:
            return
        for path in paths:
            answer = type(self).ask_citation(self, path.name, None)
            if answer is None:
                continue
            citation, pages = answer
            self.ops.add_evidence(self.code, path, citation, pages)

    def reuse_document(self) -> None:
        if self.code is None:
            return
        attached = {ev.document.id for ev in self.ops.snapshot.evidence_for(self.code)}
        docs = [d for d in self.ops.snapshot.documents if d.id not in attached]
        if not docs:
            return
        labels = [f"{d.file_name} — {d.citation.summary()}" for d in docs]
        label, ok = QInputDialog.getItem(self, self.tr("Dùng tài liệu đã có"), self.tr("Tài liệu:"), labels, 0, False)
        if ok:
            doc = docs[labels.index(label)]
            pages, _ = QInputDialog.getText(self, self.tr("Trang/mục chứng minh"), self.tr("Trang hoặc mục chứng minh cho tiêu chí này:"))
            self.ops.link_evidence(self.code, doc.id, pages)

    def edit_citation(self) -> None:
        doc_id = self.current_document()
        if doc_id is None:
            return
        doc = next(d for d in self.ops.snapshot.documents if d.id == doc_id)
        answer = type(self).ask_citation(self, doc.file_name, doc.citation)
        if answer is not None:
            self.ops.update_citation(doc_id, answer[0])

    def remove(self) -> None:
        doc_id = self.current_document()
        if doc_id is not None and self.code is not None:
            self.ops.unlink_evidence(self.code, doc_id)

    def preview(self) -> None:
        doc_id = self.current_document()
        if doc_id is None:
            return
        from ..dialogs.preview import PreviewDialog

        doc = next(d for d in self.ops.snapshot.documents if d.id == doc_id)
        dlg = PreviewDialog(self.ops.evidence_path(doc_id), doc.file_name, doc.media_type, self.window())
        dlg.show()

    def open_external(self) -> None:
        doc_id = self.current_document()
        if doc_id is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ops.evidence_path(doc_id))))

    # -- drag and drop ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.code is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
