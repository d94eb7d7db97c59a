"""One database worker thread; results come back to the GUI thread through a signal.

Every workspace operation runs on the same single thread (SQLite writes are serialised anyway),
so the window never freezes on an fsync or a large evidence copy.  The worker returns plain
frozen data; widgets are updated on the GUI thread only (Electrum's TaskThread idea).
"""

from __future__ import annotations

import queue
import threading
import traceback
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from .signals import emit


@dataclass
class _Job:
    fn: Callable[[], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException, str], None] | None


class TaskRunner(QObject):
    """Runs callables one at a time off the GUI thread."""

    _finished = Signal(object, object, object, str)  # job, result, exception, traceback text
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: "queue.Queue[_Job | None]" = queue.Queue()
        self._pending = 0
        self._finished.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name="cchc-db", daemon=True)
        self._thread.start()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
    ) -> None:
        self._pending += 1
        if self._pending == 1:
            emit(self.busy_changed, True)
        self._queue.put(_Job(fn, on_done, on_error))

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self, timeout: float = 10.0) -> None:
        """Finish queued work (nothing entered is lost), then stop the thread."""
        self._queue.put(None)
        self._thread.join(timeout)

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            try:
                result = job.fn()
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI, which decides
                emit(self._finished, job, None, exc, traceback.format_exc())
            else:
                emit(self._finished, job, result, None, "")

    def _deliver(self, job: _Job, result: Any, exc: BaseException | None, tb: str) -> None:
        self._pending -= 1
        try:
            if exc is not None:
                if job.on_error is not None:
                    job.on_error(exc, tb)
            elif job.on_done is not None:
                job.on_done(result)
        finally:
            if self._pending == 0:
                emit(self.busy_changed, False)
