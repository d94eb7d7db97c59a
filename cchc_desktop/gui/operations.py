"""Workspace operations for the GUI: each runs on the worker thread and broadcasts one signal.

Like Anki's `aqt/operations`: a call returns nothing; when the operation has committed, `changed`
carries the `Changes` and a fresh immutable snapshot, and every view decides what to refresh.
Failures arrive through `failed` (user-facing ones) or `crashed` (bugs).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from ..core.changes import Changes
from ..core.errors import UserFacingError
from ..core.progress import CancelToken
from ..core.services.agency import AgencyWorkspace
from ..core.services.snapshot import AgencySnapshot, take_snapshot
from ..core.storage.records import Citation
from .signals import emit
from .tasks import TaskRunner


class AgencyOperations(QObject):
    changed = Signal(object, object)  # Changes, AgencySnapshot
    failed = Signal(object, str)  # UserFacingError, item code or "" (where to show it)
    crashed = Signal(object, str)  # exception, traceback
    saved = Signal(str)  # acknowledgement text once a change is durable
    progress = Signal(int, int, str)  # done, total, label (from the worker thread; queued)
    year_started = Signal(object)  # CarryOverResult: the workspace now shows the new year

    def __init__(self, workspace: AgencyWorkspace, runner: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner or TaskRunner(self)
        self.snapshot: AgencySnapshot = take_snapshot(workspace)
        self.framework = workspace.framework
        self.cancel_token: CancelToken | None = None
        self.lang = "vi"
        self.last_export = None  # ExportResult of the latest export, set on the worker thread
        self.workspace_last_item = workspace.last_item()  # read once, before the worker owns the workspace

    # -- plumbing -----------------------------------------------------------------------------

    def _run(self, fn: Callable[[AgencyWorkspace], Changes], where: str = "", ack: str | None = None) -> None:
        ws = self.workspace

        def job() -> tuple[Changes, AgencySnapshot]:
            changes = fn(ws)
            return changes, take_snapshot(ws)

        def done(result: tuple[Changes, AgencySnapshot]) -> None:
            changes, snap = result
            self.snapshot = snap
            if changes == Changes():
                return  # nothing changed (e.g. remembering the selected item): no refresh
            emit(self.changed, changes, snap)
            emit(self.saved, ack or self.tr("Đã lưu lúc {t}").format(t=time.strftime("%H:%M:%S")))

        def error(exc: BaseException, tb: str) -> None:
            if isinstance(exc, UserFacingError):
                emit(self.failed, exc, where)
            else:
                emit(self.crashed, exc, tb)

        self.runner.submit(job, done, error)

    # -- edits -------------------------------------------------------------------------------

    def set_value(self, code: str, raw: Any) -> None:
        self._run(lambda ws: ws.set_value(code, raw), code)

    def clear_value(self, code: str) -> None:
        self._run(lambda ws: ws.clear_value(code), code)

    def set_not_applicable(self, code: str, na: bool, reason: str = "") -> None:
        self._run(lambda ws: ws.set_not_applicable(code, na, reason), code)

    def set_note(self, code: str, text: str) -> None:
        self._run(lambda ws: ws.set_note(code, text), code)

    def add_evidence(self, code: str, path: Path, citation: Citation, pages: str = "") -> CancelToken:
        token = CancelToken()
        self.cancel_token = token

        def report(done: int, total: int, label: str = "") -> None:
            emit(self.progress, done, total, label)

        self._run(lambda ws: ws.add_evidence(code, path, citation, pages, progress=report, cancel=token), code)
        return token

    def link_evidence(self, code: str, document_id: int, pages: str = "") -> None:
        self._run(lambda ws: ws.link_evidence(code, document_id, pages), code)

    def unlink_evidence(self, code: str, document_id: int) -> None:
        self._run(lambda ws: ws.unlink_evidence(code, document_id), code)

    def update_citation(self, document_id: int, citation: Citation) -> None:
        self._run(lambda ws: ws.update_citation(document_id, citation))

    def export_package(self, key_path: Path, passphrase: str, out: Path, allow_problems: bool) -> CancelToken:
        """Sign and write the submission package; `exported` carries the result when done."""
        token = CancelToken()
        self.cancel_token = token

        def report(done: int, total: int, label: str = "") -> None:
            emit(self.progress, done, total, label)

        def job(ws: AgencyWorkspace) -> Changes:
            from ..core.services.export import export_submission
            from ..core.signing.keys import load_pkcs12

            signer = load_pkcs12(key_path, passphrase)
            self.last_export = export_submission(ws, out, signer, allow_problems, progress=report, cancel=token)
            return Changes(workspace=True, score=True)

        self._run(job, "export")
        return token

    def confirm(self, code: str) -> None:
        """Confirm an item carried over from the previous year ("to confirm")."""
        self._run(lambda ws: ws.confirm(code), code)

    def start_next_year(self, choice: Any) -> None:
        """Begin the new year from the current one (a FrameworkChoice); `year_started` when done.

        Not a `changed`: the framework itself changes, so the window is rebuilt, not refreshed."""
        ws = self.workspace

        def job() -> tuple[Any, AgencySnapshot]:
            result = ws.start_next_year(choice.framework, choice.trust)
            return result, take_snapshot(ws)

        def done(out: tuple[Any, AgencySnapshot]) -> None:
            result, snap = out
            self.snapshot = snap
            self.framework = ws.framework
            self.workspace_last_item = None
            emit(self.year_started, result)

        def error(exc: BaseException, tb: str) -> None:
            if isinstance(exc, UserFacingError):
                emit(self.failed, exc, "")
            else:
                emit(self.crashed, exc, tb)

        self.runner.submit(job, done, error)

    def undo(self) -> None:
        self._run(lambda ws: ws.undo())

    def redo(self) -> None:
        self._run(lambda ws: ws.redo())

    def remember_item(self, code: str) -> None:
        def job(ws: AgencyWorkspace) -> Changes:
            ws.set_last_item(code)
            return Changes()

        self._run(job)

    def evidence_path(self, document_id: int) -> Path:
        # Read-only and the path of a content-addressed file never changes: safe on any thread.
        doc = next(d for d in self.snapshot.documents if d.id == document_id)
        return self.workspace.store.path_of(doc.sha256)

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """For shutdown and tests: process events until the worker has nothing queued."""
        from PySide6.QtCore import QCoreApplication, QElapsedTimer

        timer = QElapsedTimer()
        timer.start()
        while self.runner.busy and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return not self.runner.busy

    def close(self) -> None:
        self.wait_idle()
        self.runner.shutdown()
        self.workspace.close()

