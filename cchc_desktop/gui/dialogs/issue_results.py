"""The council issues signed result packages for one, several or all agencies into a folder.

The list shows every agency with a submission: its status, index and the results issued so far.
The work runs on the database worker thread (the council window's, when it has one) with a progress
dialog after 600 ms and Cancel; one line per agency tells what was issued or why not.
`open_issue_results(parent, workspace)` is the entry point.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserFacingError
from ...core.progress import Cancelled, CancelToken
from ..errors import show_error
from ..signals import emit
from ..tasks import TaskRunner

PROGRESS_DELAY_MS = 600


def _num(d: Any, lang: str) -> str:
    if d is None:
        return "—"
    from ...core.framework.canonical import number_text

    text = number_text(d)
    return text.replace(".", ",") if lang != "en" else text


class IssueResultsDialog(QDialog):
    issued = Signal(object)  # list[IssueOutcome]
    loaded = Signal()  # the agency list was read
    progress_changed = Signal(int, int, str)

    def __init__(self, workspace: Any, runner: TaskRunner | None = None, parent: QWidget | None = None,
                 lang: str = "vi") -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._own_runner = runner is None
        self.runner = runner or TaskRunner(self)
        self.lang = lang
        self.cancel_token: CancelToken | None = None
        self._progress: QProgressDialog | None = None
        self._clock = QElapsedTimer()
        self.outcomes: list[Any] = []
        self.setWindowTitle(self.tr("Phát hành kết quả thẩm định"))
        self.resize(900, 640)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Mỗi cơ quan nhận một gói kết quả (.cchc) có chữ ký số của Hội đồng: điểm tự chấm và điểm thẩm định từng tiêu "
            "chí kèm lý do, chỉ số, xếp loại và thứ hạng tại thời điểm phát hành. Kết quả phát hành sau khi cơ quan giải "
            "trình (vòng 2) là kết quả cuối cùng."), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Mã cơ quan"), self.tr("Tên cơ quan"), self.tr("Trạng thái"), self.tr("Vòng"), self.tr("Chỉ số (%)"),
            self.tr("Đã phát hành"),
        ])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Chọn tất cả"), self)
        self.all_button.clicked.connect(lambda: self.set_checked(None))
        self.none_button = QPushButton(self.tr("Bỏ chọn"), self)
        self.none_button.clicked.connect(lambda: self.set_checked([]))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        lay.addLayout(row)
        form = QFormLayout()
        self.key = QLineEdit(self)
        self.key.setPlaceholderText(self.tr("khóa có chứng thư Hội đồng (.p12), hoặc ca.p12 của tỉnh"))
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self._browse_key)
        r = QHBoxLayout()
        r.addWidget(self.key, 1)
        r.addWidget(browse)
        form.addRow(self.tr("Tệp khóa ký:"), r)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Mật khẩu tệp khóa:"), self.passphrase)
        self.folder = QLineEdit(str(Path.home()), self)
        browse_folder = QPushButton(self.tr("Chọn…"), self)
        browse_folder.clicked.connect(self._browse_folder)
        r = QHBoxLayout()
        r.addWidget(self.folder, 1)
        r.addWidget(browse_folder)
        form.addRow(self.tr("Lưu các gói vào thư mục:"), r)
        lay.addLayout(form)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        lay.addWidget(self.error)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setMaximumHeight(160)
        lay.addWidget(self.results)
        buttons = QDialogButtonBox(self)
        self.start_button = buttons.addButton(self.tr("Phát hành"), QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.clicked.connect(self.start)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Đóng"))
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        self.progress_changed.connect(self._show_progress)
        self.reload()

    # -- the list -----------------------------------------------------------------------------

    def reload(self) -> None:
        from ...core.services.inspection_records import STATUS_NAMES
        from ...core.services.results import issued_results

        ws = self.workspace

        def job() -> tuple[list[Any], list[Any]]:
            return [o for o in ws.overview() if o.package_sha256 is not None], issued_results(ws)

        def done(out: tuple[list[Any], list[Any]]) -> None:
            rows, issued = out
            checked = set(self.checked_codes()) if self.table.rowCount() else None
            self.table.setRowCount(len(rows))
            for n, o in enumerate(rows):
                mine = [r for r in issued if r.agency_code == o.code]
                status = STATUS_NAMES.get(o.status, (o.status, o.status))
                done_text = self.tr("lần {seq} (vòng {round})").format(seq=mine[-1].sequence, round=mine[-1].round) if mine else ""
                values = [o.code, o.name, status[1] if self.lang == "en" else status[0], str(o.round),
                          _num(o.percent, self.lang), done_text]
                for col, value in enumerate(values):
                    cell = QTableWidgetItem(value)
                    if col == 0:
                        cell.setFlags(cell.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                        on = checked is None or o.code in checked
                        cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                    self.table.setItem(n, col, cell)
            for col in (0, 2, 3, 4, 5):
                self.table.resizeColumnToContents(col)
            emit(self.loaded)

        self.runner.submit(job, done, self._failed)

    def checked_codes(self) -> list[str]:
        out = []
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                out.append(cell.text())
        return out

    def set_checked(self, codes: list[str] | None) -> None:
        """Tick exactly `codes` (None: every agency)."""
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None:
                on = codes is None or cell.text() in codes
                cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa"), "", self.tr("Tệp khóa (*.p12 *.pfx)"))
        if path:
            self.key.setText(path)

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu các gói kết quả"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    # -- issuing ------------------------------------------------------------------------------

    def start(self) -> CancelToken | None:
        """Issue the ticked agencies' results (on the worker); `issued` carries the outcomes."""
        from ...core.services.results import issue_results
        from ...core.signing.keys import load_pkcs12

        codes = self.checked_codes()
        key = Path(self.key.text().strip())
        folder = Path(self.folder.text().strip())
        if not codes:
            self.error.setText(self.tr("Hãy chọn ít nhất một cơ quan."))
            return None
        if not self.key.text().strip():
            self.error.setText(self.tr("Hãy chọn tệp khóa ký (.p12)."))
            return None
        if not folder.is_dir():
            self.error.setText(self.tr("Thư mục “{folder}” không tồn tại.").format(folder=folder))
            return None
        if key.is_dir():
            key = key / "ca.p12"
        self.error.setText("")
        passphrase = self.passphrase.text()
        ws = self.workspace
        token = CancelToken()
        self.cancel_token = token
        self._clock.start()

        def report(done: int, total: int, label: str = "") -> None:
            emit(self.progress_changed, done, total, label)

        def job() -> list[Any]:
            return issue_results(ws, folder, load_pkcs12(key, passphrase), codes, report, token)

        self.start_button.setEnabled(False)
        self.runner.submit(job, self._done, self._failed)
        return token

    def _done(self, outcomes: list[Any]) -> None:
        self._finish()
        self.outcomes = outcomes
        self.results.clear()
        for o in outcomes:
            if o.ok:
                doc = o.issued.document
                line = self.tr("✔ {code}: kết quả lần {seq} (vòng {round}), chỉ số {index}% → {file}").format(
                    code=o.agency_code, seq=doc.sequence, round=doc.round, index=_num(doc.total.index, self.lang),
                    file=o.issued.path.name)
                if doc.final:
                    line += self.tr(" — kết quả cuối cùng")
            else:
                line = self.tr("✘ {code}: không phát hành được — {why}").format(code=o.agency_code, why=o.error.message(self.lang))
            self.results.addItem(line)
        self.reload()
        emit(self.issued, outcomes)

    def _failed(self, exc: BaseException, tb: str) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.error.setText(exc.message(self.lang))
            self.reload()
            return
        if isinstance(exc, UserFacingError):
            self.error.setText(exc.message(self.lang))
        show_error(self, exc, tb, self.lang)

    def _show_progress(self, done: int, total: int, label: str) -> None:
        if self._progress is None:
            if self._clock.elapsed() < PROGRESS_DELAY_MS or done >= total:
                return
            dlg = QProgressDialog(self.tr("Đang phát hành kết quả…"), self.tr("Hủy"), 0, 1000, self)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.canceled.connect(lambda: self.cancel_token.cancel() if self.cancel_token else None)
            self._progress = dlg
        self._progress.setLabelText(self.tr("Đang phát hành kết quả: {code}").format(code=label))
        self._progress.setValue(int(done * 1000 / max(total, 1)))

    def _finish(self) -> None:
        self.start_button.setEnabled(True)
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def closeEvent(self, event: Any) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
        if self._own_runner:
            self.runner.shutdown()
        super().closeEvent(event)


def open_issue_results(parent: QWidget | None, workspace: Any) -> IssueResultsDialog:
    """Show the dialog for an inspection workspace.  When `parent` is the council window holding this
    workspace, its database worker thread is shared.  Non-modal; returns the dialog."""
    runner = getattr(parent, "runner", None)
    shared = isinstance(runner, TaskRunner) and getattr(parent, "workspace", None) is workspace
    dlg = IssueResultsDialog(workspace, runner if shared else None, parent, getattr(parent, "lang", "vi"))
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dlg.show()
    return dlg
