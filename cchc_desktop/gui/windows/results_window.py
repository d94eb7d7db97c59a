"""The agency's results window: import the council's result, compare self and appraised points item
by item with the council's reasons (differences highlighted), write the rebuttal (giải trình) of the
disputed items with new evidence, and export the signed rebuttal package.

Every workspace call runs on the single database worker thread (the agency window's, when given its
operations) and comes back through the runner's signal; the export shows a progress dialog after
600 ms, with Cancel.  `open_results_window(parent, workspace)` is the entry point.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserFacingError
from ...core.progress import CancelToken
from ..errors import show_error
from ..signals import emit
from ..tasks import TaskRunner
from ..widgets.evidence_panel import ask_citation, human_size

PROGRESS_DELAY_MS = 600
DIFF_COLOR = "#ffe0b2"  # an item the council scored differently
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def _num(d: Any, lang: str) -> str:
    if d is None:
        return "—"
    from ...core.framework.canonical import number_text

    text = number_text(d)
    return text.replace(".", ",") if lang != "en" else text


class RebuttalExportDialog(QDialog):
    """The key, its passphrase and where to write the rebuttal package."""

    def __init__(self, default_out: Path, key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xuất bản giải trình có chữ ký số"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("Bản giải trình (.cchc) được ký bằng khóa của cơ quan và nối tiếp chuỗi hồ sơ đã nộp. "
                               "Kết quả tự đánh giá đã nộp không thay đổi."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.key = QLineEdit(key, self)
        self.key.setPlaceholderText(self.tr("tệp khóa .p12 của cơ quan"))
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self._browse_key)
        row = QHBoxLayout()
        row.addWidget(self.key, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Tệp khóa ký:"), row)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Mật khẩu tệp khóa:"), self.passphrase)
        self.out = QLineEdit(str(default_out), self)
        browse_out = QPushButton(self.tr("Chọn…"), self)
        browse_out.clicked.connect(self._browse_out)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse_out)
        form.addRow(self.tr("Lưu gói tại:"), row)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xuất gói"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(600)

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa"), "", self.tr("Tệp khóa (*.p12 *.pfx)"))
        if path:
            self.key.setText(path)

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu gói"), self.out.text(), self.tr("Gói hồ sơ (*.cchc)"))
        if path:
            self.out.setText(path if path.endswith(".cchc") else path + ".cchc")

    def accept(self) -> None:
        if not self.key.text().strip():
            self.error.setText(self.tr("Hãy chọn tệp khóa ký (.p12)."))
            return
        out = Path(self.out.text().strip())
        if out.exists():
            self.error.setText(self.tr("Tệp “{name}” đã tồn tại; hãy chọn tên khác.").format(name=out.name))
            return
        super().accept()

    def request(self) -> tuple[Path, str, Path]:
        return Path(self.key.text().strip()), self.passphrase.text(), Path(self.out.text().strip())


class ResultsWindow(QDialog):
    """Self vs appraised per item, the council's reasons, the rebuttal; see the module doc."""

    imported = Signal(object)  # ResultImport
    exported = Signal(object)  # RebuttalExport
    saved = Signal()  # a rebuttal text or document was stored
    refreshed = Signal()  # the view was re-read (after any operation)
    failed = Signal(object)  # UserFacingError
    progress_changed = Signal(int, int, str)

    # Hooks the tests replace: what a user would have chosen in the modal dialogs.
    ask_citation: Callable[..., Any] = staticmethod(ask_citation)  # type: ignore[assignment]

    def __init__(self, workspace: Any, runner: TaskRunner | None = None, parent: QWidget | None = None,
                 lang: str = "vi") -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._own_runner = runner is None
        self.runner = runner or TaskRunner(self)
        self.lang = lang
        self.view: Any = None  # agency_results.ResultView
        self.cancel_token: CancelToken | None = None
        self._progress: QProgressDialog | None = None
        self._clock = QElapsedTimer()
        self.setWindowTitle(self.tr("Kết quả thẩm định và giải trình"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1280, 720)
        lay = QVBoxLayout(self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.banner)
        bar = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Nhập tệp kết quả của Hội đồng…"), self)
        self.import_button.clicked.connect(self.choose_import)
        self.allow_unknown = QCheckBox(self.tr("Chấp nhận khi chưa kiểm tra được chứng thư có bị thu hồi (không có CRL)"), self)
        self.export_button = QPushButton(self.tr("Xuất bản giải trình có chữ ký…"), self)
        self.export_button.clicked.connect(self.choose_export)
        bar.addWidget(self.import_button)
        bar.addWidget(self.allow_unknown, 1)
        bar.addWidget(self.export_button)
        lay.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, 9, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Mã"), self.tr("Tiêu chí"), self.tr("Tối đa"), self.tr("Tự chấm"), self.tr("Thẩm định"),
            self.tr("Cuối cùng"), self.tr("Lý do của Hội đồng"), self.tr("Người thẩm định"), self.tr("Giải trình"),
        ])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        split.addWidget(self.table)
        editor = QWidget(self)
        ed = QVBoxLayout(editor)
        ed.setContentsMargins(0, 0, 0, 0)
        self.item_label = QLabel(self)
        self.item_label.setWordWrap(True)
        ed.addWidget(self.item_label)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("Nội dung giải trình của cơ quan cho tiêu chí này (để trống nếu không giải trình)"))
        ed.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Lưu giải trình"), self)
        self.save_button.clicked.connect(self.save_text)
        self.attach_button = QPushButton(self.tr("Đính kèm tài liệu mới…"), self)
        self.attach_button.clicked.connect(self.choose_attachment)
        self.remove_button = QPushButton(self.tr("Gỡ tài liệu đã chọn"), self)
        self.remove_button.clicked.connect(self.remove_selected_evidence)
        row.addWidget(self.save_button)
        row.addWidget(self.attach_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        ed.addLayout(row)
        self.evidence = QListWidget(self)
        self.evidence.setMaximumHeight(110)
        ed.addWidget(self.evidence)
        split.addWidget(editor)
        split.setSizes([460, 220])
        lay.addWidget(split, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        self.progress_changed.connect(self._show_progress)
        self._render()
        self.refresh()

    # -- plumbing -----------------------------------------------------------------------------

    def _submit(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def ok(result: Any) -> None:
            done(result)
            self.refresh()

        self.runner.submit(job, ok, self._failed)

    def _failed(self, exc: BaseException, tb: str) -> None:
        self._finish_progress()
        self._set_busy(False)
        if isinstance(exc, UserFacingError):
            self.status.setText(exc.message(self.lang))
            emit(self.failed, exc)
        show_error(self, exc, tb, self.lang)
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        for w in (self.import_button, self.export_button, self.save_button, self.attach_button, self.remove_button):
            w.setEnabled(not busy)
        if not busy:
            self._update_buttons()

    def refresh(self) -> None:
        """Re-read the latest result and its rebuttal (on the worker), then redraw."""
        from ...core.services.agency_results import result_view

        ws = self.workspace

        def loaded(view: Any) -> None:
            self.view = view
            self._render()
            emit(self.refreshed)

        self.runner.submit(lambda: result_view(ws), loaded, self._failed_quietly)

    def _failed_quietly(self, exc: BaseException, tb: str) -> None:
        show_error(self, exc, tb, self.lang)

    # -- drawing ------------------------------------------------------------------------------

    def _render(self) -> None:
        view, lang = self.view, self.lang
        current = self.selected_code()
        if view is None:
            self.banner.setText(self.tr("Chưa nhận kết quả thẩm định nào. Hãy nhập tệp kết quả (.cchc) Hội đồng thẩm định gửi."))
            self.table.setRowCount(0)
            self._update_buttons()
            return
        r, doc = view.result, view.result.document
        t = doc.total
        cat = t.category_name or self.tr("chưa xếp loại")
        rank = self.tr("hạng {rank}/{n}").format(rank=t.rank, n=t.ranked) if t.rank else self.tr("chưa xếp hạng")
        tie = self.tr(" (đồng hạng với {codes})").format(codes=", ".join(t.tied_with)) if t.tied_with else ""
        head = self.tr("<b>Kết quả thẩm định lần {seq}</b> (vòng {round}) — {name}").format(seq=r.sequence, round=r.round, name=doc.agency_name)
        if r.final:
            head += self.tr(" — <b>kết quả cuối cùng</b>")
        body = self.tr("Điểm tự chấm {self_pts} / {self_max} · Điểm cuối cùng {final} / {applicable} = <b>{index}%</b> · xếp loại {cat} · {rank}{tie}").format(
            self_pts=_num(t.self_points, lang), self_max=_num(t.self_assessable_max, lang), final=_num(t.final_points, lang),
            applicable=_num(t.applicable_max, lang), index=_num(t.index, lang), cat=cat, rank=rank, tie=tie)
        differs = [i.code for i in doc.items if i.differs]
        more = self.tr("Hội đồng chấm khác điểm tự chấm ở {n} tiêu chí (tô màu).").format(n=len(differs)) if differs else \
            self.tr("Hội đồng không chấm khác điểm tự chấm ở tiêu chí nào.")
        sent = "".join(self.tr("<br>Đã gửi giải trình: lần nộp {seq} ({file}).").format(seq=s.sequence, file=s.file_name)
                       for s in view.sent)
        self.banner.setText(f"{head}<br>{body}<br>{more}{sent}")
        self.table.setRowCount(len(doc.items))
        na = self.tr("KAD")
        for row, i in enumerate(doc.items):
            self_pts = na if (i.self_not_applicable and i.self_points is None) else _num(i.self_points, lang)
            appraised = (na if i.not_applicable else _num(i.appraised_points, lang)) if i.appraised else ""
            final = self.tr("loại trừ") if i.excluded else _num(i.final_points, lang)
            n_docs = len(view.evidence_for(i.code))
            rebuttal = view.drafts.get(i.code, "")
            if n_docs:
                rebuttal = self.tr("{text} (+{n} tài liệu)").format(text=rebuttal, n=n_docs)
            values = [i.code, i.title, _num(i.max_points, lang), self_pts, appraised, final, i.reason, i.reviewer, rebuttal]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(CODE_ROLE, i.code)
                if col in (2, 3, 4, 5):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if i.differs:
                    cell.setBackground(QBrush(QColor(DIFF_COLOR)))
                if col in (1, 6, 8):
                    cell.setToolTip(value)
                self.table.setItem(row, col, cell)
        for col in (0, 2, 3, 4, 5, 7):
            self.table.resizeColumnToContents(col)
        self.table.setColumnWidth(8, max(self.table.columnWidth(8), 240))
        if current is not None:
            self.select_code(current)
        self._show_item()
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = bool(self.view is not None and self.view.can_rebut)
        selected = self.selected_code() is not None
        for w in (self.save_button, self.attach_button, self.text):
            w.setEnabled(can and selected)
        self.remove_button.setEnabled(can and self.evidence.currentItem() is not None)
        self.export_button.setEnabled(can and bool(self.view.drafts))

    def selected_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else item.data(CODE_ROLE)

    def select_code(self, code: str) -> None:
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None and cell.data(CODE_ROLE) == code:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        self._show_item()
        self._update_buttons()

    def _show_item(self) -> None:
        code = self.selected_code()
        self.evidence.clear()
        if code is None or self.view is None:
            self.item_label.setText(self.tr("Chọn một tiêu chí trong bảng để xem lý do và ghi giải trình."))
            self.text.setPlainText("")
            return
        item = self.view.result.document.item(code)
        reason = item.reason or self.tr("(không ghi lý do)")
        self.item_label.setText(self.tr("<b>{code}</b> {title} — lý do của Hội đồng: {reason}").format(
            code=code, title=item.title, reason=reason))
        text = self.view.drafts.get(code, "")
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)
        for e in self.view.evidence_for(code):
            summary = e.citation.summary()
            line = f"{e.file_name}  ({human_size(e.size)})" + (f" — {summary}" if summary else "")
            li = QListWidgetItem(line)
            li.setData(Qt.ItemDataRole.UserRole, e.id)
            self.evidence.addItem(li)

    # -- actions ------------------------------------------------------------------------------

    def choose_import(self) -> None:
        from ...core.services.agency_results import remembered_trust

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp kết quả thẩm định"), "", self.tr("Gói kết quả (*.cchc)"))
        if not path:
            return
        trust = remembered_trust(self.workspace)
        if trust is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn chứng thư của tỉnh (CA) để kiểm tra chữ ký"), "",
                                                    self.tr("Chứng thư (*.crt *.pem *.cer *.der)"))
            if not chosen:
                return
            trust = Path(chosen)
        self.import_file(Path(path), trust, self.allow_unknown.isChecked())

    def import_file(self, path: Path, trust: Path, allow_unknown: bool = False) -> None:
        """Verify and keep the result file (on the worker); `imported` when done."""
        from ...core.services.agency_results import import_result, remember_trust
        from ...core.signing.trust import load_trust

        ws = self.workspace

        def job() -> Any:
            done = import_result(ws, path, load_trust(trust), allow_unknown)
            remember_trust(ws, trust)
            return done

        def done(result: Any) -> None:
            self._set_busy(False)
            if result.status == "already_imported":
                self.status.setText(self.tr("Kết quả lần {seq} đã được nhận từ trước.").format(seq=result.result.sequence))
            else:
                notes = "".join("\n" + n.text(self.lang) for n in result.notes)
                self.status.setText(self.tr("Đã nhận kết quả thẩm định lần {seq}.").format(seq=result.result.sequence) + notes)
            emit(self.imported, result)

        self._set_busy(True)
        self._submit(job, done)

    def save_text(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        self.save_rebuttal(code, self.text.toPlainText())

    def save_rebuttal(self, code: str, text: str) -> None:
        from ...core.services.agency_results import set_rebuttal_text

        ws = self.workspace
        self._submit(lambda: set_rebuttal_text(ws, code, text), self._saved)

    def _saved(self, _result: Any) -> None:
        self.status.setText(self.tr("Đã lưu giải trình."))
        emit(self.saved)

    def choose_attachment(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tài liệu kiểm chứng mới"), "",
                                              self.tr("Tài liệu (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx);;Mọi tệp (*)"))
        if path:
            answer = self.ask_citation(self, Path(path).name, None)
            if answer is not None:
                citation, pages = answer
                self.attach(code, Path(path), citation, pages)

    def attach(self, code: str, path: Path, citation: Any = None, pages: str = "") -> None:
        from ...core.services.agency_results import add_rebuttal_evidence

        ws = self.workspace
        self._submit(lambda: add_rebuttal_evidence(ws, code, path, citation, pages), self._saved)

    def remove_selected_evidence(self) -> None:
        from ...core.services.agency_results import remove_rebuttal_evidence

        item = self.evidence.currentItem()
        if item is None:
            return
        evidence_id = int(item.data(Qt.ItemDataRole.UserRole))
        ws = self.workspace
        self._submit(lambda: remove_rebuttal_evidence(ws, evidence_id), self._saved)

    def choose_export(self) -> None:
        from ...core.services.agency_keys import workspace_keys

        # Unsaved text of the item being edited is saved first (it is what the user sees).
        code = self.selected_code()
        if code is not None and self.view is not None and self.text.toPlainText().strip() != self.view.drafts.get(code, ""):
            self.save_rebuttal(code, self.text.toPlainText())
        info = self.workspace.info()
        found = workspace_keys(self.workspace.folder)
        n = (self.view.sent[-1].sequence + 1) if (self.view and self.view.sent) else info.submission_seq + 1
        default = Path.home() / f"{info.agency_code}-{info.year}-giai-trinh-{n}.cchc"
        dlg = RebuttalExportDialog(default, str(found[0]) if found else "", self)
        if dlg.exec():
            key, passphrase, out = dlg.request()
            self.export_to(key, passphrase, out)

    def export_to(self, key: Path, passphrase: str, out: Path) -> CancelToken:
        """Sign and write the rebuttal package (on the worker, with progress); `exported` when done."""
        from ...core.services.agency_results import export_rebuttal
        from ...core.signing.keys import load_pkcs12

        ws = self.workspace
        token = CancelToken()
        self.cancel_token = token
        self._clock.start()

        def report(done: int, total: int, label: str = "") -> None:
            emit(self.progress_changed, done, total, label)  # worker thread -> queued to the GUI

        def job() -> Any:
            return export_rebuttal(ws, out, load_pkcs12(key, passphrase), progress=report, cancel=token)

        def done(result: Any) -> None:
            self._finish_progress()
            self._set_busy(False)
            self.status.setText(self.tr("Đã xuất bản giải trình: {path}").format(path=result.path))
            emit(self.exported, result)
            QMessageBox.information(self, self.tr("Đã xuất bản giải trình"), self.tr(
                "Đã ghi bản giải trình có chữ ký (lần nộp thứ {seq} của chuỗi hồ sơ, {n} tiêu chí):\n{path}\n"
                "Hãy gửi tệp này cho Hội đồng thẩm định.").format(seq=result.sequence, n=len(result.items), path=result.path))

        self._set_busy(True)
        self._submit(job, done)
        return token

    def _show_progress(self, done: int, total: int, label: str) -> None:
        if self._progress is None:
            if self._clock.elapsed() < PROGRESS_DELAY_MS or done >= total:
                return
            dlg = QProgressDialog(self.tr("Đang ký và ghi bản giải trình…"), self.tr("Hủy"), 0, 1000, self)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.canceled.connect(lambda: self.cancel_token.cancel() if self.cancel_token else None)
            self._progress = dlg
        self._progress.setValue(int(done * 1000 / max(total, 1)))

    def _finish_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def closeEvent(self, event: Any) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
        if self._own_runner:
            self.runner.shutdown()
        super().closeEvent(event)


def open_results_window(parent: QWidget | None, workspace: Any) -> ResultsWindow:
    """Show the results window of an agency workspace (an `AgencyWorkspace`, or the agency window's
    `AgencyOperations`, whose single worker thread is then shared).  Non-modal; returns the window."""
    runner = getattr(workspace, "runner", None)
    ws = getattr(workspace, "workspace", workspace)
    lang = getattr(workspace, "lang", getattr(parent, "lang", "vi"))
    window = ResultsWindow(ws, runner if isinstance(runner, TaskRunner) else None, parent, lang)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    return window
