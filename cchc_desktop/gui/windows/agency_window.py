"""The agency's main window: a shell that wires the views to one `AgencyOperations`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.errors import EvidenceError
from ...core.services.snapshot import AgencySnapshot
from ..dialogs.about import AboutInfo
from ..dialogs.help import add_help_menu
from ..errors import show_error
from ..models.criteria_tree import ADJUSTMENTS_KEY, CODE_ROLE, CriteriaTreeModel
from ..operations import AgencyOperations
from ..signals import emit

if TYPE_CHECKING:
    from ..dialogs.report_dialog import ReportRunner
from ..widgets.evidence_panel import human_size
from ..widgets.field_chart import FieldChartPage
from ..widgets.item_editor import ItemEditor
from ..widgets.problems_panel import ProblemsPanel
from ..widgets.score_panel import ScorePanel

PROGRESS_DELAY_MS = 600  # show a progress dialog only for work that is actually long (Anki)


class AgencyWindow(QMainWindow):
    language_requested = Signal(str)
    exported = Signal(object)  # ExportResult
    workspace_requested = Signal(str)  # "new" | "open"
    year_started = Signal(object)  # CarryOverResult: the workspace moved to a new year; rebuild the window

    def __init__(self, ops: AgencyOperations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        info = ops.snapshot.info
        self.setWindowTitle(self.tr("CCHC Desktop — Tự đánh giá Chỉ số CCHC — {name} ({year})").format(name=info.agency_name, year=info.year))
        self.resize(1366, 740)

        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.setSpacing(2)
        banner = QLabel(
            self.tr("<b>{name}</b> — năm {year} — {fw}").format(name=info.agency_name, year=info.year, fw=info.framework_title),
            central,
        )
        banner.setWordWrap(True)
        lay.addWidget(banner)
        self.submission = QLabel(central)
        self.submission.setObjectName("submissionState")
        lay.addWidget(self.submission)
        # A framework not verified against the province's signature (a sample, or an unsigned file the user
        # accepted) is flagged for as long as the window is open: a plain label in the layout, nothing closes it.
        self.framework_warning: QLabel | None = None
        warning = self._framework_warning_text(info)
        if warning:
            self.framework_warning = QLabel(warning, central)
            self.framework_warning.setObjectName("frameworkWarning")
            self.framework_warning.setWordWrap(True)
            self.framework_warning.setStyleSheet("background: #fff3cd; color: #7a4b00; padding: 3px; border: 1px solid #e0c068;")
            lay.addWidget(self.framework_warning)
        self.score_panel = ScorePanel(central)
        lay.addWidget(self.score_panel)

        self.model = CriteriaTreeModel(ops.framework, ops.snapshot, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(1)
        self.filter = QLineEdit(central)
        self.filter.setPlaceholderText(self.tr("Tìm tiêu chí (Ctrl+F)…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.tree = QTreeView(central)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIndentation(14)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 92), (2, 50), (3, 62), (4, 122)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        left = QWidget(central)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.filter)
        left_lay.addWidget(self.tree, 1)
        self.problems = ProblemsPanel(central)
        self.problems.lang = ops.lang
        self.problems.jump_to.connect(self.select_item)
        self.tabs = QTabWidget(central)
        self.tabs.addTab(left, self.tr("Tiêu chí"))
        self.tabs.addTab(self.problems, "")
        self.chart_page = FieldChartPage(central)
        self.chart = self.chart_page.chart
        self.chart.lang = ops.lang
        self.tabs.addTab(self.chart_page, self.tr("Biểu đồ"))
        self.editor = ItemEditor(ops, central)

        split = QSplitter(Qt.Orientation.Horizontal, central)
        split.addWidget(self.tabs)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([720, 640])
        lay.addWidget(split, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self.saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().showMessage(self.tr("Mọi thay đổi được lưu tự động ngay khi nhập."), 8000)

        ops.changed.connect(self._changed)
        ops.failed.connect(self._failed)
        ops.crashed.connect(lambda exc, tb: show_error(self, exc, tb, ops.lang))
        ops.saved.connect(self.saved_label.setText)
        ops.progress.connect(self._progress)
        ops.year_started.connect(self._year_started)
        self._progress_dialog: QProgressDialog | None = None
        self._progress_clock = QElapsedTimer()
        self._apply_snapshot(ops.snapshot)
        self._restore_position()

    def _framework_warning_text(self, info) -> str:  # type: ignore[no-untyped-def]
        if info.framework_trust == "signed":
            return self.tr("⚠ Bộ tiêu chí có chữ ký của tỉnh nhưng ghi là BẢN MẪU, không phải bộ tiêu chí chính thức.") \
                if info.framework_sample else ""
        if info.framework_trust == "sample" or info.framework_sample:
            return self.tr("⚠ Đang dùng BỘ TIÊU CHÍ MẪU đi kèm ứng dụng, không phải bộ tiêu chí chính thức do tỉnh ban hành "
                           "(không có chữ ký, chưa được xác minh).")
        return self.tr("⚠ Bộ tiêu chí CHƯA CÓ CHỮ KÝ của tỉnh, chưa được xác minh: có thể không đúng bộ tiêu chí tỉnh đã "
                       "ban hành. Hãy xin Sở Nội vụ tệp bộ tiêu chí có chữ ký (.cchc).")

    # -- actions ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.undo_action = QAction(self.tr("Hoàn tác"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.ops.undo)
        self.redo_action = QAction(self.tr("Làm lại"), self)
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.ops.redo)
        self.next_action = QAction(self.tr("Vấn đề tiếp theo"), self)
        self.next_action.setShortcut(QKeySequence("F8"))
        self.next_action.triggered.connect(self.next_problem)
        self.add_evidence_action = QAction(self.tr("Thêm tài liệu…"), self)
        self.add_evidence_action.setShortcut(QKeySequence("Ctrl+T"))
        self.add_evidence_action.triggered.connect(self.editor.evidence.choose_files)
        self.export_action = QAction(self.tr("Xuất gói nộp…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_package)
        self.report_action = QAction(self.tr("In báo cáo tự đánh giá…"), self)
        self.report_action.setShortcut(QKeySequence("Ctrl+P"))
        self.report_action.triggered.connect(self.print_report)
        self.reports: ReportRunner | None = None
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.tabs.setCurrentIndex(0), self.filter.setFocus()))
        self.addAction(find)
        edit_item = QAction(self)
        edit_item.setShortcut(QKeySequence("F2"))
        edit_item.triggered.connect(self._focus_input)
        self.addAction(edit_item)

        bar = QToolBar(self.tr("Công cụ"), self)
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.undo_action, self.redo_action, self.next_action, self.add_evidence_action, self.export_action):
            bar.addAction(a)
        self.addToolBar(bar)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Tệp"))
        file_menu.addAction(self.tr("Tạo không gian làm việc mới…"), lambda: emit(self.workspace_requested, "new"))
        file_menu.addAction(self.tr("Mở không gian làm việc…"), lambda: emit(self.workspace_requested, "open"))
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.report_action)
        file_menu.addAction(self.tr("Kết quả thẩm định và giải trình…"), self.open_results)
        self.next_year_action = file_menu.addAction(self.tr("Bắt đầu năm mới từ năm trước…"), self.start_next_year)
        file_menu.addSeparator()
        self.create_key_action = file_menu.addAction(self.tr("Tạo khóa ký số…"), self.create_key)
        self.import_cert_action = file_menu.addAction(self.tr("Nhập chứng thư được cấp…"), self.import_certificate)
        file_menu.addSeparator()
        file_menu.addAction(self.tr("Thoát"), QKeySequence.StandardKey.Quit, self.close)
        edit_menu = menu.addMenu(self.tr("&Sửa"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addAction(self.next_action)
        view_menu = menu.addMenu(self.tr("&Ngôn ngữ"))
        # Each language is named in itself, in either interface language.
        view_menu.addAction("Tiếng Việt", lambda: emit(self.language_requested, "vi")).setProperty("data", True)
        view_menu.addAction("English", lambda: emit(self.language_requested, "en")).setProperty("data", True)
        add_help_menu(self, "agency", self.about_info)

    def about_info(self) -> AboutInfo:
        info = self.ops.snapshot.info
        return AboutInfo(
            folder=info.folder, role="agency", framework_title=info.framework_title, framework_year=info.year,
            framework_sha256=info.framework_sha256, framework_trust=info.framework_trust,
            framework_signer=info.framework_signer, agency=f"{info.agency_code} — {info.agency_name}",
        )

    # -- keys -----------------------------------------------------------------------------------

    def create_key(self) -> None:
        from ..dialogs.keys import CreateKeyDialog

        info = self.ops.snapshot.info
        dlg = CreateKeyDialog(info.folder, info.agency_code, info.agency_name, self)
        if dlg.exec() and dlg.files is not None:
            f = dlg.files
            QMessageBox.information(
                self,
                self.tr("Đã tạo khóa ký số"),
                self.tr("Tệp khóa (giữ kín, nhớ mật khẩu): {p12}\nChứng thư tự ký: {crt}\n"
                        "Yêu cầu cấp chứng thư: {csr}\n\nGửi tệp .csr cho Sở Nội vụ; khi nhận được chứng thư, chọn "
                        "“Tệp › Nhập chứng thư được cấp…”.").format(p12=f.p12, crt=f.certificate, csr=f.request),
            )

    def import_certificate(self) -> None:
        from ..dialogs.keys import ImportCertificateDialog

        info = self.ops.snapshot.info
        dlg = ImportCertificateDialog(info.folder, info.agency_code, self)
        if dlg.exec():
            QMessageBox.information(
                self,
                self.tr("Đã nhập chứng thư"),
                self.tr("Đã đưa chứng thư do “{issuer}” cấp vào tệp khóa. Từ nay hồ sơ xuất ra được ký với chứng thư này.")
                .format(issuer=dlg.issuer),
            )

    # -- snapshot ----------------------------------------------------------------------------

    def _apply_snapshot(self, snap: AgencySnapshot) -> None:
        self.score_panel.update_snapshot(snap)
        self.chart.set_score(self.ops.framework, snap.score)
        info = snap.info
        if info.submission_seq == 0:
            self.submission.setText(self.tr("Chưa nộp lần nào. Khi hoàn tất, chọn “Xuất gói nộp…” (Ctrl+E)."))
        elif info.state == "submitted":
            self.submission.setText(self.tr("✔ Đã xuất gói nộp lần {n}. Nội dung đã nộp được lưu nguyên vẹn.").format(n=info.submission_seq))
        else:
            self.submission.setText(
                self.tr("Đã nộp lần {n}; các thay đổi từ đó sẽ vào lần nộp thứ {m}.").format(n=info.submission_seq, m=info.submission_seq + 1)
            )
        self.problems.update_snapshot(snap)
        n = len(snap.score.problems)
        self.tabs.setTabText(1, self.tr("Vấn đề ({n})").format(n=n))
        lang = self.ops.lang
        undo, redo = snap.undo_label, snap.redo_label
        pick = 1 if lang == "en" else 0
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(self.tr("Hoàn tác") + (f": {undo[pick]}" if undo else ""))
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(self.tr("Làm lại") + (f": {redo[pick]}" if redo else ""))

    def _changed(self, changes: Changes, snap: AgencySnapshot) -> None:
        self.model.update_snapshot(snap, None if changes.workspace else changes.items)
        self._apply_snapshot(snap)
        if self._progress_dialog is not None:
            self._progress_dialog.close()
            self._progress_dialog = None
        result, self.ops.last_export = self.ops.last_export, None
        if result is not None:
            emit(self.exported, result)
            QMessageBox.information(
                self,
                self.tr("Đã xuất gói"),
                self.tr("Đã xuất lần nộp thứ {n}:\n{path}\n\nDung lượng: {size}. Hãy gửi tệp này cho cơ quan thẩm định "
                        "(USB, thư điện tử hoặc phần mềm nhắn tin).").format(
                    n=result.sequence, path=result.package.path, size=human_size(result.package.size)
                ),
            )

    def export_package(self) -> None:
        from ..dialogs.export_package import ExportDialog

        self.editor.flush_note()
        dlg = ExportDialog(self.ops, self)
        if dlg.exec():
            key, passphrase, out, allow = dlg.request()
            self.ops.export_package(key, passphrase, out, allow)

    def print_report(self) -> None:
        """Ask for the outputs, build them on the worker thread, offer the preview (report_dialog.py)."""
        from ..dialogs.report_dialog import ReportRunner

        self.editor.flush_note()  # an explanation being typed belongs in the report
        if self.reports is None:
            self.reports = ReportRunner(self, self.ops)
        self.reports.start()

    def open_results(self) -> None:
        """The council's result (appraised vs self, reasons) and the rebuttal (giải trình)."""
        from .results_window import open_results_window

        open_results_window(self, self.ops)

    def start_next_year(self) -> None:
        from ..dialogs.next_year import NextYearDialog

        self.editor.flush_note()
        dlg = NextYearDialog(self.ops.snapshot.info.year, self)
        if dlg.exec() and dlg.choice is not None:
            self.ops.start_next_year(dlg.choice)

    def _year_started(self, result) -> None:  # type: ignore[no-untyped-def]
        if not self.isVisible():
            return  # a window replaced earlier (language switch) that still listens to the same operations
        QMessageBox.information(
            self,
            self.tr("Đã bắt đầu năm mới"),
            self.tr("Đã tạo kết quả tự đánh giá năm {year} từ năm {old} (năm {old} vẫn được giữ để xem lại).\n"
                    "Mang sang {notes} thuyết minh và {docs} tài liệu kiểm chứng cho {n} tiêu chí; các tiêu chí này "
                    "cần được xác nhận (xem danh sách Vấn đề). Kết quả chấm không mang sang.").format(
                year=result.year, old=result.from_year, notes=result.notes, docs=result.documents, n=len(result.carried)),
        )
        emit(self.year_started, result)

    def _failed(self, exc, where: str) -> None:  # type: ignore[no-untyped-def]
        if self._progress_dialog is not None:
            self._progress_dialog.close()
            self._progress_dialog = None
        text = exc.message(self.ops.lang)
        self.statusBar().showMessage(text, 15000)
        # Input refusals are shown beside the input; anything else (evidence files, undo) in a box.
        if not where or self.editor.item is None or where != self.editor.item.code or isinstance(exc, EvidenceError):
            show_error(self, exc, lang=self.ops.lang)

    def _progress(self, done: int, total: int, label: str) -> None:
        if self._progress_dialog is None:
            if not self._progress_clock.isValid():
                self._progress_clock.start()
            if self._progress_clock.elapsed() < PROGRESS_DELAY_MS or done >= total:
                return
            dlg = QProgressDialog(self.tr("Đang sao chép “{name}”…").format(name=label), self.tr("Hủy"), 0, 1000, self)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.canceled.connect(lambda: self.ops.cancel_token.cancel() if self.ops.cancel_token else None)
            self._progress_dialog = dlg
        self._progress_dialog.setValue(int(done * 1000 / max(total, 1)))
        if done >= total:
            self._progress_clock.invalidate()

    # -- navigation -------------------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(CODE_ROLE) if current.isValid() else None
        item = self.ops.framework.item(key) if key and key != ADJUSTMENTS_KEY else None
        self.editor.show_item(item)
        if item is not None:
            self.ops.remember_item(item.code)

    def select_item(self, code: str) -> None:
        self.tabs.setCurrentIndex(0)
        if self.filter.text():
            self.filter.clear()
        index = self.proxy.mapFromSource(self.model.index_of(code))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self.tree.setFocus()

    def _restore_position(self) -> None:
        code = self.ops.workspace_last_item
        if code:
            self.select_item(code)
        else:
            first = self.proxy.index(0, 0)
            if first.isValid():
                self.tree.setCurrentIndex(first)
        self.tree.setFocus()

    def next_problem(self) -> None:
        problems = self.ops.snapshot.score.problems
        if not problems:
            self.statusBar().showMessage(self.tr("Không còn vấn đề nào."), 5000)
            return
        current = self.editor.item.code if self.editor.item else None
        codes = [p.code for p in problems]
        nxt = codes[(codes.index(current) + 1) % len(codes)] if current in codes else codes[0]
        self.select_item(nxt)
        self._focus_input()

    def _focus_input(self) -> None:
        if self.editor.input is not None:
            self.editor.input.setFocus()
        else:
            self.editor.note.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing entered is lost: save a pending explanation and let queued edits commit.
        self.editor.flush_note()
        self.ops.wait_idle()
        super().closeEvent(event)
