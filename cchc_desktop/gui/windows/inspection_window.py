"""The council's window: the dashboard of every agency (filters, Enter opens the review window),
the ranking with its charts, the imported packages; importing packages - files or a whole
folder/USB stick - with progress and cancel; the round setup dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserFacingError
from ...core.progress import CancelToken
from ...core.services.inspection import InspectionWorkspace
from ..dialogs.about import AboutInfo
from ..dialogs.round_setup import TAB_AGENCIES, TAB_REVIEWERS, TAB_SURVEY, TAB_TRUST
from ..dialogs.help import add_help_menu
from ..errors import show_error
from ..signals import emit
from ..tasks import TaskRunner
from ..widgets.council_dashboard import DashboardPanel, RankingPanel

PROGRESS_DELAY_MS = 600
REFRESH_DELAY_MS = 400


class ImportResultsDialog(QDialog):
    def __init__(self, results: list[Any], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kết quả nhập gói"))
        lay = QVBoxLayout(self)
        ok = sum(1 for r in results if r.ok)
        lay.addWidget(QLabel(self.tr("Đã nhận {ok}/{n} gói. Gói bị từ chối không được lưu vào không gian làm việc.").format(ok=ok, n=len(results)), self))
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        for r in results:
            self.list.addItem(result_line(r, lang))
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(760, 420)


def result_line(r: Any, lang: str) -> str:

    name = Path(r.source).name
    who = f"{r.agency_code} " if r.agency_code else ""
    if r.status == "imported":
        head = QCoreApplication.translate("ImportResultsDialog", "✔ {name}: đã nhập {who}lần nộp {seq}").format(name=name, who=who, seq=r.sequence)
    elif r.status == "already_imported":
        head = QCoreApplication.translate("ImportResultsDialog", "• {name}: đã nhập từ trước ({who}lần nộp {seq})").format(name=name, who=who, seq=r.sequence)
    else:
        head = QCoreApplication.translate("ImportResultsDialog", "✘ {name}: bị từ chối").format(name=name)
    reasons = r.reasons(lang)
    return head + ("\n    " + "\n    ".join(reasons) if reasons else "")


class InspectionWindow(QMainWindow):
    imported = Signal(object)  # list[ImportResult]
    progress_changed = Signal(int, int, str)
    language_requested = Signal(str)
    workspace_requested = Signal(str)
    dashboard_loaded = Signal()  # the dashboard shows fresh overview() rows
    ranking_loaded = Signal()

    def __init__(self, workspace: InspectionWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = TaskRunner(self)
        self.lang = "vi"
        self.cancel_token: CancelToken | None = None
        self.review_window: Any = None
        fw = workspace.framework
        self.setWindowTitle(self.tr("CCHC Desktop — Hội đồng thẩm định — {fw}").format(fw=fw.title))
        self.resize(1366, 740)
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 4, 6, 0)
        lay.setSpacing(3)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        lay.addWidget(self.banner)
        self.allow_unknown = QCheckBox(self.tr("Chấp nhận cả gói chưa kiểm tra được tình trạng thu hồi chứng thư (không có CRL còn hiệu lực)"), self)
        lay.addWidget(self.allow_unknown)
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("councilTabs")
        self.dashboard = DashboardPanel(fw, self.tabs)
        self.dashboard.open_requested.connect(self.open_review)
        self.ranking = RankingPanel(self.tabs)
        packages = QWidget(self.tabs)
        packages_lay = QVBoxLayout(packages)
        packages_lay.setContentsMargins(0, 4, 0, 0)
        self.table = QTableWidget(0, 8, packages)
        self.table.setHorizontalHeaderLabels([
            self.tr("Mã cơ quan"), self.tr("Tên cơ quan"), self.tr("Lần nộp"), self.tr("Nhận lúc"),
            self.tr("Chữ ký"), self.tr("Tự chấm (khai)"), self.tr("Tính lại"), self.tr("Ghi chú"),
        ])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        packages_lay.addWidget(self.table, 1)
        self.tabs.addTab(self.dashboard, self.tr("Bảng điều khiển"))
        self.tabs.addTab(self.ranking, self.tr("Xếp hạng"))
        self.tabs.addTab(packages, self.tr("Gói đã nhận"))
        self.tabs.currentChanged.connect(lambda _i: self._load_ranking_if_shown())
        lay.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._ranking_stale = True
        # Appraisals arrive in bursts (Ctrl+Enter, Ctrl+Enter…): the dashboard is reloaded once they pause.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh_dashboard)
        self._build_menus()
        self._progress: QProgressDialog | None = None
        self._clock = QElapsedTimer()
        self.progress_changed.connect(self._show_progress)
        self.refresh()

    def _build_menus(self) -> None:
        self.import_files_action = QAction(self.tr("&Nhập gói…"), self)
        self.import_files_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_files_action.triggered.connect(self.choose_files)
        self.import_folder_action = QAction(self.tr("Nhập cả &thư mục / USB…"), self)
        self.import_folder_action.triggered.connect(self.choose_folder)
        self.review_action = QAction(self.tr("&Thẩm định cơ quan đã chọn"), self)
        self.review_action.setShortcut(QKeySequence("Ctrl+T"))
        self.review_action.triggered.connect(lambda: self.open_review(self.dashboard.current_code() or ""))
        bar = QToolBar(self.tr("Công cụ"), self)
        bar.setObjectName("inspectionToolbar")
        bar.addAction(self.import_files_action)
        bar.addAction(self.import_folder_action)
        bar.addAction(self.review_action)
        self.addToolBar(bar)
        menu = self.menuBar().addMenu(self.tr("&Tệp"))
        menu.addAction(self.import_files_action)
        menu.addAction(self.import_folder_action)
        menu.addSeparator()
        # Province administration: the framework's Excel table in and out.
        self.framework_tools_action = menu.addAction(self.tr("Bộ tiêu chí và bảng Excel…"), self.open_framework_tools)
        menu.addSeparator()
        menu.addAction(self.tr("Tạo không gian làm việc mới…"), lambda: emit(self.workspace_requested, "new"))
        menu.addAction(self.tr("Mở không gian làm việc…"), lambda: emit(self.workspace_requested, "open"))
        menu.addSeparator()
        menu.addAction(self.tr("Thoát"), QKeySequence.StandardKey.Quit, self.close)
        setup = self.menuBar().addMenu(self.tr("Đợt đánh g&iá"))
        self.agencies_action = setup.addAction(self.tr("Danh sách &cơ quan…"), lambda: self.open_setup(TAB_AGENCIES))
        self.reviewers_action = setup.addAction(self.tr("&Người thẩm định và lĩnh vực…"), lambda: self.open_setup(TAB_REVIEWERS))
        self.survey_action = setup.addAction(self.tr("Điểm điều tra &xã hội học…"), lambda: self.open_setup(TAB_SURVEY))
        self.trust_action = setup.addAction(self.tr("Chứng thư &tin cậy…"), lambda: self.open_setup(TAB_TRUST))
        appraisal = self.menuBar().addMenu(self.tr("T&hẩm định"))
        appraisal.addAction(self.review_action)
        self.final_action = appraisal.addAction(self.tr("Chốt / mở lại &kết quả cuối cùng của cơ quan"), self.toggle_final)
        appraisal.addSeparator()
        self.refresh_action = appraisal.addAction(self.tr("&Làm mới bảng"), QKeySequence("F5"), self.refresh)
        view = self.menuBar().addMenu(self.tr("&Xem"))
        for n, (text, key) in enumerate(((self.tr("&Bảng điều khiển"), "Ctrl+1"), (self.tr("&Xếp hạng và biểu đồ"), "Ctrl+2"),
                                         (self.tr("&Gói đã nhận"), "Ctrl+3"))):
            view.addAction(text, QKeySequence(key), lambda n=n: self.tabs.setCurrentIndex(n))
        view.addAction(self.tr("&Tìm cơ quan"), QKeySequence.StandardKey.Find, self._focus_search)
        results = self.menuBar().addMenu(self.tr("&Kết quả"))
        results.addAction(self.tr("&Xếp hạng và biểu đồ"), lambda: self.tabs.setCurrentIndex(1))
        self._results_menu(results)
        lang_menu = self.menuBar().addMenu(self.tr("&Ngôn ngữ"))
        # Each language is named in itself, in either interface language.
        lang_menu.addAction("Tiếng Việt", lambda: emit(self.language_requested, "vi")).setProperty("data", True)
        lang_menu.addAction("English", lambda: emit(self.language_requested, "en")).setProperty("data", True)
        add_help_menu(self, "inspection", self.about_info)

    def _results_menu(self, menu: QMenu) -> None:
        """Result packages for the agencies, and the council's reports."""
        menu.addAction(self.tr("&Gửi kết quả cho cơ quan (gói có chữ ký)…"), self._issue_results)
        menu.addAction(self.tr("Xuất &báo cáo (Excel, PDF)…"), self._export_reports)

    def _issue_results(self) -> None:
        from ..dialogs.issue_results import open_issue_results

        dlg = open_issue_results(self, self.workspace)
        dlg.finished.connect(lambda *_: self.schedule_refresh())  # a round-2 result makes an agency final

    def _export_reports(self) -> None:
        from ..dialogs.council_export import open_council_export

        open_council_export(self, self.workspace)

    def about_info(self) -> AboutInfo:
        fw = self.workspace.framework
        return AboutInfo(folder=self.workspace.folder, role="inspection", framework_title=fw.title,
                         framework_year=self.workspace.year, framework_sha256=fw.sha256,
                         trust_folder=self.workspace.trust_dir)

    # -- packages, dashboard, ranking -------------------------------------------------------------

    def refresh(self) -> None:
        """Every view: the packages list at once (one small query), the dashboard and ranking off the GUI thread."""
        packages = self.workspace.packages()
        agencies = {p.agency_code for p in packages}
        self.banner.setText(
            self.tr("<b>{fw}</b> — năm {year}. Đã nhận {n} gói của {a} cơ quan. Nhập gói bằng nút “Nhập gói…” hoặc cả thư mục/USB; "
                    "chọn một cơ quan và nhấn Enter để thẩm định.").format(
                fw=self.workspace.framework.title, year=self.workspace.framework.year, n=len(packages), a=len(agencies)
            )
        )
        self.table.setRowCount(len(packages))
        for row, p in enumerate(packages):
            claimed = p.claimed_score.get("final_points", "")
            recomputed = p.recomputed_score.get("final_points", "")
            signature = self.tr("hợp lệ") if p.verdict == "valid" else self.tr("hợp lệ, chưa kiểm tra thu hồi")
            notes = [n.text(self.lang) for n in p.notes]
            values = [p.agency_code, p.agency_name, str(p.sequence), p.imported_at[:16].replace("T", " "), signature,
                      str(claimed), str(recomputed), "; ".join(notes)]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 6 and p.score_mismatch:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        for col in (0, 2, 3, 4, 5, 6):
            self.table.resizeColumnToContents(col)
        self.refresh_dashboard()

    def refresh_dashboard(self) -> None:
        """Reload the dashboard (and the ranking when it is shown): `overview()` reads the whole round."""
        ws = self.workspace
        self._ranking_stale = True
        self.runner.submit(ws.overview, self._overview_loaded, self._failed_quietly)
        self._load_ranking_if_shown()

    def schedule_refresh(self, *_: Any) -> None:
        self._refresh_timer.start()

    def _overview_loaded(self, rows: list[Any]) -> None:
        self.dashboard.set_rows(rows, self.lang)
        emit(self.dashboard_loaded)

    def _load_ranking_if_shown(self) -> None:
        if self.tabs.currentWidget() is not self.ranking or not self._ranking_stale:
            return
        self._ranking_stale = False
        ws = self.workspace
        self.runner.submit(lambda: (ws.ranking(), ws.statistics()), self._ranking_loaded, self._failed_quietly)

    def _ranking_loaded(self, result: tuple[Any, Any]) -> None:
        self.ranking.lang = self.lang
        self.ranking.set_data(*result)
        emit(self.ranking_loaded)

    def _failed_quietly(self, exc: BaseException, tb: str) -> None:
        show_error(self, exc, tb, self.lang)

    def _focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.dashboard)
        self.dashboard.search.setFocus()
        self.dashboard.search.selectAll()

    # -- review and setup -------------------------------------------------------------------------

    def open_review(self, code: str) -> Any:
        """The review window for `code` (one window, reused), browsing the agencies in the dashboard's order."""
        rows = {r.code: r for r in self.dashboard.model.rows}
        row = rows.get(code)
        if row is None:
            self.statusBar().showMessage(self.tr("Hãy chọn một cơ quan trong bảng."), 5000)
            return None
        if row.package_sha256 is None:
            self.statusBar().showMessage(self.tr("{code} chưa nộp hồ sơ: chưa có gì để thẩm định.").format(code=code), 6000)
            return None
        order = [c for c in self.dashboard.proxy.codes() if rows[c].package_sha256 is not None]
        if code not in order:
            order.append(code)
        from .review_window import ReviewWindow

        reviewer = None
        if self.review_window is not None:
            reviewer = self.review_window.reviewer  # the same person goes on reviewing their fields
            self.review_window.close()
        win = ReviewWindow(self.workspace, order, code, self.lang, self)
        win.set_reviewer(reviewer)
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        win.changed.connect(self.schedule_refresh)
        win.destroyed.connect(lambda *_: setattr(self, "review_window", None) if self.review_window is win else None)
        self.review_window = win
        win.show()
        win.activateWindow()
        win.tree.setFocus()
        return win

    def open_setup(self, tab: int) -> None:
        from ..dialogs.round_setup import RoundSetupDialog

        dlg = RoundSetupDialog(self.workspace, tab, self.lang, self)
        dlg.changed.connect(self.refresh)
        dlg.exec()

    def toggle_final(self) -> None:
        code = self.dashboard.current_code()
        rows = {r.code: r for r in self.dashboard.model.rows}
        if code is None or rows[code].package_sha256 is None:
            self.statusBar().showMessage(self.tr("Hãy chọn một cơ quan đã nộp hồ sơ."), 5000)
            return
        final = rows[code].status != "final"
        try:
            self.workspace.set_final(code, final)
        except UserFacingError as exc:
            show_error(self, exc, lang=self.lang)
            return
        self.statusBar().showMessage(
            (self.tr("Đã chốt kết quả cuối cùng của {code}.") if final else self.tr("Đã mở lại kết quả của {code}.")).format(code=code), 6000)
        self.refresh_dashboard()

    # -- import -------------------------------------------------------------------------------

    def open_framework_tools(self) -> None:
        from ..dialogs.framework_tools import FrameworkToolsDialog

        FrameworkToolsDialog(self).exec()

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn gói hồ sơ"), "", self.tr("Gói hồ sơ CCHC (*.cchc)"))
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục hoặc USB chứa các gói"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        token = CancelToken()
        self.cancel_token = token
        allow = self.allow_unknown.isChecked()
        self._clock.start()
        ws = self.workspace

        def progress(done: int, total: int, label: str = "") -> None:
            emit(self.progress_changed, done, total, label)  # worker thread -> queued to the GUI

        def job() -> list[Any]:
            return ws.import_packages(paths, allow_unknown_revocation=allow, progress=progress, cancel=token)

        self.import_files_action.setEnabled(False)
        self.import_folder_action.setEnabled(False)
        self.runner.submit(job, self._imported, self._failed)

    def _show_progress(self, done: int, total: int, label: str) -> None:
        """On the GUI thread (queued from the worker): a dialog only for work longer than 600 ms."""
        if self._progress is None:
            if self._clock.elapsed() < PROGRESS_DELAY_MS or done >= total:
                return
            dlg = QProgressDialog(self.tr("Đang kiểm tra và nhập gói…"), self.tr("Hủy"), 0, 1000, self)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.canceled.connect(lambda: self.cancel_token.cancel() if self.cancel_token else None)
            self._progress = dlg
        self._progress.setLabelText(self.tr("Đang kiểm tra: {name}").format(name=Path(label).name or label))
        self._progress.setValue(int(done * 1000 / max(total, 1)))

    def _imported(self, results: list[Any]) -> None:
        self._finish()
        self.refresh()
        emit(self.imported, results)
        ImportResultsDialog(results, self.lang, self).exec()

    def _failed(self, exc: BaseException, tb: str) -> None:
        self._finish()
        self.refresh()
        show_error(self, exc, tb, self.lang)

    def _finish(self) -> None:
        self.import_files_action.setEnabled(True)
        self.import_folder_action.setEnabled(True)
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def closeEvent(self, event: Any) -> None:
        if self.review_window is not None:
            self.review_window.close()
        self._refresh_timer.stop()  # nothing left to show
        if self.runner.busy and self.cancel_token is not None:
            self.cancel_token.cancel()
        self.runner.shutdown()
        super().closeEvent(event)
